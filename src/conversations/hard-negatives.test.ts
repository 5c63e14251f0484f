import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeTwins, type ConversationCase } from '../testing/conversation-cases.js';
import { assess } from './assess-risk.js';
import { detectCues, sendersOwn } from './detect-cues.js';
import { STAGE_BIT } from './cue-lexicon.js';

/*
 * Hard negatives written for issue 16's sixth round, each beside a risky twin in the same
 * setting: relatives linked only as a friend or a follow (or linked after they began to write)
 * who do not name themselves, a guild officer organising a raid, a tutor or a support agent
 * asking for a photo of the worksheet or the screen, the child's age band for a form, a
 * rescheduled session, and a pick-up announced for a set time. The benign conversations must
 * raise no grooming, solicitation or sextortion alert; their twins, which add the documented
 * cues (secrecy, another app alone, a photo of the child "just for me"), must.
 */

const BENIGN: ConversationCase[] = [
  {
    name: 'an aunt linked as a friend after she wrote, who names no one',
    link: ['friend', 1],
    lines: [
      ['adult', 'hey kiddo! how did the science fair go?'],
      ['kid', 'good we got second'],
      ['adult', 'so proud of you. did the parcel arrive?'],
      ['adult', 'send me a pic of you in the new hoodie, grandpa wants to see'],
      ['adult', 'can you add me on whatsapp? its easier for the family group'],
    ],
  },
  {
    name: 'a grandparent the child follows, with a pick-up announced for a set time',
    link: ['follow', -60 * 24 * 90],
    lines: [
      ['adult', 'happy birthday sweetheart, there is a little something in the card'],
      ['kid', 'thank youuu'],
      ['adult', "we'll pick you up on saturday at 10 for lunch"],
    ],
  },
  {
    name: 'a parent with no link on the platform: a pick-up at the gate and a photo of the homework',
    lines: [
      ['adult', "I'll pick you up at half 3 by the front gate"],
      ['kid', 'ok'],
      ['adult', 'send me a photo of your homework so I can check it'],
    ],
  },
  {
    name: 'the same in Spanish and German',
    lines: [
      ['adult', 'te recojo a las 3 en la puerta'],
      ['adult', 'mandame una foto con el vestido nuevo, la abuela quiere verla'],
      ['adult', 'wir holen dich am samstag um 10 ab'],
    ],
  },
  {
    name: 'a guild officer organising a raid with prizes and a voice-chat invite, to a group',
    group: 3,
    lines: [
      ['adult', 'raid tonight at 8pm server time, everyone join the voice channel'],
      ['kid', 'in'],
      ['adult', 'top dps gets 5000 gold from the guild bank'],
      ['adult', 'add me on discord so I can send the invite link'],
    ],
  },
  {
    name: 'a tutor: a photo of the worksheet, a rescheduled session, the age band for a form',
    link: ['contact', -60 * 24 * 30],
    lines: [
      ['adult', 'hi, can you send a photo of the worksheet so I can check question 4?'],
      ['kid', 'ok'],
      ['adult', 'we need to move tuesday to thursday at 5, does that work?'],
      ['adult', 'for the enrolment form, which age group are you in?'],
      ['adult', 'turn your camera on for the session please'],
    ],
  },
  {
    name: 'a support agent the child wrote to: a screenshot of the error and the age band',
    lines: [
      ['kid', 'hi my account is locked'],
      ['adult', 'sorry about that! can you send a screenshot of the error?'],
      ['adult', 'for the form, which age range are you in: under 13, 13-15 or 16-17?'],
    ],
  },
];

