import type { AlertDraft } from '../alerts/alert-schema.js';
import { BAND, isMinorCode } from '../core/age-band.js';
import { NO_DRAFTS, type Detector } from '../detection/detector.js';
import type { Facts } from '../facts/facts.js';
import type { ContactTracker } from './contact-tracker.js';

interface Complaint {
  eventId: string;
  kind: 'block' | 'report';
}

export interface SuspiciousAdultOptions {
  /** Distinct minors who blocked or reported an adult before it is flagged. */
  minorComplaints: number;
  /** Distinct unconnected minors messaged within the window before it is flagged. */
  fanOutMinors: number;
  /** The window, in hours for the reasons and in milliseconds for the arithmetic. */
  fanOutWindowHours: number;
  fanOutWindowMs: number;
  treatUnknownAgeAsAdult: boolean;
}

/**
 * A first `suspicious_adult`: an adult blocked or reported by enough distinct minors, or
 * one who messaged enough distinct unconnected minors within the window. Either raises
 * one alert per trigger and flags the account, which the gate then restricts.
 */
export function createSuspiciousAdultDetector(opts: SuspiciousAdultOptions, tracker: ContactTracker): Detector {
  const { minorComplaints, fanOutMinors, fanOutWindowHours, fanOutWindowMs: windowMs } = opts;
  /** subject index -> complainant index -> the complaint. Only subjects complained about by minors. */
  const complaints = new Map<number, Map<number, Complaint>>();

  const isNonMinorSubject = (facts: Facts, idx: number, datePacked: number) => {
    const band = facts.bandAt(idx, datePacked);
    return band === BAND.adult || (band === BAND.unknown && opts.treatUnknownAgeAsAdult);
  };

  function addComplaint(subject: number, complainant: number, c: Complaint): Map<number, Complaint> {
    let bySubject = complaints.get(subject);
    if (!bySubject) {
      bySubject = new Map();
      complaints.set(subject, bySubject);
    }
    if (!bySubject.has(complainant)) bySubject.set(complainant, c);
    return bySubject;
  }

  function complaintDraft(subjectId: string, bySubject: Map<number, Complaint>): AlertDraft {
    const list = [...bySubject.values()];
    const blocks = list.filter((c) => c.kind === 'block').length;
    const reports = list.length - blocks;
    return {
      category: 'suspicious_adult',
      severity: 'high',
      score: Math.min(0.95, 0.7 + 0.05 * (list.length - minorComplaints)),
      subjectAccountId: subjectId,
      evidence: list.map((c) => c.eventId),
      reasons: [
        {
          code: 'blocked_or_reported_by_minors',
          detail: `blocked or reported by ${list.length} distinct minors (${blocks} blocks, ${reports} reports); threshold ${minorComplaints}`,
        },
      ],
      dedupeKey: `suspicious_adult:complaints:${JSON.stringify(subjectId)}`,
      flags: [{ accountId: subjectId, flag: 'suspicious', reason: 'blocked_or_reported_by_minors' }],
    };
  }

  return {
    name: 'suspicious_adult',
    evaluate({ ev, facts, datePacked, unconnected }) {
      const event = ev.event;
      if (event.type === 'block.created' || event.type === 'report.filed') {
        const complainantId = event.type === 'block.created' ? event.from : event.report.reporter;
        const subjectId = event.type === 'block.created' ? event.to : event.report.subject.accountId;
        const complainant = facts.indexOf(complainantId);
        if (!isMinorCode(facts.bandAt(complainant, datePacked))) return NO_DRAFTS;
        const subject = facts.indexOf(subjectId);
        const bySubject = addComplaint(subject, complainant, {
          eventId: event.id,
          kind: event.type === 'block.created' ? 'block' : 'report',
        });
        if (bySubject.size < minorComplaints || !isNonMinorSubject(facts, subject, datePacked)) return NO_DRAFTS;
        return [complaintDraft(subjectId, bySubject)];
      }
      if (event.type === 'message.sent' && unconnected.length > 0) {
        const sender = facts.indexOf(event.message.from);
        const recent = tracker.recentMinors(sender, ev.tsMs - windowMs);
        if (recent.length < fanOutMinors) return NO_DRAFTS;
        recent.sort((a, b) => a.lastMs - b.lastMs);
        return [
          {
            category: 'suspicious_adult',
            severity: 'high',
            score: Math.min(0.95, 0.7 + 0.02 * (recent.length - fanOutMinors)),
            subjectAccountId: event.message.from,
            evidence: [...new Set(recent.map((r) => r.eventId))],
            reasons: [
              {
                code: 'fan_out_to_unconnected_minors',
                detail: `messaged ${recent.length} distinct minors with no connection to them within ${fanOutWindowHours} h; threshold ${fanOutMinors}`,
              },
            ],
            relatedAccountIds: recent.map((r) => facts.idOf(r.minorIdx)),
            dedupeKey: `suspicious_adult:fan_out:${JSON.stringify(event.message.from)}`,
            flags: [{ accountId: event.message.from, flag: 'suspicious', reason: 'fan_out_to_unconnected_minors' }],
          },
        ];
      }
      return NO_DRAFTS;
    },
    // Complaint state from stored blocks and reports made by minors.
    restore(row, facts) {
      if (row.kind === 'complaint') addComplaint(facts.ensure(row.to), facts.ensure(row.from), { eventId: row.eventId, kind: row.via });
    },
  };
}
