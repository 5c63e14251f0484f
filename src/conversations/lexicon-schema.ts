/*
 * The shape of the lexicon's data files (`lexicon/*.yaml`), checked when they load. A
 * reviewer edits YAML, never TypeScript; a mistake there is reported by file and field.
 */
import { z } from 'zod';
import { STAGES } from './cue-stages.js';

const Name = z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be lower-case letters, digits and underscores');
const Source = z.string().min(1);
/** One pattern with the sentences it must match (at least one) and may list that it must not. */
const Pattern = z.strictObject({
  re: Source,
  match: z.array(z.string().min(1)).min(1, 'needs at least one example the pattern matches'),
  not: z.array(z.string().min(1)).optional(),
  /**
   * The pattern's words are no one language's (a payment brand, an app's name, a borrowed
   * "pic?"): it counts on text of any language, where the language's other patterns count
   * only on text not confidently identified as another supported language (`message-language.ts`).
   */
  neutral: z.literal(true).optional(),
});
export type PatternEntry = z.infer<typeof Pattern>;
/** A speech-act pattern: one expression, or several that must all match the same sentence. */
const SpeechPattern = Pattern.extend({ re: z.union([Source, z.array(Source).min(1)]) });
export type SpeechPatternEntry = z.infer<typeof SpeechPattern>;
/**
 * What a sentence does (`speech-acts.ts`), what an image request asks to see, and what the
 * conversation says of the relationship (`family-voice.ts`): the child addressing the adult as
 * family (`kin`), the adult writing as the child's relative (`kin_self`), the adult saying the child's parent knows or asked (`guardian`), the adult naming their tie to the
 * child's family ("your mom's sister": `kin_tie`), a tease whose only audience is the family
 * (`family_audience`), a tease whose audience is the child's parent, read from a family link only
 * (`parent_audience`), the adult keeping the parents out of the contact (`parents_out`), the adult saying the account
 * or number is new (`new_account`), a bare "your turn" (`your_turn`, read after the sender's own
 * picture: `your-turn.ts`), a celebration prepared for someone other than the child (`party`), a secret
 * kept from a third person (`party_secret`) and a meeting for the party's preparation (`party_task`), and what rules all three out in any
 * language's words (`party_not`, all read across the conversation: `surprise-party.ts`). Every key
 * is optional in a language file. `prize`: a reward put up for whoever wins or takes part
 * ("top dps gets 500 gold"), not a gift or a demand to one child. `logistics`: a pick-up announced
 * for a set time or a known place ("i'll pick you up at half 3 by the front gate"), not a meeting.
 * `occasion`: an image or meeting request at a family occasion or with the family (the wedding
 * outfit, the birthday candles, the zoo with the cousins), never with a secret or "just for me".
 * `shared_place` / `private_place`: where a move to another app goes, a place a group shares (the
 * team's voice channel, "we all use it") or the adult alone with the child ("just us", a DM).
 */
export const SPEECH_KEYS = [
  'warning',
  'reported',
  'negated',
  'offer',
  'prize',
  'logistics',
  'occasion',
  'shared_place',
  'private_place',
  'joke',
  'request',
  'thing',
  'child',
  'kin',
  'kin_self',
  'guardian',
  'kin_tie',
  'family_audience',
  'parent_audience',
  'parents_out',
  'new_account',
  'your_turn',
  'party',
  'party_secret',
  'party_task',
  'party_not',
] as const;

/** `lexicon/cues.yaml`: what each cue means, in every language, and the parts of its frames. */
export const CueIndexSchema = z.strictObject({
  defs: z.record(Name, Source).default({}),
  cues: z.record(
    Name,
    z.strictObject({
      stage: z.enum(STAGES),
      detail: z.string().min(1),
      everydayWhenConnected: z.literal(true).optional(),
      frames: z.array(z.array(Name).min(1)).optional(),
    }),
  ),
  /** Lookalike letters left after the Unicode confusables map, each to the letter it stands for. */
  letters: z.record(z.string().length(1), z.string().regex(/^[a-z]$/)).default({}),
  /** Emoji keywords (of the emojilib package) and the word an emoji with that keyword stands for. */
  emoji: z.array(z.tuple([z.string().min(1), z.string().regex(/^[a-z ]+$/)])).default([]),
});
export type CueIndex = z.infer<typeof CueIndexSchema>;

/** `lexicon/<language>.yaml`: one language's words for every cue, with examples. */
export const LanguageFileSchema = z.strictObject({
  language: z.string().regex(/^[a-z]{2,3}$/, 'must be an ISO 639 code in lower case'),
  name: z.string().min(1),
  defs: z.record(Name, Source).default({}),
  slots: z.record(Name, Source).default({}),
  /** Everyday words: two of them in a message mark it as this language without asking language identification. */
  common: z.array(z.string().regex(/^[a-z']+$/, 'must be one lower-case word')).min(10),
  cues: z.record(
    Name,
    z.strictObject({
      patterns: z.array(Pattern).default([]),
      unless: z.array(Source).optional(),
      /** Sentences that must not carry this cue (near misses, a parent's everyday wording). */
      not: z.array(z.string().min(1)).min(1, 'needs at least one sentence that must not carry the cue'),
      /** Sentences each of the cue's frames must match (every frame at least one). */
      frame_match: z.array(z.string().min(1)).optional(),
    }),
  ),
  reply: z.strictObject({ refusal: z.array(Pattern).min(1), age: z.array(Pattern).min(1) }),
  speech: z.partialRecord(z.enum(SPEECH_KEYS), z.array(SpeechPattern)).default({}),
});
export type LanguageFile = z.infer<typeof LanguageFileSchema>;