const TWINS: ConversationCase[] = [
  {
    name: 'a friend-linked adult who wants the photo for himself and another app in secret',
    link: ['friend', 1],
    lines: [
      ['adult', 'hey kiddo! how did the science fair go?'],
      ['adult', 'send me a pic of you in the new hoodie, just for me'],
      ['adult', "add me on telegram, don't tell your parents we talk"],
    ],
  },
  {
    name: 'a pick-up with nothing else, from an adult with no link, kept secret',
    lines: [
      ['adult', "I'll pick you up at 6 by the front gate"],
      ['adult', "don't tell your parents, it's our secret"],
    ],
  },
  {
    name: 'a pick-up to somewhere quiet',
    lines: [
      ['adult', 'you are so mature for your age'],
      ['adult', "I'll pick you up from school friday and we'll go somewhere quiet"],
    ],
  },
  {
    name: 'a gamer who singles the child out in a private group on another app',
    lines: [
      ['adult', 'you are the best player in the clan'],
      ['adult', 'how old are you? are your parents around?'],
      ['adult', "add me on telegram, it's a private group just for us"],
    ],
  },
  {
    name: 'a tutor who asks for a photo of the child, not the worksheet, and secrecy',
    lines: [
      ['adult', 'hello, I am your new maths tutor'],
      ['adult', 'send me a pic of you, not the worksheet'],
      ['adult', "don't tell your mom about our chats"],
    ],
  },
];

describeTwins('hard negatives and their risky twins (issue 16, sixth round)', BENIGN, TWINS);

describe('what a hard negative does', () => {
  const own = (t: string) => sendersOwn(detectCues(t, { identify: false }).cues).map((c) => c.code);
  it('reads a pick-up announced for a time or place as logistics, in every language', () => {
    const acts = (t: string) => detectCues(t, { identify: false }).cues.find((c) => c.code === 'meeting_request')?.acts ?? [];
    for (const t of [
      "i'll pick you up at half 3 by the front gate",
      'te recojo a las 3 en la puerta',
      'te pego as 3 no portao',
      'je passe te chercher a 17h',
      'ich hole dich um 10 ab',
    ])
      assert.ok(own(t).includes('meeting_request') && acts(t).includes('logistics'), t);
    // Italian reads a pick-up as no meeting request at all.
    assert.ok(!own('ti passo a prendere alle 10').includes('meeting_request'));
    for (const t of [
      'i can pick u up after school',
      "i'll pick you up from school friday and we'll go somewhere nice",
      "i'll pick you up when your dad's at his shift",
      "come over to mine at 2, i'll pick you up from practice",
    ])
      assert.ok(own(t).includes('meeting_request') && !acts(t).includes('logistics'), t);
  });
  it("reads an image's family audience and an app's shared destination as no move to get the child alone", () => {
    assert.ok(!own('send me a pic of you in the new uniform, grandpa wants to see').includes('image_request'));
    assert.ok(!own("can you add me on whatsapp? it's easier for the family group").includes('platform_move'));
    assert.ok(own('send me a pic of you in the uniform, just for me').includes('image_request'));
    assert.ok(own("add me on telegram, it's a private group just for us").includes('platform_move'));
  });
  it("reads a notice the parents will receive as no threat, and a parent's advice to say no as a warning", () => {
    assert.deepEqual(own('obrigado, seus pais vão receber um e-mail de confirmação'), []);
    assert.deepEqual(own('merci, tes parents vont recevoir un mail de confirmation'), []);
    assert.ok(own('seus pais vao receber um e-mail com suas fotos').includes('exposure_threat'));
    assert.deepEqual(own("rappel : si quelqu'un sur internet te demande une photo de toi, tu dis non et tu m'en parles"), []);
    assert.deepEqual(own('promemoria: se qualcuno su internet ti chiede una tua foto, dici di no e me lo dici'), []);
  });
  it('weighs a pick-up announced for a time or place as from an adult the child knows', () => {
    const meeting = STAGE_BIT.meeting_request;
    const stranger = { unconnected: true, flagged: false };
    assert.equal(assess(meeting, { ...stranger, announcedOnly: true }).length, 0, 'logistics alone');
    assert.equal(assess(meeting, stranger).length, 1, 'a meeting proposed by a stranger');
    assert.equal(assess(meeting | STAGE_BIT.exclusivity_secrecy, { ...stranger, announcedOnly: true }).length, 1, 'with secrecy');
    assert.equal(assess(meeting | STAGE_BIT.image_request, { ...stranger, announcedOnly: true }).length, 1, 'with an image request');
  });
});
