import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { describeTwins, type ConversationCase, type Line } from '../testing/conversation-cases.js';
import { detectCues, sendersOwn } from './detect-cues.js';

/*
 * A warning whose consequence is a judgement ("if someone asks you for a photo just for them,
 * that's a red flag") and a generic adult judged so ("un adulto che vuole parlarti di nascosto
 * non va bene"), read as a warning in six languages (issue 16, sixteenth session: found in an
 * Italian parent's warning in the shared corpora). The sender's own secret beside such a judgement
 * is still the sender's. A parent's code-switched notice ('"send money ou je poste tes photos" =
 * scam = block') is read in the language of every cue found in it. Tables in data/parity/warning-judgements.json; synthetic and non-graphic.
 */
type Row = { name: string; lines: Line[] };
const DATA = JSON.parse(readFileSync(fileURLToPath(new URL('../../data/parity/warning-judgements.json', import.meta.url)), 'utf8')) as {
  judged: string[];
  stillOwn: string[];
  codeSwitched: string[];
  benign: Row[];
  risky: Row[];
};
const own = (t: string) => sendersOwn(detectCues(t, { identify: false }).cues).map((c) => c.code);
const cases = (rows: Row[]): ConversationCase[] => rows.map((r) => ({ name: r.name, lines: r.lines }));

describe('warnings judged in words, in six languages', () => {
  it('reads a judged warning as no move of the sender', () => {
    for (const t of DATA.judged) assert.deepEqual(own(t), [], t);
  });
  it("still reads the sender's own secret beside a judgement", () => {
    for (const t of DATA.stillOwn) assert.ok(own(t).includes('secrecy_request'), t);
  });
  it('reads a code-switched notice as a warning: the threat in one language, the warning words in another', () => {
    for (const t of DATA.codeSwitched) assert.deepEqual(own(t), [], t);
  });
});

describeTwins(
  "a parent's warning judged in words stays quiet; the adult's own secret and photo request after it fire",
  cases(DATA.benign),
  cases(DATA.risky),
);
