import { GROUP_KINDS, type GroupKind } from '../events/event-schema.js';
import { EDGE, type Facts } from '../facts/facts.js';
import type { RelationFeatures } from './model/conversation-features.js';

/**
 * The relationship between an adult and a child as graded evidence, from the facts Warden
 * holds, judged at the conversation's first message rather than now: a groomer who gets the
 * child to follow back is connected by the time the risky messages come, and a link the
 * adult asked for after contact began is the opposite of a long-standing one. Until
 * 2026-12-05 the detector read one switch, "unconnected now": 368 of 384 risk alerts on a
 * held-out set cited it, a benign adult with no link was flagged in 58% of conversations,
 * and a follow-back groomer was caught in 2 of 5.
 */
export interface Relationship {
  /**
   * The strongest link from the child to the adult now: `guardian` (a parental-supervision
   * link) > `family` > `household` > `friend` > `contact` > `follow`.
   */
  kind: 'none' | 'follow' | 'contact' | 'friend' | 'family' | 'guardian' | 'household';
  /** Days from the link to the conversation's first message (negative: made after contact began); undefined without a link. */
  linkedDaysBefore: number | undefined;
  /** The adult follows the child (alone, that is not a connection: the child did not choose it). */
  adultFollows: boolean;
  /** Who wrote the conversation's first message. */
  firstBy: 'adult' | 'minor' | 'unknown';
  /** Accounts both are connected to; undefined where not counted. */
  mutuals: number | undefined;
  /** Days from the conversation's first message to now. */
  talkedDays: number;
  /** Messages the child wrote in this conversation. */
  childMessages: number;
  /** The groups both are in now (`group.joined`); absent where they share none or the platform sends no groups. */
  sharedGroups?: SharedGroups;
}

/**
 * Groups the adult and the child share: context for a reviewer, not a connection. A child does
 * not choose who else joins a guild or a club, and an adult who joins a children's group shortly
 * before writing to one of its members is a documented way in; so a shared group neither counts
 * as a link nor changes the trust grade, and the words say who joined first and when.
 */
export interface SharedGroups {
  count: number;
  /** The kinds of group, each once, in the protocol's order. */
  kinds: GroupKind[];
  /** Days from the adult's latest join of a shared group to the conversation's first message (negative: joined after it). */
  adultJoinedDaysBefore: number;
  /** In that group, the adult joined after the child. */
  adultJoinedAfterChild: boolean;
}

/**
 * How much the relationship itself vouches for the adult, in four steps (what the rules use):
 * - `approach`: no link at the first message and the adult wrote first, or a link made after
 *   contact began (follow-back): every cue counts;
 * - `sought`: no link, but the child wrote first (a support desk, a guild officer the child
 *   asked): cues everyday from connected adults are not counted, as from a connected one;
 * - `connected`: a link the child made before the conversation;
 * - `established`: family, a link at least `ESTABLISHED_DAYS` older than the conversation
 *   with a mutual connection, or one `LONG_STANDING_DAYS` older: weighed as family is (an age question, a pick-up,
 *   a present or "are you home alone?" are family life; secrecy, another app, images and
 *   threats still count).
 */
export type Trust = 'approach' | 'sought' | 'connected' | 'established';

/** A link this much older than the conversation, with a mutual connection, is a long-standing relationship. */
export const ESTABLISHED_DAYS = 30;
/**
 * A link this much older than the conversation is long-standing without mutual connections.
 * On both shared corpora it lowered relatives' and parents' false positives (conversations-a
 * aunt/uncle 0.067 to 0.044, surprise party 0.200 to 0.157) and changed no recall.
 */
export const LONG_STANDING_DAYS = 365;
const DAY = 86_400_000;

const KINDS: [Relationship['kind'], number][] = [
  ['guardian', EDGE.guardian],
  ['family', EDGE.family],
  ['household', EDGE.household],
  ['friend', EDGE.friend],
  ['contact', EDGE.contact],
  ['follow', EDGE.follow],
];

/**
 * Accounts both `a` and `b` are connected with (either direction), from the smaller of their
 * neighbour lists (`EdgeSet.mutualNeighbours`): the cost is that account's links, at any size of
 * the graph. Until 2026-12-06 it was a scan of every edge, skipped (undefined) above 2 million.
 */
export function countMutuals(facts: Facts, a: number, b: number): number {
  return facts.edges.mutualNeighbours(a, b);
}

export function readRelationship(
  facts: Facts,
  minor: number,
  adult: number,
  conv: { firstMs: number; firstBy: 'adult' | 'minor' | 'unknown'; childMessages: number },
  nowMs: number,
  mutuals: number | undefined,
): Relationship {
  const bits = minor >= 0 && adult >= 0 ? facts.edges.get(minor, adult) : 0;
  let kind: Relationship['kind'] = 'none';
  for (const [k, bit] of KINDS)
    if (bits & bit) {
      kind = k;
      break;
    }
  // The link's own age: a pair linked for years that adds another kind later is still linked for years.
  const linkMs = kind === 'none' ? 0 : facts.edges.linkSince(minor, adult);
  const shared = minor >= 0 && adult >= 0 ? sharedGroupsOf(facts, minor, adult, conv.firstMs) : undefined;
  return {
    ...(shared ? { sharedGroups: shared } : {}),
    kind,
    linkedDaysBefore: kind === 'none' ? undefined : (conv.firstMs - linkMs) / DAY,
    adultFollows: adult >= 0 && minor >= 0 && (facts.edges.get(adult, minor) & EDGE.follow) !== 0,
    firstBy: conv.firstBy,
    mutuals,
    talkedDays: Math.max(0, (nowMs - conv.firstMs) / DAY),
    childMessages: conv.childMessages,
  };
}

