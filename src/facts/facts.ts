import { BAND, bandAtDate, type BandCode } from '../core/age-band.js';
import type { ConnectionKind } from '../events/event-schema.js';
import { createEdgeSet, type EdgeSet } from './edge-set.js';
import { createGroupMemberships, type GroupMemberships } from './group-memberships.js';

/** Bits on a directed pair (from → to). `friend` is mutual and is set on both directions. */
export const EDGE = {
  follow: 1,
  friend: 2,
  contact: 4,
  requestedFollow: 8,
  requestedFriend: 16,
  requestedContact: 32,
  /** from blocked to. */
  block: 64,
  /** A family link the platform holds (protocol extension, mutual like friend). */
  family: 128,
  requestedFamily: 256,
  /** A supervising parent or guardian of the child's account (protocol extension, mutual). */
  guardian: 512,
  requestedGuardian: 1024,
  /** The platform knows the two live in one household (protocol extension, mutual). */
  household: 2048,
  requestedHousehold: 4096,
} as const;

export const CONNECTED_BITS = EDGE.follow | EDGE.friend | EDGE.contact | EDGE.family | EDGE.guardian | EDGE.household;

// Keyed by the schema's kinds: a kind added to the protocol does not compile until it has its bits.
export const REQUESTED_BIT = {
  follow: EDGE.requestedFollow,
  friend: EDGE.requestedFriend,
  contact: EDGE.requestedContact,
  family: EDGE.requestedFamily,
  guardian: EDGE.requestedGuardian,
  household: EDGE.requestedHousehold,
} as const satisfies Record<ConnectionKind, number>;

/** Connection kinds that hold both ways once created (spec: "`friend` is mutual"; the `family`, `guardian` and `household` extensions too). */
export const isMutualKind = (kind: ConnectionKind) => kind !== 'follow' && kind !== 'contact';

/**
 * Account flags the gate reads, set by detectors and by actions (rules and reviewers).
 * `hidden`: kept out of minors' recommendations and profile views, without restricting messages.
 * `decoy`: an account the child-safety team runs as a child (issue 19); the gate ignores it,
 * the `decoy_contact` detector reads it. SECURITY: never shown outside child_safety and admin.
 */
export const FLAG = { suspicious: 1, restricted: 2, hidden: 4, decoy: 8 } as const;
export type FlagName = keyof typeof FLAG;

/** A creation time as `createdDay` holds it: whole days since 1970, at least 1 (0 means unknown). */
export const dayOf = (ms: number) => Math.max(1, Math.floor(ms / 86_400_000));

export interface AccountUpdate {
  band?: BandCode | undefined;
  birthPacked?: number | undefined;
  assurance?: number | undefined;
  /** When the platform created the account, in whole days since 1970 (0: not known). */
  createdDay?: number | undefined;
}

/**
 * The state every decision reads: accounts (age band, birth date, assurance, flags) and
 * the connection graph. Accounts are interned to dense indices so that everything else is
 * typed arrays; a million accounts cost ~20 bytes each plus the id strings.
 */
export interface Facts {
  indexOf(id: string): number;
  /** The account's index, creating a placeholder (age unknown) for an id not seen yet. */
  ensure(id: string): number;
  idOf(idx: number): string;
  readonly accountCount: number;
  readonly edges: EdgeSet;

  /** Applies an upsert unless a later one was applied already; returns whether it applied. */
  updateAccount(idx: number, update: AccountUpdate, tsMs: number): boolean;
  /** The band at a packed yyyymmdd date: derived from the birth date where known. */
  bandAt(idx: number, atPacked: number): BandCode;
  assurance(idx: number): number;
  hasBirthDate(idx: number): boolean;
  /** The account's creation day (days since 1970), or 0 where the platform never said. */
  createdDay(idx: number): number;

  flags(idx: number): number;
  setFlag(idx: number, flag: number): void;
  clearFlag(idx: number, flag: number): void;

  /** Does `from` follow, befriend, hold `to` as a contact, or share a family link? (friend and family are stored both ways). */
  isConnected(from: number, to: number): boolean;
  /** Do the two share a family link (mutual)? */
  isFamily(from: number, to: number): boolean;
  hasBlocked(from: number, to: number): boolean;

