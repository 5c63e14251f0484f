import type { Severity } from '../alerts/alert-schema.js';
import { STAGE_BIT, type Stage } from './cue-lexicon.js';

const GROOMING_STAGES: Stage[] = [
  'friendship_forming',
  'relationship_forming',
  'risk_assessment',
  'exclusivity_secrecy',
  'isolation_platform_move',
  'desensitisation',
  'compliance_testing',
];
const GROOMING_MASK = GROOMING_STAGES.reduce((m, s) => m | STAGE_BIT[s], 0);
export const RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2, critical: 3 };
const bits = (n: number) => {
  let c = 0;
  for (let x = n; x; x &= x - 1) c++;
  return c;
};
const has = (mask: number, s: Stage) => (mask & STAGE_BIT[s]) !== 0;
/**
 * From an adult the platform marks as the child's family, these stages are family life: the
 * age of a cousin, "are you home alone?", a present, "you look grown up", "i'll pick you up
 * at 5". The rules see only the rest from them (secrecy, another app, images, threats).
 */
export const FAMILY_EVERYDAY =
  STAGE_BIT.risk_assessment | STAGE_BIT.relationship_forming | STAGE_BIT.friendship_forming | STAGE_BIT.meeting_request;
/**
 * From a long-standing link that is not family (a coach for years, a family friend with
 * mutual connections) the same, except meetings: a relative's pick-up is family life, a
 * family friend's "come over when your parents are at work" is not.
 */
export const ESTABLISHED_EVERYDAY = STAGE_BIT.risk_assessment | STAGE_BIT.relationship_forming | STAGE_BIT.friendship_forming;

export interface Assessment {
  category: 'grooming' | 'solicitation' | 'sextortion';
  severity: Severity;
  score: number;
}

/**
 * The risk of one adult's side of a conversation with a minor, from the stages seen and the
 * context. Explainable by construction: every alert lists the cues and the messages.
 */
export function assess(
  mask: number,
  context: {
    unconnected: boolean;
    flagged: boolean;
    newAccount?: boolean;
    family?: boolean;
    announcedOnly?: boolean;
    familyOnly?: boolean;
    familyChannel?: boolean;
    /** An adult with no link before the conversation who writes as the child's relative (conversation-risk-detector.ts). */
    kinClaim?: boolean;
    /** The adult said the account or number is new ("it's your aunt, new account"): the impostor's opening. */
    saysNewAccount?: boolean;
  },
): Assessment[] {
  const out: Assessment[] = [];
  const boost = (context.unconnected ? 0.05 : 0) + (context.flagged ? 0.05 : 0) + (context.newAccount ? 0.05 : 0);
  if (has(mask, 'sextortion_threat')) {
    const demand = has(mask, 'payment_demand') || has(mask, 'countdown');
    out.push(
      demand
        ? { category: 'sextortion', severity: 'critical', score: 0.97 }
        : { category: 'sextortion', severity: 'high', score: 0.8 + boost },
    );
  } else if (has(mask, 'payment_demand') && has(mask, 'countdown')) {
    out.push({ category: 'sextortion', severity: 'high', score: 0.75 + boost });
  }
  const grooming = bits(mask & GROOMING_MASK);
  if (has(mask, 'image_request') || has(mask, 'meeting_request')) {
    // From an adult the child chose to connect with (a coach, a tutor), a bare request for a
    // photo or a meeting is everyday; it counts once another grooming move joins it. From
    // family it takes two: a birthday secret and a photo of the new jacket are family life,
    // a secret, a move to another app and a photo request are not.
    // A meeting that is only a pick-up announced for a set time or place (`announcedOnly`,
    // speech-acts.ts) is logistics: from an adult who approached, too, it needs another move.
    // An adult who approached but writes as the child's relative (`kinClaim`) makes no bare request:
    // it counts with one other grooming move, as from an adult the child knows.
    // So does one whose only request is a photo of family life (`familyOnly` with no meeting: the
    // child in the new kit, at the birthday, with the trophy), from an account that is not new:
    // in the corpora of other authors every such lone request was a relative with no link on the
    // platform, and none of the risky conversations needed it. A compliment, a gift, an age
    // question, a secret or another app beside it still makes it solicitation (`moves` below);
    // from a new account (or one the adult says is new), or with a meeting, it stays a bare request.
    const familyLife =
      context.familyOnly === true && context.newAccount !== true && context.saysNewAccount !== true && !has(mask, 'meeting_request');
    const bareFromStranger =
      context.unconnected && context.kinClaim !== true && !familyLife && (has(mask, 'image_request') || !context.announcedOnly);
    // From an adult the child knows, a request that is family life (`familyOnly`: a photo of
    // the child at a family occasion, an outing with the cousins: `occasion`, speech-acts.ts)
    // is weighed as family weighs it: a present, a compliment or an age question beside it is
    // family life too, and only a hidden channel, a normalising remark or a test of compliance
    // counts.
    const familyRequest = !context.unconnected && context.familyOnly === true;
    // From a relative in family voice over a link made before the conversation (`familyChannel`),
    // another app is where the family already talks (a family group, grandma's video calls): it
    // is not the move that makes a photo request solicitation; a secret, a normalising remark or a
    // test of compliance still is, and both together are the grooming rule's below.
    const counted = context.familyChannel === true ? mask & ~STAGE_BIT.isolation_platform_move : mask;
    const moves = bits(counted & GROOMING_MASK & (familyRequest ? ~FAMILY_EVERYDAY : ~0));
    if (moves >= (context.family ? 2 : 1) || bareFromStranger)
      out.push({
        category: 'solicitation',
        severity: grooming >= 1 && context.unconnected ? 'high' : 'medium',
        score: Math.min(0.99, (grooming >= 1 ? 0.8 : 0.65) + boost),
      });
  }
  if (grooming >= 3) out.push({ category: 'grooming', severity: 'high', score: Math.min(0.99, 0.85 + boost) });
  else if (grooming === 2 && (has(mask, 'exclusivity_secrecy') || has(mask, 'isolation_platform_move') || context.unconnected))
    out.push({ category: 'grooming', severity: 'medium', score: 0.65 + boost });
  return out;
}

