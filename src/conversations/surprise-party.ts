/*
 * Issue 16, fifteenth round: surprise parties. A relative or a parent's friend who plans a party
 * for a third person ("we're doing a surprise for Grandad's 70th", "on organise son pot de
 * départ") asks the child to keep it from that person, messages later and without the party's
 * words ("keep it hush, she can't find out", "delete this chat so she doesn't see it", "supprime
 * les messages, elle est trop curieuse"), and to come and help decorate. The lexicon's `unless`
 * excuses a secret only where its own message names the surprise; these need the conversation.
 *
 * The party is named once (`party`); a later secret kept from a third person ("she", "him", not
 * "us", "this chat from your parents", "anyone": `party_secret`) is held back from the rules and
 * the model, and a meeting whose purpose is the party (to decorate, at the hall: `party_task`) is
 * a pick-up announced for the party, as `logistics` is. Words are each language's `speech`
 * section.
 *
 * SECURITY: the party cannot launder the script. The excuse holds only while every move the adult
 * makes is one of these two: any other cue (the child's own image, another app, a gift, an age or
 * home-alone question, a compliment, a threat, a meeting with isolating words) ends it for the
 * conversation and puts the held secrets and their message scores back.
 */
import { createGatedTest } from './cue-gates.js';
import { allParts, LEXICON } from './cue-lexicon.js';
import type { Stage } from './cue-stages.js';
import { STAGE_BIT } from './cue-stages.js';
import type { Cue } from './detect-cues.js';

type Key = 'party' | 'party_secret' | 'party_task' | 'party_not';

/**
 * Each key's patterns in every language, tested through the cue scan's prefilter (a pattern of
 * several parts must match them all): read on every adult message, so only the patterns whose
 * literals occur in it are tried.
 */
const union = (key: Key): ((text: string) => boolean) =>
  createGatedTest(LEXICON.languages.flatMap((l) => (l.speech.get(key) ?? []).map((p) => new RegExp(allParts(p.expanded)))));
const PARTY = union('party');
const PARTY_SECRET = union('party_secret');
const PARTY_TASK = union('party_task');
/*
 * What rules out all three, read in every language at once: a pattern carries its own language's
 * exclusions, and "ven a mi casa a decorar, solos tu y yo" is matched by the Portuguese "decorar",
 * whose exclusions are Portuguese.
 */
const PARTY_NOT = union('party_not');

/** Whether a normalised message names a celebration being prepared for someone other than the child. */
export const namesParty = (normalized: string): boolean => PARTY(normalized) && !PARTY_NOT(normalized);
/** Whether a normalised message keeps its secret from a third person, not the parents, "us" or everyone. */
export const keptFromCelebrant = (normalized: string): boolean => PARTY_SECRET(normalized) && !PARTY_NOT(normalized);
/** Whether a normalised message's meeting is for the party's preparation, with nothing that isolates. */
export const partyTask = (normalized: string): boolean => PARTY_TASK(normalized) && !PARTY_NOT(normalized);

/** What one adult's side of a conversation holds of a party it named. */
export interface PartyPlan {
  /** The message that named the party. */
  eventId: string;
  /** Another move was made: nothing is excused any more. */
  spoiled: boolean;
  /** Secrecy held back from the rules (`mask`) and from the connected stages, until spoiled. */
  held: number;
  heldConnected: number;
  /** The message-model scores of the held messages, folded back in when spoiled. */
  heldScores: number[];
  /** How this sender's message being recorded reads (set by `notePartyMessage`, read by `partyRecord`). */
  current?: { eventId: string; secret: boolean; task: boolean; otherPhoto: boolean } | undefined;
}

/**
 * Notes an adult's message (any message, cue or not): the party named, and how a secret or a
 * meeting in it reads. `cues` are all the message's cues, the sender's own or not: a request for
 * a photo that is not the child's ("old pics of her for the slideshow") is read as not the
 * sender's move (speech-acts.ts), and here as the party's.
 */
export function notePartyMessage(
  holder: { party?: PartyPlan | undefined },
  normalized: string,
  cues: readonly Readonly<Cue>[],
  eventId: string,
  ensure: () => { party?: PartyPlan | undefined },
): void {
  let plan = holder.party;
  if (!plan) {
    if (!namesParty(normalized)) return;
    const st = ensure();
    plan = st.party ??= { eventId, spoiled: false, held: 0, heldConnected: 0, heldScores: [] };
  }
  if (plan.spoiled) return;
  const otherPhoto = cues.length > 0 && cues.every((c) => c.code === 'image_request' && c.notOwn === true);
  plan.current = { eventId, secret: keptFromCelebrant(normalized), task: partyTask(normalized), otherPhoto };
}

const SECRECY = STAGE_BIT.exclusivity_secrecy;
const MEETING: Stage = 'meeting_request';

/**
 * The cues and stages a message is recorded with, where the adult named a party: a secret kept
 * from the party's subject is held back (`held`: the stage bits taken out), a meeting for the
 * party is marked `logistics`, any other cue spoils the plan and gives back what it held
 * (`restore`: its stages and message scores as they were).
 */
export function partyRecord(
  plan: PartyPlan | undefined,
  e: { eventId: string; cues: readonly Readonly<Cue>[]; p?: number | undefined },
  mask: number,
): { cues: readonly Readonly<Cue>[]; mask: number; p: number | undefined; held: number; restore?: PartyPlan | undefined } {
  const as = { cues: e.cues, mask, p: e.p, held: 0 };
  if (!plan || plan.spoiled) return as;
  const read = plan.current?.eventId === e.eventId ? plan.current : undefined;
  const secretHeld = read?.secret === true;
  if (e.cues.length === 0) {
    // A secret the lexicon does not read ("dis-lui rien!! c'est notre secret") or the celebrant's old
    // photos still weigh in the model's words: they wait with the party's secrets.
    if (!(secretHeld || read?.otherPhoto === true) || e.p === undefined) return as;
    plan.heldScores.push(e.p);
    return { ...as, p: 0 };
  }
  const partyMoves = e.cues.every((c) => (c.stage === 'exclusivity_secrecy' && secretHeld) || (c.code === MEETING && read?.task === true));
  if (!partyMoves) {
    const restore = { ...plan };
    plan.spoiled = true;
    plan.held = 0;
    plan.heldConnected = 0;
    plan.heldScores = [];
    return { ...as, restore };
  }
  const cues = e.cues.map((c) =>
    c.code === MEETING && !c.acts?.includes('logistics') ? Object.freeze({ ...c, acts: [...(c.acts ?? []), 'logistics' as const] }) : c,
  );
  if (!(mask & SECRECY)) return { ...as, cues };
  plan.held |= SECRECY;
  if (cues.some((c) => c.stage === 'exclusivity_secrecy' && !c.everydayWhenConnected)) plan.heldConnected |= SECRECY;
  // The message's words are the secret's: its model score waits with it.
  if (e.p !== undefined) plan.heldScores.push(e.p);
  return { cues, mask: mask & ~SECRECY, p: e.p === undefined ? undefined : 0, held: SECRECY };
}
