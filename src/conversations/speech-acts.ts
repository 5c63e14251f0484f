/*
 * What a sentence does, so that a cue is read as the sender's own move only when it is one:
 * a warning that quotes a threat ("if anyone says they'll post your pics unless you pay, tell
 * me"), reported speech ("he said he'd send it to my school"), a negated ask ("you don't have
 * to keep secrets from me"), an offer of pay for chores, and a photo of a thing (a receipt,
 * homework, the back of a gift card) all use a cue's words without making its move. The
 * words are each language's `speech` section in `lexicon/<language>.yaml`.
 */
import { createCueGates, type CueGates } from './cue-gates.js';
import { LEXICON, type CueLang } from './cue-lexicon.js';

export type SpeechAct =
  'request' | 'offer' | 'prize' | 'logistics' | 'occasion' | 'shared_place' | 'private_place' | 'warning' | 'reported' | 'negated' | 'joke';
const ACTS: readonly SpeechAct[] = [
  'request',
  'offer',
  'prize',
  'logistics',
  'occasion',
  'shared_place',
  'private_place',
  'warning',
  'reported',
  'negated',
  'joke',
];
/** Acts read over the whole message, not the cue's sentence: a place is often named in the sentence after the move. */
const WHOLE_MESSAGE: ReadonlySet<SpeechAct> = new Set(['occasion', 'shared_place', 'private_place']);

export interface SentenceActs {
  acts: SpeechAct[];
  /** For a sentence that asks for an image: whether it names a thing (and not the child). */
  imageOf?: 'child' | 'thing';
}

/** A key's patterns: each a list of parts that must all match, each part with its gate in `GATES`. */
type Compiled = { re: RegExp; gate: number }[][];
const PARTS: RegExp[] = [];
const part = (source: string) => {
  const re = new RegExp(source);
  return { re, gate: PARTS.push(re) - 1 };
};
const COMPILED = new Map<CueLang, Map<string, Compiled>>(
  LEXICON.languages.map((l) => [l.language, new Map([...l.speech].map(([k, v]) => [k, v.map((p) => p.expanded.map(part))]))]),
);
/*
 * Every pattern's parts behind the cue scan's prefilter (`cue-gates.ts`): a cue's sentence is read
 * in each language the message speaks, for eleven acts and an image's object, and testing each
 * pattern was most of the cost of a message with a cue (fifteenth round, profiled). A sentence and
 * its message are each scanned once, and the last two texts' scans are kept: `speechActs` is asked
 * of the same sentence and message once per language.
 */
const FIRST = createCueGates(PARTS);
const SCANS = [FIRST, FIRST.fork()];
const scanned: (string | undefined)[] = [undefined, undefined];
let older = 0;
function gatesFor(text: string): CueGates {
  if (scanned[0] === text) return SCANS[0]!;
  if (scanned[1] === text) return SCANS[1]!;
  const k = older;
  older = 1 - k;
  scanned[k] = text;
  SCANS[k]!.scan(text);
  return SCANS[k]!;
}
function any(c: Compiled | undefined, s: string): boolean {
  if (!c || c.length === 0) return false;
  const g = gatesFor(s);
  patterns: for (let i = 0; i < c.length; i++) {
    const parts = c[i]!;
    for (let k = 0; k < parts.length; k++) if (!g.open(parts[k]!.gate)) continue patterns;
    for (let k = 0; k < parts.length; k++) if (!parts[k]!.re.test(s)) continue patterns;
    return true;
  }
  return false;
}
/*
 * What an image request names is read in every language at once: a cue is reported in the
 * first language whose words match, and "manda foto do bilhete" is Portuguese matched by the
 * Spanish "manda foto"; the object's form ("do bilhete", "de la ficha") is the other language's.
 */
const allOf = (key: string): Compiled => [...COMPILED.values()].flatMap((m) => m.get(key) ?? []);
const THING_ANY = allOf('thing');
const CHILD_ANY = allOf('child');
const SHARED_ANY = allOf('shared_place');
const PRIVATE_ANY = allOf('private_place');

/**
 * Where a handle given with no move's words goes ("my discord is raidlead_22, we all use it for
 * voice"), read in every language at once: the contact cue has no language of its own.
 */
export function destinationActs(message: string): SpeechAct[] {
  const acts: SpeechAct[] = [];
  if (any(SHARED_ANY, message)) acts.push('shared_place');
  if (any(PRIVATE_ANY, message)) acts.push('private_place');
  return acts;
}

/**
 * Whether act `a` means anything for a cue of this code: an occasion only for an image or meeting
 * request (`isOccasion`), where a move goes only for a move (`sharedDestination`; a handle is read
 * by `destinationActs`). Read over the whole message, these were the costliest acts, and asking
 * them of every cue cost the cue scan a sixth of its speed (measured on a corpus: about 16 to 19 µs a
 * message) for acts nothing reads.
 */
