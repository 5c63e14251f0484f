import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { isAppError } from '../../core/app-error.js';
import { detectCues } from '../detect-cues.js';
import { generateCorpus } from '../eval/generate-corpus.js';
import { FRESH_SPLITS, LANGS, PHRASES } from '../eval/phrases.js';
import { FUNCTION_WORDS } from './function-words.js';
import { emptyModelState, addMessage } from './conversation-features.js';
import { BUILTIN_MODEL_PATH, loadRiskModel, type RiskModelFile } from './risk-model.js';
import { trainRiskModel } from './train-model.js';
import { parseTrainingData } from './training-data.js';

const model = loadRiskModel();
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const p = (text: string) => {
  const { cues, normalized } = detectCues(text);
  return model.messageProbability(normalized, cues);
};

describe('the conversation-risk model', () => {
  it('loads the committed model and scores risky moves above everyday messages', () => {
    assert.ok(p('how old are you btw?') > 0.5);
    assert.ok(p("don't tell your parents we talk") > 0.5);
    assert.ok(p('practice moved to 5pm, bring water') < 0.2);
    assert.ok(p('zyxwv qqq plorp') < 0.5, 'words it never saw score the base rate, not a risk');
    const words = model.explain(detectCues('add me on snap').normalized, 3);
    assert.ok(words.length > 0 && words.some((w) => /snap|add/.test(w)), words.join(','));
  });

  it('gives a calibrated conversation score that rises with evidence and context', () => {
    const st = emptyModelState();
    addMessage(
      st,
      detectCues('how old are you btw?').cues.reduce((m) => m, 0),
      p('how old are you btw?'),
    );
    const connected = model.conversationProbability(st, { unconnected: false, flagged: false, youngMinor: true });
    const stranger = model.conversationProbability(st, { unconnected: true, flagged: false, youngMinor: true });
    assert.ok(stranger > connected, `${stranger} > ${connected}`);
    assert.ok(stranger >= 0 && stranger <= 1);
  });

  it('refuses a broken model file with the field and the reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-model-'));
    try {
      const good = JSON.parse(readFileSync(BUILTIN_MODEL_PATH, 'utf8')) as RiskModelFile;
      const cases: [string, (m: RiskModelFile) => void, RegExp][] = [
        ['weights', (m) => m.message.gramWeight.pop(), /message\.gramWeight/],
        ['features', (m) => (m.conversation.features[1] = 'stage:other'), /conversation\.features/],
        ['format', (m) => ((m as { format: string }).format = 'v0'), /format/],
      ];
      for (const [name, spoil, field] of cases) {
        const m = structuredClone(good);
        spoil(m);
        writeFileSync(join(dir, `${name}.json`), JSON.stringify(m));
        assert.throws(
          () => loadRiskModel(join(dir, `${name}.json`)),
          (e: unknown) => isAppError(e) && e.issues.some((i) => field.test(i.field)),
        );
      }
      writeFileSync(join(dir, 'bad.json'), '{not json');
      assert.throws(() => loadRiskModel(join(dir, 'bad.json')), /cannot read the conversation model/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is exactly what npm run train produces from the tune split and the shared corpora (the weights are reproducible)', (t) => {
    // The corpora are generators beside the checkout (../shared/corpora, or WARDEN_CORPORA); a
    // clone without them cannot regenerate the data, and says so rather than passing.
    const corpora = process.env.WARDEN_CORPORA ?? join(ROOT, '..', 'shared', 'corpora');
    if (!existsSync(join(corpora, 'conversations-a', 'generate.mjs'))) {
      t.skip(`no corpora at ${corpora}: set WARDEN_CORPORA to check that the committed model is reproducible`);
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'warden-train-'));
    try {
      const data = join(dir, 'training.jsonl');
      const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'training-data.mjs'), data, '--corpora', corpora], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 300_000,
      });
      assert.equal(r.status, 0, r.stderr);
      const bytes = readFileSync(data);
      const sha = createHash('sha256').update(bytes).digest('hex');
      assert.equal(sha, model.file.trainingData.sha256, 'the training data is what scripts/training-data.mjs writes');
      const tune = generateCorpus('tune', 400, 11, { grammar: true });
      assert.ok(!tune.some((c) => c.split !== 'tune'), 'never the held-out or fresh splits');
      const { rows } = parseTrainingData(bytes.toString('utf8'));
      const progress: number[] = [];
      const { file } = trainRiskModel(rows, {
        seed: 1,
        dataSha256: sha,
        trainedAt: model.file.trainedAt,
        onProgress: (done, total) => progress.push(done / total),
      });
      assert.deepEqual(file, model.file);
      // Progress (for `warden train`'s bar) only rises, passes halfway once every conversation is prepared, and ends at the whole.
      assert.ok(progress.every((p, i) => i === 0 || p > progress[i - 1]!));
      assert.equal(progress[rows.length - 1], 0.5);
      assert.equal(progress.at(-1), 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never cites a function word or chat filler as a word that weighed towards risk', () => {
    // Every line of every evaluation split, in four languages, risky and everyday.
    const texts = new Set<string>();
    const add = (xs: readonly string[]) => xs.forEach((x) => texts.add(x));
    for (const bank of [PHRASES.tune, PHRASES.heldout, ...Object.values(FRESH_SPLITS).map((s) => s.bank)])
      for (const lang of LANGS) Object.values(bank[lang]).forEach(add);
    for (const s of Object.values(FRESH_SPLITS)) Object.values(s.benign).forEach(add);
    let cited = 0;
    for (const text of texts) {
      for (const words of model.explain(detectCues(text).normalized, 5)) {
        cited++;
        for (const w of words.split(' ')) assert.ok(!FUNCTION_WORDS.has(w), `"${w}" cited in "${words}" for "${text}"`);
      }
    }
    assert.ok(cited > 500, `explanations cite words (${cited} checked)`);
    for (const w of ['you', 'ur', 'what', 'me', 'ok']) assert.ok(FUNCTION_WORDS.has(w), w);
  });
});

describe('labelled training data', () => {
  it('reports a bad line with its number and field, and keeps the rest', () => {
    const ok = {
      id: 'c1',
      label: 'benign',
      context: { unconnected: false, recipientBand: '13-15' },
      messages: [{ from: 'adult', text: 'practice at 5' }],
    };
    const text = [
      JSON.stringify(ok),
      '{oops',
      JSON.stringify({ ...ok, id: 'c2', label: 'scary' }),
      JSON.stringify({ ...ok, id: 'c3', messages: [] }),
      JSON.stringify(ok),
      '',
    ].join('\n');
    const { rows, errors } = parseTrainingData(text);
    assert.equal(rows.length, 1);
    assert.deepEqual(
      errors.map((e) => e.line),
      [2, 3, 4, 5],
    );
    assert.deepEqual(
      errors.map((e) => e.field),
      ['(line)', 'label', 'messages', 'id'],
    );
    assert.match(errors[0]!.reason, /not JSON/);
    assert.match(errors[3]!.reason, /appears twice/);
  });
});
