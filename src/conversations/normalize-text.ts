/*
 * Text normalisation for cue detection: undoes the disguises people use to slip past word
 * lists, so one lexicon (written in the same normal form) matches them all. Hand-written:
 * the confusables and leetspeak tables Warden needs are a few dozen entries, and the full
 * Unicode confusables data (TR39) would be megabytes for little gain on chat text.
 */

/** Zero-width characters, bidirectional controls, soft hyphen, and the BOM. */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Letters from other scripts that look like Latin ones (Cyrillic, Greek), after NFKC. */
const CONFUSABLE: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ɡ: 'g',
  ӏ: 'l',
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
};
const CONFUSABLE_RE = new RegExp(`[${Object.keys(CONFUSABLE).join('')}]`, 'g');

/** Emoji used as words in grooming and extortion messages. */
const EMOJI_WORDS: [RegExp, string][] = [
  [/🤫|🤐/gu, ' secret '],
  [/📸|📷|🤳/gu, ' photo '],
  [/📹|🎥/gu, ' video '],
  [/👻/gu, ' snapchat '],
  [/💰|💵|💸|🤑|💲/gu, ' money '],
  [/🎁/gu, ' gift '],
  [/📱|☎️|📞/gu, ' phone '],
  [/⏰|⏳|⌛/gu, ' time running out '],
  [/🏠|🏡/gu, ' home '],
];

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i', '|': 'l' };

/** Leetspeak only inside tokens that also hold letters: "s3cr3t" is a word, "13" an age; trailing punctuation stays. */
function unLeet(token: string): string {
  const m = /^(.*?)([!?.,;:]*)$/.exec(token)!;
  const body = m[1]!;
  if (!/[a-z]/.test(body) || !/[0-9@$!|]/.test(body)) return token;
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
const emojiWords = (s: string) => {
  for (const [re, word] of EMOJI_WORDS) s = s.replace(re, word);
  return s;
};
const lowerNoAccents = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');
const confusables = (s: string) => s.replace(CONFUSABLE_RE, (c) => CONFUSABLE[c]!).replace(/[’‘`´]/g, "'");

function unicodeSteps(cut: string): string {
  return confusables(lowerNoAccents(emojiWords(nfkc(cut))));
}

/** The full path for every input, the fast path's reference (tests only). */
export function normalizeTextFullPath(raw: string): string {
  return finish(unicodeSteps(raw.length > 16_384 ? raw.slice(0, 16_384) : raw));
}

const leet = (text: string) => (/[0-9@$!|]/.test(text) ? text.split(/\s+/).map(unLeet).join(' ') : text.replace(/\s+/g, ' '));

function spacedAndRuns(text: string): string {
  let s = text;
  // Spaced-out letters (three or more single letters separated by one space, dot, dash or
  // underscore) and runs of a letter, until neither changes anything: each undoes what the
  // other may reveal ("s.ooo.s"), and each pass only shortens the text.
  for (let i = 0; i < 8; i++) {
    const before = s;
    s = s.replace(/\b(?:[a-z][ ._-]){2,}[a-z]\b/g, (m) => m.replace(/[ ._-]/g, '')).replace(/([a-z])\1{2,}/g, '$1');
    if (s === before) break;
  }
  return s.replace(/\s+/g, ' ').trim();
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
const shorthand = (text: string) => (SHORT.test(text) ? text.replace(SHORT_ALL, (w) => SHORTHAND[w]!) : text).replace(ELISION, "$1'");

function finish(text: string): string {
  return shorthand(spacedAndRuns(leet(text)));
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
];
