import type { GroupKind } from '../events/event-schema.js';

/** One group both accounts are in, with when each joined it. */
export interface SharedGroup {
  kind: GroupKind;
  aJoinedMs: number;
  bJoinedMs: number;
}

/**
 * Who is in which group (`group.joined`, `group.left`: a compatible extension of the protocol,
 * docs/protocol-extensions.md), for the relationship's evidence: the groups an adult and a
 * child share, and who joined first. Kept per account (most accounts are in a few groups), so
 * the groups two accounts share cost the smaller account's groups, at any size of a group.
 */
export interface GroupMemberships {
  /**
   * Applies a join at `tsMs`; false when a later change to this membership was already applied
   * (out-of-order delivery). `joinedMs` (a restore: the stored first join) defaults to `tsMs`.
   */
  join(groupId: string, kind: GroupKind, account: number, tsMs: number, joinedMs?: number): boolean;
  /** Applies a leave; false when a later change was already applied. */
  leave(groupId: string, account: number, tsMs: number): boolean;
  /** The groups both accounts are in now. */
  shared(a: number, b: number): SharedGroup[];
  /** Memberships held now (for tests and the memory report). */
  readonly size: number;
}

interface Membership {
  kind: GroupKind;
  joinedMs: number;
}

export function createGroupMemberships(): GroupMemberships {
  const byAccount = new Map<number, Map<string, Membership>>();
  // The time of the last change applied to each membership, left ones included: a late, older
  // join must not bring back a member who has since left.
  const changed = new Map<number, Map<string, number>>();
  let size = 0;
  const stale = (groupId: string, account: number, tsMs: number) => {
    let times = changed.get(account);
    const last = times?.get(groupId);
    if (last !== undefined && tsMs < last) return true;
    if (!times) changed.set(account, (times = new Map()));
    times.set(groupId, tsMs);
    return false;
  };
  return {
    join(groupId, kind, account, tsMs, joinedMs = tsMs) {
      if (stale(groupId, account, tsMs)) return false;
      let groups = byAccount.get(account);
      if (!groups) byAccount.set(account, (groups = new Map()));
      const held = groups.get(groupId);
      // A repeated join keeps the first time: the member has been there since then.
      if (held) held.kind = kind;
      else {
        groups.set(groupId, { kind, joinedMs });
        size++;
      }
      return true;
    },
    leave(groupId, account, tsMs) {
      if (stale(groupId, account, tsMs)) return false;
      const groups = byAccount.get(account);
      if (groups?.delete(groupId)) size--;
      return true;
    },
    shared(a, b) {
      const ga = byAccount.get(a);
      const gb = byAccount.get(b);
      if (!ga || !gb || a === b) return [];
      const out: SharedGroup[] = [];
      const [small, large, smallIsA] = ga.size <= gb.size ? [ga, gb, true] : [gb, ga, false];
      for (const [id, m] of small) {
        const other = large.get(id);
        if (!other) continue;
        out.push({ kind: m.kind, aJoinedMs: smallIsA ? m.joinedMs : other.joinedMs, bJoinedMs: smallIsA ? other.joinedMs : m.joinedMs });
      }
      return out;
    },
    get size() {
      return size;
    },
  };
}
