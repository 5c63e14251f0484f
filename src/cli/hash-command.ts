import { readFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { md5Hasher, sha256Hasher } from '../media/digest-hashers.js';
import { createPdqHasher } from '../media/pdq-hasher.js';
import { DIHEDRAL } from '../media/pdq/pdq-hash.js';
import { createProgress, type Progress } from '../core/create-progress.js';
import { hashVideoForCli, isVideoFile } from './hash-video.js';

type HashFlags = { format: 'csv' | 'json'; dihedral?: boolean; maxPixels: number; secondsPerHash: number; tmk?: string };

/** 50 megapixels: a 12 MP phone photo fits four times over; a decompression bomb does not. */
export const DEFAULT_MAX_PIXELS = 50_000_000;

/**
 * `warden hash [--format csv|json] [--dihedral] FILE…`. CSV is the reference tool's
 * `pdqhex,quality,path` (with `--dihedral`, its `--pdqdih-across` columns: the eight
 * orientations, quality, path); JSON is one object a line and adds MD5 and SHA-256.
 * A file that cannot be read or decoded is named on stderr; the others go on; the exit
 * status is 1 if any failed. Over more than one file, progress goes to stderr.
 */
export function hashCommand(): Command {
  return new Command('hash')
    .description('hash image files with PDQ and videos with vPDQ (and MD5, SHA-256 in JSON; TMK+PDQF with --tmk)')
    .argument('<files...>', 'image or video files (a video is recognised by its container; ffmpeg decodes it)')
    .addOption(new Option('--format <format>', 'output format').choices(['csv', 'json']).default('csv'))
    .option('--dihedral', 'also the seven rotated and mirrored variants, from the same DCT')
    .option('--max-pixels <n>', 'refuse images with more pixels than this, before decoding', (v) => Number(v), DEFAULT_MAX_PIXELS)
    .option('--seconds-per-hash <s>', 'videos: vPDQ hashes one frame every this many seconds (0: every frame)', (v) => Number(v), 1)
    .option('--tmk <dir>', "videos: also write each video's TMK+PDQF to DIR/NAME.tmk (the reference's format)")
    .action(async (files: string[], flags: HashFlags) => {
      if (!(flags.secondsPerHash >= 0 && flags.secondsPerHash <= 3600)) {
        process.stderr.write('warden hash: --seconds-per-hash must be a number of seconds from 0 to 3600\n');
        process.exitCode = 2;
        return;
      }
      const pdq = createPdqHasher({ maxPixels: flags.maxPixels });
      let failed = 0;
      // One file needs no bar and no summary: its line on stdout is the result.
      const progress: Progress | undefined =
        files.length > 1 ? createProgress({ label: 'hash', done: 'hashed', unit: 'files', total: files.length }) : undefined;
      const complain = (line: string) => (progress ? progress.log(line) : process.stderr.write(`${line}\n`));
      const emit = (line: string) => (progress ? progress.log(line, process.stdout) : process.stdout.write(`${line}\n`));
      let done = 0;
      try {
        for (const path of files) {
          progress?.update(done++);
          let video = false;
          try {
            video = await isVideoFile(path);
          } catch {
            // Unreadable: the read below names the reason.
          }
          if (video) {
            const v = await hashVideoForCli(path, {
              format: flags.format,
              secondsPerHash: flags.secondsPerHash,
              ...(flags.tmk ? { tmk: flags.tmk } : {}),
            });
            if ('error' in v) {
              failed++;
              complain(`warden hash: ${path}: ${v.error}`);
            } else for (const line of v.lines) emit(line);
            continue;
          }
          let bytes: Buffer;
          try {
            bytes = await readFile(path);
          } catch (e) {
            failed++;
            complain(`warden hash: ${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
            continue;
          }
          const r = await pdq.hash(bytes, { dihedral: flags.dihedral === true });
          if (!r.ok) {
            failed++;
            complain(`warden hash: ${path}: ${r.error.detail}`);
            continue;
          }
          const { hex, quality, dihedral } = r.value;
          if (flags.format === 'csv') {
            const hashes = dihedral ? DIHEDRAL.map((d) => dihedral[d]).join(',') : hex;
            emit(`${hashes},${quality},${path}`);
          } else {
            const [md5, sha256] = await Promise.all([md5Hasher.hash(bytes), sha256Hasher.hash(bytes)]);
            const out: Record<string, unknown> = {
              path,
              pdq: hex,
              quality,
              md5: md5.ok ? md5.value.hex : null,
              sha256: sha256.ok ? sha256.value.hex : null,
            };
            if (dihedral) out.dihedral = dihedral;
            emit(JSON.stringify(out));
          }
        }
      } catch (e) {
        // The bar's redraw timer would otherwise keep the process alive after the error.
        progress?.abort();
        throw e;
      }
      progress?.update(done);
      progress?.finish(failed > 0 ? `${failed} failed` : undefined);
      if (failed > 0) process.exitCode = 1;
    });
}