function readFor(a: SpeechAct, code: string): boolean {
  if (a === 'occasion') return code === 'image_request' || code === 'meeting_request';
  if (a === 'shared_place' || a === 'private_place') return code === 'platform_move';
  return true;
}

/**
 * A message's sentences: split at sentence ends and at "but" (in each language), because a
 * warning and a request can share one message ("i'd never ask you for anything bad, but send
 * me a pic" is a request). Commas do not split: a warning's condition and its "tell me" are
 * often one sentence joined by a comma.
 */
export function sentences(normalized: string, notItalian = false): string[] {
  // Italian "ma" (but) is French "ma" (my): "coucou ma fille" is one sentence, so a message
  // confidently not Italian is not split there (fifteenth round).
  return normalized
    .split(notItalian ? /[.!?;\n]+|\s(?:but|pero|mais|aber)\s/ : /[.!?;\n]+|\s(?:but|pero|mais|aber|ma)\s/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * The acts of one normalised sentence in one language; a language without a `speech` section has
 * none. `message` is the whole message the sentence is in: an image request's object is often
 * named in the sentence before it ("new haircut?! send me a pic", "did you get your report card?
 * send me a photo"), so a request whose own sentence names neither a thing nor the child takes
 * its object from the message, and a family occasion is read in the whole message ("happy
 * birthday! send me a pic of you with your cake"), a secret anywhere in it ruling it out.
 */
export function speechActs(sentence: string, lang: CueLang, message: string = sentence, code?: string): SentenceActs {
  const c = COMPILED.get(lang);
  if (!c) return { acts: [] };
  const acts = ACTS.filter((a) => (code === undefined || readFor(a, code)) && any(c.get(a), WHOLE_MESSAGE.has(a) ? message : sentence));
  if (code !== undefined && code !== 'image_request') return { acts };
  let thingNamed = any(THING_ANY, sentence);
  let childNamed = any(CHILD_ANY, sentence);
  if (!thingNamed && !childNamed && message !== sentence) {
    thingNamed = any(THING_ANY, message);
    childNamed = any(CHILD_ANY, message);
  }
  return thingNamed && !childNamed ? { acts, imageOf: 'thing' } : { acts };
}

/**
 * A pick-up announced for a set time or a known place ("i'll pick you up at half 3 by the front
 * gate") stays a meeting request, marked `logistics`: it is the sender's move, but alone it is a
 * family's or a club's logistics, so it counts as from an adult the child knows (`assess`: it
 * needs another grooming move). The forms that isolate (somewhere quiet, alone, a secret, when a
 * parent is out) are not logistics.
 */
export const isLogistics = (cue: { code: string; acts?: readonly SpeechAct[] | undefined }) =>
  cue.code === 'meeting_request' && (cue.acts?.includes('logistics') ?? false);

/**
 * A photo of the child at a family occasion ("send me a pic of you in your dress for the
 * wedding", "a video of you blowing out the candles") or an outing with the family ("we'll go
 * to the zoo with your cousins") stays a request, marked `occasion`: from an adult the child
 * knows it is family life, so a gift, a compliment or an age question beside it does not make
 * it the script (`assess`); a secret still does.
 */
export const isOccasion = (cue: { code: string; acts?: readonly SpeechAct[] | undefined }) =>
  (cue.code === 'image_request' || cue.code === 'meeting_request') && (cue.acts?.includes('occasion') ?? false);

/**
 * A move to another app (or a handle) whose destination is a place a group shares: the team's or
 * guild's server or voice channel, a tournament or practice channel, "we all use it", teammates
 * named as there; or, in a group chat (`toGroup`: the message has several recipients), any move
 * said to all of them ("can you all write to me on telegram? texts don't arrive"). Never where the
 * message also names a private place ("just us", "my private discord", a DM, vanishing
 * messages, "the mods read this", "not here"): that is the adult alone with the child. It is still a
 * move (its stage is kept); `early-warning.ts` waits for a second stage before warning on it.
 */
export function sharedDestination(cue: { code: string; acts?: readonly SpeechAct[] | undefined }, toGroup: boolean): boolean {
  if (cue.code !== 'platform_move' && cue.code !== 'contact_details') return false;
  if (cue.acts?.includes('private_place')) return false;
  return toGroup || (cue.acts?.includes('shared_place') ?? false);
}

/** Cue codes a sentence's acts take away from the sender: which cue an act makes not the sender's own move. */
export function discounts(code: string, a: SentenceActs): boolean {
  if (a.acts.includes('warning') || a.acts.includes('reported') || a.acts.includes('negated')) return true;
  if (code === 'payment_demand' && a.acts.includes('offer')) return true;
  // A reward put up for whoever wins, or for everyone in a raid, is a game's prize: no child is singled out.
  if ((code === 'gift_offer' || code === 'payment_demand') && a.acts.includes('prize')) return true;
  return code === 'image_request' && a.imageOf === 'thing';
}
