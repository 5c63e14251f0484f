import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { detectCues, sendersOwn } from '../conversations/detect-cues.js';

/** The six languages a parity row gives, in its order. */
export const PARITY_LANGS = ['en', 'es', 'pt', 'fr', 'de', 'it'] as const;
type Row = [string, string, string, string, string, string];

const ownCues = (text: string) => sendersOwn(detectCues(text).cues).map((c) => c.code);

/**
 * A parity table (`data/parity/*.json`: cue -> rows of one phrasing in en, es, pt, fr, de, it):
 * one test per row, failing with the languages in which the phrasing does not carry its cue as
 * the sender's own.
 */
export function describeParityTable(title: string, file: URL): void {
  const table = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Row[]>;
  describe(title, () => {
    for (const [code, rows] of Object.entries(table))
      for (const row of rows)
        it(`${code}: ${row[0]}`, () => {
          const missing = PARITY_LANGS.filter((_, i) => !ownCues(row[i]!).includes(code));
          assert.deepEqual(missing, [], row.join(' / '));
        });
  });
}
