/*
 * Cues of the documented grooming stages and the financial sextortion script, loaded from
 * the data files in `lexicon/` (one per language, each pattern with its examples), written
 * against `normalizeText` output (lower case, no accents, disguises undone). Non-graphic by
 * rule: the cues are the moves (asking a child's age, asking for secrecy, moving to another
 * app, offering gifts, asking for images or a meeting, threatening, demanding payment), never
 * descriptions of acts or bodies.
 */
import type { Stage } from './cue-stages.js';
import { loadLexicon } from './load-lexicon.js';

export { STAGES, STAGE_BIT, type Stage } from './cue-stages.js';

/** A language the lexicon has a file for (`lexicon/<code>.yaml`). */
export type CueLang = string;

export interface CueDef {
  code: string;
  stage: Stage;
  detail: string;
  /** Expanded patterns by language. */
  patterns: Record<CueLang, string[]>;
  /** The expanded patterns of `patterns` marked `neutral` (no one language's words), by language. */
  neutral: Record<CueLang, string[]>;
  /**
   * Asked every day by adults the child chose to connect with (a relative checking the
   * school year, a coach filling in a roster): from them it is not a move on its own, and
   * only an unconnected adult's use of it counts towards a rule.
   */
  everydayWhenConnected?: true;
  /** A message that also matches one of these does not carry the cue (a secret that is a surprise for someone else). */
  unless?: Partial<Record<CueLang, string[]>>;
}

/** Loaded once, at import: a lexicon that fails its checks stops start-up with every issue named. */
export const LEXICON = loadLexicon();

/**
 * One expression for a `speech` pattern: a pattern of several parts matches where every part
 * occurs, in any order, so each part is a lookahead from the start.
 */
export const allParts = (expanded: readonly string[]): string =>
  expanded.length === 1 ? `(?:${expanded[0]!})` : `^${expanded.map((r) => `(?=[\\s\\S]*?(?:${r}))`).join('')}`;

/** The languages with a lexicon file, in file order. */
export const LANGUAGES: readonly CueLang[] = LEXICON.languages.map((l) => l.language);

/** App names that mean only the app: a frame may find them anywhere in a message. */
export const APP_NAMES = LEXICON.defs['app_names']!;

export const CUES: CueDef[] = LEXICON.cues.map((c) => ({
  code: c.code,
  stage: c.stage,
  detail: c.detail,
  ...(c.everydayWhenConnected ? { everydayWhenConnected: true as const } : {}),
  patterns: Object.fromEntries(LEXICON.languages.map((l) => [l.language, l.cues.get(c.code)?.patterns.map((p) => p.expanded) ?? []])),
  neutral: Object.fromEntries(
    LEXICON.languages.map((l) => [
      l.language,
      l.cues
        .get(c.code)
        ?.patterns.filter((p) => p.neutral)
        .map((p) => p.expanded) ?? [],
    ]),
  ),
  unless: Object.fromEntries(
    LEXICON.languages.flatMap((l) => (l.cues.get(c.code)?.unless.length ? [[l.language, l.cues.get(c.code)!.unless]] : [])),
  ),
}));
