import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../store/tables.js';

/*
 * The evidence tables and every query on them, and the reads that freeze a case into a
 * package. Packages are written directly, not as write-set statements: ciphertext is bytes,
 * which statements (text and numbers, cloned to the writer thread) do not carry.
 */

export interface EvidencePackagesTable {
  id: string;
  case_id: string | null;
  subject_account: string;
  reason: string;
  manifest: string;
  /** HMAC-SHA256 (hex) of `manifest` under a key derived from evidence key `key_id`; null before migration 0008. */
  manifest_mac: string | null;
  key_id: string;
  created_by: string;
  created_ms: number;
  expires_ms: number;
  legal_hold: number;
  hold_reason: string | null;
  deleted_ms: number | null;
}

export interface EvidenceFilesTable {
  package_id: string;
  name: string;
  iv: string;
  tag: string;
  ciphertext: Uint8Array;
}

type Db = Kysely<Database>;

export const findPackage = (db: Db, id: string) => db.selectFrom('evidence_packages').selectAll().where('id', '=', id).executeTakeFirst();

export const packageFiles = (db: Db, packageId: string) =>
  db.selectFrom('evidence_files').selectAll().where('package_id', '=', packageId).execute();

export const packageFile = (db: Db, packageId: string, name: string) =>
  db.selectFrom('evidence_files').selectAll().where('package_id', '=', packageId).where('name', '=', name).executeTakeFirst();

/** The package and its sealed files, in one transaction: a package is never seen without its files. */
export async function insertPackage(
  db: Db,
  p: EvidencePackagesTable,
  files: readonly Omit<EvidenceFilesTable, 'package_id'>[],
): Promise<void> {
  await db.transaction().execute(async (trx: Transaction<Database>) => {
    await trx.insertInto('evidence_packages').values(p).execute();
    for (const f of files)
      await trx
        .insertInto('evidence_files')
        .values({ package_id: p.id, ...f })
        .execute();
  });
}

export const setPackageHold = (db: Db, id: string, hold: boolean, reason: string) =>
  db
    .updateTable('evidence_packages')
    .set({ legal_hold: hold ? 1 : 0, hold_reason: hold ? reason : null })
    .where('id', '=', id)
    .execute();

/** Up to 1,000 packages past their retention and not under legal hold. */
export const expiredPackages = (db: Db, nowMs: number) =>
  db
    .selectFrom('evidence_packages')
    .select(['id', 'subject_account', 'expires_ms'])
    .where('legal_hold', '=', 0)
    .where('deleted_ms', 'is', null)
    .where('expires_ms', '<', nowMs)
    .limit(1000)
    .execute();

/** Drops the files and marks the package deleted, together: the record of what was kept stays. */
export async function deletePackage(db: Db, id: string, nowMs: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('evidence_files').where('package_id', '=', id).execute();
    await trx.updateTable('evidence_packages').set({ deleted_ms: nowMs }).where('id', '=', id).execute();
  });
}

/**
 * Packages not deleted, newest first, at most 200; of one case when `caseId` is given.
 * `hideDecoyCases`: without the packages of decoy cases (evidence-access.ts).
 */
export function listPackages(db: Db, caseId: string | undefined, opts: { hideDecoyCases?: boolean } = {}) {
  let q = db
    .selectFrom('evidence_packages')
    .select([
      'evidence_packages.id',
      'evidence_packages.case_id',
      'evidence_packages.subject_account',
      'evidence_packages.reason',
      'evidence_packages.key_id',
      'evidence_packages.created_by',
      'evidence_packages.created_ms',
      'evidence_packages.expires_ms',
      'evidence_packages.legal_hold',
      'evidence_packages.hold_reason',
    ])
    .where('evidence_packages.deleted_ms', 'is', null);
  if (caseId) q = q.where('evidence_packages.case_id', '=', caseId);
  if (opts.hideDecoyCases)
    q = q
      .leftJoin('cases', 'cases.id', 'evidence_packages.case_id')
      // `categories` is a comma-separated list; matched as a whole word, as isDecoyCategories does.
      .where((eb) =>
        eb.or([eb('cases.categories', 'is', null), eb(sql<string>`',' || cases.categories || ','`, 'not like', '%,decoy_contact,%')]),
      );
  return q.orderBy('evidence_packages.created_ms', 'desc').limit(200).execute();
}

// What a package freezes of its case: the alerts, the events, the history and the actions.

export const caseAlertsInIdOrder = (db: Db, caseId: string) =>
  db
    .selectFrom('case_alerts')
    .innerJoin('alerts', 'alerts.id', 'case_alerts.alert_id')
    .select(['alerts.body'])
    .where('case_alerts.case_id', '=', caseId)
    .orderBy('alerts.id')
    .execute();

/** Event bodies in log order; none for no ids. */
export const eventBodiesInOrder = async (db: Db, ids: readonly string[]) =>
  ids.length ? db.selectFrom('events').select(['id', 'body']).where('id', 'in', ids).orderBy('seq').execute() : [];

export const caseHistoryRows = (db: Db, caseId: string) =>
  db.selectFrom('case_history').selectAll().where('case_id', '=', caseId).orderBy('ts_ms').orderBy('id').execute();

export const caseActionRows = (db: Db, caseId: string) =>
  db.selectFrom('actions').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
