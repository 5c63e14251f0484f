/*
 * What a conversation says of the relationship that the platform's links may not: the child
 * addresses the adult as family ("thanks auntie", "ok grandma"), or the adult says the child's
 * parent knows, asked or is told ("your mum asked", "let your parents know", "I'll leave the
 * key with your mum"). Relatives linked only as friends or follows, or not at all, and
 * neighbours who pay for pet-sitting write like this; a groomer keeps the parents out. An
 * adult who writes as the child's relative ("it's grandma") is believed only where the platform
 * also holds a link made before the conversation: an impostor ("it's your uncle, new number") has none. The
 * words are the `kin` and `guardian` keys of each language's `speech` section.
 *
 * An adult who names their tie to the child's family ("your dad's sister", "tu papa (mi
 * hermano)", `kin_tie`) says something the child can check with the parent it names, which an
 * impostor's "new number" does not: from an adult who approached it is weighed as from one the
 * child knows, as `guardian` is; with an older link, as family, as `kin_self` is.
 */
import { createCueGates } from './cue-gates.js';
import { allParts, LEXICON } from './cue-lexicon.js';

/** Each pattern of a key in every language as one expression: a pattern of several parts must match them all. */
const sources = (
  key: 'kin' | 'kin_self' | 'guardian' | 'kin_tie' | 'family_audience' | 'parent_audience' | 'parents_out' | 'new_account',
): string[] => LEXICON.languages.flatMap((l) => (l.speech.get(key) ?? []).map((p) => allParts(p.expanded)));
// A language with neither key contributes nothing; an empty union never matches.
const union = (alternatives: string[]) => (alternatives.length > 0 ? new RegExp(alternatives.join('|')) : /(?!)/);
const KIN = union(sources('kin'));
const TRAILING_EMOJI = /(?:\s|\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u{FE0F}|\u{200D})+$/u;

/*
 * The adult's side is read on every message an adult writes to a minor, so it goes through
 * the cue scan's prefilter (`cue-gates.ts`): an expression is tested only when a literal it
 * cannot match without ("mum", "grandma", "madre") occurs in the message.
 */
const GUARDIAN_RES = sources('guardian').map((r) => new RegExp(r));
const KIN_SELF_RES = sources('kin_self').map((r) => new RegExp(r));
const KIN_TIE_RES = sources('kin_tie').map((r) => new RegExp(r));
const PARENTS_OUT_RES = sources('parents_out').map((r) => new RegExp(r));
const ADULT_RES = [...GUARDIAN_RES, ...KIN_SELF_RES, ...KIN_TIE_RES, ...PARENTS_OUT_RES];
const SELF_END = GUARDIAN_RES.length + KIN_SELF_RES.length;
const TIE_END = SELF_END + KIN_TIE_RES.length;
const GATES = createCueGates(ADULT_RES);

/** The family word a child's normalised message addresses the adult with, if any. */
export function kinAddress(normalized: string): string | undefined {
  // A heart or a smile after the address ("love you nan ❤️", "ok mum 😊") is how children sign
  // off, in every language: the patterns end at the family word (fifteenth round).
  const m = KIN.exec(normalized.replace(TRAILING_EMOJI, ''));
  return m ? m[0].replace(/[^a-z]+$/, '').trim() : undefined;
}

function anyOpen(from: number, to: number, text: string): boolean {
  for (let i = from; i < to; i++) if (GATES.open(i) && ADULT_RES[i]!.test(text)) return true;
  return false;
}

/**
 * What an adult's normalised message says of the family: the parent informed (`guardian`), the
 * adult speaking as a relative (`kinSelf`), the adult naming their tie to the child's family (`kinTie`).
 */
export function adultFamilyVoice(normalized: string): { guardian: boolean; kinSelf: boolean; kinTie: boolean; parentsOut: boolean } {
  if (!GATES.scan(normalized)) return { guardian: false, kinSelf: false, kinTie: false, parentsOut: false };
  return {
    guardian: anyOpen(0, GUARDIAN_RES.length, normalized),
    kinSelf: anyOpen(GUARDIAN_RES.length, SELF_END, normalized),
    kinTie: anyOpen(SELF_END, TIE_END, normalized),
    parentsOut: anyOpen(TIE_END, ADULT_RES.length, normalized),
  };
}

/**
 * Whether an adult's normalised message keeps the child's parents out of the contact itself
 * ("don't tell your mom we talk", "não conta nada disso pra sua mãe"): the opposite of
 * `guardian`, and never a surprise or a present kept from a parent (eleventh round).
 */
export const keepsParentsOut = (normalized: string): boolean => adultFamilyVoice(normalized).parentsOut;

const NEW_ACCOUNT = union(sources('new_account'));
/**
 * Whether an adult's normalised message says the account, number or phone is new ("it's your aunt,
 * new account"): the impostor's opening, so an adult with no link before the conversation who
 * says it is not weighed as a relative (eleventh round). Read only on messages that speak as kin.
 */
export const saysNewAccount = (normalized: string): boolean => NEW_ACCOUNT.test(normalized);

const FAMILY_AUDIENCE = union(sources('family_audience'));
const PARENT_AUDIENCE = union(sources('parent_audience'));
/** Above this, an amount is not a relative's tease ("pay me 5"): sextortion asks for 50, 100, 500. */
const TEASE_AMOUNT = 20;

/**
 * Whether a message holding a threat or a demand names the family as its only audience ("pay me
 * 5 or the whole family sees the video of you singing", "gib mir 5 euro oder die ganze familie
 * sieht es"): the family, never "your family", and none of what sextortion names beside it
 * (school, followers, friends, nudes, what the child sent; the lexicon's `family_audience`),
 * nor an amount over a tease's. Read only where the message holds such a cue (eleventh round).
 */
export function familyAudience(normalized: string): boolean {
  return FAMILY_AUDIENCE.test(normalized) && teaseAmount(normalized);
}

/** No amount in the message over a tease's. */
function teaseAmount(normalized: string): boolean {
  for (const m of normalized.matchAll(/\d+/g)) if (Number(m[0]) > TEASE_AMOUNT) return false;
  return true;
}

/**
 * Whether a message holding a threat or a demand names the child's parent as its only audience
 * ("do the dishes or i show your mom the video", "gib mir 5 euro oder ich zeig deiner mama das
 * video"), with nothing sextortion names beside it and no amount over a tease's (the lexicon's
 * `parent_audience`). A parent is what sextortion names too, so the caller reads it only from a
 * relative the platform links as family (twelfth round).
 */
export function parentAudience(normalized: string): boolean {
  return PARENT_AUDIENCE.test(normalized) && teaseAmount(normalized);
}

/** Whether an adult's normalised message says the child's parent knows, asked or is told. */
export const mentionsGuardian = (normalized: string): boolean => adultFamilyVoice(normalized).guardian;

/** Whether an adult's normalised message speaks as the child's relative ("it's grandma"); weighed only with a link made before the conversation. */
export const speaksAsKin = (normalized: string): boolean => adultFamilyVoice(normalized).kinSelf;

/** Whether an adult's normalised message names their tie to the child's family ("your mom's sister"). */
export const namesFamilyTie = (normalized: string): boolean => adultFamilyVoice(normalized).kinTie;
