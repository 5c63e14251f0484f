import type { Kysely } from 'kysely';
import type { Viewer } from '../../cases/case-model.js';
import { AppError } from '../../core/app-error.js';
import { mayViewRestricted } from '../../core/restricted.js';
import type { Ledger } from '../../ledger/ledger.js';
import type { Database } from '../../store/tables.js';

/**
 * SECURITY (issue 19, left open there and closed on issue 17): a decoy case's evidence names
 * the decoy and the whole conversation with it, so it is for child_safety (and admins) only.
 * `legal` reads other evidence, known-image cases included (exports to law enforcement), but
 * a decoy case's package is answered as absent on every path: list, manifest, file, verify,
 * hold and export, in the API and the console alike.
 */
export const seesDecoyEvidence = (v: Viewer) => mayViewRestricted(v.roles);

const DECOY = 'decoy_contact';
export const isDecoyCategories = (categories: string) => categories.split(',').includes(DECOY);

/** Whether the case is a decoy case (an alert of a decoy contact made it). */
export async function isDecoyCase(db: Kysely<Database>, caseId: string | null): Promise<boolean> {
  if (!caseId) return false;
  const c = await db.selectFrom('cases').select('categories').where('id', '=', caseId).executeTakeFirst();
  return c !== undefined && isDecoyCategories(c.categories);
}

/**
 * Throws not_found, as for a package that does not exist, when `viewer` may not see the
 * package's decoy case; the refusal is audited, so a probe by URL is on the record.
 */
export async function mustSeeCaseOf(
  db: Kysely<Database>,
  ledger: Pick<Ledger, 'audit'>,
  p: { id: string; case_id: string | null; subject_account: string },
  viewer: Viewer | undefined,
): Promise<void> {
  if (!viewer || seesDecoyEvidence(viewer) || !(await isDecoyCase(db, p.case_id))) return;
  await ledger.audit([
    {
      actor: viewer.actor,
      action: 'evidence.access_refused',
      subjectAccountId: p.subject_account,
      target: { type: 'evidence', id: p.id },
      detail: { why: 'restricted_case' },
    },
  ]);
  throw new AppError('not_found', 'no such evidence package');
}
