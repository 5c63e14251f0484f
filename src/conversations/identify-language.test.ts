import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectCues } from './detect-cues.js';
import { identifyLanguage, looksSupported } from './identify-language.js';
import { normalizeText } from './normalize-text.js';

describe('identifyLanguage', () => {
  it('names a language the lexicon has no file for as unsupported', () => {
    assert.deepEqual(identifyLanguage('ile masz lat i gdzie teraz mieszkasz'), { code: 'pl', supported: false });
    assert.deepEqual(identifyLanguage('kaç yaşındasın ve nerede yaşıyorsun'), { code: 'tr', supported: false });
  });

  it('names a supported language as supported, and guesses nothing from a few letters', () => {
    assert.deepEqual(identifyLanguage('wie alt bist du eigentlich und wo wohnst du'), { code: 'de', supported: true });
    assert.equal(identifyLanguage('ok lol'), undefined);
  });

  it('is not asked about a message with two everyday words of a supported language', () => {
    assert.equal(looksSupported(normalizeText('did you finish the homework')), true);
    assert.equal(looksSupported(normalizeText('hai finito i compiti per domani')), true);
    assert.equal(looksSupported(normalizeText('ile masz lat i gdzie teraz mieszkasz')), false);
  });

  it('puts the unsupported language on the result of a message without cues', () => {
    assert.deepEqual(detectCues('ile masz lat i gdzie teraz mieszkasz').language, { code: 'pl', supported: false });
    assert.equal(detectCues('how old are you?').language, undefined);
  });
});
