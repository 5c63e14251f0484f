import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { EVAL_PHRASES_DIR, FRESH_SPLITS, LANGS, PHRASES } from './phrases.js';

describe('evaluation phrase banks', () => {
  it('are the data files of data/eval-phrases/, every fresh split found by listing it', () => {
    const files = readdirSync(EVAL_PHRASES_DIR).filter((f) => f.endsWith('.json') && f !== 'base.json');
    assert.deepEqual(Object.keys(FRESH_SPLITS).sort(), files.map((f) => f.slice(0, -5)).sort());
    assert.ok(files.length >= 16);
    const seeds = Object.values(FRESH_SPLITS).map((s) => s.seed);
    assert.equal(new Set(seeds).size, seeds.length, 'each split its own seed');
    for (const split of [PHRASES.tune, PHRASES.heldout, ...Object.values(FRESH_SPLITS).map((s) => s.bank)])
      for (const lang of LANGS) assert.ok(split[lang].secret.length > 0 && split[lang].neutral.length > 0);
  });
});
