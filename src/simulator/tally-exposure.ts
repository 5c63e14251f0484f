import { quantile, type ExposureReport } from './exposure-report.js';
import { BENIGN_KINDS, OFFENDER_STAGES } from './phrase-bank.js';
import { CONV_FLAG, isOffenderKind, type Conversations } from './plan-conversations.js';
import { ROLE, type Platform } from './platform.js';

/** What a run recorded per account, by account index (run-simulation.ts). */
export interface RunMarks {
  /** When Warden first acted on the account (simulated ms), or -1. */
  actedOnAt: Float64Array;
  /** An offender's first delivered contact (simulated ms), or -1. */
  firstContactAt: Float64Array;
  /** A real minor an unconnected adult reached (1), and one an offender reached. */
  reachedByAdult: Uint8Array;
  reachedByOffender: Uint8Array;
}

/** The exposure counts of a finished run: from the conversations' flags and the marks, not from Warden. */
export function tallyExposure(
  platform: Platform,
  conv: Conversations,
  marks: RunMarks,
): Pick<
  ExposureReport,
  'minorsContactedByUnconnectedAdults' | 'minorsReachedByOffenders' | 'offenderConversations' | 'stages' | 'intervention' | 'benign'
> {
  const { actedOnAt, firstContactAt, reachedByAdult, reachedByOffender } = marks;
  const stages = Object.fromEntries(OFFENDER_STAGES.map((s) => [s, 0])) as ExposureReport['stages'];
  let offenderConversations = 0;
  let benignConvs = 0;
  let touched = 0;
  const byKind = Object.fromEntries(BENIGN_KINDS.map((k) => [k, { conversations: 0, touched: 0 }])) as ExposureReport['benign']['byKind'];
  for (let c = 0; c < conv.count; c++) {
    if (isOffenderKind(conv.kind[c]!)) {
      if (!(conv.flags[c]! & CONV_FLAG.delivered)) continue;
      offenderConversations++;
      OFFENDER_STAGES.forEach((s, i) => {
        if (conv.stages[c]! & (1 << i)) stages[s]++;
      });
    } else {
      benignConvs++;
      const family = byKind[BENIGN_KINDS[conv.kind[c]!]!];
      family.conversations++;
      if (conv.flags[c]! & CONV_FLAG.touched || actedOnAt[conv.a[c]!]! >= 0 || actedOnAt[conv.b[c]!]! >= 0) {
        touched++;
        family.touched++;
      }
    }
  }
  const delays: number[] = [];
  let active = 0;
  for (const off of platform.offenders) {
    if (firstContactAt[off]! < 0) continue;
    active++;
    if (actedOnAt[off]! >= 0) delays.push(Math.max(0, actedOnAt[off]! - firstContactAt[off]!) / 60_000);
  }
  delays.sort((x, y) => x - y);
  let benignActed = 0;
  let minorsAdult = 0;
  let minorsOffender = 0;
  for (let i = 0; i < platform.size; i++) {
    if (platform.role[i] === ROLE.member && actedOnAt[i]! >= 0) benignActed++;
    minorsAdult += reachedByAdult[i]!;
    minorsOffender += reachedByOffender[i]!;
  }
  return {
    minorsContactedByUnconnectedAdults: minorsAdult,
    minorsReachedByOffenders: minorsOffender,
    offenderConversations,
    stages,
    intervention: {
      offendersActive: active,
      offendersActedOn: delays.length,
      medianMinutes: quantile(delays, 0.5),
      p90Minutes: quantile(delays, 0.9),
    },
    benign: {
      conversations: benignConvs,
      touched,
      share: benignConvs === 0 ? 0 : touched / benignConvs,
      accountsActedOn: benignActed,
      byKind,
    },
  };
}
