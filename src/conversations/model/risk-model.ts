import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AppError } from '../../core/app-error.js';
import type { Cue } from '../detect-cues.js';
import { CONVERSATION_FEATURES, featureVector, type ModelState, type RiskContext } from './conversation-features.js';
import { sigmoid } from './logistic.js';
import { forEachGram, NGRAM_BUCKETS } from './ngram-features.js';

const KNOWN: ReadonlySet<string> = new Set(CONVERSATION_FEATURES);

/** The model `warden train` writes and Warden loads offline: plain JSON, committed beside the code. */
export const RiskModelFileSchema = z.strictObject({
  format: z.literal('warden-conversation-risk/1'),
  trainedAt: z.string(),
  trainingData: z.strictObject({
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    conversations: z.number().int().min(1),
    messages: z.number().int().min(0),
  }),
  message: z
    .strictObject({
      buckets: z.literal(NGRAM_BUCKETS),
      bias: z.number(),
      /** Bucket indices with a non-zero weight, ascending, and their weights. */
      gramIndex: z.array(
        z
          .number()
          .int()
          .min(0)
          .max(NGRAM_BUCKETS - 1),
      ),
      gramWeight: z.array(z.number()),
      /** One weight per cue code the detector can report. */
      cues: z.record(z.string(), z.number()),
    })
    .refine((m) => m.gramIndex.length === m.gramWeight.length, {
      message: 'gramIndex and gramWeight differ in length',
      path: ['gramWeight'],
    }),
  conversation: z
    .strictObject({ features: z.array(z.string()), weights: z.array(z.number()) })
    // Features by name: a model trained before the relationship features (2026-12-05) still
    // loads and reads only what it was trained on.
    .refine((c) => c.features.every((f) => KNOWN.has(f)) && new Set(c.features).size === c.features.length, {
      message: `must be distinct features this version computes: ${CONVERSATION_FEATURES.join(', ')}`,
      path: ['features'],
    })
    .refine((c) => c.weights.length === c.features.length, { message: 'one weight per feature', path: ['weights'] }),
  calibration: z.strictObject({
    a: z.number(),
    b: z.number(),
    samples: z.number().int(),
    ece: z.number(),
    brier: z.number(),
    auc: z.number().nullable(),
  }),
  thresholds: z.strictObject({
    /** A conversation whose calibrated risk reaches this raises an early, low-severity alert before the rules would. */
    early: z.number().min(0).max(1),
    /** Below this, a medium-severity rule hit is held back as the model's context says it is benign. */
    suppress: z.number().min(0).max(1),
    /**
     * From an adult the child knows (a link the child made before the conversation, or the
     * child wrote first), a rule hit other than sextortion is held back below this: their
     * words alone are weak evidence. Absent in models trained before 2026-12-05 (nothing held back).
     */
    known: z.number().min(0).max(1).optional(),
  }),
});
export type RiskModelFile = z.infer<typeof RiskModelFileSchema>;

export interface RiskModel {
  readonly file: RiskModelFile;
  /** The message model's probability that one (normalised) message is a risky move. */
  messageProbability(normalized: string, cues: readonly Pick<Cue, 'code'>[]): number;
  /** The words (and word pairs) whose n-grams weigh most towards risk in a message, strongest first (for an alert's reasons). */
  explain(normalized: string, k: number): string[];
  /** Calibrated probability that this sender's side of the conversation is grooming, solicitation or sextortion. */
  conversationProbability(s: ModelState, ctx: RiskContext): number;
}

export const BUILTIN_MODEL_PATH = fileURLToPath(new URL('../../../models/conversation-risk.json', import.meta.url));

export function createRiskModel(file: RiskModelFile): RiskModel {
  const w = new Float32Array(NGRAM_BUCKETS);
  file.message.gramIndex.forEach((i, k) => (w[i] = file.message.gramWeight[k]!));
  const cw = new Map(Object.entries(file.message.cues));
  // One weight per computed feature, in the order featureVector writes them (0 where the file has none).
  const cv = new Float64Array(CONVERSATION_FEATURES.length);
  file.conversation.features.forEach(
    (f, k) => (cv[CONVERSATION_FEATURES.indexOf(f as (typeof CONVERSATION_FEATURES)[number])] = file.conversation.weights[k]!),
  );
  const { a, b } = file.calibration;
  let z = 0;
  const add = (bucket: number) => (z += w[bucket]!);
  return {
    file,
    messageProbability(normalized, cues) {
      z = file.message.bias;
      forEachGram(normalized, add);
      for (const c of cues) z += cw.get(c.code) ?? 0;
      return sigmoid(z);
    },
    explain(normalized, k) {
      const byWord = new Map<string, number>();
      forEachGram(
        normalized,
        (bucket, text) => {
          if (text) byWord.set(text, (byWord.get(text) ?? 0) + w[bucket]!);
        },
        true,
      );
      return [...byWord]
        .filter(([, v]) => v > 0.5)
        .sort((x, y) => y[1] - x[1])
        .slice(0, k)
        .map(([t]) => t);
    },
    conversationProbability(s, ctx) {
      const x = featureVector(s, ctx);
      let zc = 0;
      for (let i = 0; i < x.length; i++) zc += cv[i]! * x[i]!;
      return sigmoid(a * zc + b);
    },
  };
}

/** Loads and checks a model file; a bad one names the field and the reason. */
export function loadRiskModel(path = BUILTIN_MODEL_PATH): RiskModel {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new AppError('config_invalid', `cannot read the conversation model ${path}: ${(e as Error).message}`, { cause: e });
  }
  const parsed = RiskModelFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('config_invalid', `conversation model ${path} is not valid`, {
      issues: parsed.error.issues.map((i) => ({ field: i.path.join('.') || '(file)', reason: i.message })),
    });
  }
  return createRiskModel(parsed.data);
}
