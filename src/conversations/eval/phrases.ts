import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/*
 * The evaluation corpus's phrase banks live in data files, one a split, found by listing
 * `data/eval-phrases/` (until 2026-12-05 they were TypeScript beside this file): `base.json`
 * holds the tune and heldout banks, and every other file is one fresh split, so a new split
 * is a new file and a reviewer reads phrases without reading code. Synthetic, non-graphic.
 */
export type Lang = 'en' | 'es' | 'pt' | 'fr';
export const LANGS: readonly Lang[] = ['en', 'es', 'pt', 'fr'];
/** `tune`, `heldout`, or the name of a fresh split's file. */
export type Split = string;
export type Step = 'age' | 'flatter' | 'gift' | 'secret' | 'move' | 'image' | 'meet' | 'threat' | 'pay' | 'clock';
const STEPS = ['neutral', 'age', 'flatter', 'gift', 'secret', 'move', 'image', 'meet', 'threat', 'pay', 'clock'] as const;

export type Bank = Record<Step, string[]> & { neutral: string[] };

export const EVAL_PHRASES_DIR = fileURLToPath(new URL('../../../data/eval-phrases/', import.meta.url));

const lines = z.array(z.string().min(1));
const BankSchema = z.strictObject(Object.fromEntries(STEPS.map((s) => [s, lines])) as Record<(typeof STEPS)[number], typeof lines>);
const Banks = z.strictObject({ en: BankSchema, es: BankSchema, pt: BankSchema, fr: BankSchema });
const Families = z.record(z.string(), lines);
const BaseSchema = z.strictObject({
  about: z.string(),
  banks: z.strictObject({ tune: Banks, heldout: Banks }),
  benign: Families,
  stranger: lines,
  peer: lines,
});
const FreshSchema = z.strictObject({
  about: z.string(),
  /** The seed its corpus is generated with (kept when splits are added, so each corpus stays the same). */
  seed: z.number().int(),
  bank: Banks,
  benign: Families,
  stranger: lines,
  peer: lines,
});
export type FreshSplit = z.infer<typeof FreshSchema>;

function read<T>(file: string, schema: z.ZodType<T>): T {
  const path = join(EVAL_PHRASES_DIR, file);
  const r = schema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new Error(`${path}: ${i.path.join('.') || '(file)'}: ${i.message}`);
  }
  return r.data;
}

const base = read('base.json', BaseSchema);
export const PHRASES: Record<'tune' | 'heldout', Record<Lang, Bank>> = base.banks;
/** Everyday messages of the benign families an adult exchanges with a child (even lines tune, odd held out). */
export const BENIGN: Record<string, string[]> = base.benign;
/** Adults with no connection to the child, writing for everyday reasons (even lines tune, odd held out). */
export const STRANGER: readonly string[] = base.stranger;
/** Teens of the same age flirting (even lines tune, odd held out). */
export const PEER_FLIRT: readonly string[] = base.peer;

/** Every fresh split, by file name, in the order of their seeds (each written once for one clean run). */
export const FRESH_SPLITS: Record<string, FreshSplit> = Object.fromEntries(
  readdirSync(EVAL_PHRASES_DIR)
    .filter((f) => f.endsWith('.json') && f !== 'base.json')
    .map((f) => [f.slice(0, -5), read(f, FreshSchema)] as const)
    .sort((a, b) => a[1].seed - b[1].seed),
);
