import { createCueGates, type GateStats } from './cue-gates.js';
import { FRAMES } from './cue-frames.js';
import { CUES, STAGE_BIT, type CueLang, type Stage } from './cue-lexicon.js';
import { normalizeText } from './normalize-text.js';
import { identifyLanguage, looksSupported, type LanguageGuess } from './identify-language.js';
import { messageLanguage, type MessageLanguage } from './message-language.js';
import { destinationActs, discounts, sentences, speechActs, type SentenceActs, type SpeechAct } from './speech-acts.js';

export interface Cue {
  code: string;
  stage: Stage;
  detail: string;
  lang: CueLang;
  /** Everyday from an adult the child is connected to (see `CueDef.everydayWhenConnected`). */
  everydayWhenConnected?: true;
  /** What the sentence carrying the cue does (`speech-acts.ts`), where it does anything. */
  acts?: readonly SpeechAct[];
  /** An image request for a photo of a thing (a receipt, homework), not of the child. */
  imageOf?: 'thing';
  /** The sentence is a warning, reported speech, a negated ask, an offer of pay or a photo of a thing: not the sender's own move. */
  notOwn?: true;
}

interface Compiled {
  /** The cue a match reports: built once and shared (cues are never changed after detection). */
  cue: Readonly<Cue>;
  re: RegExp | undefined;
  /** `re`'s alternatives one by one, each with its own gate: the scan tests only those whose literals occurred. */
  alts: RegExp[];
  /** Each frame's slots, all of which must match (`cue-frames.ts`). */
  frames: RegExp[][];
  unless?: RegExp | undefined;
  /** The cue's patterns in this language marked `neutral`: they count on text of any language. */
  neutral?: RegExp | undefined;
}

/*
 * A whole-word match. The start is a lookbehind, not `(?:^|[^a-z])`: that form begins every
 * attempt by consuming any non-letter, so each space in a message starts a trial of every
 * alternative; with the lookbehind V8 filters start positions by the alternatives' first
 * letters. Same matches for `test()`, 1.37x the cue scan's speed (14.5k to 19.8k messages/s).
 */
const word = (p: string) => `(?<![a-z])(?:${p})(?![a-z])`;

// One alternation per cue and language, compiled once: a message that passes the scan is
// tested against one expression per cue and language (and its frames), not hundreds.
const COMPILED: Compiled[] = CUES.flatMap((c) =>
  Object.keys(c.patterns)
    .filter((l) => c.patterns[l]!.length > 0 || FRAMES[c.code]?.[l]?.length)
    .map((lang) => ({
      cue: Object.freeze({
        code: c.code,
        stage: c.stage,
        detail: c.detail,
        lang,
        ...(c.everydayWhenConnected ? { everydayWhenConnected: true as const } : {}),
      }),
      re: c.patterns[lang]!.length > 0 ? new RegExp(word(c.patterns[lang]!.join('|'))) : undefined,
      alts: c.patterns[lang]!.map((p) => new RegExp(word(p))),
      frames: (FRAMES[c.code]?.[lang] ?? []).map((slots) => slots.map((s) => new RegExp(word(s)))),
      unless: c.unless?.[lang]?.length ? new RegExp(`(?:${c.unless[lang]!.join('|')})`) : undefined,
      neutral: c.neutral[lang]?.length ? new RegExp(word(c.neutral[lang]!.join('|'))) : undefined,
    })),
);
const matches = (c: Compiled, text: string, framesPossible: boolean) =>
  (c.re?.test(text) ?? false) || (framesPossible && c.frames.some((slots) => slots.every((r) => r.test(text))));
const CONTACT_CUE: Readonly<Cue> = Object.freeze({
  code: 'contact_details',
  stage: 'isolation_platform_move',
  detail: 'shared a phone number or an off-platform handle',
  lang: 'en',
});

/*
 * Each compiled expression's gates (`cue-gates.ts`): one per pattern of its alternation, then
 * each frame slot's. A gate per pattern, not per alternation: with one gate the whole
 * alternation ran wherever any one pattern's literal occurred, and the fifteenth round's longer
 * alternations (sextortion in broken words) cut the cue scan from 57k to 37k messages/s.
 * `alts[i].test` for each open pattern is the alternation's `test`, split.
 */
