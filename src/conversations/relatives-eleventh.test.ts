import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DAY_MINUTES, describeTwins, type ConversationCase, type Line } from '../testing/conversation-cases.js';
import { assess, parentsKeptOut } from './assess-risk.js';
import { STAGE_BIT } from './cue-lexicon.js';
import { detectCues } from './detect-cues.js';
import { familyAudience, keepsParentsOut } from './family-voice.js';

/*
 * Relatives' false alarms, and a known adult's secret before the request (issue 16, eleventh
 * round; docs/conversations.md, "Eleventh round"). Three classes, each run over the links it is
 * about:
 * (b) a relative's tease with a money demand whose only audience is the family ("pay me 5 or the
 *     whole family sees the video of you singing") read as sextortion in German only, and as an
 *     early warning or an image request in three others; the six languages now agree it is none,
 *     from any link, while a declared relative's threat to show the school with money still fires;
 * (a) an adult with no link before the conversation who writes as the child's relative ("it's
 *     aunt maria") and asks for a photo beside everyday moves; an impostor "cousin" on a new
 *     account who adds a secret still fires;
 * (c) a known adult (a friend, a contact of 400 days, a family link) who keeps the child's parents
 *     out of the contact in an earlier message and then asks for the child's own image, or beside a
 *     meeting alone; surprises, a present for mum and a coach's line-up stay quiet.
 * Tables in data/parity/relatives-eleventh.json. Synthetic and non-graphic.
 */
interface Row {
  name: string;
  lines: Line[];
}
const DATA = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../data/parity/relatives-eleventh.json', import.meta.url)), 'utf8'),
) as Record<'tease' | 'teaseRisky' | 'kinClaim' | 'impostor' | 'keptOut' | 'keptOutBenign', Row[]>;

const DAY = DAY_MINUTES;
/** No link; a friend link made during the conversation; a friend 40 days before; a family link 40 days before or made during it; a contact of 400 days. */
const LINKS: Record<string, ConversationCase['link']> = {
  'no link': undefined,
  'linked during it': ['friend', 1],
  'a friend of 40 days': ['friend', -40 * DAY],
  'a family link': ['family', -40 * DAY],
  'a family link made during it': ['family', 1],
  'a contact of 400 days': ['contact', -400 * DAY],
};
const over = (rows: Row[], links: string[]): ConversationCase[] =>
  rows.flatMap((r) => links.map((l) => ({ name: `${r.name} (${l})`, link: LINKS[l], lines: r.lines })));

const EVERY = ['no link', 'linked during it', 'a friend of 40 days', 'a family link', 'a family link made during it'];
const UNLINKED = ['no link', 'linked during it'];
const KNOWN = ['a friend of 40 days', 'a contact of 400 days', 'a family link'];

describeTwins(
  "relatives' teases to the family (b): none in six languages, from any link; a threat to show the school fires",
  over(DATA.tease, EVERY),
  over(DATA.teaseRisky, EVERY),
);
describeTwins(
  'an adult with no link who writes as a relative (a): a photo beside everyday moves is none; an impostor with a secret fires',
  over(DATA.kinClaim, [...UNLINKED, 'a family link made during it']),
  over(DATA.impostor, UNLINKED),
);
describeTwins(
  "a known adult keeps the parents out before a request or with a meeting (c): fires; surprises, presents, a coach's line-up do not",
  over(DATA.keptOutBenign, KNOWN),
  over(DATA.keptOut, KNOWN),
);

describe('eleventh round: the rules and the words', () => {
  const read = (t: string) => detectCues(t, { identify: false }).normalized;
  it('reads a family-only audience in six languages, never "your family", school, what the child sent or a large amount', () => {
    for (const r of DATA.tease) assert.ok(familyAudience(read(r.lines[2]![1])), r.name);
    for (const t of [
      'pay me 50 or your whole family sees the video',
      'pay me 5 or the whole family and your school see it',
      'pay me 200 or the whole family sees the video',
      'gib mir 5 euro oder deine ganze familie sieht es',
      'dame 5 euros o toda la familia ve las fotos que me mandaste',
    ])
      assert.equal(familyAudience(read(t)), false, t);
  });
  it('reads the parents kept out of the contact, not a surprise, a present or the other players', () => {
    for (const r of DATA.keptOut) assert.ok(keepsParentsOut(read(r.lines[0]![1])), r.name);
    for (const r of DATA.keptOutBenign) assert.equal(keepsParentsOut(read(r.lines[0]![1])), false, r.name);
  });
  it('an adult who writes as a relative makes no bare request; one other move still counts', () => {
    const base = { unconnected: true, flagged: false };
    assert.ok(assess(STAGE_BIT.image_request, base).some((a) => a.category === 'solicitation'));
    assert.equal(assess(STAGE_BIT.image_request, { ...base, kinClaim: true }).length, 0);
    const secret = STAGE_BIT.image_request | STAGE_BIT.exclusivity_secrecy;
    assert.ok(assess(secret, { ...base, kinClaim: true }).some((a) => a.category === 'solicitation'));
  });
  it('the parents kept out: solicitation with the child image, grooming with a meeting, nothing alone', () => {
    assert.equal(parentsKeptOut(true, false)?.category, 'solicitation');
    assert.equal(parentsKeptOut(false, true)?.category, 'grooming');
    assert.equal(parentsKeptOut(false, false), undefined);
  });
});
