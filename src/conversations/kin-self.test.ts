import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DAY_MINUTES, describeTwins, type ConversationCase, type Line } from '../testing/conversation-cases.js';
import { detectCues } from './detect-cues.js';
import { speaksAsKin } from './family-voice.js';

/*
 * Relatives linked only as friends who name themselves in the words of a text, not a form's
 * (issue 16, thirteenth round; docs/conversations.md): "heyy its jess (your cousin lol)", "it's
 * me, your uncle rob", "tu tía maría aquí", "sou eu, sua tia", "c'est moi, ta tante". Before, a
 * drawn-out greeting ("heyy"), a name or "me" between the verb and the tie, or a tie said with
 * "here" went unread, so the adult was weighed as any friend: a move to another app with a
 * meeting was solicitation. A tease with the child's parent as its audience ("pay me 5 bucks or
 * i show your mom") is no threat from a relative the conversation names over a link made before
 * it, as from a platform family link. The same lines from an adult with no link, or linked
 * during the conversation (the impostor's link), still fire (the teases in Spanish, Portuguese and
 * French since first-person-threats.test.ts's words). Tables in data/parity/kin-self.json.
 * Synthetic and non-graphic.
 */
interface Row {
  name: string;
  lines: Line[];
}
const DATA = JSON.parse(readFileSync(fileURLToPath(new URL('../../data/parity/kin-self.json', import.meta.url)), 'utf8')) as {
  relatives: Row[];
  strangers: Row[];
  words: { kin: string[]; notKin: string[] };
};

const LINKS: Record<string, ConversationCase['link']> = {
  'a friend of 40 days': ['friend', -40 * DAY_MINUTES],
  'a friend of 200 days': ['friend', -200 * DAY_MINUTES],
  'no link': undefined,
  'linked during it': ['friend', 1],
};
const over = (rows: Row[], links: string[]): ConversationCase[] =>
  rows.flatMap((r) => links.map((l) => ({ name: `${r.name} (${l})`, link: LINKS[l], lines: r.lines })));

describeTwins(
  'a relative linked as a friend before the conversation, named in its words: a move with a meeting, a tease to the parent, in four languages',
  over(DATA.relatives, ['a friend of 40 days', 'a friend of 200 days']),
  over(DATA.strangers, ['no link', 'linked during it']),
);

describe('thirteenth round: the words of a self-introduction', () => {
  const read = (t: string) => detectCues(t, { identify: false }).normalized;
  it('reads a name or "me" beside the tie, a drawn-out greeting and a tie said with "here"', () => {
    for (const t of DATA.words.kin) assert.ok(speaksAsKin(read(t)), t);
  });
  it('does not read a relative named as someone else, or a question', () => {
    for (const t of DATA.words.notKin) assert.equal(speaksAsKin(read(t)), false, t);
  });
});
