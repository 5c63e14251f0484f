import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { detectCues } from './detect-cues.js';

/*
 * The threat's frame (cue-frames.ts: a demand, an audience, a verb of exposure) read the verb of
 * showing or sending in Spanish, Portuguese and French only as an infinitive or in the third
 * person ("mostrar", "ve"), so the commonest form of the threat, the sender's own "or I show it
 * to your mum" ("o le enseño el video a tu mamá", "ou eu mostro o vídeo pra sua mãe", "ou je
 * montre la vidéo à ta mère"), was a payment demand without a threat; and "pay me or" with no
 * amount was no demand in any of the four (issue 16, thirteenth round). The first person's
 * present and future are now `expose` words, and a bare "pay me or" followed by the sender's
 * own next move is `coerce`. Near misses: a choice offered ("pay or show your mom the receipt"),
 * a debt with no exposure, a share of a bill. Tables in data/parity/first-person-threats.json.
 */
const DATA = JSON.parse(readFileSync(fileURLToPath(new URL('../../data/parity/first-person-threats.json', import.meta.url)), 'utf8')) as {
  threats: string[];
  notThreats: string[];
};
const codes = (t: string) => detectCues(t, { identify: false }).cues.map((c) => c.code);

describe("the sender's own threat to show or send, with a demand, in four languages", () => {
  it('reads each as an exposure threat', () => {
    for (const t of DATA.threats) assert.ok(codes(t).includes('exposure_threat'), t);
  });
  it('reads no threat in a choice, a debt or a shared bill', () => {
    for (const t of DATA.notThreats) assert.equal(codes(t).includes('exposure_threat'), false, t);
  });
});
