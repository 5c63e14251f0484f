import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createCueGates } from './cue-gates.js';
import { LEXICON } from './cue-lexicon.js';
import { cueGateStats, detectCues, plainCueCodes } from './detect-cues.js';
import { EVAL_PHRASES_DIR } from './eval/phrases.js';
import { normalizeText } from './normalize-text.js';

/*
 * The prefilter may only save work: the cues found with it are those found by testing every
 * expression. Checked on in-repo text (a fresh clone has no shared corpora): every example of
 * the lexicon, every phrase of the evaluation banks, and disguised variants of each.
 */

/** Every string in a JSON value, its "about" notes left out. */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (k !== 'about') strings(x, out);
  return out;
}

function lexiconExamples(): string[] {
  const out: string[] = [];
  for (const l of LEXICON.languages) {
    for (const c of l.cues.values()) out.push(...c.patterns.flatMap((p) => [...p.match, ...(p.not ?? [])]), ...c.not, ...c.frameMatch);
    for (const p of [...l.reply.refusal, ...l.reply.age]) out.push(...p.match, ...(p.not ?? []));
    for (const list of l.speech.values()) for (const p of list) out.push(...p.match, ...(p.not ?? []));
  }
  return out;
}

const bankPhrases = () =>
  readdirSync(EVAL_PHRASES_DIR)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => strings(JSON.parse(readFileSync(join(EVAL_PHRASES_DIR, f), 'utf8'))));

/** The disguises normalisation undoes, so that the gated path sees what a real evader sends. */
const LEET: Record<string, string> = { a: '4', e: '3', i: '1', o: '0', s: '5', t: '7' };
const disguises = (t: string): string[] => [
  t.toUpperCase(),
  t.replace(/[aeiost]/g, (c) => LEET[c]!),
  t.replace(/[a-z]+/g, (w) => (w.length <= 6 ? w.split('').join('.') : w)),
  t.replace(/[a-z]+/g, (w) => (w.length <= 5 ? w.split('').join(' ') : w)),
  t.replace(/a/g, '\u0430').replace(/o/g, '\u03bf').replace(/e/g, '\u0435'),
  t.replace(/[a-z]/g, (c) => String.fromCodePoint(0x1d41a + c.charCodeAt(0) - 97)),
  t.replace(/([aeiou])/g, '$1$1$1'),
  t.replace(/ /g, ' \u200b'),
  `${t} 📸 🤫`,
];

function assertSame(texts: readonly string[]): number {
  const diffs: string[] = [];
  for (const t of texts) {
    const gated = detectCues(t, { identify: false }).cues.map((c) => c.code);
    const plain = plainCueCodes(normalizeText(t));
    if (gated.join() !== plain.join())
      diffs.push(`${JSON.stringify(t)}: prefilter ${gated.join() || '-'}, every expression ${plain.join() || '-'}`);
  }
  assert.deepEqual(diffs.slice(0, 10), []);
  return texts.length;
}

describe('cue prefilter', () => {
  it('covers every expression of the lexicon with literals', () => {
    const s = cueGateStats();
    assert.ok(s.expressions > 100, `${s.expressions} expressions`);
    // Every lexicon pattern today has a literal; a new one without is still tested on every message, only slower.
    assert.equal(s.alwaysTested, 0);
  });

  it("finds the same cues as testing every expression, on the lexicon's examples and their disguises", () => {
    const ex = lexiconExamples();
    assert.ok(ex.length > 500, `${ex.length} examples`);
    assertSame(ex);
    assertSame(ex.flatMap(disguises));
  });

  it('finds the same cues on every phrase of the evaluation banks and their disguises', () => {
    const phrases = [...new Set(bankPhrases())];
    assert.ok(phrases.length > 500, `${phrases.length} phrases`);
    assertSame(phrases);
    assertSame(phrases.flatMap(disguises));
    // Phrases joined in pairs, as the turn window and longer messages combine moves.
    assertSame(phrases.slice(1).map((p, i) => `${phrases[i]!}. ${p}`));
  });

  it('lists exactly the gates it opened, each once, always-open ones included', () => {
    const gates = createCueGates([/send (?:me|us) a pic/, /snap(?:chat)?/, /(?:a|b)c?/, /secret|secreto/]);
    for (const text of ['send me a pic on snapchat', 'snap snap snap', 'a secreto', 'nothing here', '']) {
      gates.scan(text);
      const listed = gates.opened();
      assert.equal(new Set(listed).size, listed.length, text);
      assert.deepEqual(
        [...listed].sort((a, b) => a - b),
        [0, 1, 2, 3].filter((g) => gates.open(g)),
        text,
      );
    }
  });

  it("keeps a fork's scan apart from the gates it was forked from", () => {
    const first = createCueGates([/send (?:me|us) a pic/, /snap(?:chat)?/, /secret|secreto/]);
    const second = first.fork();
    first.scan('send me a pic');
    second.scan('add my snap, secret');
    assert.deepEqual(
      [0, 1, 2].filter((g) => first.open(g)),
      [0],
    );
    assert.deepEqual(
      [0, 1, 2].filter((g) => second.open(g)),
      [1, 2],
    );
    assert.deepEqual(first.opened(), [0]);
    assert.equal(second.stats, first.stats);
  });
});
