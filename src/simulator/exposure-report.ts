import { BENIGN_KINDS, OFFENDER_STAGES, type BenignKind, type OffenderStage } from './phrase-bank.js';

export const MODES = ['off', 'shadow', 'live'] as const;
export type Mode = (typeof MODES)[number];

/** What one run measured. Counts are of the simulator's ground truth, not of what Warden believed. */
export interface ExposureReport {
  mode: Mode;
  seed: number;
  target: string;
  accounts: number;
  minors: number;
  days: number;
  events: { sent: number; accepted: number; rejected: number };
  alerts: number;
  gate: { allow: number; warn: number; block: number };
  /** Real minors who received at least one message from an adult they are not connected to. */
  minorsContactedByUnconnectedAdults: number;
  /** Of those, minors reached by an offender (any script). */
  minorsReachedByOffenders: number;
  offenderConversations: number;
  /** Offender conversations in which each stage was delivered to the child. */
  stages: Record<OffenderStage, number>;
  intervention: {
    /** Offenders who delivered at least one message to a minor or a decoy. */
    offendersActive: number;
    /** Of those, the ones Warden acted on (an action webhook naming them). */
    offendersActedOn: number;
    /** Simulated minutes from an offender's first delivered contact to Warden's first action on them. */
    medianMinutes: number | null;
    p90Minutes: number | null;
  };
  benign: {
    conversations: number;
    touched: number;
    share: number;
    accountsActedOn: number;
    /** The same, per family of benign conversation: which hard cases (teachers, neighbours, guilds...) a policy touches. */
    byKind: Record<BenignKind, { conversations: number; touched: number }>;
  };
  decoys: { count: number; marked: boolean | null; contacts: number; offendersContacting: number };
  actions: Record<string, number>;
  wallSeconds: number;
  eventsPerSecond: number;
}

export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

const num = (v: number | null) => (v === null ? '-' : Math.round(v).toLocaleString('en-US'));
const pct = (a: number, b: number) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);

/** The side-by-side terminal table: one column per mode, one row per measure. */
export function exposureTable(reports: readonly ExposureReport[]): string {
  const rows: [string, (r: ExposureReport) => string][] = [
    ['events sent to Warden', (r) => num(r.events.sent)],
    ['alerts raised', (r) => num(r.alerts)],
    ['gate: allow / warn / block', (r) => `${num(r.gate.allow)} / ${num(r.gate.warn)} / ${num(r.gate.block)}`],
    ['minors contacted by unconnected adults', (r) => num(r.minorsContactedByUnconnectedAdults)],
    ['minors reached by offenders', (r) => num(r.minorsReachedByOffenders)],
    ['offender conversations', (r) => num(r.offenderConversations)],
    ...OFFENDER_STAGES.map((s): [string, (r: ExposureReport) => string] => [`  reached ${s.replace('_', ' ')}`, (r) => num(r.stages[s])]),
    ['offenders acted on / active', (r) => `${num(r.intervention.offendersActedOn)} / ${num(r.intervention.offendersActive)}`],
    ['time to intervention, median (min)', (r) => num(r.intervention.medianMinutes)],
    ['time to intervention, p90 (min)', (r) => num(r.intervention.p90Minutes)],
    [
      'benign conversations touched',
      (r) => `${num(r.benign.touched)} of ${num(r.benign.conversations)} (${pct(r.benign.touched, r.benign.conversations)})`,
    ],
    ...BENIGN_KINDS.map((k): [string, (r: ExposureReport) => string] => [
      `  ${k.replace('_', ' ')}`,
      (r) => `${num(r.benign.byKind[k].touched)} of ${num(r.benign.byKind[k].conversations)}`,
    ]),
    ['benign accounts acted on', (r) => num(r.benign.accountsActedOn)],
    [
      'decoy contacts (offenders)',
      (r) => `${num(r.decoys.contacts)} (${num(r.decoys.offendersContacting)})${r.decoys.marked === false ? ' unmarked' : ''}`,
    ],
  ];
  const head = reports.map((r) => r.mode);
  const cells = rows.map(([label, f]) => [label, ...reports.map(f)]);
  const widths = [0, ...head.map((_, i) => i + 1)].map((c) =>
    Math.max(...[c === 0 ? 'measure' : head[c - 1]!, ...cells.map((r) => r[c]!)].map((s) => s.length)),
  );
  const line = (cols: string[]) => cols.map((s, i) => (i === 0 ? s.padEnd(widths[i]!) : s.padStart(widths[i]!))).join('  ');
  const r0 = reports.find((r) => r.target !== 'none') ?? reports[0]!;
  return [
    `${r0.accounts.toLocaleString('en-US')} accounts (${r0.minors.toLocaleString('en-US')} minors), ${r0.days} simulated days, seed ${r0.seed}, Warden ${r0.target}`,
    line(['measure', ...head]),
    line(widths.map((w) => '-'.repeat(w))),
    ...cells.map(line),
  ].join('\n');
}
