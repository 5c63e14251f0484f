import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { describePeerScripts } from '../testing/conversation-cases.js';
import { detectCues } from './detect-cues.js';

/*
 * Sextortion in the scam script's broken grammar and its polite clock (issue 16, fifteenth
 * round). Italian already read the broken script ("tu blocca io pubblico. tu paga io cancella",
 * "io comincia pubblicare adesso", "ok comincio con tua mamma", "ultimo avviso. 10 minuti");
 * the other five languages now read the same shapes: a block answered by posting and a payment
 * by deleting in bare clauses, "I start post" with the verb left bare, "ok I start with your
 * mom" as the whole message, "pay or I make viral", a store card named without "gift", a last
 * warning with only a time after it, and silence for some hours answered by sending everything.
 * Near misses: a haircut queue, a shared bill, a match about to start, a call to grandma, a
 * sibling's last warning over fries, and a parent's note quoting the script as a scam. Tables in
 * data/parity/broken-script.json; every example is synthetic.
 */
const DATA = JSON.parse(readFileSync(fileURLToPath(new URL('../../data/parity/broken-script.json', import.meta.url)), 'utf8')) as {
  threats: [string, string[]][];
  quiet: string[];
  warnings: string[];
  peerScripts: string[][];
  peerTeases: string[][];
};
const cues = (t: string) => detectCues(t, { identify: false }).cues;
const codes = (t: string) => cues(t).map((c) => c.code);

describe('the broken script and the polite clock, in six languages', () => {
  it('reads the bare-clause exchange, the bare verb, the whole-message start, viral, a store card and the clock', () => {
    for (const [t, want] of DATA.threats) for (const c of want) assert.ok(codes(t).includes(c), `${c}: ${t}`);
  });
  it('reads no threat, demand or countdown in a queue, a bill, a match or a call to grandma', () => {
    for (const t of DATA.quiet) {
      const got = codes(t);
      assert.equal(
        got.includes('exposure_threat') || got.includes('deadline') || got.includes('payment_demand'),
        false,
        `${got.join(',')}: ${t}`,
      );
    }
  });
  it('reads a parent quoting the script as a scam as a warning, not the sender own move', () => {
    for (const t of DATA.warnings) {
      const threat = cues(t).find((c) => c.code === 'exposure_threat');
      assert.ok(threat, `threat read: ${t}`);
      assert.equal(threat.notOwn, true, `warning: ${t}`);
    }
  });
});

describePeerScripts('bs', DATA.peerScripts, DATA.peerTeases);
