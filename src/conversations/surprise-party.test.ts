import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DAY_MINUTES, describeTwins, type ConversationCase, type Line } from '../testing/conversation-cases.js';
import { STAGE_BIT } from './cue-lexicon.js';
import { detectCues, type Cue } from './detect-cues.js';
import { normalizeText } from './normalize-text.js';
import { keptFromCelebrant, namesParty, notePartyMessage, partyRecord, partyTask, type PartyPlan } from './surprise-party.js';

/*
 * Surprise parties (issue 16, fifteenth round): an adult plans a party for a third person and asks
 * the child, messages later, to keep it from that person, delete the chat, send old photos of
 * them and come and help decorate. In six languages, the party's secrets and pick-up stay quiet;
 * the same party named beside a secret kept from the parents or about "us", a request for the
 * child's own image, another app or a meeting with the two alone fires as it does without one.
 * Tables in data/parity/surprise-party.json; synthetic and non-graphic.
 */
interface Conv {
  name: string;
  lines: Line[];
}
const DATA = JSON.parse(readFileSync(fileURLToPath(new URL('../../data/parity/surprise-party.json', import.meta.url)), 'utf8')) as {
  benign: Conv[];
  risky: Conv[];
  words: Record<'party' | 'notParty' | 'secret' | 'notSecret' | 'task' | 'notTask', string[]>;
};

describe('a surprise party, read in six languages', () => {
  it('reads a party prepared for someone else, and not one for the child', () => {
    for (const t of DATA.words.party) assert.ok(namesParty(normalizeText(t)), t);
    for (const t of DATA.words.notParty) assert.equal(namesParty(normalizeText(t)), false, t);
  });
  it('reads a secret kept from a third person, and not one kept from the parents, about us or from everyone', () => {
    for (const t of DATA.words.secret) assert.ok(keptFromCelebrant(normalizeText(t)), t);
    for (const t of DATA.words.notSecret) assert.equal(keptFromCelebrant(normalizeText(t)), false, t);
  });
  it("reads a meeting for the party's preparation, and not one for the two alone", () => {
    for (const t of DATA.words.task) assert.ok(partyTask(normalizeText(t)), t);
    for (const t of DATA.words.notTask) assert.equal(partyTask(normalizeText(t)), false, t);
  });
});

/** Notes then records one adult message as the detector does: `notePartyMessage`, then `partyRecord`. */
function step(holder: { party?: PartyPlan | undefined }, text: string, id: string, p = 0.9) {
  const { cues, normalized } = detectCues(text, { identify: false });
  notePartyMessage(holder, normalized, cues, id, () => holder);
  const own = cues.filter((c: Readonly<Cue>) => !c.notOwn);
  const mask = own.reduce((m, c) => m | STAGE_BIT[c.stage], 0);
  return partyRecord(holder.party, { eventId: id, cues: own, p }, mask);
}

describe('a party plan across messages', () => {
  it("holds a secret kept from the party's subject and its message score, and marks the party's pick-up as logistics", () => {
    const h: { party?: PartyPlan } = {};
    step(h, "It's Gran, we're doing a surprise for Grandad's 70th", 'e1');
    const secret = step(h, "delete this chat so he doesn't see it if he borrows your phone lol", 'e2');
    assert.equal(secret.mask & STAGE_BIT.exclusivity_secrecy, 0);
    assert.equal(secret.p, 0);
    const meet = step(h, "come over to mine at 2 to help decorate, I'll pick you up from practice", 'e3');
    assert.ok(meet.cues.some((c) => c.code === 'meeting_request' && c.acts?.includes('logistics')));
    assert.equal(h.party?.spoiled, false);
  });
  it('gives back what it held at the first move it cannot excuse, and holds nothing after', () => {
    const h: { party?: PartyPlan } = {};
    step(h, "It's Gran, we're doing a surprise for Grandad's 70th", 'e1');
    step(h, "delete this chat so he doesn't see it if he borrows your phone lol", 'e2', 0.95);
    const ask = step(h, 'send me a selfie of you, just for me', 'e3');
    assert.equal(ask.restore?.held, STAGE_BIT.exclusivity_secrecy);
    assert.deepEqual(ask.restore?.heldScores, [0.95]);
    assert.equal(h.party?.spoiled, true);
    const again = step(h, "delete this chat so he doesn't see it", 'e4');
    assert.ok(again.mask & STAGE_BIT.exclusivity_secrecy);
  });
  it('holds nothing without a party named, nor a secret about the two of them', () => {
    const none: { party?: PartyPlan } = {};
    assert.ok(step(none, "delete this chat so he doesn't see it", 'e1').mask & STAGE_BIT.exclusivity_secrecy);
    const h: { party?: PartyPlan } = {};
    step(h, "It's Gran, we're doing a surprise for Grandad's 70th", 'e1');
    assert.ok(step(h, "don't tell your mom we talk, delete this chat", 'e2').mask & STAGE_BIT.exclusivity_secrecy);
    assert.equal(h.party?.spoiled, true);
  });
});

const LINKS: Record<string, ConversationCase['link']> = {
  'no link': undefined,
  'linked during it': ['friend', 1],
  'a friend of 40 days': ['friend', -40 * DAY_MINUTES],
  'a family link': ['family', -400 * DAY_MINUTES],
};
const over = (rows: Conv[], links: string[]): ConversationCase[] =>
  rows.flatMap((r) => links.map((l) => ({ name: `${r.name} (${l})`, link: LINKS[l], lines: r.lines })));
const kind = (k: string) => DATA.risky.filter((r) => r.name.endsWith(` ${k}`));

describeTwins(
  'a surprise party in six languages: its secrets and pick-up are quiet from any link; the script beside a party still fires',
  over(DATA.benign, Object.keys(LINKS)),
  [
    // From an adult with no link: a secret from the parents or about "us", the child's own image, another app, the two alone.
    ...over(DATA.risky, ['no link', 'linked during it']),
    // From a known adult: the child's own image beside the party's secret, and the parents kept out beside its pick-up.
    ...over(kind('ownImage'), ['a friend of 40 days', 'a family link']),
    ...over(
      kind('parentsOut').filter((r) => !r.name.startsWith('fr')),
      ['a family link'],
    ),
  ],
);
