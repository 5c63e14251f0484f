import { BAND, isMinorCode } from '../core/age-band.js';
import { prng } from '../core/prng.js';

/** Who an account really is; the platform (and Warden) see only what it declares. */
export const ROLE = { member: 0, groomer: 1, ring: 2, teenDeclared: 3, decoy: 4 } as const;
export type Role = (typeof ROLE)[keyof typeof ROLE];

/**
 * The synthetic platform as typed arrays, one slot per account, so a million accounts cost
 * tens of megabytes rather than a million objects (issue 19: 1M accounts in 8 GiB).
 */
export interface Platform {
  readonly size: number;
  /** True age band (BAND codes). */
  readonly band: Uint8Array;
  /** The band the account told the platform: differs for offenders who declare teen ages, and decoys. */
  readonly declared: Uint8Array;
  readonly role: Uint8Array;
  /** Household; neighbours are households with adjacent numbers. */
  readonly family: Int32Array;
  /** School (minors and their teachers), club (minors and one coach), gaming guild; -1 for none. */
  readonly school: Int32Array;
  readonly club: Int32Array;
  readonly guild: Int32Array;
  /** Accounts that declare a minor's age: what an offender's search can reach (decoys included). */
  readonly minors: Int32Array;
  readonly offenders: Int32Array;
  readonly decoys: Int32Array;
  /** Bytes held by the arrays above. */
  byteLength(): number;
}

export const accountId = (i: number): string => `u${i}`;

/** Minors' share of households and their age mix, after published teen social-media use surveys (rough, documented here). */
const HOUSEHOLD_WITH_KIDS = 0.3;
const KID_BANDS = [
  [0.3, BAND.under13],
  [0.7, BAND['13-15']],
  [1.0, BAND['16-17']],
] as const;
const SCHOOL_HOUSEHOLDS = 150;
const CLUBS_PER_SCHOOL = 8;
const GUILD_SIZE = 40;

export interface PlatformOptions {
  accounts: number;
  seed: number;
}

export function createPlatform(opts: PlatformOptions): Platform {
  const n = opts.accounts;
  const rnd = prng(opts.seed);
  const band = new Uint8Array(n);
  const role = new Uint8Array(n);
  const family = new Int32Array(n);
  const school = new Int32Array(n).fill(-1);
  const club = new Int32Array(n).fill(-1);
  const guild = new Int32Array(n).fill(-1);
  const guilds = Math.max(1, Math.floor(n / GUILD_SIZE));
  const clubHasCoach = new Set<number>();
  let fam = 0;
  for (let i = 0; i < n; fam++) {
    const s = Math.floor(fam / SCHOOL_HOUSEHOLDS);
    const adults = rnd() < 0.5 ? 2 : 1;
    const kids = rnd() < HOUSEHOLD_WITH_KIDS ? 1 + Math.floor(rnd() * 3) : 0;
    for (let k = 0; k < adults + kids && i < n; k++, i++) {
      family[i] = fam;
      if (k < adults) {
        band[i] = BAND.adult;
        // A few adults teach at the local school or coach a club: the hard benign cases.
        const r = rnd();
        if (r < 0.02) school[i] = s;
        else if (r < 0.04) {
          const c = s * CLUBS_PER_SCHOOL + Math.floor(rnd() * CLUBS_PER_SCHOOL);
          if (!clubHasCoach.has(c)) {
            clubHasCoach.add(c);
            club[i] = c;
          }
        }
      } else {
        const r = rnd();
        band[i] = KID_BANDS.find(([p]) => r < p)![1];
        school[i] = s;
        if (rnd() < 0.4) club[i] = s * CLUBS_PER_SCHOOL + Math.floor(rnd() * CLUBS_PER_SCHOOL);
      }
      if (rnd() < 0.3 && band[i] !== BAND.under13) guild[i] = Math.floor(rnd() * guilds);
    }
  }
  const declared = band.slice();
  const adults: number[] = [];
  const teens: number[] = [];
  for (let i = 0; i < n; i++) {
    if (band[i] === BAND.adult && school[i]! < 0 && club[i]! < 0) adults.push(i);
    else if (band[i] === BAND['13-15']) teens.push(i);
  }
  const pick = (pool: number[]) => {
    const j = Math.floor(rnd() * pool.length);
    const v = pool[j]!;
    pool[j] = pool[pool.length - 1]!;
    pool.pop();
    return v;
  };
  const offenders: number[] = [];
  const take = (count: number, r: Role, declare?: number) => {
    for (let k = 0; k < count && adults.length > 0; k++) {
      const i = pick(adults);
      role[i] = r;
      if (declare !== undefined) declared[i] = declare;
      offenders.push(i);
    }
  };
  take(Math.max(3, Math.round(n * 0.002)), ROLE.groomer);
  // Sextortion rings pose as teens about half the time (FBI and NCMEC advisories, 2022-2024).
  const ringMembers = Math.max(3, Math.round(n * 0.0006));
  take(Math.ceil(ringMembers / 2), ROLE.ring);
  take(Math.floor(ringMembers / 2), ROLE.ring, BAND['16-17']);
  take(Math.max(2, Math.round(n * 0.0005)), ROLE.teenDeclared, BAND['13-15']);
  // Decoys: accounts run by a child-safety team, posing as 13-15 year olds; no household, school or club.
  const decoys: number[] = [];
  for (let k = 0; k < Math.max(2, Math.round(n * 0.0002)) && teens.length > 0; k++) {
    const i = pick(teens);
    role[i] = ROLE.decoy;
    band[i] = BAND.adult;
    family[i] = -1;
    school[i] = -1;
    club[i] = -1;
    guild[i] = -1;
    decoys.push(i);
  }
  const minors: number[] = [];
  for (let i = 0; i < n; i++) if (isMinorCode(declared[i]!) && role[i] !== ROLE.teenDeclared && role[i] !== ROLE.ring) minors.push(i);
  const arrays = [band, declared, role, family, school, club, guild];
  const out = {
    size: n,
    band,
    declared,
    role,
    family,
    school,
    club,
    guild,
    minors: Int32Array.from(minors),
    offenders: Int32Array.from(offenders),
    decoys: Int32Array.from(decoys),
  };
  return { ...out, byteLength: () => [...arrays, out.minors, out.offenders, out.decoys].reduce((s, a) => s + a.byteLength, 0) };
}