function sharedGroupsOf(facts: Facts, minor: number, adult: number, firstMs: number): SharedGroups | undefined {
  const groups = facts.groups.shared(adult, minor);
  if (groups.length === 0) return undefined;
  // The adult's latest join among them: the one that says most about how the adult came near.
  let latest = groups[0]!;
  for (const g of groups) if (g.aJoinedMs > latest.aJoinedMs) latest = g;
  const kinds = new Set(groups.map((g) => g.kind));
  return {
    count: groups.length,
    kinds: GROUP_KINDS.filter((k) => kinds.has(k)),
    adultJoinedDaysBefore: (firstMs - latest.aJoinedMs) / DAY,
    adultJoinedAfterChild: latest.aJoinedMs > latest.bJoinedMs,
  };
}

/** The links the platform states as family: a relative, a supervising parent, the same household. */
export const isFamilyKind = (k: Relationship['kind']) => k === 'family' || k === 'guardian' || k === 'household';

export function trustOf(r: Relationship): Trust {
  if (r.kind === 'none') return r.firstBy === 'minor' ? 'sought' : 'approach';
  // A family, guardian or household link is the platform's own statement, whenever it was made (a relative's new account).
  if (isFamilyKind(r.kind)) return 'established';
  const days = r.linkedDaysBefore ?? 0;
  // Made after the conversation began: the adult asked for it (or got it) while already talking.
  if (days < 0) return r.firstBy === 'minor' ? 'sought' : 'approach';
  if (days >= ESTABLISHED_DAYS && (r.mutuals ?? 0) >= 1) return 'established';
  // A year is long-standing by itself (a relative who linked once and has no mutuals on the platform).
  if (days >= LONG_STANDING_DAYS) return 'established';
  return 'connected';
}

/** The relationship as the model's combiner reads it. */
export function relationFeatures(r: Relationship, trust: Trust = trustOf(r)): RelationFeatures {
  return {
    trust,
    family: isFamilyKind(r.kind),
    linkedAfter: r.kind !== 'none' && (r.linkedDaysBefore ?? 0) < 0,
    // Without a link, mutual connections are counted neither at run time nor in training.
    mutuals: r.kind === 'none' ? 0 : r.mutuals,
    childWroteFirst: r.firstBy === 'minor',
  };
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
function span(days: number): string {
  const d = Math.abs(days);
  if (d < 1) return `${plural(Math.max(1, Math.round(d * 24)), 'hour')}`;
  if (d < 60) return plural(Math.round(d), 'day');
  if (d < 730) return plural(Math.round(d / 30.4), 'month');
  return plural(Math.round(d / 365.25), 'year');
}
const LINK_WORDS: Record<Relationship['kind'], string> = {
  none: 'no link',
  follow: 'the child follows the adult',
  contact: 'the child holds the adult as a contact',
  friend: 'friends',
  family: 'a family link',
  guardian: "the adult supervises the child's account (a parental-supervision link)",
  household: 'the platform marks them as one household',
};

/** The relationship in words, for an alert's reasons: "linked 3 days after the adult's first message; no mutual connections". */
export function describeRelationship(r: Relationship): string {
  const parts: string[] = [];
  const first =
    r.firstBy === 'adult' ? "the adult's first message" : r.firstBy === 'minor' ? "the child's first message" : 'the first message';
  if (r.kind === 'none') parts.push(`no link between them${r.adultFollows ? ' (the adult follows the child, not back)' : ''}`);
  else {
    const d = r.linkedDaysBefore ?? 0;
    parts.push(`${LINK_WORDS[r.kind]}, linked ${span(d)} ${d < 0 ? 'after' : 'before'} ${first}`);
  }
  if (r.kind === 'none' || (r.linkedDaysBefore ?? 0) < 0)
    parts.push(
      r.firstBy === 'adult' ? 'the adult wrote first' : r.firstBy === 'minor' ? 'the child wrote first' : 'who wrote first is not known',
    );
  if (r.mutuals !== undefined) parts.push(r.mutuals === 0 ? 'no mutual connections' : plural(r.mutuals, 'mutual connection'));
  const g = r.sharedGroups;
  if (g) {
    const d = g.adultJoinedDaysBefore;
    parts.push(
      `both in ${plural(g.count, 'group')} (${g.kinds.join(', ')}); the adult joined ${g.count === 1 ? 'it' : 'the latest'} ` +
        `${span(d)} ${d < 0 ? 'after' : 'before'} ${first}, ${g.adultJoinedAfterChild ? 'after' : 'before'} the child`,
    );
  }
  parts.push(`talking for ${span(r.talkedDays)}, ${plural(r.childMessages, 'message')} from the child`);
  return parts.join('; ');
}
