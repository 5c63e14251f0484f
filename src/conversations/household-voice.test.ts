import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { A, C, K, DAY_MINUTES, describeTwins } from '../testing/conversation-cases.js';
import { detectCues, sendersOwn } from './detect-cues.js';

/*
 * A household's everyday messages, found as false alarms in conversations-a's parents and
 * relatives (issue 16, fourteenth round), read in six languages:
 * - money sent to the child ("i sent you 20 on venmo for lunch", "te mandei um pix de 20") was a
 *   payment demand, because a payment app or an amount was enough; the child is paid, not asked;
 * - a secret that is a treat for several children or the family ("our secret: i'm taking you all
 *   to the theme park") is a surprise, not a secret between two;
 * - "are you home alone?" beside a parent's safety advice or the time they get back ("i'm back at
 *   6, don't open the door to anyone") is a household checking on the child;
 * - the family group named without a preposition ("le groupe famille", "il gruppo famiglia").
 * Tables in data/parity/household-voice.json; synthetic and non-graphic.
 */
const DATA = JSON.parse(readFileSync(fileURLToPath(new URL('../../data/parity/household-voice.json', import.meta.url)), 'utf8')) as Record<
  'moneyToChild' | 'demand' | 'groupSurprise' | 'secret' | 'homeSafety' | 'aloneProbe' | 'familyGroup',
  string[]
>;
const own = (t: string) => sendersOwn(detectCues(t, { identify: false }).cues).map((c) => c.code);

describe('a household, in six languages', () => {
  it('reads money sent to the child as no payment demand', () => {
    for (const t of DATA.moneyToChild) assert.equal(own(t).includes('payment_demand'), false, t);
  });
  it('still reads a demand, even beside a payment link sent to the child', () => {
    for (const t of DATA.demand) assert.ok(own(t).includes('payment_demand'), t);
  });
  it('reads a secret that is a treat for a group as a surprise', () => {
    for (const t of DATA.groupSurprise) assert.equal(own(t).includes('secrecy_request'), false, t);
  });
  it('still reads a secret between two, one kept from the parents, and the possessive after the noun', () => {
    for (const t of DATA.secret) assert.ok(own(t).includes('secrecy_request'), t);
  });
  it('reads "home alone?" beside safety advice or the time a parent gets back as no probe', () => {
    for (const t of DATA.homeSafety) assert.equal(own(t).includes('parents_present'), false, t);
  });
  it('still reads "home alone?" beside a visit as a probe or a meeting', () => {
    for (const t of DATA.aloneProbe) {
      const c = own(t);
      assert.ok(c.includes('parents_present') || c.includes('meeting_request'), t);
    }
  });
  it('reads the family group named without a preposition as no move', () => {
    for (const t of DATA.familyGroup) assert.equal(own(t).includes('platform_move'), false, t);
  });
});

const AUNT: [string, number] = ['friend', -700 * DAY_MINUTES];
describeTwins(
  'a parent with no link and an aunt linked as a friend stay quiet; the same moves kept between two fire',
  [
    C('a parent sends lunch money and picks the child up', [
      A('hi honey how was school?'),
      K('good'),
      A('i sent you 20 on venmo for lunch'),
      K('thanks'),
      A('the bus is cancelled, i will pick you up at 3 at the gate'),
    ]),
    C('a parent checks the child is home safe', [
      A('hola mi amor, ya estas en el bus?'),
      K('si'),
      A('estas sola en casa? vuelvo a las 6, no abras a nadie'),
      K('ya'),
      A('te recojo a las 3 en la puerta'),
    ]),
    C(
      'an aunt plans a theme park day for all the cousins',
      [
        A("hi sweetie it's auntie rose"),
        K('thanks auntie'),
        A('send me the photo of you with the trophy, i want to frame it'),
        K('lol'),
        A("our secret: i'm taking you all to the theme park"),
      ],
      AUNT,
    ),
  ],
  [
    C('a stranger asks whether the child is alone and comes over', [
      A('hey'),
      K('hi'),
      A('are you home alone? i can come over at 6'),
      K('why'),
      A('dont tell your mom i asked'),
    ]),
    C(
      'the same aunt keeps a photo between the two of them',
      [
        A("hi sweetie it's auntie rose"),
        K('thanks auntie'),
        A('send me a photo of you, just for me'),
        K('lol'),
        A("our secret: i'm taking you to the movies, just us"),
      ],
      AUNT,
    ),
  ],
);