const GATE_EXPRESSIONS: RegExp[] = [];
const gateOf = (re: RegExp) => GATE_EXPRESSIONS.push(re) - 1;
const GATE_IDS = COMPILED.map((c) => ({ alts: c.alts.map(gateOf), frames: c.frames.map((slots) => slots.map(gateOf)) }));
// One set of marks for the module: a scan lasts until the next, so nothing called inside
// detectCues' loop (withActs, speech acts) may call detectCues again.
const GATES = createCueGates(GATE_EXPRESSIONS);
/** Each gate's entry in COMPILED. Gates are numbered in COMPILED's order, so owners ascend with gate ids. */
const GATE_OWNER = new Int32Array(GATE_EXPRESSIONS.length);
GATE_IDS.forEach((g, j) => {
  for (const q of g.alts) GATE_OWNER[q] = j;
  for (const slots of g.frames) for (const q of slots) GATE_OWNER[q] = j;
});
/**
 * Sorts a short list of gate ids in place, ascending. By hand: a chat message opens a few
 * gates (a few dozen of the lexicon's two thousand patterns), and `Array.prototype.sort` with a
 * comparator cost 5% of the scan (profiled).
 */
function sortGates(a: number[]): number[] {
  for (let i = 1; i < a.length; i++) {
    const x = a[i]!;
    let k = i - 1;
    while (k >= 0 && a[k]! > x) {
      a[k + 1] = a[k]!;
      k--;
    }
    a[k + 1] = x;
  }
  return a;
}
/** How the prefilter covers the lexicon (for the bench and tests). */
export const cueGateStats = (): GateStats => GATES.stats;

/** `matches` for the whole message, testing only the expressions whose literals occurred in it (loops, not closures: it runs per message). */
function gatedMatch(c: Compiled, j: number, text: string): boolean {
  const g = GATE_IDS[j]!;
  for (let q = 0; q < g.alts.length; q++) if (GATES.open(g.alts[q]!) && c.alts[q]!.test(text)) return true;
  frames: for (let k = 0; k < c.frames.length; k++) {
    const gates = g.frames[k]!;
    for (let q = 0; q < gates.length; q++) if (!GATES.open(gates[q]!)) continue frames;
    const slots = c.frames[k]!;
    for (let q = 0; q < slots.length; q++) if (!slots[q]!.test(text)) continue frames;
    return true;
  }
  return false;
}

/** Italian "ma" (but), French "ma" (my): where `sentences` may split (speech-acts.ts). */
const MA = /\sma\s/;

/** Shorter normalised messages are not worth asking language identification about (see identify-language.ts). */
const MIN_LENGTH = 20;

/**
 * A phone number, or a handle offered with an app name: contact details leaving the platform.
 * A bare word after the app name counts only when it looks like a handle (a digit, `_` or
 * `.`), so "my snap is sk8r_kid" does and "our whatsapp group" does not. The app's name is a
 * whole word, and a dash after it is set off by a space: "signaler.", "signalement.", "instalar."
 * and "discord-regel" are words of their own, not handles (fifteenth round).
 */
const CONTACT =
  /(?:\+?\d[\d ().-]{7,}\d)|(?:(?<![a-z])(?:snap(?:chat)?|telegram|whatsapp|kik|discord|insta(?:gram)?|signal)(?![a-z])\s*(?:(?:is|:|\s-|-\s|es|e|est)\s*@?[a-z0-9_.]{3,}|@[a-z0-9_.]{3,}|(?=[a-z]*[0-9_.])[a-z0-9_.]{3,}))/;

/** A sentence's acts read in each of the languages, together (an act found in any of them counts). */
function actsIn(sentence: string, langs: readonly CueLang[], message: string, code: string): SentenceActs {
  const a = speechActs(sentence, langs[0]!, message, code);
  for (let i = 1; i < langs.length; i++)
    for (const act of speechActs(sentence, langs[i]!, message, code).acts) if (!a.acts.includes(act)) a.acts.push(act);
  return a;
}

/**
 * The cue with what its sentence does, read in the cue's language and in the message's
 * (a German offer that names PayPal is found by the English pattern and is still an offer);
 * the shared frozen cue where the sentence does nothing of note.
 */
function withActs(c: Compiled, sentence: string, langs: readonly CueLang[], message: string): Readonly<Cue> {
  const a = actsIn(sentence, langs.includes(c.cue.lang) ? langs : [c.cue.lang, ...langs], message, c.cue.code);
  if (a.acts.length === 0 && !a.imageOf) return c.cue;
  return Object.freeze({
    ...c.cue,
    ...(a.acts.length > 0 ? { acts: a.acts } : {}),
    ...(a.imageOf === 'thing' && c.cue.code === 'image_request' ? { imageOf: 'thing' as const } : {}),
    ...(discounts(c.cue.code, a) ? { notOwn: true as const } : {}),
  });
}

/** The cues that are the sender's own moves: not quoted, warned about, reported, negated, offered or about a thing. */
export const sendersOwn = (cues: readonly Readonly<Cue>[]): Readonly<Cue>[] => cues.filter((c) => !c.notOwn);

