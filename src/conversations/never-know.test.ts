import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { A, C, K, DAY_MINUTES, describeTwins } from '../testing/conversation-cases.js';
import { detectCues } from './detect-cues.js';

/*
 * The assurance that no one will find out ("your parents will never know", "nobody has to know")
 * is a secret the adult keeps for the child: German and Italian read it, English, Spanish,
 * Portuguese and French did not (issue 16, thirteenth round). It counts only where it ends the
 * clause ("nobody will know the answer" is a fact, not a secret). Tables in
 * data/parity/never-know.json; synthetic and non-graphic.
 */
const DATA = JSON.parse(readFileSync(fileURLToPath(new URL('../../data/parity/never-know.json', import.meta.url)), 'utf8')) as {
  secret: string[];
  quiet: string[];
};
const codes = (t: string) => detectCues(t, { identify: false }).cues.map((c) => c.code);

describe('no one will ever know, in six languages', () => {
  it('reads the assurance as a secret', () => {
    for (const t of DATA.secret) assert.ok(codes(t).includes('secrecy_request'), t);
  });
  it('reads no secret in a fact about an answer or a surprise', () => {
    for (const t of DATA.quiet) assert.equal(codes(t).includes('secrecy_request'), false, t);
  });
});

const KNOWN: [string, number] = ['contact', -40 * DAY_MINUTES];
describeTwins(
  'a known adult: a slice of cake and a surprise stay quiet; the assurance beside a photo request fires',
  [
    C(
      'an aunt saves the last slice',
      [A('hi sweetie its aunt jo'), K('hi'), A('i saved you the last slice of cake, nobody has to know lol')],
      KNOWN,
    ),
    C('a surprise for mum', [A("we're planning a surprise party for your mom"), K('omg'), A('she will never find out, trust me')], KNOWN),
  ],
  [C('a photo no one will know of', [A('hey you looked great today'), K('thx'), A('send me a pic, your parents will never know')], KNOWN)],
);
