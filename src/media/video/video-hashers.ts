import { readFileSync } from 'node:fs';
import { ok } from '../../core/result.js';
import type { Hasher, HasherExample } from '../hasher.js';
import { withVideoFile, type VideoLimits } from './ffmpeg-decoder.js';
import { compareTmk, hashTmkFile } from './tmk.js';
import { readTmkSignal, tmkSignalOf } from './tmk-file.js';
import { hashVpdqFile, parseVpdqJson, parseVpdqReferenceText, vpdqToJson } from './vpdq.js';
import { isVpdqMatch, matchVpdq } from './vpdq-match.js';

/*
 * The video fingerprints as Hashers, so they run the same contract as the image hashers
 * (hasher.case.test.ts). Their examples are Meta's test clip with the reference tools' own
 * hashes: decoders differ (the reference used its own libav build), so a hash is the example's
 * when the two match by the signal's own rule, not when the strings are equal.
 */

const REF = new URL('../../../testdata/video-reference/', import.meta.url);
const CLIP = 'pattern-sd-grey-bar';
const clipBytes = () => new Uint8Array(readFileSync(new URL(`videos/${CLIP}.mp4`, REF)));
const notAVideo: HasherExample = { title: 'text is refused', bytes: () => new TextEncoder().encode('not a video at all\n'), hex: null };

/** vPDQ: the value is python-threatexchange's signal string. */
export function createVpdqHasher(o: { secondsPerHash: number; limits: VideoLimits }): Hasher {
  return {
    name: 'vpdq',
    contentKinds: ['video'],
    async hash(bytes) {
      const r = await withVideoFile(bytes, (path) => hashVpdqFile(path, { secondsPerHash: o.secondsPerHash, limits: o.limits }));
      return r.ok ? ok({ signalType: 'vpdq', hex: vpdqToJson(r.value.features) }) : r;
    },
    examples: [
      {
        title: `${CLIP}.mp4 against the reference's hashes (every frame)`,
        bytes: clipBytes,
        get hex() {
          return vpdqToJson(parseVpdqReferenceText(readFileSync(new URL(`vpdq-hashes/${CLIP}.txt`, REF), 'utf8')));
        },
        same(got, expected) {
          const a = parseVpdqJson(got);
          const b = parseVpdqJson(expected);
          return a.ok && b.ok && isVpdqMatch(matchVpdq(a.value, b.value));
        },
      },
      notAVideo,
    ],
  };
}

/** TMK+PDQF: the value is the reference's `.tmk` file in base64. */
export function createTmkHasher(o: { limits: VideoLimits }): Hasher {
  return {
    name: 'tmk_pdqf',
    contentKinds: ['video'],
    async hash(bytes) {
      const r = await withVideoFile(bytes, (path) => hashTmkFile(path, o.limits));
      return r.ok ? ok({ signalType: 'tmk_pdqf', hex: tmkSignalOf(r.value) }) : r;
    },
    examples: [
      {
        title: `${CLIP}.mp4 against the reference's .tmk file`,
        bytes: clipBytes,
        get hex() {
          return readFileSync(new URL(`tmk-hashes/${CLIP}.tmk`, REF)).toString('base64');
        },
        same(got, expected) {
          const a = readTmkSignal(got);
          const b = readTmkSignal(expected);
          return a.ok && b.ok && compareTmk(a.value, b.value).match;
        },
      },
      notAVideo,
    ],
  };
}
