/*
 * The literals a regular expression cannot match without: a set of strings at least one of
 * which occurs in every text the expression matches (in the match itself, or where a positive
 * lookaround looked). The cue scan looks for all of them at
 * once (`literal-scan.ts`) and runs only the expressions whose literals occurred, so the
 * lexicon's data files need no hints: a new pattern is covered the moment it loads. Parsed
 * with regexpp (the parser ESLint uses), so every syntax is read as V8 reads it; anything it
 * cannot bound (a class of many letters alone, a backreference, case-folding flags) yields
 * no literals, and the caller always runs that expression.
 */
import { parseRegExpLiteral, type AST } from '@eslint-community/regexpp';

/** Most strings one part may stand for exactly ("pics?" is two); past this only a required set is kept. */
const MAX_EXACT = 64;
/** A character class is read as its letters up to this many ("[ck]" is two strings, "[a-z]" none). */
const MAX_CLASS = 8;

interface Info {
  /** Every string the part can match, "" included, when few; else undefined. */
  exact: string[] | undefined;
  /** Strings one of which every match of the part contains; undefined when none can be named. */
  required: string[] | undefined;
}

const NONE: Info = { exact: undefined, required: undefined };
const EMPTY: Info = { exact: [''], required: undefined };

/** Shortest string first, then fewer strings: the set that rules out most texts. */
function better(a: string[] | undefined, b: string[] | undefined): string[] | undefined {
  if (!a) return b;
  if (!b) return a;
  const minA = Math.min(...a.map((s) => s.length));
  const minB = Math.min(...b.map((s) => s.length));
  if (minA !== minB) return minA > minB ? a : b;
  return a.length <= b.length ? a : b;
}

/** An exact set used as a requirement: useless when it can match the empty string. */
const asRequired = (exact: string[] | undefined) => (exact && !exact.includes('') ? exact : undefined);

function product(a: string[], b: string[]): string[] | undefined {
  if (a.length * b.length > MAX_EXACT) return undefined;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return [...out];
}

function sequence(elements: readonly AST.Element[]): Info {
  let run: string[] = [''];
  let exactWhole = true;
  let best: string[] | undefined;
  for (const el of elements) {
    const info = element(el);
    const joined = info.exact ? product(run, info.exact) : undefined;
    if (joined) {
      run = joined;
      continue;
    }
    exactWhole = false;
    best = better(best, asRequired(run));
    best = better(best, info.required);
    run = info.exact ?? [''];
  }
  best = better(best, asRequired(run));
  return { exact: exactWhole ? run : undefined, required: best };
}

function alternatives(alts: readonly AST.Alternative[]): Info {
  const infos = alts.map((a) => sequence(a.elements));
  const exact = new Set<string>();
  let exactOk = true;
  for (const i of infos) {
    if (!i.exact) exactOk = false;
    else for (const s of i.exact) exact.add(s);
  }
  const required = new Set<string>();
  let requiredOk = true;
  for (const i of infos) {
    const r = better(i.required, asRequired(i.exact));
    if (!r) requiredOk = false;
    else for (const s of r) required.add(s);
  }
  return {
    exact: exactOk && exact.size <= MAX_EXACT ? [...exact] : undefined,
    required: requiredOk ? [...required] : undefined,
  };
}

function characterClass(c: AST.CharacterClass): Info {
  if (c.negate || c.unicodeSets) return NONE;
  const chars: string[] = [];
  for (const e of c.elements) {
    if (e.type === 'Character') chars.push(String.fromCodePoint(e.value));
    else if (e.type === 'CharacterClassRange' && e.max.value - e.min.value < MAX_CLASS)
      for (let v = e.min.value; v <= e.max.value; v++) chars.push(String.fromCodePoint(v));
    else return NONE;
    if (chars.length > MAX_CLASS) return NONE;
  }
  return chars.length > 0 ? { exact: chars, required: chars } : NONE;
}

function quantifier(q: AST.Quantifier): Info {
  const inner = element(q.element);
  if (q.min === 0) return { exact: q.max === 1 && inner.exact ? [...new Set(['', ...inner.exact])] : undefined, required: undefined };
  let exact: string[] | undefined;
  if (q.min === q.max && q.max <= 4 && inner.exact) {
    exact = [''];
    for (let i = 0; i < q.min && exact; i++) exact = product(exact, inner.exact);
  }
  return { exact, required: better(inner.required, asRequired(inner.exact)) };
}

function element(el: AST.Element): Info {
  switch (el.type) {
    case 'Character':
      return { exact: [String.fromCodePoint(el.value)], required: [String.fromCodePoint(el.value)] };
    case 'CharacterClass':
      return characterClass(el);
    case 'Group':
      // An inline modifier such as `(?i:…)` changes what the letters match: not bounded here.
      return el.modifiers ? NONE : alternatives(el.alternatives);
    case 'CapturingGroup':
      return alternatives(el.alternatives);
    case 'Quantifier':
      return quantifier(el);
    case 'Assertion':
      // A positive lookaround adds no text to the match, but what it needs occurs in the text,
      // which is all the scan looks at: "^(?=…party…)(?=…his…)", a pattern of several parts,
      // has the literals of either part. It ends the run of exact text beside it (`exact` unknown).
      if ((el.kind === 'lookahead' || el.kind === 'lookbehind') && !el.negate) {
        const inner = alternatives(el.alternatives);
        return { exact: undefined, required: better(inner.required, asRequired(inner.exact)) };
      }
      // Zero-width: a negative lookaround or a boundary adds nothing a text must hold.
      return EMPTY;
    default:
      // A class escape (\d, \w, .), a backreference, a class expression: no literal to name.
      return NONE;
  }
}

/** Drops any literal that contains another of the set: the shorter one occurs whenever it does. */
function minimal(literals: string[]): string[] {
  const sorted = [...new Set(literals)].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const s of sorted) if (!kept.some((k) => s.includes(k))) kept.push(s);
  return kept;
}

/**
 * The literals one of which every match of `re` contains, or undefined when none can be
 * named (the expression must then always run). Case-insensitive expressions name none.
 */
export function requiredLiterals(re: RegExp): string[] | undefined {
  if (re.ignoreCase) return undefined;
  const ast = parseRegExpLiteral(re);
  const info = alternatives(ast.pattern.alternatives);
  const required = better(info.required, asRequired(info.exact));
  return required && required.every((s) => s.length > 0) ? minimal(required) : undefined;
}
