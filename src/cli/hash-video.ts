import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { DEFAULT_VIDEO_LIMITS } from '../media/video/ffmpeg-decoder.js';
import { writeTmkFile } from '../media/video/tmk-file.js';
import { hashVideoFile, looksLikeVideo } from '../media/video/video-hashing.js';

export interface VideoFlags {
  format: 'csv' | 'json';
  secondsPerHash: number;
  /** Folder to write each video's TMK+PDQF as NAME.tmk (the reference's file format). */
  tmk?: string;
}

/** Whether the file starts like a video container (the first 512 bytes are enough). */
export async function isVideoFile(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const head = new Uint8Array(512);
    const { bytesRead } = await fh.read(head, 0, 512, 0);
    return looksLikeVideo(head.subarray(0, bytesRead));
  } finally {
    await fh.close();
  }
}

async function digests(path: string): Promise<{ md5: string; sha256: string }> {
  const md5 = createHash('md5');
  const sha256 = createHash('sha256');
  for await (const chunk of createReadStream(path)) {
    md5.update(chunk as Buffer);
    sha256.update(chunk as Buffer);
  }
  return { md5: md5.digest('hex'), sha256: sha256.digest('hex') };
}

/**
 * One video for `warden hash`: CSV is one line a hashed frame, `pdqhex,quality,path,frame,timestamp`
 * (the image columns first, so a reader of image lines reads these too); JSON is one object with
 * python-threatexchange's vPDQ signal string, the frame count, MD5 and SHA-256, and the path
 * of the .tmk written with --tmk. Returns the lines, or the reason it failed.
 */
export async function hashVideoForCli(path: string, flags: VideoFlags): Promise<{ lines: string[] } | { error: string }> {
  const r = await hashVideoFile(path, { secondsPerHash: flags.secondsPerHash, limits: DEFAULT_VIDEO_LIMITS, tmk: flags.tmk !== undefined });
  if (!r.ok) return { error: `${r.error.code}: ${r.error.detail}` };
  let tmkPath: string | undefined;
  if (flags.tmk !== undefined && r.value.tmk) {
    tmkPath = join(flags.tmk, `${basename(path).replace(/\.[^.]*$/, '')}.tmk`);
    await writeFile(tmkPath, writeTmkFile(r.value.tmk));
  }
  if (flags.format === 'csv') {
    return { lines: r.value.vpdq.map((f) => `${f.pdqHex},${f.quality},${path},${f.frameNumber},${f.timestamp.toFixed(3)}`) };
  }
  const out: Record<string, unknown> = { path, kind: 'video', vpdq: r.value.vpdqJson, frames: r.value.frames, ...(await digests(path)) };
  if (tmkPath) out.tmk = tmkPath;
  return { lines: [JSON.stringify(out)] };
}
