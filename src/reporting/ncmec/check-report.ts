import type { FieldIssue } from '../../core/app-error.js';
import { err, ok, type Result } from '../../core/result.js';
import { zodIssues } from '../../events/validate-event.js';
import { ReportDraftSchema, type ReportDraft } from './report-draft.js';

/**
 * A draft is ready to submit when it parses (the schema's types and enumerations, text
 * ≤ 3,000 characters, URLs without whitespace, annotation flags only `true`) and meets the
 * rules NCMEC applies that the XSD does not: an incident time in the past, a reporting
 * person who can be contacted, and a reported user who can be identified.
 */
export function checkReport(input: unknown, nowMs: number): Result<ReportDraft, FieldIssue[]> {
  const parsed = ReportDraftSchema.safeParse(input);
  if (!parsed.success)
    return err(
      zodIssues(parsed.error).map((i) =>
        i.field === '(event)'
          ? { ...i, field: '(report)' }
          : { ...i, reason: i.reason.replace('is not a field of this event type', 'is not a field of a report') },
      ),
    );
  const d = parsed.data;
  const issues: FieldIssue[] = [];
  const past = (field: string, iso: string | undefined) => {
    if (iso !== undefined && Date.parse(iso) > nowMs) issues.push({ field, reason: 'must be in the past' });
  };
  past('incidentDateTime', d.incidentDateTime);
  if (d.reporter.reportingPerson.email.length === 0)
    issues.push({ field: 'reporter.reportingPerson.email', reason: 'is required: NCMEC must be able to contact the reporter' });
  if (d.personOrUserReported.length === 0 && d.files.length === 0)
    issues.push({ field: 'personOrUserReported', reason: 'name the reported user, or attach files' });
  d.personOrUserReported.forEach((u, i) => {
    if (!u.espIdentifier && !u.screenName && !u.person && u.displayName.length === 0)
      issues.push({ field: `personOrUserReported[${i}]`, reason: 'needs an espIdentifier, screenName, displayName or person' });
    u.ipCaptureEvent.forEach((e, j) => past(`personOrUserReported[${i}].ipCaptureEvent[${j}].dateTime`, e.dateTime));
    if (u.accountTemporarilyDisabled && u.accountPermanentlyDisabled)
      issues.push({
        field: `personOrUserReported[${i}].accountPermanentlyDisabled`,
        reason: 'an account is disabled temporarily or permanently, not both',
      });
  });
  d.files.forEach((f, i) => past(`files[${i}].uploadedToEspTimestamp`, f.uploadedToEspTimestamp));
  const ids = new Set<string>();
  d.files.forEach((f, i) => {
    if (ids.has(f.localId)) issues.push({ field: `files[${i}].localId`, reason: 'is listed twice' });
    ids.add(f.localId);
  });
  return issues.length > 0 ? err(issues) : ok(d);
}
