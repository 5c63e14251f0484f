import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectCues } from './detect-cues.js';
import { LANGUAGES } from './cue-lexicon.js';
import { messageLanguage } from './message-language.js';
import { normalizeText } from './normalize-text.js';

const read = (t: string) => {
  const m = messageLanguage(normalizeText(t));
  return { languages: [...m.languages].sort(), ruledOut: LANGUAGES.filter((l) => m.ruledOut(l)) };
};
const cue = (t: string, code: string) => detectCues(t).cues.find((c) => c.code === code);

describe('messageLanguage', () => {
  it('names the language of a plain message and rules the others out', () => {
    assert.deepEqual(read('wie alt bist du eigentlich und wo wohnst du'), {
      languages: ['de'],
      ruledOut: LANGUAGES.filter((l) => l !== 'de'),
    });
  });

  it('rules nothing out in a short message', () => {
    assert.deepEqual(read('pic?'), { languages: [], ruledOut: [] });
    assert.deepEqual(read('ok lol'), { languages: [], ruledOut: [] });
  });

  it('keeps both languages of a code-switched message', () => {
    const r = read('i mean it, schick mir ein foto von dir');
    assert.deepEqual(r.languages, ['de', 'en']);
    assert.ok(!r.ruledOut.includes('en') && !r.ruledOut.includes('de'));
  });

  it('rules out neither of two near languages that language identification cannot tell apart', () => {
    // ELD: Italian 0.687, Spanish 0.686 on this Spanish request.
    assert.ok(!read('mandame una foto tuya').ruledOut.includes('es'));
  });
});

describe('detectCues by the message language', () => {
  it('reads an offer in German that names an English payment brand as an offer', () => {
    const c = cue('ich zahle dir 10 euro fuers rasenmaehen, bar oder paypal?', 'payment_demand');
    assert.ok(c?.acts?.includes('offer'), JSON.stringify(c));
    assert.equal(c?.notOwn, true);
  });

  it('still reads a German demand that names the same brand as a demand', () => {
    const c = cue('schick mir 50 euro per paypal oder ich poste alles', 'payment_demand');
    assert.ok(c && !c.notOwn, JSON.stringify(c));
    assert.ok(cue('schick mir 50 euro per paypal oder ich poste alles', 'exposure_threat'));
  });

  it('does not let a Spanish pattern fire on Italian text', () => {
    // "manda una foto" is a Spanish image request; here it is an Italian mother asking for a photo for grandma.
    assert.equal(cue('La mamma dice che ti sei tagliata i capelli, manda una foto alla nonna!', 'image_request'), undefined);
    assert.ok(cue('mandami una foto di te', 'image_request'));
    assert.ok(cue('mandame una foto tuya', 'image_request'));
  });

  it('does not let an English pattern read Italian reported speech as a demand', () => {
    const c = cue('un account dice che ha delle mie foto e vuole 100€ in gift card', 'payment_demand');
    assert.ok(!c || c.notOwn, JSON.stringify(c));
  });

  it('rules on a long message without everyday words by language identification alone', () => {
    // Portuguese advice; "gift card" is the English demand pattern's word, not a neutral one.
    assert.equal(cue('Golpistas fingem ser adolescentes e depois pedem dinheiro ou gift card', 'payment_demand'), undefined);
  });

  it('counts neutral patterns (a bare "foto?", a borrowed "countdown") in any language', () => {
    assert.ok(cue('foto? quiero ver con quien hablo', 'image_request'));
    assert.ok(cue('countdown started', 'deadline'));
  });
});
