import type { Kysely } from 'kysely';
import type { WardenConfig } from '../config/config-schema.js';
import { caseDetail } from '../cases/case-store.js';
import { caseTimeline } from '../cases/case-data.js';
import type { ConfirmCategory } from '../rules/policy-schema.js';
import type { CasesTable } from '../cases/case-store.js';
import type { Database } from '../store/tables.js';
import { INCIDENT_TYPE_OF, INCIDENT_TYPES } from './ncmec/incident-types.js';
import { TEXT_MAX, type ReportDraftInput } from './ncmec/report-draft.js';
import { mediaFileFacts, revealedMedia } from './media-file-facts.js';
import { chatTranscript, exchange, observations, type ChatWindow } from './report-narrative.js';
import { accountsByIds, ipEventsOf, priorReportIds } from './report-store.js';

const MINOR_BANDS = new Set(['under13', '13-15', '16-17']);

function ageOn(birthDate: string, nowMs: number): number {
  const now = new Date(nowMs);
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  let age = now.getUTCFullYear() - y;
  if (now.getUTCMonth() + 1 < m || (now.getUTCMonth() + 1 === m && now.getUTCDate() < d)) age--;
  return age;
}

const clip = (s: string) => (s.length > TEXT_MAX ? `${s.slice(0, TEXT_MAX - 1)}…` : s);

/**
 * A report draft pre-filled from a confirmed case, every fact from the record (issue 17,
 * defect 3): incident type from the confirmed category, annotations from the alerts, the
 * incident time of the earliest cited event, the subject as the reported user (disabled
 * only when the platform accepted the action), minors named in the alerts as victims, the
 * whole exchange around the cited messages as chat content (or the window the reviewer
 * chose), and the known-image files with the hashes Warden computes from their bytes,
 * their names with extensions, and whether a reviewer viewed them (audited reveals). The
 * reviewer completes what Warden cannot know (industry classification) before approving.
 */
