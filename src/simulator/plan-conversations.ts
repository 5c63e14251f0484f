import { BAND, isMinorCode } from '../core/age-band.js';
import { prng } from '../core/prng.js';
import { BENIGN_KINDS, type OffenderStage } from './phrase-bank.js';
import { ROLE, type Platform } from './platform.js';

/** Conversation kinds: the benign kinds by their index in BENIGN_KINDS, then the offender scripts. */
export const KIND = { groomer: 20, ring: 21, teenDeclared: 22 } as const;
export const isOffenderKind = (k: number): boolean => k >= KIND.groomer;

/** Documented paths (NCMEC and Thorn reports on online enticement and financial sextortion), cues only. */
export const SCRIPTS: Record<number, readonly OffenderStage[]> = {
  [KIND.groomer]: ['contact', 'age_question', 'secrecy', 'app_move', 'gift', 'image_request', 'meeting'],
  // Rings move in minutes, from first message to payment demand (FBI advisory on financial sextortion, 2024).
  [KIND.ring]: ['contact', 'image_request', 'threat', 'payment', 'threat', 'payment'],
  [KIND.teenDeclared]: ['contact', 'age_question', 'secrecy', 'app_move', 'image_request', 'meeting'],
};

/** Minutes between steps, as [min, max]: grooming takes days, sextortion minutes. */
const GAP_MINUTES: Record<number, readonly [number, number]> = {
  [KIND.groomer]: [120, 1440],
  [KIND.ring]: [2, 12],
  [KIND.teenDeclared]: [60, 720],
};
const BENIGN_GAP: readonly [number, number] = [1, 240];

/** Conversations as parallel arrays (one slot each), scheduled on a timeline of ticks by linked lists. */
export interface Conversations {
  count: number;
  a: Int32Array;
  b: Int32Array;
  kind: Uint8Array;
  /** Steps taken so far, and the script's (or the chat's) length. */
  step: Uint8Array;
  length: Uint8Array;
  /** CONV_FLAG bits. */
  flags: Uint8Array;
  /** Offender stages delivered, one bit per OFFENDER_STAGES index. */
  stages: Uint16Array;
  /** First tick of each list, and each conversation's next in its tick's list. */
  head: Int32Array;
  next: Int32Array;
  gapMinutes(kind: number, rnd: () => number): number;
  byteLength(): number;
}

export const CONV_FLAG = { connected: 1, touched: 2, ended: 4, delivered: 8, setupSent: 16 } as const;

export interface PlanOptions {
  platform: Platform;
  seed: number;
  ticks: number;
  tickMinutes: number;
  /** Benign conversations started per account over the whole run. */
  benignPerAccount: number;
}

/** Members of each group as one flat array sorted by group (CSR), so a pick is two reads. */
function groups(keys: Int32Array, keep: (i: number) => boolean) {
  let max = -1;
  for (let i = 0; i < keys.length; i++) if (keys[i]! > max && keep(i)) max = keys[i]!;
  const start = new Int32Array(max + 2);
  for (let i = 0; i < keys.length; i++) if (keys[i]! >= 0 && keep(i)) start[keys[i]! + 1]!++;
  for (let g = 0; g <= max; g++) start[g + 1]! += start[g]!;
  const fill = start.slice(0, max + 1);
  const members = new Int32Array(start[max + 1]!);
  for (let i = 0; i < keys.length; i++) if (keys[i]! >= 0 && keep(i)) members[fill[keys[i]!]!++] = i;
  return {
    pick(g: number, rnd: () => number, not = -1): number {
      if (g < 0 || g > max) return -1;
      const from = start[g]!;
      const size = start[g + 1]! - from;
      if (size === 0) return -1;
      const v = members[from + Math.floor(rnd() * size)]!;
      return v === not ? -1 : v;
    },
  };
}

