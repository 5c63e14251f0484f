/*
 * Frames: cues recognised by what a message combines rather than by one phrase. A threat is
 * an audience (the child's school, family, followers) with a verb of exposure and coercion
 * ("if you don't", "I have your follower list"), in any order and any wording between them;
 * a payment demand is money (an amount, a gift card, a payment app) with a demand on the
 * sender's behalf ("to me", "buy me"). The phrase lexicon kept missing the same move in new
 * words (fresh11: most sextortion lines in Spanish, Portuguese and French); a frame names the
 * parts and lets the words between them vary. Every slot must match, as whole words,
 * somewhere in the normalised message. Which slots make each frame is in `lexicon/cues.yaml`;
 * each language's words for a slot are in its `lexicon/<language>.yaml` under `slots`.
 */
import { LEXICON, type CueLang as Lang } from './cue-lexicon.js';

export type Frames = Partial<Record<Lang, string[][]>>;

/**
 * The frames of each cue code (the cue's stage and detail come from the lexicon). A frame is
 * tested only on messages holding a required literal of each of its parts (`cue-gates.ts`).
 */
export const FRAMES: Record<string, Frames> = Object.fromEntries(
  LEXICON.cues
    .filter((c) => c.frames)
    .map((c) => [c.code, Object.fromEntries(LEXICON.languages.map((l) => [l.language, l.frames.get(c.code) ?? []]))]),
);