export async function draftFromCase(
  db: Kysely<Database>,
  c: CasesTable,
  cfg: Pick<WardenConfig, 'reporting' | 'media'>,
  nowMs: number,
  chatWindow: ChatWindow = {},
): Promise<ReportDraftInput> {
  const config = cfg.reporting;
  const detail = await caseDetail(db, c.id);
  const timeline = await caseTimeline(db, detail.alerts);
  const cited = timeline.filter((e) => e.cues.length > 0);
  const category = c.outcome_category as ConfirmCategory | null;
  const categories = new Set(detail.alerts.map((a) => a.category));

  const ids = new Set<string>([c.subject_account]);
  for (const a of detail.alerts) for (const r of a.relatedAccountIds ?? []) ids.add(r);
  for (const e of cited) for (const t of e.to ?? []) ids.add(t);
  const accounts = new Map((await accountsByIds(db, [...ids])).map((a) => [a.id, a]));
  const isMinor = (id: string) => {
    const a = accounts.get(id);
    return a !== undefined && (MINOR_BANDS.has(a.age_band ?? '') || (a.birth_date !== null && ageOn(a.birth_date, nowMs) < 18));
  };
  const subject = accounts.get(c.subject_account);
  const profileUrl = (id: string) => {
    const a = accounts.get(id);
    if (!config.profileUrlTemplate) return [];
    return [config.profileUrlTemplate.replace('{handle}', encodeURIComponent(a?.handle ?? id)).replace('{id}', encodeURIComponent(id))];
  };

  // Where the platform saw the account from (account.upserted ipCaptureEvents), latest 20.
  const ips = await ipEventsOf(db, c.subject_account, 20);
  const EVENT_NAME = { login: 'Login', registration: 'Registration', purchase: 'Purchase', upload: 'Upload', other: 'Other' } as const;
  const ipCaptureEvent = ips.map((r) => ({
    ipAddress: r.ip_address,
    ...(r.event ? { eventName: EVENT_NAME[r.event as keyof typeof EVENT_NAME] } : {}),
    dateTime: new Date(r.ts_ms).toISOString(),
    ...(r.port !== null ? { port: r.port } : {}),
    ...(r.possible_proxy !== null ? { possibleProxy: r.possible_proxy === 1 } : {}),
  }));
  // Earlier CyberTipline reports about the same account that NCMEC accepted.
  const prior = await priorReportIds(db, c.subject_account);
  const priorCTReports = prior.map((p) => Number(p.ncmec_report_id)).filter((n) => Number.isSafeInteger(n) && n > 0);
  // Only an action the platform accepted (its webhook answered 2xx) disabled the account; a
  // pending or failed one, or one with no webhook to go to, did not.
  const suspended = detail.actions.find(
    (a) => (a.type === 'suspend_account' || a.type === 'restrict_messaging_minors') && a.mode === 'live' && a.status === 'delivered',
  );
  const firstTs = [...timeline.map((e) => e.ts), ...detail.alerts.map((a) => a.ts)].sort()[0] ?? new Date(nowMs).toISOString();

  const victims = [...ids].filter((id) => id !== c.subject_account && isMinor(id));
  const mediaIds = new Set(detail.alerts.flatMap((a) => a.media?.map((m) => m.id) ?? []));
  const files: NonNullable<ReportDraftInput['files']> = [];
  const viewed = await revealedMedia(db, c.subject_account, [...mediaIds]);
  for (const e of timeline) {
    for (const m of e.media) {
      if (!mediaIds.has(m.id) || files.some((f) => f.localId === m.id)) continue;
      const facts = await mediaFileFacts(db, cfg.media, e.id, m.id, m);
      files.push({
        localId: m.id,
        sourceEventId: e.id,
        fileName: facts.fileName,
        uploadedToEspTimestamp: e.ts,
        fileViewedByEsp: viewed.has(m.id),
        fileRelevance: 'Reported',
        originalFileHash: facts.hashes,
      });
    }
  }

  const handles = new Map([...accounts.values()].filter((a) => a.handle).map((a) => [a.id, a.handle!]));
  const chat = chatTranscript(timeline, handles, chatWindow, TEXT_MAX);

  return {
    incidentType: (category && INCIDENT_TYPE_OF[category]) ?? INCIDENT_TYPES[6],
    platform: config.platform,
    annotations: {
      ...(categories.has('sextortion') || category === 'sextortion' ? { sextortion: true as const } : {}),
      ...(categories.has('solicitation') || category === 'solicitation' ? { csamSolicitation: true as const } : {}),
      ...(subject && isMinor(subject.id) ? { minorToMinorInteraction: true as const } : {}),
    },
    incidentDateTime: firstTs,
    incidentDateTimeDescription: "The earliest event cited by Warden's alerts on this case.",
    ...(chat
      ? {
          chat: {
            chatClient: `${config.platform} direct messages`,
            content: clip(chat),
            additionalInfo:
              'The conversation around the messages Warden flagged, both sides, oldest first; flagged messages are marked [cited]. Times are UTC.',
          },
        }
      : {}),
    reporter: {
      reportingPerson: {
        ...(config.reporterFirstName ? { firstName: config.reporterFirstName } : {}),
        ...(config.reporterLastName ? { lastName: config.reporterLastName } : {}),
        email: config.reporterEmail ? [config.reporterEmail] : [],
      },
    },
    personOrUserReported: [
      {
        espIdentifier: c.subject_account,
        espService: config.platform,
        ...(subject?.handle ? { screenName: subject.handle } : {}),
        displayName: subject?.display_name ? [subject.display_name] : [],
        profileUrl: profileUrl(c.subject_account),
        ipCaptureEvent,
        priorCTReports,
        ...(suspended ? { accountTemporarilyDisabled: { disabledDate: suspended.deliveredAt ?? suspended.createdAt } } : {}),
        additionalInfo: clip(`What the platform observed in this account's messages:\n${observations(detail.alerts)}`),
      },
    ],
    victim: victims.map((id) => {
      const a = accounts.get(id)!;
      return {
        person: a.birth_date ? { age: ageOn(a.birth_date, nowMs), dateOfBirth: a.birth_date } : {},
        espIdentifier: id,
        espService: config.platform,
        ...(a.handle ? { screenName: a.handle } : {}),
        profileUrl: profileUrl(id),
      };
    }),
    // The reviewer's own note is internal until they add it (the report page offers it).
    additionalInfo: `A trained reviewer at ${config.platform} confirmed this case (${c.id}) as ${(category ?? 'unknown').replace(/_/g, ' ')}.`,
    files,
  };
}

/** The notes reviewers wrote with their decisions on the case (case history), oldest first. */
export function reviewerNotes(history: readonly { detail: unknown }[]): string[] {
  return history
    .map((h) => (h.detail as { note?: unknown } | null)?.note)
    .filter((n): n is string => typeof n === 'string' && n.trim() !== '')
    .map((n) => n.trim());
}

/**
 * The chat content for a window of the case's exchange the reviewer chose, and the bounds
 * of the whole exchange (for the form's hint).
 */
export async function chatForCase(
  db: Kysely<Database>,
  caseId: string,
  window: ChatWindow,
): Promise<{ content: string; exchange?: { from: string; to: string; messages: number }; notes: string[] }> {
  const detail = await caseDetail(db, caseId);
  const timeline = await caseTimeline(db, detail.alerts);
  const messages = exchange(timeline);
  const ids = new Set(messages.flatMap((e) => [e.from ?? '', ...(e.to ?? [])]).filter(Boolean));
  const handles = new Map((await accountsByIds(db, [...ids])).filter((a) => a.handle).map((a) => [a.id, a.handle!]));
  return {
    content: chatTranscript(timeline, handles, window, TEXT_MAX),
    ...(messages.length ? { exchange: { from: messages[0]!.ts, to: messages[messages.length - 1]!.ts, messages: messages.length } } : {}),
    notes: reviewerNotes(detail.history),
  };
}
