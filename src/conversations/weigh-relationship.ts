import { ESTABLISHED_EVERYDAY, FAMILY_EVERYDAY } from './assess-risk.js';
import { STAGE_BIT } from './cue-lexicon.js';
import type { ConversationState } from './conversation-tracker.js';
import { isLogistics, isOccasion } from './speech-acts.js';
import { isFamilyKind, trustOf, type Relationship, type Trust } from './relationship.js';

/** How the detector weighs an adult's relationship with the child: the link, and what the conversation says of it. */
export interface Weighed {
  /** The trust the platform's link alone gives (relationship.ts). */
  linkTrust: Trust;
  /** The trust the rules use: the link's, raised by family or guardian voice. */
  trust: Trust;
  /** A platform family link, or family voice over a link the child made. */
  familyLike: boolean;
  /** The conversation says the adult is family (the child calls them so, or the adult names the tie over an older link). */
  kinVoice: boolean;
  /** The adult's own word for the tie ("it's aunt maria", "your dad's sister"), if said. */
  adultKin: { eventId: string } | undefined;
  /** The adult keeps the child's parents informed. */
  guardianVoice: boolean;
  /** An adult with no link before the conversation who writes as a relative (not believed as family). */
  kinClaim: boolean;
  /** Family or guardian voice over a link that is not long-standing by itself. */
  voiceOnly: boolean;
  /** Family voice over a link the child made before the conversation: another app is the family's channel. */
  familyChannel: boolean;
}

/**
 * What the conversation says of the relationship (family-voice.ts), weighed with the link: a
 * child who calls the adult family is weighed as with a family link; an adult who keeps the
 * parents informed is not approaching in secret, and is weighed as an adult the child knows.
 * Graded, not a switch: secrecy, another app or a threat still count from both.
 */
export function weighRelationship(rel: Relationship, st: ConversationState, minorSender: boolean, newAccount: boolean): Weighed {
  const linkTrust = trustOf(rel);
  const linkedBefore = linkTrust === 'connected' || linkTrust === 'established';
  // A relative new to the platform who names their tie to the child's family ("your dad's
  // sister") is weighed as an adult the child knows, not as family: an impostor can say it too.
  const adultKin = st.kinSelf ?? st.kinTie;
  const kinVoice = !minorSender && !isFamilyKind(rel.kind) && (st.kin !== undefined || (adultKin !== undefined && linkedBefore));
  const parentsNamed = st.guardianAware ?? st.kinTie;
  // The parents informed: from an adult who approached, weighed as one the child knows; over
  // a link the child made, as a long-standing link (a relative linked as a friend who says
  // "say hi to your mum for me": compliments and gifts are everyday, secrets are not).
  const guardianVoice = !minorSender && !kinVoice && parentsNamed !== undefined && (linkTrust === 'approach' || linkTrust === 'connected');
  const trust: Trust = kinVoice ? 'established' : guardianVoice ? (linkTrust === 'approach' ? 'sought' : 'established') : linkTrust;
  // An adult with no link before the conversation who writes as the child's relative ("hi
  // sweetie, it's aunt maria"): not believed as family (an impostor writes the same), but a
  // bare request for a photo and the everyday moves beside it (how old, how grown up, how was
  // school) are what relatives new to the platform write, not the stranger's script. One other
  // move (a secret, another app, a threat) still makes the request solicitation (eleventh round).
  // Not one who says the account or number is new (the impostor's "it's your aunt, new account").
  const kinClaim = !minorSender && trust === 'approach' && st.kinSelf !== undefined && !newAccount;
  // Family voice is words anyone can write (a family friend called "uncle dave", an
  // impostor's signature): over a link not long-standing by itself it excuses the everyday
  // moves, but a request still counts with one other grooming move (a secret, another app),
  // not two as from a platform family link or a long-standing one.
  const voiceOnly = (kinVoice || guardianVoice) && linkTrust !== 'established';
  return {
    linkTrust,
    trust,
    familyLike: isFamilyKind(rel.kind) || kinVoice,
    kinVoice,
    adultKin,
    guardianVoice,
    kinClaim,
    voiceOnly,
    // An impostor's new account has no link the child made before the conversation (assess-risk.ts).
    familyChannel: voiceOnly && linkTrust === 'connected',
  };
}

/** What the evidence so far holds, in one pass (the rules' context). */
export interface EvidenceShape {
  /** Every meeting request is a pick-up announced for a set time or place (isLogistics). */
  announcedOnly: boolean;
  /** Every image or meeting request is at a family occasion or with the family (isOccasion). */
  familyOnly: boolean;
  /** A gift was offered (from an adult who only claims to be family, still a move: maskFor). */
  gifted: boolean;
}

export function readEvidence(st: ConversationState): EvidenceShape {
  let announcedOnly = true;
  let familyOnly = true;
  let gifted = false;
  for (const e of st.evidence)
    for (const c of e.cues) {
      if (c.code === 'gift_offer') gifted = true;
      if (c.code === 'meeting_request' && !isLogistics(c)) announcedOnly = false;
      if ((c.code === 'image_request' || c.code === 'meeting_request') && !isOccasion(c)) familyOnly = false;
    }
  return { announcedOnly, familyOnly, gifted };
}

/**
 * The stages the rules see. From an adult the child chose (a coach, a relative, a support desk
 * the child wrote to), an age question is everyday; from a long-standing link, more
 * (FAMILY_EVERYDAY). From one who only claims to be family, the everyday moves are excused but
 * a gift still counts.
 */
export function maskFor(st: ConversationState, w: Weighed, gifted: boolean): number {
  if (w.trust === 'approach')
    return w.kinClaim ? (st.mask & ~ESTABLISHED_EVERYDAY) | (gifted ? STAGE_BIT.relationship_forming : 0) : st.mask;
  if (w.trust === 'established') return st.connectedMask & ~(w.familyLike ? FAMILY_EVERYDAY : ESTABLISHED_EVERYDAY);
  return st.connectedMask;
}
