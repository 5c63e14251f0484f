/**
 * Age bands of the event protocol (spec: `account.upserted`). Held in memory as small
 * integers so the gate's hot state for a million accounts is a few typed arrays.
 */
export const AGE_BANDS = ['unknown', 'under13', '13-15', '16-17', 'adult'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const BAND = { unknown: 0, under13: 1, '13-15': 2, '16-17': 3, adult: 4 } as const satisfies Record<AgeBand, number>;
export type BandCode = (typeof BAND)[AgeBand];

export const MINOR_BANDS = ['under13', '13-15', '16-17'] as const;
export type MinorBand = (typeof MINOR_BANDS)[number];

export const ASSURANCE_LEVELS = ['self_declared', 'estimated', 'verified'] as const;
export type AgeAssurance = (typeof ASSURANCE_LEVELS)[number];
/** 0 means "not stated". */
export const ASSURANCE = { self_declared: 1, estimated: 2, verified: 3 } as const satisfies Record<AgeAssurance, number>;

export function bandName(code: number): AgeBand {
  return AGE_BANDS[code] ?? 'unknown';
}

export function isMinorCode(code: number): boolean {
  return code === BAND.under13 || code === BAND['13-15'] || code === BAND['16-17'];
}

/**
 * A calendar date packed as yyyymmdd. Whole years of age between two packed dates are
 * floor((at - birth) / 10000): the month-and-day part only carries when the birthday has
 * been reached. A 29 February birthday is reached on 1 March in common years.
 */
export function packDate(year: number, month: number, day: number): number {
  return year * 10000 + month * 100 + day;
}

/** The UTC calendar date of an instant, packed. Spec timestamps carry offsets; ages use UTC dates. */
export function packedUtcDate(ms: number): number {
  const d = new Date(ms);
  return packDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Parses `YYYY-MM-DD` (already shape-checked) into a packed date. */
export function packIsoDate(iso: string): number {
  return Number(iso.slice(0, 4)) * 10000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10));
}

export function ageInYears(birthPacked: number, atPacked: number): number {
  return Math.floor((atPacked - birthPacked) / 10000);
}

export function bandForAge(age: number): BandCode {
  if (age < 13) return BAND.under13;
  if (age < 16) return BAND['13-15'];
  if (age < 18) return BAND['16-17'];
  return BAND.adult;
}

export function bandAtDate(birthPacked: number, atPacked: number): BandCode {
  return bandForAge(ageInYears(birthPacked, atPacked));
}