  /** Group memberships (`group.joined`, `group.left`). */
  groups: GroupMemberships;
  bytes(): number;
}

export function createFacts(initialAccounts = 1024, initialEdges = 1024): Facts {
  const indexById = new Map<string, number>();
  const ids: string[] = [];
  let cap = Math.max(16, initialAccounts);
  let bands = new Uint8Array(cap);
  let births = new Int32Array(cap);
  let created = new Int32Array(cap);
  let assurances = new Uint8Array(cap);
  let flagBits = new Uint8Array(cap);
  let updated = new Float64Array(cap);
  let count = 0;
  const edges = createEdgeSet(initialEdges, CONNECTED_BITS);
  const groups = createGroupMemberships();

  function grow(): void {
    cap *= 2;
    const b = new Uint8Array(cap);
    b.set(bands);
    bands = b;
    const bi = new Int32Array(cap);
    bi.set(births);
    births = bi;
    const cr = new Int32Array(cap);
    cr.set(created);
    created = cr;
    const a = new Uint8Array(cap);
    a.set(assurances);
    assurances = a;
    const f = new Uint8Array(cap);
    f.set(flagBits);
    flagBits = f;
    const u = new Float64Array(cap);
    u.set(updated);
    updated = u;
  }

  return {
    indexOf: (id) => indexById.get(id) ?? -1,
    ensure(id) {
      const existing = indexById.get(id);
      if (existing !== undefined) return existing;
      if (count === cap) grow();
      const idx = count++;
      indexById.set(id, idx);
      ids.push(id);
      return idx;
    },
    idOf: (idx) => ids[idx]!,
    get accountCount() {
      return count;
    },
    edges,
    updateAccount(idx, update, tsMs) {
      // Last writer wins by event time: a late-arriving older upsert must not undo a newer one.
      if (tsMs < updated[idx]!) return false;
      updated[idx] = tsMs;
      if (update.band !== undefined) bands[idx] = update.band;
      if (update.birthPacked !== undefined) births[idx] = update.birthPacked;
      if (update.assurance !== undefined) assurances[idx] = update.assurance;
      if (update.createdDay !== undefined) created[idx] = update.createdDay;
      return true;
    },
    createdDay: (idx) => (idx >= 0 ? created[idx]! : 0),
    bandAt(idx, atPacked) {
      if (idx < 0) return BAND.unknown;
      const birth = births[idx]!;
      return birth !== 0 ? bandAtDate(birth, atPacked) : (bands[idx]! as BandCode);
    },
    assurance: (idx) => (idx < 0 ? 0 : assurances[idx]!),
    hasBirthDate: (idx) => idx >= 0 && births[idx] !== 0,
    flags: (idx) => (idx < 0 ? 0 : flagBits[idx]!),
    setFlag(idx, flag) {
      flagBits[idx] = flagBits[idx]! | flag;
    },
    clearFlag(idx, flag) {
      flagBits[idx] = flagBits[idx]! & ~flag;
    },
    isConnected: (from, to) => (edges.get(from, to) & CONNECTED_BITS) !== 0,
    isFamily: (from, to) => (edges.get(from, to) & EDGE.family) !== 0,
    hasBlocked: (from, to) => (edges.get(from, to) & EDGE.block) !== 0,
    groups,
    bytes() {
      // Typed arrays exactly; the id map and strings estimated (V8 does not expose them).
      let idBytes = 0;
      for (let i = 0; i < Math.min(count, 1000); i++) idBytes += ids[i]!.length;
      const avgId = count > 0 ? idBytes / Math.min(count, 1000) : 0;
      return (
        bands.byteLength +
        births.byteLength +
        created.byteLength +
        assurances.byteLength +
        flagBits.byteLength +
        updated.byteLength +
        edges.bytes() +
        count * (avgId + 16 + 40) +
        // A membership: its entry in the account's map, the group id string shared with the event, the time.
        groups.size * 120
      );
    },
  };
}

// Exposed for tests that need to reset memory between cases without a new process.
export type { EdgeSet };
