import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeText } from '../normalize-text.js';
import { forEachGram, referenceGrams } from './ngram-features.js';

const grams = (text: string) => {
  const out: number[] = [];
  forEachGram(text, (b) => out.push(b));
  return out;
};

describe('forEachGram', () => {
  it('visits the same buckets in the same order as the split-and-pad reference', () => {
    const texts = [
      '',
      ' ',
      'a',
      'send me a pic of you',
      "don't tell your parents, it's our secret!!",
      'pay me $100 in a gift card, you have 30 minutes',
      'how old are you?  ok... lol',
      "  'quoted'  words$ and 1234 numbers ",
      'mándame una foto 🙂',
      'ne dis rien à personne',
      'x'.repeat(2100),
      `${'word '.repeat(399)}tail-end-of-a-long-word`,
    ];
    for (const t of texts) {
      for (const n of [t, normalizeText(t)]) assert.deepEqual(grams(n), referenceGrams(n), JSON.stringify(n.slice(0, 40)));
    }
  });

  it('agrees on random text over the word and separator characters', () => {
    const chars = "abcdefghijklmnopqrstuvwxyz0123456789$' .,!?-_é\u00e0\u4e2d";
    let seed = 42;
    const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let k = 0; k < 500; k++) {
      let t = '';
      const len = Math.floor(rand() * 120);
      for (let i = 0; i < len; i++) t += chars[Math.floor(rand() * chars.length)];
      assert.deepEqual(grams(t), referenceGrams(t), JSON.stringify(t));
    }
  });
});
