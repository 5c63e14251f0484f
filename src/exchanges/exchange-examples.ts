import { writeTmkFile } from '../media/video/tmk-file.js';
import type { Exchange, ExchangeKind, SourceFingerprint } from './exchange.js';
import type { ExchangeSim } from './exchange-sim.js';
import { createNcmecExchange } from './ncmec/ncmec-exchange.js';
import { createNcmecHashSim } from './ncmec/hash-sim.js';
import { createStopNciiExchange } from './stopncii/stopncii-exchange.js';
import { createStopNciiSim } from './stopncii/stopncii-sim.js';
import { createThreatExchangeExchange } from './threatexchange/threatexchange-exchange.js';
import { createThreatExchangeSim } from './threatexchange/threatexchange-sim.js';

/**
 * Each Exchange implementation with its simulator and example fingerprints in the source's
 * own vocabulary: what the shared contract suite (exchange.case.test.ts) and the sync tests
 * run against. Values are synthetic hex, not hashes of any real image.
 */
export interface ExchangeHarness {
  kind: ExchangeKind;
  start(o: { pageSize: number; timeoutMs?: number }): Promise<{ sim: ExchangeSim; exchange: Exchange }>;
  /** The fingerprints of an image entry numbered n (unique per n). */
  image(n: number): SourceFingerprint[];
  video(n: number): SourceFingerprint[];
  /** A fingerprint type Warden has no name for. */
  unsupported(n: number): SourceFingerprint;
  /** The source's id for the entry the simulator holds as `simId`. */
  entryId(simId: string, fp: SourceFingerprint): string;
  /** An id to give the simulator for entry n. */
  simId(n: number): string;
}

export const hexOf = (n: number, len: number, salt: number) => {
  let s = '';
  for (let i = 0; s.length < len; i++) s += ((n * 2654435761 + i * 40503 + salt * 977) >>> 0).toString(16).padStart(8, '0');
  return s.slice(0, len);
};

/**
 * A synthetic TMK+PDQF `.tmk` file for entry n (one period, two coefficients, dimension 8: a
 * small shape the reader accepts; no video was hashed), as a source sends it.
 */
export function tmkOf(n: number, encoding: 'base64' | 'hex'): string {
  const floats = (len: number, salt: number) => Float32Array.from(hexOf(n, len * 2, salt).match(/../g)!, (h) => parseInt(h, 16) / 255);
  const file = writeTmkFile({
    algorithm: 'PDQF',
    framesPerSecond: 15,
    frameFeatureCount: 100 + n,
    periods: Int32Array.from([2731]),
    coefficients: Float32Array.from([0.5, 0.25]),
    average: floats(8, 5),
    cos: floats(16, 8),
    sin: floats(16, 9),
  });
  return Buffer.from(file).toString(encoding);
}

export const HARNESSES: ExchangeHarness[] = [
  {
    kind: 'ncmec',
    async start({ pageSize, timeoutMs = 2000 }) {
      const sim = await createNcmecHashSim({ username: 'esp', password: 'sim-password', pageSize });
      return {
        sim,
        exchange: createNcmecExchange({ name: 'ncmec-test', baseUrl: sim.baseUrl, username: 'esp', password: 'sim-password', timeoutMs }),
      };
    },
    image: (n) => [
      { sourceType: 'MD5', value: hexOf(n, 32, 1) },
      { sourceType: 'SHA1', value: hexOf(n, 40, 2) },
      { sourceType: 'PDQ', value: hexOf(n, 64, 3) },
    ],
    video: (n) => [
      { sourceType: 'MD5', value: hexOf(n, 32, 4) },
      { sourceType: 'TMK_PDQF', value: tmkOf(n, 'base64') },
    ],
    unsupported: (n) => ({ sourceType: 'PDNA', value: hexOf(n, 96, 6) }),
    simId: (n) => `42/entry-${n}`,
    entryId: (simId) => simId,
  },
  {
    kind: 'stopncii',
    async start({ pageSize, timeoutMs = 2000 }) {
      const sim = await createStopNciiSim({ subscriptionKey: 'sub', functionKey: 'fn', pageSize });
      return {
        sim,
        exchange: createStopNciiExchange({
          name: 'stopncii-test',
          baseUrl: sim.baseUrl,
          subscriptionKey: 'sub',
          functionKey: 'fn',
          timeoutMs,
          pageSize,
        }),
      };
    },
    image: (n) => [{ sourceType: 'ImagePDQ', value: hexOf(n, 64, 3) }],
    video: (n) => [{ sourceType: 'VideoMD5', value: hexOf(n, 32, 4) }],
    unsupported: (n) => ({ sourceType: 'Text', value: hexOf(n, 40, 7) }),
    simId: (n) => `s${n}`,
    entryId: (_simId, fp) => `${fp.sourceType}/${fp.value}`,
  },
  {
    kind: 'threatexchange',
    async start({ pageSize, timeoutMs = 2000 }) {
      const sim = await createThreatExchangeSim({ accessToken: 'app|secret', privacyGroup: '1234', pageSize });
      return {
        sim,
        exchange: createThreatExchangeExchange({
          name: 'te-test',
          baseUrl: sim.baseUrl,
          privacyGroup: '1234',
          accessToken: 'app|secret',
          timeoutMs,
          pageSize,
        }),
      };
    },
    image: (n) => [{ sourceType: 'HASH_PDQ', value: hexOf(n, 64, 3) }],
    video: (n) => [{ sourceType: 'HASH_TMK', value: tmkOf(n, 'hex') }],
    unsupported: (n) => ({ sourceType: 'URI', value: `example-${n}` }),
    simId: (n) => String(1_000_000 + n),
    entryId: (simId) => simId,
  },
];
