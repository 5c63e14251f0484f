import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { describePeerScripts } from '../testing/conversation-cases.js';
import { detectCues } from './detect-cues.js';

/*
 * Sextortion without a threat verb (issue 16, fourteenth round). The shared corpora's scripts
 * say the leverage, not the exposure: the sender holds the child's pictures or contacts and
 * names a price ("I have your photos and your friends' names. $500 in gift cards please",
 * "i have ur friend list. pay"); the price buys the pictures' silence ("$300 and your parents
 * never find out about the photos", "Paie 300 euros pour qu'elles ne finissent pas sur
 * internet"); "or" comes with the sender's own exposure ("do my homework or i post ur pics",
 * "or the whole grade sees"); waiting itself costs ("every hour you wait the price goes up").
 * Between declared minors only a threat with a demand or a countdown fires, by design: these
 * shapes now make it read. Near misses: a seller's deadline, a shared bill, a sibling's tease,
 * a photographer's prints, a parent's note quoting the script as a scam ("= golpe = bloquear +
 * me contar", read in de and it before, now in es, pt, fr). Tables in
 * data/parity/leverage-threats.json; every example is synthetic.
 */
const DATA = JSON.parse(readFileSync(fileURLToPath(new URL('../../data/parity/leverage-threats.json', import.meta.url)), 'utf8')) as {
  threats: [string, string[]][];
  quiet: string[];
  warnings: string[];
  prints: string[];
  peerScripts: string[][];
  peerTeases: string[][];
};
const cues = (t: string) => detectCues(t, { identify: false }).cues;
const codes = (t: string) => cues(t).map((c) => c.code);

describe('leverage without a threat verb, in six languages', () => {
  it('reads possession with a price, the price of silence, "or" with an exposure, and a wait that costs', () => {
    for (const [t, want] of DATA.threats) for (const c of want) assert.ok(codes(t).includes(c), `${c}: ${t}`);
  });
  it('reads no threat or countdown in a sale, a bill, a tease or a running late', () => {
    for (const t of DATA.quiet) {
      const got = codes(t);
      assert.equal(got.includes('exposure_threat') || got.includes('deadline'), false, `${got.join(',')}: ${t}`);
    }
  });
  it('reads a parent quoting the script as a scam as a warning, not the sender own move', () => {
    for (const t of DATA.warnings) {
      const threat = cues(t).find((c) => c.code === 'exposure_threat');
      assert.ok(threat, `threat read: ${t}`);
      assert.equal(threat.notOwn, true, `warning: ${t}`);
    }
  });
  it('reads no payment demand in a price for prints of an outing', () => {
    for (const t of DATA.prints) assert.equal(codes(t).includes('payment_demand'), false, t);
  });
});

describePeerScripts('lt', DATA.peerScripts, DATA.peerTeases);
