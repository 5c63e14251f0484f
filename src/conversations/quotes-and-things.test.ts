import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { describeTwins, DAY_MINUTES, type ConversationCase, type Line } from '../testing/conversation-cases.js';
import { detectCues, sendersOwn } from './detect-cues.js';

/*
 * Six classes found in the shared corpora's false alarms (issue 16, sixteenth session), read
 * in six languages:
 * - a photo of the child's own thing by its form ("a photo of your new bike"): en, de and it
 *   read it so; es, pt and fr now do, unless it names the child's face, body or look;
 * - a warning that quotes what any third party might write ("si un stranger dice "…""), the
 *   subject any one to three words, the quote after the third person's verb;
 * - a safety check-in selfie in spoken French ("que je sache que t'es arrivée");
 * - Italian "i tuoi" alone is the parents; "i tuoi cugini", "i tuoi fratelli" are other children;
 * - the camera asked for a study group's, a class's or a team's call, with no private word;
 * - the adult paying into the family's own account ("mando pro pix da sua mãe") as no demand.
 * Tables in data/parity/quotes-and-things.json; synthetic and non-graphic.
 */
type Row = { name: string; link: 'none' | 'family'; lines: Line[] };
type Lists =
  | 'thingByForm'
  | 'stillChild'
  | 'quotedWarning'
  | 'stillThreat'
  | 'safetySelfie'
  | 'stillSelfie'
  | 'peerSecret'
  | 'stillSecret'
  | 'groupCall'
  | 'stillCall'
  | 'familyAccount'
  | 'stillDemand';
const DATA = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../data/parity/quotes-and-things.json', import.meta.url)), 'utf8'),
) as Record<Lists, string[]> & { benign: Row[]; risky: Row[] };
const own = (t: string) => sendersOwn(detectCues(t, { identify: false }).cues).map((c) => c.code);
const cases = (rows: Row[]): ConversationCase[] =>
  rows.map((r) => ({ name: r.name, lines: r.lines, link: r.link === 'family' ? ['family', -400 * DAY_MINUTES] : undefined }));

describe('quotes and things, in six languages', () => {
  it("reads a photo of the child's own thing as no image request of the child", () => {
    for (const t of DATA.thingByForm) assert.equal(own(t).includes('image_request'), false, t);
  });
  it("still reads a photo of the child, the child's face or look", () => {
    for (const t of DATA.stillChild) assert.ok(own(t).includes('image_request'), t);
  });
  it("reads a warning that quotes a third party's threat as no threat of the sender's", () => {
    for (const t of DATA.quotedWarning) assert.deepEqual(own(t), [], t);
  });
  it('still reads the threat made', () => {
    for (const t of DATA.stillThreat) assert.ok(own(t).includes('exposure_threat'), t);
  });
  it('reads a selfie asked for to know the child arrived as no image request, in spoken French too', () => {
    for (const t of DATA.safetySelfie) assert.equal(own(t).includes('image_request'), false, t);
    for (const t of DATA.stillSelfie) assert.ok(own(t).includes('image_request'), t);
  });
  it('reads a secret kept from cousins or siblings as no secrecy, and one kept from "i tuoi" as one', () => {
    for (const t of DATA.peerSecret) assert.equal(own(t).includes('secrecy_request'), false, t);
    for (const t of DATA.stillSecret) assert.ok(own(t).includes('secrecy_request'), t);
  });
  it("reads the camera for a group's call as no image request; a call of the two, or a private one, still is", () => {
    for (const t of DATA.groupCall) assert.equal(own(t).includes('image_request'), false, t);
    for (const t of DATA.stillCall) assert.ok(own(t).includes('image_request'), t);
  });
  it("reads the adult paying into the family's own account as no payment demand; a demand to the sender's still is", () => {
    for (const t of DATA.familyAccount) assert.equal(own(t).includes('payment_demand'), false, t);
    for (const t of DATA.stillDemand) assert.ok(own(t).includes('payment_demand'), t);
  });
});

describeTwins(
  "a relative's photo of a thing, a quoted threat and a cousins' secret stay quiet; a photo of the child, the threat made and a secret from the parents fire",
  cases(DATA.benign),
  cases(DATA.risky),
);