/** Plans every conversation of the run up front from the seed, so each mode replays the same platform. */
export function planConversations(opts: PlanOptions): Conversations {
  const { platform: p, ticks, tickMinutes } = opts;
  const rnd = prng(opts.seed ^ 0x5eed);
  const n = p.size;
  const minor = (i: number) => isMinorCode(p.band[i]!) && p.role[i] !== ROLE.decoy;
  const adult = (i: number) => p.band[i] === BAND.adult && p.role[i] === ROLE.member;
  const schoolMinors = groups(p.school, minor);
  const teachers = groups(p.school, adult);
  const coaches = groups(p.club, adult);
  const guildMembers = groups(p.guild, (i) => p.role[i] === ROLE.member);
  const familyAdults = groups(p.family, adult);

  const benign = Math.round(n * opts.benignPerAccount);
  const perOffender = (k: number) =>
    Math.max(1, Math.round(((k === KIND.ring ? 40 : k === KIND.groomer ? 4 : 3) * ticks * tickMinutes) / (7 * 1440)));
  let offenderConvs = 0;
  for (const o of p.offenders) offenderConvs += perOffender(kindOf(p.role[o]!));
  const cap = benign + offenderConvs;
  const c: Conversations = {
    count: 0,
    a: new Int32Array(cap),
    b: new Int32Array(cap),
    kind: new Uint8Array(cap),
    step: new Uint8Array(cap),
    length: new Uint8Array(cap),
    flags: new Uint8Array(cap),
    stages: new Uint16Array(cap),
    head: new Int32Array(ticks).fill(-1),
    next: new Int32Array(cap).fill(-1),
    gapMinutes(kind, r) {
      const [lo, hi] = GAP_MINUTES[kind] ?? BENIGN_GAP;
      return lo + Math.floor(r() * (hi - lo + 1));
    },
    byteLength() {
      return [this.a, this.b, this.kind, this.step, this.length, this.flags, this.stages, this.head, this.next].reduce(
        (s, x) => s + x.byteLength,
        0,
      );
    },
  };
  const add = (a: number, b: number, kind: number, length: number, flags: number, tick: number) => {
    const id = c.count++;
    c.a[id] = a;
    c.b[id] = b;
    c.kind[id] = kind;
    c.length[id] = length;
    c.flags[id] = flags;
    c.next[id] = c.head[tick]!;
    c.head[tick] = id;
  };
  const K = Object.fromEntries(BENIGN_KINDS.map((k, i) => [k, i])) as Record<(typeof BENIGN_KINDS)[number], number>;
  // Weights of the benign kinds: most chats are between peers, the hard ones are a steady minority.
  const MIX: [number, number][] = [
    [0.3, K.classmates],
    [0.38, K.coach],
    [0.42, K.teacher],
    [0.54, K.relative],
    [0.58, K.neighbour],
    [0.72, K.guild],
    [0.8, K.teen_dating],
    [1, K.adults],
  ];
  for (let k = 0; k < benign; k++) {
    const x = Math.floor(rnd() * n);
    const r = rnd();
    const kind = MIX.find(([w]) => r < w)![1];
    const tick = Math.floor(rnd() * ticks);
    const len = 3 + Math.floor(rnd() * 6);
    let a = -1;
    let b = -1;
    let connected = true;
    if (kind === K.classmates || kind === K.teen_dating) {
      a = minor(x) ? x : -1;
      b = a < 0 ? -1 : schoolMinors.pick(p.school[a]!, rnd, a);
      if (kind === K.teen_dating && b >= 0 && (p.band[a] === BAND.under13 || p.band[b] === BAND.under13)) b = -1;
    } else if (kind === K.coach || kind === K.teacher) {
      b = minor(x) ? x : -1;
      a = b < 0 ? -1 : kind === K.coach ? coaches.pick(p.club[b]!, rnd) : teachers.pick(p.school[b]!, rnd);
      // Students follow their coach; few follow their teachers on a social platform.
      connected = kind === K.coach;
    } else if (kind === K.relative || kind === K.neighbour) {
      b = minor(x) ? x : -1;
      a = b < 0 ? -1 : familyAdults.pick(p.family[b]! + (kind === K.neighbour ? 1 : 0), rnd);
      connected = kind === K.relative;
    } else if (kind === K.guild) {
      a = p.guild[x]! >= 0 && p.role[x] === ROLE.member ? x : -1;
      b = a < 0 ? -1 : guildMembers.pick(p.guild[a]!, rnd, a);
      connected = rnd() < 0.5;
    } else {
      a = adult(x) ? x : -1;
      const y = Math.floor(rnd() * n);
      b = adult(y) && y !== a ? y : -1;
    }
    if (a < 0 || b < 0) continue;
    add(a, b, kind, len, connected ? CONV_FLAG.connected : 0, tick);
  }
  // Offenders search and start on a new target at a steady pace; rings in bursts.
  for (const o of p.offenders) {
    const kind = kindOf(p.role[o]!);
    const count = perOffender(kind);
    const burstStart = Math.floor(rnd() * ticks);
    for (let k = 0; k < count; k++) {
      // Decoy profiles are made to be found (public, active, posting): one search in twenty lands on one.
      const target =
        p.decoys.length > 0 && rnd() < 0.05
          ? p.decoys[Math.floor(rnd() * p.decoys.length)]!
          : p.minors[Math.floor(rnd() * p.minors.length)]!;
      // Rings target teens 13-17 in particular; a younger pick is passed over.
      if (kind === KIND.ring && p.declared[target] === BAND.under13) continue;
      const tick =
        kind === KIND.ring
          ? Math.min(ticks - 1, burstStart + Math.floor((k * 20) / tickMinutes))
          : Math.floor((k * ticks) / count + rnd() * (ticks / count));
      add(o, target, kind, SCRIPTS[kind]!.length, 0, Math.min(ticks - 1, tick));
    }
  }
  return c;
}

export function kindOf(role: number): number {
  return role === ROLE.ring ? KIND.ring : role === ROLE.teenDeclared ? KIND.teenDeclared : KIND.groomer;
}
