/**
 * The console's one time format, `2026-03-04 09:15 UTC`: reviewers in several time zones read
 * the same page, and a page mixing ISO strings and local times was misread (issue 17, item 6).
 */
export function when(t: string | number | null | undefined): string {
  if (t === null || t === undefined || t === '') return '—';
  const d = new Date(t);
  if (Number.isNaN(d.getTime())) return String(t);
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
