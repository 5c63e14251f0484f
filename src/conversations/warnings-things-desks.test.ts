import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DAY_MINUTES, describeTwins, type ConversationCase, type Line } from '../testing/conversation-cases.js';
import { detectCues, sendersOwn } from './detect-cues.js';
import { createObjectBefore } from './turn-window.js';

/*
 * Conversations-b's false alarms outside the family (issue 16, fifteenth round), read as classes
 * in six languages:
 * - a parent's warning that quotes the script ("if anyone says 'send a pic so I know you're
 *   real'"), a rule against pictures to anyone who writes out of nowhere or to anyone in a guild,
 *   a scammer's countdown named as pressure;
 * - a parent who keeps a scammer's messages for the report ("don't delete them yet");
 * - a support desk that never asks for pictures;
 * - a photo of a thing: the team number on the kit list, a permission slip ("de l'autorisation"),
 *   an item shown switched on for a buyer;
 * - a buyer's hand-over where others watch (the buyer's own child, the seller's parent, a police
 *   station's exchange point);
 * - an age asked for what a league, a climbing wall or a guild does with it;
 * - words that only looked like moves: "signaler." read as a Signal handle, "se hacía pasar por
 *   ti" as a pick-up, "vamos ver" (let's see) as a meeting, "smarter than you think" as flattery.
 * The near misses that must still be read sit beside them. Tables in
 * data/parity/warnings-things-desks.json; synthetic and non-graphic.
 */
type Row = { name: string; link: 'none' | 'family' | 'during'; lines: Line[] };
type Lists =
  | 'quotedWarning'
  | 'genericRule'
  | 'desk'
  | 'evidence'
  | 'countdown'
  | 'things'
  | 'handover'
  | 'agePurpose'
  | 'appWords'
  | 'pickupWords'
  | 'encouragement'
  | 'stillImage'
  | 'stillMeeting'
  | 'stillSecret'
  | 'stillAge'
  | 'stillContact';
const DATA = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../data/parity/warnings-things-desks.json', import.meta.url)), 'utf8'),
) as Record<Lists, string[]> & { benign: Row[]; risky: Row[] };
const cues = (t: string) => detectCues(t, { identify: false }).cues;
const own = (t: string) => sendersOwn(cues(t)).map((c) => c.code);
const LINKS: Record<Row['link'], ConversationCase['link']> = {
  none: undefined,
  family: ['family', -400 * DAY_MINUTES],
  during: ['follow', 1],
};
const cases = (rows: Row[]): ConversationCase[] => rows.map((r) => ({ name: r.name, lines: r.lines, link: LINKS[r.link] }));

describe('warnings, things and desks, in six languages', () => {
  it("reads a warning that quotes the script, a rule against pictures to strangers and a desk's promise as no image request", () => {
    for (const t of [...DATA.quotedWarning, ...DATA.genericRule, ...DATA.desk]) assert.equal(own(t).includes('image_request'), false, t);
  });
  it("reads keeping a scammer's messages for the report as no secrecy, and his countdown named as pressure as no deadline", () => {
    for (const t of DATA.evidence) assert.equal(own(t).includes('secrecy_request'), false, t);
    for (const t of DATA.countdown) assert.equal(own(t).includes('deadline'), false, t);
  });
  it('reads a team number, a permission slip and an item switched on as a photo of a thing', () => {
    for (const t of DATA.things) assert.equal(own(t).includes('image_request'), false, t);
  });
  it('reads a hand-over where others watch as logistics', () => {
    for (const t of DATA.handover) {
      const m = cues(t).find((c) => c.code === 'meeting_request');
      assert.ok(m === undefined || m.acts?.includes('logistics'), t);
    }
  });
  it('reads an age asked for a league, a harness or a teen-only raid as no age question', () => {
    for (const t of DATA.agePurpose) assert.equal(own(t).includes('age_question'), false, t);
  });
  it('reads "signaler", "instalar" and "discord-regel" as no handle, and impersonation, "let\'s see" and encouragement as nothing', () => {
    for (const t of DATA.appWords) assert.equal(own(t).includes('contact_details'), false, t);
    for (const t of DATA.pickupWords) assert.equal(own(t).includes('meeting_request'), false, t);
    for (const t of DATA.encouragement) assert.deepEqual(own(t), [], t);
  });
  it('still reads a request "only to me", a secret beside a warning and a photo "of you"', () => {
    for (const t of DATA.stillImage) assert.ok(own(t).includes('image_request'), t);
  });
  it('still reads a meeting alone, a deleted chat, a bare age question and a handle', () => {
    for (const t of DATA.stillMeeting) {
      const m = cues(t).find((c) => c.code === 'meeting_request');
      assert.ok(m && !m.notOwn && !m.acts?.includes('logistics'), t);
    }
    for (const t of DATA.stillSecret) assert.ok(own(t).includes('secrecy_request'), t);
    for (const t of DATA.stillAge) assert.ok(own(t).includes('age_question'), t);
    for (const t of DATA.stillContact)
      assert.ok(
        own(t).some((c) => c === 'contact_details' || c === 'platform_move'),
        t,
      );
  });
});

describe('the team number is a thing; the phone number is not', () => {
  it('keeps a bare picture request after "give me your number" the child\'s own, in en, pt, fr and it', () => {
    for (const [ask, pic] of [
      ["what's your number, it's easier", 'send a pic pls'],
      ['me passa teu número é mais fácil', 'manda foto pfv'],
      ["donne-moi ton numéro, c'est plus simple", 'envoie une photo stp'],
      ['dammi il tuo num3r0 è più comodo', 'mandami qualcosa di speciale'],
    ] as const) {
      const before = createObjectBefore();
      before.read('k', ask, 0, detectCues(ask).cues);
      const read = before.read('k', pic, 60_000, detectCues(pic).cues).cues;
      assert.ok(
        read.some((c) => c.code === 'image_request' && !c.notOwn),
        `${ask} / ${pic}`,
      );
    }
  });
});

describeTwins(
  'a parent quoting the script, a scam report, a public hand-over, a league form and a support desk stay quiet; the same settings with a secret, "come alone" or flattery fire',
  cases(DATA.benign),
  cases(DATA.risky),
);
