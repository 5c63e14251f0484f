import type { AlertDraft } from '../alerts/alert-schema.js';
import { ASSURANCE, BAND, isMinorCode, packedUtcDate } from '../core/age-band.js';
import { NO_DRAFTS, type Detector, type UnconnectedContact } from '../detection/detector.js';
import { FLAG } from '../facts/facts.js';
import {
  assess,
  behavesAsAdult,
  earlyCategory,
  hiddenImageRequest,
  hiddenRequest,
  parentsKeptOut,
  RANK,
  trustedEscalation,
} from './assess-risk.js';
import { STAGE_BIT } from './cue-lexicon.js';
import { isOccasion } from './speech-acts.js';
import { earlyWarningReady, saidToGroup } from './early-warning.js';
import { worthTracking, type ConversationTracker, type ConversationState } from './conversation-tracker.js';
import { hiddenWithRequest } from './model/conversation-features.js';
import type { RiskModel } from './model/risk-model.js';
import { detectCues, sendersOwn, stageMask } from './detect-cues.js';
import { createFamilyNotes, familyForTease, noteRequests, withoutFamilyTease } from './family-notes.js';
import { countMutuals, ESTABLISHED_DAYS, LONG_STANDING_DAYS, isFamilyKind, readRelationship, relationFeatures } from './relationship.js';
import { createObjectBefore, createTurnWindow, withSplit } from './turn-window.js';
import { explainRisk, MANY_MINORS } from './risk-reasons.js';
import { sampleLanguage } from './unsupported-language.js';
import { maskFor, readEvidence, weighRelationship } from './weigh-relationship.js';
import { createSentPictures } from './your-turn.js';

export interface ConversationRiskOptions {
  treatUnknownAgeAsAdult: boolean;
  /** The learned component; without it the cue rules decide alone. */
  model?: RiskModel | undefined;
  /** How many distinct unconnected minors the sender has messaged in the fan-out window (the contact tracker's count). */
  otherMinors?: ((senderIdx: number, nowMs: number) => number) | undefined;
  /** The fan-out window (`behaviour.suspiciousAdult.fanOutWindowHours`); 24 hours if not given. */
  fanOutWindowMs?: number | undefined;
}

/**
 * An account that declares a minor age (not verified) and opens one-to-one conversations with
 * this many minors it has no link with, in the fan-out window, is scored as an adult: working
 * through a list of children is what an adult posing as a teen does (conversations-b
 * `declared_teen_adult`), and a teen rarely cold-messages five children a day one by one.
 */
const DECLARED_MINOR_FAN_OUT = 5;
const DAY_MS = 86_400_000;

/** An account younger than this adds to the score (a throwaway made for the contact is common in sextortion). */
const NEW_ACCOUNT_DAYS = 30;

const NO_EFFECTS = { quarantineEntry: () => {}, countUpload: () => {} };

/**
 * `grooming`, `solicitation` and `sextortion` from what an adult (or an account of unknown
 * age) writes to a minor. Messages between adults, between minors, or from a minor are not
 * analysed: the cues only mean risk in that direction. Each category fires once per
 * conversation and again only when its severity rises.
 *
 * With a model, the cue rules and the model make one calibrated score: the rules name the
 * category and severity, the model's probability is the alert's score; a medium rule hit the
 * model puts below `thresholds.suppress` is held back, and an unconnected adult's message with
 * a cue that brings the conversation to `thresholds.early` or more raises a low-severity alert
 * before any rule would.
 */