/**
 * The cues in one message, at most one per cue code; and, for a message with none that is
 * long enough and not plainly in a supported language, the language ELD identifies, so that
 * a message in a language without a lexicon file is reported as unsupported, not as clean.
 */
export function detectCues(
  text: string,
  opts: { identify?: boolean } = {},
): { cues: Readonly<Cue>[]; normalized: string; language?: LanguageGuess } {
  const normalized = normalizeText(text);
  const cues: Readonly<Cue>[] = [];
  if (normalized.length === 0) return { cues, normalized };
  // The codes found so far: a few at most, so an array (no Set per message).
  const seen: string[] = [];
  if (GATES.scan(normalized)) {
    let parts: string[] | undefined;
    // Asked once, and only for a message where some pattern matched (ELD costs ~44 µs).
    let lang: MessageLanguage | undefined;
    // Only the entries with a gate open, in COMPILED's order (the first entry of a code that
    // matches names it): an entry with none cannot match. Visiting every entry and asking each
    // gate was most of this function's own time on messages with no cue (profiled).
    const open = sortGates(GATES.opened());
    // The cues found with their sentences, read for acts once all are found (below).
    const found: { c: Compiled; sentence: string }[] = [];
    let last = -1;
    for (let q = 0; q < open.length; q++) {
      const j = GATE_OWNER[open[q]!]!;
      if (j === last) continue;
      last = j;
      const c = COMPILED[j]!;
      if (seen.includes(c.cue.code) || !gatedMatch(c, j, normalized) || c.unless?.test(normalized)) continue;
      lang ??= messageLanguage(normalized);
      // A pattern of a language the message is confidently not in counts only for its neutral words; the cue may still be found in the message's own language further on.
      if (lang.ruledOut(c.cue.lang) && !c.neutral?.test(normalized)) continue;
      seen.push(c.cue.code);
      // Asked only of a message with " ma " in it: ruling Italian out may ask ELD (~44 µs).
      parts ??= sentences(normalized, MA.test(normalized) && lang.ruledOut('it'));
      const sentence = parts.length > 1 ? (parts.find((p) => matches(c, p, true)) ?? normalized) : normalized;
      found.push({ c, sentence });
    }
    if (lang !== undefined) {
      // Read in the cue's language, in every language the message speaks, and in the language of
      // every other cue found in it: a Portuguese warning whose request is matched by the Spanish
      // "manda foto" is still a warning (fifteenth round), and so is a French threat quoted in a
      // parent's code-switched notice ('"send money ou je poste tes photos" = scam = block').
      // The cue's own language stays first where the message's do not include it (its object, a
      // thing or the child, is read there); the other cues' languages come last.
      const base = lang.languages;
      for (const f of found) {
        const own = base.includes(f.c.cue.lang) ? base : [f.c.cue.lang, ...base];
        let langs = own;
        for (const g of found) if (!langs.includes(g.c.cue.lang)) langs = [...langs, g.c.cue.lang];
        cues.push(withActs(f.c, f.sentence, langs, normalized));
      }
    }
  }
  if (!seen.includes('platform_move') && CONTACT.test(normalized)) {
    // Where the handle leads (a team's voice channel, or "just us") is read as for a move (early-warning.ts).
    const acts = destinationActs(normalized);
    cues.push(acts.length > 0 ? Object.freeze({ ...CONTACT_CUE, acts }) : CONTACT_CUE);
  }
  if (opts.identify !== false && cues.length === 0 && normalized.length >= MIN_LENGTH && !looksSupported(normalized)) {
    const language = identifyLanguage(text);
    if (language) return { cues, normalized, language };
  }
  return { cues, normalized };
}

/** The cue codes of a normalised message by testing every expression, without the prefilter: its reference (tests only). */
export function plainCueCodes(normalized: string): string[] {
  const seen: string[] = [];
  if (normalized.length === 0) return seen;
  const lang = messageLanguage(normalized);
  for (const c of COMPILED)
    if (
      !seen.includes(c.cue.code) &&
      matches(c, normalized, true) &&
      !c.unless?.test(normalized) &&
      (!lang.ruledOut(c.cue.lang) || c.neutral?.test(normalized))
    )
      seen.push(c.cue.code);
  if (!seen.includes('platform_move') && CONTACT.test(normalized)) seen.push(CONTACT_CUE.code);
  return seen;
}

export const stageMask = (cues: readonly Cue[]) => cues.reduce((m, c) => m | STAGE_BIT[c.stage], 0);

/** The stages that count from an adult the child is connected to: every cue but the everyday ones. */
export const connectedStageMask = (cues: readonly Cue[]) =>
  cues.reduce((m, c) => (c.everydayWhenConnected ? m : m | STAGE_BIT[c.stage]), 0);
