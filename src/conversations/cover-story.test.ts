import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DAY_MINUTES, describeTwins, type ConversationCase, type Line } from '../testing/conversation-cases.js';
import { detectCues } from './detect-cues.js';

/*
 * A cover story with a kin claim ("if anyone asks, say I'm your cousin"): the adult tells the
 * child what to say, which is secrecy, not a relative's voice (issue 16, eleventh round). The
 * round's kin claims had made it family voice (Spanish, French, Italian), and a conditional "if
 * someone asks" was read as reported speech ("someone asks", German, French, Italian), so the
 * secret was not the sender's own. A cousin linked as family who says hello stays quiet.
 * Tables in data/parity/cover-story.json. Synthetic and non-graphic.
 */
interface Row {
  name: string;
  lines: Line[];
}
const DATA = JSON.parse(readFileSync(fileURLToPath(new URL('../../data/parity/cover-story.json', import.meta.url)), 'utf8')) as Record<
  'risky' | 'benign',
  Row[]
>;

describe('a cover story is the sender’s own secret in six languages', () => {
  for (const r of DATA.risky) {
    it(r.name, () => {
      const last = r.lines.at(-1)![1];
      const secret = detectCues(last).cues.find((c) => c.stage === 'exclusivity_secrecy');
      assert.ok(secret, `no secrecy cue in "${last}"`);
      assert.equal(secret.notOwn, undefined, `"${last}" read as not the sender's own (${secret.acts?.join(',')})`);
    });
  }
});

const cases = (rows: Row[], link: ConversationCase['link'], label: string): ConversationCase[] =>
  rows.map((r) => ({ name: `${r.name} (${label})`, link, lines: r.lines }));
describeTwins(
  'a cover story with a kin claim fires from an adult with no link or one made during the chat; a family cousin saying hello does not',
  cases(DATA.benign, ['family', -400 * DAY_MINUTES], 'a family link of 400 days'),
  [...cases(DATA.risky, undefined, 'no link'), ...cases(DATA.risky, ['follow', 1], 'linked during it')],
);