export function createConversationRiskDetector(tracker: ConversationTracker, opts: ConversationRiskOptions): Detector {
  const turns = createTurnWindow();
  const objectBefore = createObjectBefore();
  const sent = createSentPictures();
  const { model } = opts;
  const nonMinor = (b: number) => b === BAND.adult || (b === BAND.unknown && opts.treatUnknownAgeAsAdult);
  const family = createFamilyNotes(tracker, nonMinor);
  const { keptOf } = family;
  return {
    name: 'conversation_risk',
    /**
     * Folds a stored message back into the conversation state after a restart, as if it had
     * just arrived, and drops what it would raise (those alerts were raised before, and their
     * keys are restored). Connection and age are judged by the facts as restored.
     */
    restore(row, facts) {
      if (row.kind !== 'message') return;
      const { ev } = row;
      if (ev.event.type !== 'message.sent') return;
      const datePacked = packedUtcDate(ev.tsMs);
      const sender = facts.indexOf(ev.event.message.from);
      const unconnected: UnconnectedContact[] = [];
      for (const to of ev.event.message.to) {
        const minor = facts.indexOf(to);
        const band = facts.bandAt(minor, datePacked);
        if (isMinorCode(band) && !facts.isConnected(minor, sender)) unconnected.push({ minorIdx: minor, minorId: to, minorBand: band });
      }
      this.evaluate({ ev, facts, datePacked, unconnected, effects: NO_EFFECTS });
    },
    evaluate({ ev, facts, datePacked, unconnected }) {
      if (ev.event.type !== 'message.sent') return NO_DRAFTS;
      const m = ev.event.message;
      // Who sent a picture, whatever its text: a "your turn" after it asks for one back (your-turn.ts).
      if (m.media !== undefined && m.media.length > 0) sent.note(`${m.conversationId}\u0000${m.from}`, ev.tsMs);
      if (!m.text) return NO_DRAFTS;
      const senderIdx = facts.indexOf(m.from);
      const senderBand = facts.bandAt(senderIdx, datePacked);
      const minorSender = isMinorCode(senderBand);
      if (!minorSender && !nonMinor(senderBand)) return NO_DRAFTS;
      const minors: string[] = [];
      let youngest = BAND.adult as number;
      for (const to of m.to) {
        const b = facts.bandAt(facts.indexOf(to), datePacked);
        if (isMinorCode(b)) {
          minors.push(to);
          if (b < youngest) youngest = b;
        }
      }
      if (minorSender) {
        family.noteReply(m, facts, datePacked, ev);
        // To adults a minor's message is a reply (above); between minors it is read too,
        // because a declared age is a claim: threats are threats from anyone (below).
        if (minors.length === 0) {
          if (m.to.length > 0) tracker.opened(m.conversationId, m.from, true, ev.tsMs);
          return NO_DRAFTS;
        }
      }
      if (minors.length === 0) return NO_DRAFTS;
      const opener = tracker.opened(m.conversationId, m.from, minorSender, ev.tsMs);
      const claimed = minorSender && facts.assurance(senderIdx) !== ASSURANCE.verified;
      // A declared teen's cold one-to-one openers are counted (fan-out: DECLARED_MINOR_FAN_OUT).
      const since = ev.tsMs - (opts.fanOutWindowMs ?? DAY_MS);
      if (claimed && m.to.length === 1 && opener.firstFrom === m.from && opener.firstMs === ev.tsMs) {
        const minor = facts.indexOf(m.to[0]!);
        if (!facts.isConnected(minor, senderIdx) && !facts.isConnected(senderIdx, minor))
          tracker.approached(m.from, m.to[0]!, ev.tsMs, since);
      }
      // No language guess: nothing reads it yet, and it cost 13% of this detector. A split request counts at its last fragment
      // (turn-window.ts); a cue in a warning, reported speech, a negated ask, an offer or a photo of a thing is not the sender's move.
      const detected = detectCues(m.text, { identify: false });
      const { normalized } = detected;
      // What the adult says of the family is remembered whether or not the message has a cue.
      if (!minorSender) family.noteAdult(m, normalized, detected.cues, ev);
      const key = `${m.conversationId}\u0000${m.from}`;
      const split = turns.splitCues(key, m.text, ev.tsMs, detected.cues);
      // A bare "if yes, send me a photo" takes its object from the sender's message before, and "or everyone sees it" its demand (turn-window.ts).
      const read = objectBefore.read(key, m.text, ev.tsMs, detected.cues);
      // A relative's tease to the family, or from a family link to the parent, is no threat (family-notes.ts).
      const own = sendersOwn(withSplit(read.cues, split));
      const existing = tracker.get(m.conversationId, m.from);
      const told = withoutFamilyTease(own, read.joined ?? normalized, () =>
        familyForTease(facts, minors, senderIdx, existing, opener.firstMs),
      );
      // A bare "your turn" after the sender's own picture asks for the child's (your-turn.ts).
      const turn = sent.turnCue(key, normalized, ev.tsMs, told, m.to.length);
      const cues = turn ? [...told, turn] : told;
      // The message model learned adults' moves; a declared minor's messages are read by the cues alone.
      const p = model && !minorSender ? model.messageProbability(normalized, cues) : 0;
      // A secret is about a picture when said with the request or in the adult's very next message
      // ("send me a selfie" / "don't show your parents"); one said before it, or messages later, is
      // usually about something else (a gift, an outing) and the rules weigh it as it is.
      const imageHere = cues.some((c) => c.code === 'image_request' && !isOccasion(c));
      const stages = stageMask(cues);
      const pairedHere = (stages & STAGE_BIT.exclusivity_secrecy) !== 0 && (imageHere || existing?.imageAsked === true);
      // A conversation already tracked is always recorded, so its `imageAsked` is set just below.
      if (!worthTracking(existing !== undefined, cues.length, p)) return NO_DRAFTS;
      const grams = model && p >= 0.5 ? model.explain(normalized, 3) : undefined;
      const st: ConversationState = tracker.record(
        m.conversationId,
        m.from,
        { eventId: ev.event.id, tsMs: ev.tsMs, cues, p: model && !minorSender ? p : undefined, grams },
        stages,
      );
      st.imageAsked = imageHere;
      const kept = keptOf(st);
      noteRequests(kept, cues, imageHere);
      if (pairedHere && !st.hiddenImage) st.hiddenImage = { eventId: ev.event.id };
      // Only in a conversation that already has signals: is this message in a language no lexicon reads?
      if (cues.length === 0 && existing) sampleLanguage(st, m.text, normalized, ev.event.id);
      const parentsOutHere = kept.parentsOut?.eventId === ev.event.id;
      if (cues.length === 0 && p < 0.5 && !parentsOutHere) return NO_DRAFTS;
      // The relationship with the least-linked minor among the recipients (in a group, the one a stranger singles out).
      let minorIdx = -1;
      let weakest = Infinity;
      for (const to of minors) {
        const i = facts.indexOf(to);
        const bits = facts.edges.get(i, senderIdx);
        const rank = bits === 0 ? 0 : facts.edges.linkSince(i, senderIdx);
        if (rank < weakest) {
          weakest = rank;
          minorIdx = i;
        }
      }
      // In a group, who wrote first says nothing about who approached whom.
      const conv = {
        firstMs: opener.firstMs,
        firstBy: opener.firstFrom === m.from ? ('adult' as const) : opener.firstFromMinor ? ('minor' as const) : ('unknown' as const),
        childMessages: opener.minorMessages,
      };
      let rel = readRelationship(facts, minorIdx, senderIdx, conv, ev.tsMs, st.mutuals);
      // Mutual connections are counted once per conversation (neighbour lists), and only when they decide.
      const days = rel.linkedDaysBefore ?? 0;
      // The model reads them for any link, so with a model they are counted on a linked pair's first cue.
      const decides = !isFamilyKind(rel.kind) && days >= ESTABLISHED_DAYS && days < LONG_STANDING_DAYS;
      if (st.mutuals === undefined && rel.kind !== 'none' && (decides || (model && !minorSender && cues.length > 0))) {
        st.mutuals = countMutuals(facts, minorIdx, senderIdx);
        rel = { ...rel, mutuals: st.mutuals };
      }
      // What the conversation says of the relationship, weighed with the link (weigh-relationship.ts).
      const w = weighRelationship(rel, st, minorSender, kept.newAccount === true);
      const { trust, familyLike, kinClaim, voiceOnly, familyChannel } = w;
      const created = facts.createdDay(senderIdx);
      const accountDays = created > 0 ? Math.floor(ev.tsMs / 86_400_000) - created : -1;
      const { announcedOnly, familyOnly, gifted } = readEvidence(st);
      const context = {
        announcedOnly,
        familyOnly,
        unconnected: trust === 'approach',
        family: trust === 'established',
        flagged: senderIdx >= 0 && (facts.flags(senderIdx) & (FLAG.suspicious | FLAG.restricted)) !== 0,
        newAccount: accountDays >= 0 && accountDays < NEW_ACCOUNT_DAYS,
        saysNewAccount: kept.newAccount === true,
      };
      const relation = relationFeatures(rel, trust);
      const risk = minorSender
        ? undefined
        : model?.conversationProbability(st, { ...context, youngMinor: youngest !== BAND['16-17'], relation });
      const mask = maskFor(st, w, gifted);
      let found = assess(mask, voiceOnly ? { ...context, family: false, familyChannel } : { ...context, kinClaim });
      let actsAsAdult = false;
      let fansOut = false;
      if (minorSender) {
        // A declared age is evidence, not truth. Between minors: the sextortion script (a threat
        // with a demand or a countdown) from anyone; a threat alone is teasing until it has one.
        // An account that only claims a teen age (not verified) and approaches a child with the
        // grooming script is scored as an adult would be.
        fansOut = claimed && tracker.approached(m.from, undefined, ev.tsMs, since) >= DECLARED_MINOR_FAN_OUT;
        actsAsAdult = fansOut || (claimed && trust === 'approach' && behavesAsAdult(st.mask));
        if (!fansOut) found = found.filter((a) => (a.category === 'sextortion' ? a.severity === 'critical' : actsAsAdult));
      } else if (risk !== undefined) {
        const { suppress, known } = model!.file.thresholds;
        // From an adult the child knows, words alone are weak: a rule hit the model (which reads
        // the relationship and the whole script) puts below `known` is held back. Sextortion is
        // not, nor a request joined by secrecy or another app (a relative's impostor, a family
        // friend who signs as an uncle): that is the script, whatever the model's words say.
        const scripted = hiddenRequest(mask, familyOnly || familyChannel);
        found = found
          .filter((a) => a.severity !== 'medium' || risk >= suppress)
          .filter((a) => trust === 'approach' || a.category === 'sextortion' || risk >= (known ?? 0) || scripted)
          .map((a) => ({ ...a, score: risk }));
        // The early warning is for adults who approached the child, on a message with a cue a
        // reviewer can check (after praise and a bare age question, on the next move: early-warning.ts);
        // from an adult the child knows, only on what a groomer the child knows does (secrecy or
        // another app with a request, a gift or a meeting: hiddenWithRequest).
        const earlyFrom =
          (context.unconnected && !kinClaim) ||
          hiddenWithRequest(familyChannel ? st.connectedMask & ~STAGE_BIT.isolation_platform_move : st.connectedMask);
        const toGroup = saidToGroup(m.text!, m.to.length);
        const ready = () => earlyWarningReady(st, { eventId: ev.event.id, cues, p, toGroup }, relation.linkedAfter);
        // A move an adult who approached names as private ("text me on whatsapp, just me and you")
        // in a conversation with the child alone is the move itself, whatever level the model's
        // words reach (they moved below `early` for it when the model was retrained, tenth round).
        const privateMove = context.unconnected && !toGroup && cues.some((c) => c.acts?.includes('private_place') === true);
        if (found.length === 0 && earlyFrom && (risk >= model!.file.thresholds.early || privateMove) && ready())
          found.push({ category: earlyCategory(st.mask), severity: 'low', score: risk });
      }
      // A known adult (not family) combining a hidden channel, a bond and a request: not excused by the link (assess-risk.ts).
      // So is an account that only claims to be 16-17 doing it to a child under 13 (two bands younger): a claim, not a peer.
      const claimsPeer = minorSender && !(claimed && senderBand - youngest >= 2);
      const escalation = !claimsPeer && trust !== 'approach' && !familyLike ? trustedEscalation(st.connectedMask) : undefined;
      if (escalation && !found.some((a) => a.category === 'grooming' && RANK[a.severity] >= RANK.high)) {
        found.push(escalation);
        if (minorSender) actsAsAdult = true;
      }
      // A secret around a request for the child's own image: the script from any link, family too (assess-risk.ts).
      const hiddenImage = !claimsPeer ? hiddenImageRequest(mask, st.hiddenImage !== undefined) : undefined;
      if (hiddenImage && !found.some((a) => a.category === 'solicitation' && RANK[a.severity] >= RANK.high)) {
        found = [...found.filter((a) => a.category !== 'solicitation'), hiddenImage];
        if (minorSender) actsAsAdult = true;
      }
      // The parents kept out of the contact, then or later a request for the child's own image or to
      // meet: the script from any link, family too (assess-risk.ts).
      const keptOutAlert =
        !claimsPeer && kept.parentsOut ? parentsKeptOut(kept.ownImage === true, kept.meeting === true, kept.move === true) : undefined;
      if (keptOutAlert && !found.some((a) => a.category === keptOutAlert.category && RANK[a.severity] >= RANK.high)) {
        found = [...found.filter((a) => a.category !== keptOutAlert.category), keptOutAlert];
        if (minorSender) actsAsAdult = true;
      }
      if (found.length > 0 && st.mutuals === undefined) {
        st.mutuals = countMutuals(facts, minorIdx, senderIdx);
        rel = { ...rel, mutuals: st.mutuals };
      }
      // Going on after the child refused is persistence, not misunderstanding; the same moves
      // towards several unconnected minors at once is a list being worked through: one level up.
      const refused = st.refusal !== undefined && st.refusal.tsMs <= ev.tsMs;
      const unconnectedNow = unconnected.length > 0;
      const others = unconnectedNow && opts.otherMinors && senderIdx >= 0 ? opts.otherMinors(senderIdx, ev.tsMs) : 0;
      const many = others >= MANY_MINORS || fansOut;
      if (refused || many)
        found = found.map((a) =>
          a.category !== 'sextortion' && RANK[a.severity] < RANK.high ? { ...a, severity: a.severity === 'low' ? 'medium' : 'high' } : a,
        );
      const drafts: AlertDraft[] = [];
      for (const a of found) {
        if ((st.alerted[a.category] ?? -1) >= RANK[a.severity]) continue;
        st.alerted[a.category] = RANK[a.severity];
        const reasons = explainRisk({
          st,
          rel,
          context,
          sender: { band: senderBand, minor: minorSender, fansOut, actsAsAdult, accountDays },
          youngest,
          approached: () => tracker.approached(m.from, undefined, ev.tsMs, since),
          voice: { kin: w.kinVoice, adultKin: w.adultKin, guardian: w.guardianVoice, linkTrust: w.linkTrust },
          others,
          refused,
          risk,
          early: a.severity === 'low',
        });
        if (a === keptOutAlert)
          reasons.push({
            code: 'parents_kept_out',
            detail:
              "kept the child's parents out of the contact and asked for the child's own image or to meet: not excused by a known or family link",
          });
        if (a === hiddenImage)
          reasons.push({
            code: 'hidden_image_request',
            detail: "asked for the child's own image together with secrecy: not excused by a long-standing or family link",
          });
        drafts.push({
          category: a.category,
          severity: a.severity,
          score: Math.round(a.score * 100) / 100,
          subjectAccountId: m.from,
          conversationId: m.conversationId,
          evidence: [
            ...new Set([
              ...st.evidence.map((e) => e.eventId),
              ...(refused ? [st.refusal!.eventId] : []),
              ...(st.ageGiven ? [st.ageGiven.eventId] : []),
              ev.event.id,
            ]),
          ],
          reasons,
          relatedAccountIds: minors,
          dedupeKey: `conversation:${a.category}:${a.severity}:${JSON.stringify([m.conversationId, m.from])}`,
        });
      }
      return drafts;
    },
  };
}
