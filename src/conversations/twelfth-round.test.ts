import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DAY_MINUTES, describeTwins, type ConversationCase, type Line } from '../testing/conversation-cases.js';
import { describeParityTable, PARITY_LANGS } from '../testing/parity-table.js';
import { detectCues, sendersOwn } from './detect-cues.js';

/*
 * Issue 16, twelfth round (docs/conversations.md, "Twelfth round"): the classes the eleventh
 * round left, each in en, es, pt, fr, de and it, with benign twins that stay quiet:
 * (1) autonomy flattery that takes the parents out ("you're old enough to decide for yourself,
 *     you don't need to ask your parents") beside a meeting or another app; "old enough to choose
 *     your own classes" from a known adult is none;
 * (2) a threat to show the school or the classmates for money is a threat and a demand;
 * (3) a relative's tease aimed at a parent is none, the same threat with money from an adult with
 *     no link fires, and a threat or a tease split over two messages reads as one;
 * (4) a cover story ("s'il demande, dis que…") is the sender's secret; a message to pass on is not;
 * (5) a lone deadline from an unlinked "teacher" is none, with a threat it fires.
 * Tables in data/parity/twelfth*.json. Synthetic and non-graphic.
 */
const file = (name: string) => new URL(`../../data/parity/${name}.json`, import.meta.url);
describeParityTable('twelfth round: each phrasing carries its cue in six languages', file('twelfth'));

type Row = [string, string, string, string, string, string];
const QUIET = JSON.parse(readFileSync(fileURLToPath(file('twelfth-quiet')), 'utf8')) as Record<string, Row[]>;
describe('twelfth round: benign twins do not carry the cue as the sender’s own', () => {
  for (const [code, rows] of Object.entries(QUIET))
    for (const row of rows)
      it(`no ${code}: ${row[0]}`, () => {
        const read = PARITY_LANGS.filter((_, i) => sendersOwn(detectCues(row[i]!).cues).some((c) => c.code === code));
        assert.deepEqual(read, [], row.join(' / '));
      });
});

interface Conv {
  name: string;
  lines: Line[];
}
type Table =
  | 'autonomyBenign'
  | 'autonomyRisky'
  | 'schoolThreat'
  | 'parentTease'
  | 'parentThreat'
  | 'splitTease'
  | 'splitThreat'
  | 'teacherDeadline'
  | 'teacherThreat';
const DATA = JSON.parse(readFileSync(fileURLToPath(file('twelfth-conversations')), 'utf8')) as Record<Table, Conv[]>;

const LINKS: Record<string, ConversationCase['link']> = {
  'no link': undefined,
  'linked during it': ['friend', 1],
  'a friend of 40 days': ['friend', -40 * DAY_MINUTES],
  'a contact of 400 days': ['contact', -400 * DAY_MINUTES],
  'a family link': ['family', -400 * DAY_MINUTES],
};
const over = (rows: Conv[], links: string[]): ConversationCase[] =>
  rows.flatMap((r) => links.map((l) => ({ name: `${r.name} (${l})`, link: LINKS[l], lines: r.lines })));
const KNOWN = ['a friend of 40 days', 'a contact of 400 days', 'a family link'];
const UNLINKED = ['no link', 'linked during it'];

describeTwins(
  'autonomy flattery (1): about everyday matters from a known adult is none; taking the parents out beside a meeting or another app fires',
  over(DATA.autonomyBenign, KNOWN),
  over(DATA.autonomyRisky, [...UNLINKED, ...KNOWN]),
);
describeTwins(
  'a threat to show the school for money (2) fires from any link; a tease to the family split over two messages (3) does not',
  over(DATA.splitTease, ['a family link']),
  over(DATA.schoolThreat, [...UNLINKED, 'a family link']),
);
describeTwins(
  'a tease aimed at a parent (3): none from a relative; the same with 50 from an adult with no link, or split over two messages, fires',
  over(DATA.parentTease, ['a family link']),
  [...over(DATA.parentThreat, UNLINKED), ...over(DATA.splitThreat, UNLINKED)],
);
describeTwins(
  'a lone deadline from an unlinked "teacher" (5) is none; with a threat it fires',
  over(DATA.teacherDeadline, UNLINKED),
  over(DATA.teacherThreat, UNLINKED),
);
