/*
 * Loads the cue lexicon from its data files: `lexicon/cues.yaml` (what each cue means, its
 * stage, the parts of its frames) and one `lexicon/<language>.yaml` per language, found by
 * listing the folder, so adding a language is adding a file. Patterns name shared fragments
 * as `{name}` (a language's `defs` or `slots`, then the common `defs`); they are expanded
 * here, compiled once, and every problem is reported by file and field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { AppError, type FieldIssue } from '../core/app-error.js';
import { err, ok, type Result } from '../core/result.js';
import { zodIssues } from '../events/validate-event.js';
import {
  CueIndexSchema,
  LanguageFileSchema,
  type CueIndex,
  type LanguageFile,
  type PatternEntry,
  type SpeechPatternEntry,
} from './lexicon-schema.js';

/** A pattern as written, expanded, with its examples. */
export interface LoadedPattern extends PatternEntry {
  expanded: string;
}

export interface LoadedLanguage {
  language: string;
  name: string;
  file: string;
  common: string[];
  cues: Map<string, { patterns: LoadedPattern[]; unless: string[]; not: string[]; frameMatch: string[] }>;
  /** Each frame of a cue as its expanded slots, in the order `cues.yaml` lists them. */
  frames: Map<string, string[][]>;
  reply: { refusal: LoadedPattern[]; age: LoadedPattern[] };
  /** Speech-act patterns by act; each is a list of expressions that must all match one sentence. */
  speech: Map<string, (SpeechPatternEntry & { expanded: string[] })[]>;
}

export interface Lexicon {
  cues: (CueIndex['cues'][string] & { code: string })[];
  letters: CueIndex['letters'];
  emoji: CueIndex['emoji'];
  defs: Record<string, string>;
  languages: LoadedLanguage[];
}

/** The folder the lexicon ships in: beside `dist/` and `src/`, named in package.json "files". */
export const LEXICON_DIR = fileURLToPath(new URL('../../lexicon/', import.meta.url));
const INDEX = 'cues.yaml';
const REF = /\{([a-z][a-z0-9_]*)\}/g;
const HAS_REF = /\{[a-z][a-z0-9_]*\}/;

function parseYaml(file: string, text: string): Result<unknown, FieldIssue[]> {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0)
    return err(doc.errors.map((e) => ({ field: file, reason: `line ${e.linePos?.[0]?.line ?? '?'}: ${e.message.split('\n')[0]}` })));
  return ok(doc.toJS());
}

/** `{name}` replaced from the scopes in order until none is left; a cycle or an unknown name is an issue. */
function expander(file: string, scopes: Record<string, string>[], issues: FieldIssue[]) {
  return (source: string, field: string): string => {
    let s = source;
    for (let depth = 0; depth < 8 && HAS_REF.test(s); depth++) {
      s = s.replace(REF, (whole, name: string) => {
        const v = scopes.find((sc) => Object.hasOwn(sc, name))?.[name];
        if (v === undefined) issues.push({ field: `${file}: ${field}`, reason: `names {${name}}, which no defs or slots define` });
        return v ?? whole.replace(/[{}]/g, '');
      });
    }
    try {
      new RegExp(s);
    } catch (e) {
      issues.push({ field: `${file}: ${field}`, reason: `is not a valid pattern: ${(e as Error).message}` });
    }
    return s;
  };
}

function loadLanguage(file: string, data: LanguageFile, index: CueIndex, issues: FieldIssue[]): LoadedLanguage {
  const expand = expander(file, [data.defs, data.slots, index.defs], issues);
  const pats = (list: PatternEntry[], field: string) => list.map((p, i) => ({ ...p, expanded: expand(p.re, `${field}[${i}].re`) }));
  const cues: LoadedLanguage['cues'] = new Map();
  for (const [code, c] of Object.entries(data.cues)) {
    if (!index.cues[code]) issues.push({ field: `${file}: cues.${code}`, reason: `is not a cue of ${INDEX}` });
    cues.set(code, {
      patterns: pats(c.patterns, `cues.${code}.patterns`),
      unless: (c.unless ?? []).map((u, i) => expand(u, `cues.${code}.unless[${i}]`)),
      not: c.not,
      frameMatch: c.frame_match ?? [],
    });
  }
  const frames: LoadedLanguage['frames'] = new Map();
  for (const [code, c] of Object.entries(index.cues))
    if (c.frames)
      frames.set(
        code,
        c.frames.map((slots, i) => slots.map((s, j) => expand(`{${s}}`, `frames of ${code}[${i}][${j}]`))),
      );
  const speech = new Map(
    Object.entries(data.speech).map(
      ([k, v]) =>
        [
          k,
          v.map((p, i) => ({
            ...p,
            expanded: (typeof p.re === 'string' ? [p.re] : p.re).map((r, j) => expand(r, `speech.${k}[${i}].re[${j}]`)),
          })),
        ] as const,
    ),
  );
  return {
    language: data.language,
    name: data.name,
    file,
    common: data.common,
    cues,
    frames,
    reply: { refusal: pats(data.reply.refusal, 'reply.refusal'), age: pats(data.reply.age, 'reply.age') },
    speech,
  };
}

/** The lexicon from its files' texts (`cues.yaml` and one file per language). */
export function parseLexicon(files: readonly { file: string; text: string }[]): Result<Lexicon, FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const indexFile = files.find((f) => f.file === INDEX);
  if (!indexFile) return err([{ field: INDEX, reason: 'is missing from the lexicon folder' }]);
  const indexYaml = parseYaml(INDEX, indexFile.text);
  if (!indexYaml.ok) return indexYaml;
  const index = CueIndexSchema.safeParse(indexYaml.value);
  if (!index.success) return err(zodIssues(index.error).map((i) => ({ field: `${INDEX}: ${i.field}`, reason: i.reason })));
  const languages: LoadedLanguage[] = [];
  for (const f of files) {
    if (f.file === INDEX) continue;
    const y = parseYaml(f.file, f.text);
    if (!y.ok) {
      issues.push(...y.error);
      continue;
    }
    const data = LanguageFileSchema.safeParse(y.value);
    if (!data.success) {
      issues.push(...zodIssues(data.error).map((i) => ({ field: `${f.file}: ${i.field}`, reason: i.reason })));
      continue;
    }
    if (f.file !== `${data.data.language}.yaml`)
      issues.push({ field: `${f.file}: language`, reason: `is ${data.data.language}, not the file's name` });
    languages.push(loadLanguage(f.file, data.data, index.data, issues));
  }
  if (issues.length > 0) return err(issues);
  const defs = Object.fromEntries(
    Object.keys(index.data.defs).map((k) => [k, expander(INDEX, [index.data.defs], issues)(`{${k}}`, `defs.${k}`)]),
  );
  return ok({
    cues: Object.entries(index.data.cues).map(([code, c]) => ({ code, ...c })),
    letters: index.data.letters,
    emoji: index.data.emoji,
    defs,
    languages,
  });
}

/** Reads and checks every file of the lexicon folder; a broken lexicon stops start-up with each issue named. */
export function loadLexicon(dir: string = LEXICON_DIR): Lexicon {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }));
  const r = parseLexicon(files);
  if (!r.ok) throw new AppError('config_invalid', `the cue lexicon in ${dir} has ${r.error.length} problem(s)`, { issues: r.error });
  return r.value;
}
