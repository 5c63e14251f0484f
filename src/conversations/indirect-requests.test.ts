import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { A, C, K, describeTwins } from '../testing/conversation-cases.js';
import { detectCues, sendersOwn } from './detect-cues.js';

/*
 * Indirect requests from conversations-b's euphemism_solicitation family and issue 16's class 5
 * (fourteenth round), read in six languages:
 * - what the child wears now, asked to be shown to the sender alone ("just for me");
 * - the child's style, look or outfit asked to be shown, a full-length or mirror picture, one in
 *   new clothes, "just one, then I'll stop asking" (German and Italian read these already);
 * - "I showed you mine, now you": reciprocity after the sender's own picture;
 * - a picture the child "would never post", or one "for my eyes only";
 * - vanishing messages asked for without the app's name ("turn on disappearing msgs", "the chats
 *   vanish in 24h", a vanishing or secret mode).
 * A game's or a film night's "your turn", a parent's "what are you wearing to the wedding?", a
 * coach's "show me your form", a photo of a thing and messages lost in an update stay quiet.
 * Tables in data/parity/indirect-requests.json; synthetic and non-graphic.
 */
const DATA = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../data/parity/indirect-requests.json', import.meta.url)), 'utf8'),
) as Record<'wearingNow' | 'styleShown' | 'showedMine' | 'forMyEyes' | 'vanishing' | 'quietImage' | 'quietMove', string[]>;
const own = (t: string) => sendersOwn(detectCues(t, { identify: false }).cues).map((c) => c.code);

describe('indirect requests, in six languages', () => {
  it('reads what the child wears now, shown to the sender alone, as an image request', () => {
    for (const t of DATA.wearingNow) assert.ok(own(t).includes('image_request'), t);
  });
  it('reads the child\'s style or outfit shown, a full-length picture and "just one" as an image request', () => {
    for (const t of DATA.styleShown) assert.ok(own(t).includes('image_request'), t);
  });
  it('reads "I showed you mine, now you" as an image request', () => {
    for (const t of DATA.showedMine) assert.ok(own(t).includes('image_request'), t);
  });
  it("reads a picture the child would not post, or for the sender's eyes only, as an image request", () => {
    for (const t of DATA.forMyEyes) assert.ok(own(t).includes('image_request'), t);
  });
  it('reads vanishing messages asked for without the app as a platform move', () => {
    for (const t of DATA.vanishing) assert.ok(own(t).includes('platform_move'), t);
  });
  it('reads a game, a wedding outfit, a coach and a photo of a thing as no image request', () => {
    for (const t of DATA.quietImage) assert.equal(own(t).includes('image_request'), false, t);
  });
  it('reads lost messages and a warning about vanishing apps as no move', () => {
    for (const t of DATA.quietMove) assert.equal(own(t).includes('platform_move'), false, t);
  });
});

describeTwins(
  'a board game, a parent and a warning stay quiet; the same words from a stranger with a secret fire',
  [
    C('a friend plays a board game online', [
      A('ready for another round?'),
      K('yes'),
      A('ur turn, roll the dice'),
      K('6!'),
      A('your turn to choose the movie after'),
    ]),
    C('a parent asks about the wedding outfit', [
      A('hi love, how was school?'),
      K('fine'),
      A('what are you wearing to the wedding?'),
      K('the blue one'),
      A('lovely, i will pick you up at 5'),
    ]),
    C('an adult warns about vanishing-message apps', [
      A('hi, quick note from the library club'),
      K('ok'),
      A('never use apps where msgs go poof, anyone can lie there'),
      K('ok'),
      A('tell me if a stranger asks you to move'),
    ]),
  ],
  [
    C('a stranger asks to see what the child wears now, and for secrecy', [
      A('hey'),
      K('hi'),
      A('show me what ur wearing rn, just for me'),
      K('why'),
      A("don't tell your parents about me"),
    ]),
    C('a stranger asks for vanishing messages and a picture', [
      A('hey'),
      K('hi'),
      A('turn on disappearing msgs for us'),
      K('why'),
      A('i showed u my pic, now u. fair is fair'),
    ]),
  ],
);
