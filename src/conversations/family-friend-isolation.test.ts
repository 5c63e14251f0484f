import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { C, DAY_MINUTES, describeTwins, K, type ConversationCase, type Line } from '../testing/conversation-cases.js';
import { keepsParentsOut } from './family-voice.js';
import { normalizeText } from './normalize-text.js';

/*
 * A family friend who isolates the child (issue 16, fifteenth round; docs/conversations.md,
 * "Fifteenth round: a family friend who isolates the child"). The adult sets themselves against
 * the parents as the one who understands the child, or the one to come to instead of them ("your
 * parents don't get you like I do", "come to me first, not your mom", "your mom is too strict,
 * you deserve someone on your side"): read as the parents kept out (`parents_out`), so with a
 * request to meet it is grooming from any link, as "don't tell your mom we talk" is. A known
 * adult's everyday words ("talk to me or your mum", "your dad is strict because he cares") are not.
 * Tables in data/parity/family-friend-isolation.json. Synthetic and non-graphic.
 */
interface Setting {
  lang: string;
  opening: Line;
  reply: Line;
  everyday: Line;
  isolating: Line;
  meeting: Line;
}
const DATA = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../data/parity/family-friend-isolation.json', import.meta.url)), 'utf8'),
) as { isolating: [string, string][]; everyday: [string, string][]; settings: Setting[] };

describe('a family friend who isolates the child: the words', () => {
  it('reads the adult set against the parents in six languages', () => {
    for (const [lang, text] of DATA.isolating) assert.ok(keepsParentsOut(normalizeText(text)), `${lang}: ${text}`);
  });
  it('does not read a known adult pointing the child to the parents', () => {
    for (const [lang, text] of DATA.everyday) assert.equal(keepsParentsOut(normalizeText(text)), false, `${lang}: ${text}`);
  });
  it('has both tables in six languages', () => {
    for (const table of [DATA.isolating, DATA.everyday, DATA.settings.map((s) => [s.lang])])
      assert.deepEqual([...new Set(table.map((r) => r[0]))].sort(), ['de', 'en', 'es', 'fr', 'it', 'pt']);
  });
});

/** A family friend's links: a friend of three years, a contact of 400 days. */
const LINKS: [string, ConversationCase['link']][] = [
  ['a friend of three years', ['friend', -1100 * DAY_MINUTES]],
  ['a contact of 400 days', ['contact', -400 * DAY_MINUTES]],
];
const benign: ConversationCase[] = [];
const twins: ConversationCase[] = [];
for (const s of DATA.settings)
  for (const [linkName, link] of LINKS) {
    const tail: Line[] = [K('ok'), s.meeting];
    benign.push(C(`${s.lang} check-in and a visit, ${linkName}`, [s.opening, s.reply, s.everyday, ...tail], link));
    twins.push(C(`${s.lang} the parents set aside, then a visit, ${linkName}`, [s.opening, s.reply, s.isolating, ...tail], link));
  }
describeTwins('a family friend who isolates the child, six languages', benign, twins);
