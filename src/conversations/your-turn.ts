import { allParts, CUES, LEXICON, type CueLang } from './cue-lexicon.js';
import type { Cue } from './detect-cues.js';

/*
 * "your turn" after the sender has sent a picture of their own (issue 16, class 5: indirect
 * requests). The words alone ask for nothing, and are a game's or a chore's every day; after the
 * sender's own photo or video, in a conversation with one child, they ask the child for one back:
 * the reciprocity an offender uses so the child's picture feels owed. Read as an image request
 * of the child. The words are each language's `speech.your_turn` in `lexicon/<language>.yaml`.
 */

/** How long after the sender's picture a "your turn" still answers it. */
const TURN_WINDOW_MS = 30 * 60_000;
/** Senders remembered; the oldest is forgotten first (memory stays bounded whatever the traffic). */
const MAX_SENDERS = 50_000;

// A pattern of several parts matches only where every part does (`allParts`).
const TURN: readonly { lang: CueLang; re: RegExp }[] = LEXICON.languages.flatMap((l) =>
  (l.speech.get('your_turn') ?? []).map((p) => ({
    lang: l.language,
    re: new RegExp(allParts(p.expanded)),
  })),
);

const IMAGE = CUES.find((c) => c.code === 'image_request')!;
const TURN_CUE = new Map<CueLang, Readonly<Cue>>(
  TURN.map(({ lang }) => [lang, Object.freeze({ code: IMAGE.code, stage: IMAGE.stage, detail: IMAGE.detail, lang })]),
);

/** The language whose "your turn" a normalised message is, or undefined. */
export function asksTurn(normalized: string): CueLang | undefined {
  for (const t of TURN) if (t.re.test(normalized)) return t.lang;
  return undefined;
}

export interface SentPictures {
  /** The sender (a conversation and sender key) sent a photo or video at `tsMs`. */
  note(key: string, tsMs: number): void;
  /**
   * The image request a bare "your turn" makes after the sender's own picture, in a conversation
   * with one child; undefined where the message asks for nothing more than its own cues do.
   */
  turnCue(key: string, normalized: string, tsMs: number, cues: readonly Readonly<Cue>[], recipients: number): Readonly<Cue> | undefined;
}

export function createSentPictures(opts: { windowMs?: number; maxSenders?: number } = {}): SentPictures {
  const windowMs = opts.windowMs ?? TURN_WINDOW_MS;
  const maxSenders = opts.maxSenders ?? MAX_SENDERS;
  const last = new Map<string, number>();
  return {
    note(key, tsMs) {
      last.delete(key); // re-inserted last: Map order is the eviction order
      last.set(key, tsMs);
      if (last.size > maxSenders) last.delete(last.keys().next().value!);
    },
    turnCue(key, normalized, tsMs, cues, recipients) {
      if (recipients !== 1 || last.size === 0) return undefined;
      const sent = last.get(key);
      if (sent === undefined || tsMs < sent || tsMs - sent > windowMs) return undefined;
      if (cues.some((c) => c.code === 'image_request')) return undefined;
      const lang = asksTurn(normalized);
      return lang === undefined ? undefined : TURN_CUE.get(lang);
    },
  };
}