/**
 * The grooming script, whatever age its sender claims: three grooming stages with secrecy or
 * a move to another app, or an image or meeting request with one of them. Teens flirting
 * ask for a photo of an outfit and say "don't screenshot this"; they rarely also ask a child
 * they just approached to keep it from parents and move to another app.
 */
export function behavesAsAdult(mask: number): boolean {
  const hidden = has(mask, 'exclusivity_secrecy') || has(mask, 'isolation_platform_move');
  if (!hidden) return false;
  return bits(mask & GROOMING_MASK) >= 3 || has(mask, 'image_request') || has(mask, 'meeting_request');
}

/** The category an early alert takes from the stages seen so far. */
export function earlyCategory(mask: number): Assessment['category'] {
  if (has(mask, 'sextortion_threat') || has(mask, 'payment_demand') || has(mask, 'countdown')) return 'sextortion';
  if (has(mask, 'image_request') || has(mask, 'meeting_request')) return 'solicitation';
  return 'grooming';
}

/*
 * A trusted adult's escalation (2026-12-06, sixth round). From a link the child made before
 * the conversation (a tutor, a coach, a family friend for years) single moves are everyday and
 * the rules above weigh them down: a long-standing link does not count flattery, and the model
 * holds back a rule hit from a known adult. Groomers the child already knows write exactly
 * that way, so one combination is never excused by the link: a hidden channel (secrecy or
 * another app), an exclusive bond or a gift, and a request to meet or for an image. On the
 * shared corpora the link's age was why their tutors and coaches were missed.
 */
export function trustedEscalation(connectedMask: number): Assessment | undefined {
  const hidden = has(connectedMask, 'exclusivity_secrecy') || has(connectedMask, 'isolation_platform_move');
  const bond = has(connectedMask, 'relationship_forming');
  const request = has(connectedMask, 'meeting_request') || has(connectedMask, 'image_request');
  return hidden && bond && request ? { category: 'grooming', severity: 'high', score: 0.9 } : undefined;
}

/**
 * Secrecy or another app together with a request to meet or for an image: the script from
 * anyone, known or not. A request that is family life (`familyOnly`: a photo at a family
 * occasion, an outing with the cousins) with another app is the family group's; with a secret
 * it is still the script.
 */
export function hiddenRequest(mask: number, familyOnly = false): boolean {
  const hidden = has(mask, 'exclusivity_secrecy') || (!familyOnly && has(mask, 'isolation_platform_move'));
  return hidden && (has(mask, 'meeting_request') || has(mask, 'image_request'));
}

/*
 * A known adult's hidden request for the child's own image (2026-12-06, tenth round). From a
 * long-standing or family link the rules above excuse a request beside one secret (a family
 * link needs two moves; `trustedEscalation` needs a bond too), so "send me a selfie, just for
 * me" with "don't show your parents" from a contact of a year raised nothing. Secrecy around a
 * picture of the child is the script whoever asks: a platform family link can be a step-parent
 * or an impostor, and no family-life photo (the new jacket, the arrival at camp) needs hiding.
 * A trust-and-safety team reads it as a request for images of a child under secrecy:
 * solicitation, high (a reviewer looks the same day), not grooming (no bond needs to be seen).
 * `paired`: a secret said in the same message as a request for the child's own image (one that
 * names no thing and is not at a family occasion: speech-acts.ts) or in the adult's very next
 * message; a relative's "our secret: I'm taking you all to the theme park" before a trophy photo
 * is not. Surprise secrets are not secrecy cues at all (the lexicon's `unless`).
 */
export function hiddenImageRequest(mask: number, paired: boolean): Assessment | undefined {
  return paired && has(mask, 'exclusivity_secrecy') && has(mask, 'image_request')
    ? { category: 'solicitation', severity: 'high', score: 0.85 }
    : undefined;
}

/*
 * The parents kept out of the contact (2026-12-06, eleventh round). `hiddenImageRequest` reads a
 * secret paired with the picture; a known adult also says it first ("don't tell your mom we talk
 * ok?", then "send me a pic of you" messages later) or beside a meeting ("don't tell your mom about
 * this" / "come to my place alone on saturday"), which the link excused. The words are narrower than
 * the secrecy cue: the adult keeps the child's parents out of the contact itself (`parents_out`,
 * family-voice.ts), never a surprise, a present or the team's line-up. With a request for the
 * child's own image (not a thing, not at a family occasion): solicitation, high; with a request to
 * meet (not a pick-up announced for a set time, not an outing with the family): grooming, high.
 */
export function parentsKeptOut(ownImage: boolean, meeting: boolean, move = false): Assessment | undefined {
  if (ownImage) return { category: 'solicitation', severity: 'high', score: 0.85 };
  if (meeting) return { category: 'grooming', severity: 'high', score: 0.9 };
  // A move to another app that is not a group's shared place (twelfth round): the contact taken where the parents cannot see it.
  return move ? { category: 'grooming', severity: 'medium', score: 0.8 } : undefined;
}
