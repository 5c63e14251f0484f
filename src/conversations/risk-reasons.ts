import type { Reason } from '../alerts/alert-schema.js';
import { BAND, bandName } from '../core/age-band.js';
import type { ConversationState } from './conversation-tracker.js';
import { describeRelationship, ESTABLISHED_DAYS, isFamilyKind, type Relationship, type Trust } from './relationship.js';
import { describeUnsupported } from './unsupported-language.js';

/** An adult working through a list: grooming moves towards this many unconnected minors or more weigh one level more. */
export const MANY_MINORS = 3;
const FAMILY_WORDS: Partial<Record<string, string>> = {
  family: 'family of the child',
  guardian: "the child's supervising parent or guardian",
  household: 'living in the same household as the child',
};

/** What the detector weighed for one alert, to be said in words. */
export interface RiskExplanationInput {
  st: ConversationState;
  rel: Relationship;
  context: { unconnected: boolean; family: boolean; flagged: boolean; newAccount: boolean };
  sender: { band: number; minor: boolean; fansOut: boolean; actsAsAdult: boolean; accountDays: number };
  /** The youngest minor's band among the recipients. */
  youngest: number;
  /** Minors the sender opened one-to-one conversations with in the fan-out window (asked only when it fans out). */
  approached: () => number;
  voice: { kin: boolean; adultKin: { eventId: string } | undefined; guardian: boolean; linkTrust: Trust };
  others: number;
  refused: boolean;
  risk: number | undefined;
  /** The alert is an early warning (no rule fired). */
  early: boolean;
}

/**
 * An alert's reasons: every cue and the words the model weighed, who wrote to whom, the
 * relationship in words, and each piece of context that moved the score. A reviewer reads
 * these, so each names the event it comes from.
 */
export function explainRisk(input: RiskExplanationInput): Reason[] {
  const { st, rel, context, sender, youngest, voice, others, refused, risk } = input;
  const reasons: Reason[] = st.evidence.flatMap((e) => [
    ...e.cues.map((c) => ({ code: c.code, detail: `${c.detail} (event ${e.eventId}, ${c.lang})` })),
    ...(e.grams?.length
      ? [
          {
            code: 'model_words',
            detail: `words the model weighs towards risk: ${e.grams.map((g) => `"${g}"`).join(', ')} (event ${e.eventId}, message score ${(e.p ?? 0).toFixed(2)})`,
          },
        ]
      : []),
  ]);
  if (sender.minor)
    reasons.push({
      code: sender.fansOut ? 'declared_minor_fans_out' : sender.actsAsAdult ? 'declared_minor_acts_as_adult' : 'minor_to_minor',
      detail: sender.fansOut
        ? `an account that declares itself ${bandName(sender.band)} (not verified) opened one-to-one conversations with ${input.approached()} minors it had no link with in the fan-out window: scored as an adult`
        : sender.actsAsAdult
          ? `an account that declares itself ${bandName(sender.band)} (not verified) approached a ${bandName(youngest)} account with the grooming script: a declared age is a claim`
          : `a ${bandName(sender.band)} account writing to a ${bandName(youngest)} account: a threat with a demand or a countdown is sextortion whoever sends it`,
    });
  else
    reasons.push({
      code: 'adult_to_minor',
      detail: `${sender.band === BAND.unknown ? 'an account of unknown age' : 'an adult'} writing to a ${bandName(youngest)} account`,
    });
  reasons.push({ code: 'relationship', detail: describeRelationship(rel) });
  if (context.unconnected)
    reasons.push({
      code: 'unconnected',
      detail:
        rel.kind === 'none'
          ? 'at the first message the minor did not follow, befriend or hold the sender as a contact, and shared no family link with them'
          : 'the link was made after the conversation began',
    });
  if (voice.kin)
    reasons.push({
      code: 'family_voice',
      detail: st.kin
        ? `the child addresses the adult as family ("${st.kin.word}", event ${st.kin.eventId}): weighed as family, though the platform holds no family link`
        : `the adult writes as the child's relative (event ${voice.adultKin!.eventId}) and the platform linked them before the conversation: weighed as family`,
    });
  if (voice.guardian)
    reasons.push({
      code: 'parents_informed',
      detail: `${
        st.guardianAware
          ? `the adult says the child's parent knows, asked or is told (event ${st.guardianAware.eventId})`
          : `the adult names their tie to the child's family (event ${st.kinTie!.eventId})`
      }: weighed as ${voice.linkTrust === 'approach' ? 'an adult the child knows' : 'a long-standing link'}`,
    });
  if (context.family && !voice.kin && !voice.guardian)
    reasons.push({
      code: isFamilyKind(rel.kind) ? 'family_link' : 'established_link',
      detail: isFamilyKind(rel.kind)
        ? `the platform marks the sender as ${FAMILY_WORDS[rel.kind]}: their age questions, whereabouts questions, gifts, compliments and pick-ups are not counted`
        : `a long-standing link (${ESTABLISHED_DAYS} days or more before the conversation with mutual connections, or a year or more): age and whereabouts questions, gifts and compliments are not counted`,
    });
  if (context.flagged) reasons.push({ code: 'flagged_sender', detail: 'the sender is already flagged as suspicious or restricted' });
  if (context.newAccount)
    reasons.push({
      code: 'new_account',
      detail: `the sender's account is ${sender.accountDays} day${sender.accountDays === 1 ? '' : 's'} old`,
    });
  if (others >= MANY_MINORS)
    reasons.push({
      code: 'many_unconnected_minors',
      detail: `the sender has messaged ${others} minors with no connection to them in the fan-out window`,
    });
  if (refused)
    reasons.push({
      code: 'continued_after_refusal',
      detail: `the child refused or asked who this is (event ${st.refusal!.eventId}) and the adult went on`,
    });
  if (st.ageGiven)
    reasons.push({
      code: 'age_given',
      detail: `the child told the adult they are ${st.ageGiven.age} (event ${st.ageGiven.eventId})`,
    });
  if (st.unsupported) reasons.push({ code: 'unsupported_language', detail: describeUnsupported(st.unsupported) });
  if (risk !== undefined)
    reasons.push({
      code: 'model_score',
      detail: `calibrated risk ${risk.toFixed(2)} from the cues, the message model and the context${input.early ? ' (an early warning: no rule has fired yet)' : ''}`,
    });
  return reasons;
}
