import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AppError } from '../core/app-error.js';

/** The offender path's stages, in the order the documented grooming and sextortion scripts use them. */
export const OFFENDER_STAGES = [
  'contact',
  'age_question',
  'secrecy',
  'app_move',
  'gift',
  'image_request',
  'meeting',
  'threat',
  'payment',
] as const;
export type OffenderStage = (typeof OFFENDER_STAGES)[number];

export const BENIGN_KINDS = ['classmates', 'coach', 'teacher', 'relative', 'neighbour', 'guild', 'teen_dating', 'adults'] as const;
export type BenignKind = (typeof BENIGN_KINDS)[number];

const Lines = z.array(z.string().min(1).max(500)).min(1);
const PhraseBankSchema = z.strictObject({
  about: z.string(),
  offender: z.strictObject(Object.fromEntries(OFFENDER_STAGES.map((s) => [s, Lines])) as Record<OffenderStage, typeof Lines>),
  searches: Lines,
  teen_declared_contact: Lines,
  replies: Lines,
  benign: z.strictObject(Object.fromEntries(BENIGN_KINDS.map((k) => [k, Lines])) as Record<BenignKind, typeof Lines>),
});
export type PhraseBank = z.output<typeof PhraseBankSchema>;

export const DEFAULT_PHRASES = fileURLToPath(new URL('../../data/simulator/phrases.json', import.meta.url));

/** Loads and checks a phrase bank (data, not code: DESIGN.md "Data is data"); the error names the field. */
export function loadPhraseBank(path: string = DEFAULT_PHRASES): PhraseBank {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new AppError('config_invalid', `cannot read the phrase bank ${path}`, { cause });
  }
  const r = PhraseBankSchema.safeParse(raw);
  if (!r.success) {
    const issues = r.error.issues.map((i) => ({ field: i.path.join('.') || '(file)', reason: i.message }));
    throw new AppError('config_invalid', `phrase bank ${path}: ${issues.map((i) => `${i.field} ${i.reason}`).join('; ')}`, { issues });
  }
  return r.data;
}
