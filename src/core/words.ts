/** Words shorter than this say too little to search for; longer than the cap are not words. */
const MIN_WORD = 2;
const MAX_WORD = 40;
/** Per text: a pasted essay adds no more than this to a search index. */
const MAX_WORDS = 200;

/**
 * The words of a text as Warden's search index keeps them (cases/case-terms.ts, migration
 * 0055): NFKC, lower case, runs of letters and digits, each once.
 */
export function wordsOf(text: string): string[] {
  const out = new Set<string>();
  for (const w of text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)) {
    if (w.length < MIN_WORD || w.length > MAX_WORD) continue;
    out.add(w);
    if (out.size >= MAX_WORDS) break;
  }
  return [...out];
}
