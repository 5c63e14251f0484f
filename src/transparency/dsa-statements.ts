import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';

/**
 * What each enforcement action is as a DSA statement of reasons (Art. 17(3)(a): the kind of
 * restriction). Actions that restrict nothing on the platform (review, evidence, a report
 * draft) have no statement.
 */
const RESTRICTION: Record<string, Record<string, unknown>> = {
  restrict_messaging_minors: { decision_provision: 'DECISION_PROVISION_PARTIAL_SUSPENSION' },
  suspend_account: { decision_account: 'DECISION_ACCOUNT_SUSPENDED' },
  remove_content: { decision_visibility: ['DECISION_VISIBILITY_CONTENT_REMOVED'] },
  hide_from_minors: {
    decision_visibility: ['DECISION_VISIBILITY_OTHER'],
    decision_visibility_other: 'The account is no longer shown to minors in recommendations and profile views',
  },
};

/** Alert and review categories to the database's protection-of-minors keywords. */
const CSAM = new Set(['csam_hash_match', 'csam']);
const FACTS: Record<string, string> = {
  csam: 'Automated matching found an image identical or near-identical to known child sexual abuse material.',
  sextortion: 'Automated analysis found threats to expose a minor combined with demands, in messages to a minor account.',
  grooming:
    'Automated analysis found grooming moves (age questions, secrecy, moving to another app, requests for images or to meet) in messages from an adult to a minor account.',
  contact: 'Automated analysis found an adult repeatedly contacting minor accounts with no connection to them.',
};
const factsFor = (category: string) =>
  CSAM.has(category)
    ? FACTS.csam!
    : category === 'sextortion'
      ? FACTS.sextortion!
      : category === 'suspicious_adult' || category === 'unwanted_contact'
        ? FACTS.contact!
        : FACTS.grooming!;

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Statements of reasons for the restrictions applied in [from, to), in the DSA Transparency
 * Database's format (data/dsa-sor-fields.json). SECURITY: no personal data: no account id,
 * no message or media, no reviewer; the PUID is Warden's action id, which the platform maps
 * to its own records. A decoy's contact reads as grooming: the statement also reaches the
 * account it concerns, and must not tell them a decoy exists.
 */
export async function dsaStatements(db: Kysely<Database>, fromMs: number, toMs: number): Promise<Record<string, unknown>[]> {
  const actions = await db
    .selectFrom('actions')
    .leftJoin('alerts', 'alerts.id', 'actions.alert_id')
    .select([
      'actions.id as id',
      'actions.type as type',
      'actions.params as params',
      'actions.created_ms as created_ms',
      'actions.alert_id as alert_id',
      'alerts.category as category',
      'alerts.ts_ms as alert_ts',
    ])
    .where('actions.mode', '=', 'live')
    .where('actions.created_ms', '>=', fromMs)
    .where('actions.created_ms', '<', toMs)
    .where('actions.type', 'in', Object.keys(RESTRICTION))
    .orderBy('actions.created_ms')
    .orderBy('actions.id')
    .execute();
  return actions.map((a) => {
    const params = JSON.parse(a.params) as { category?: string };
    const category = a.category ?? params.category ?? 'grooming';
    const csam = CSAM.has(category);
    return {
      ...RESTRICTION[a.type],
      account_type: 'ACCOUNT_TYPE_PRIVATE',
      category: 'STATEMENT_CATEGORY_PROTECTION_OF_MINORS',
      category_specification: [csam ? 'KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL' : 'KEYWORD_GROOMING_SEXUAL_ENTICEMENT_MINORS'],
      decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
      incompatible_content_ground: 'Terms of service: protection of minors',
      incompatible_content_explanation: factsFor(category),
      incompatible_content_illegal: csam ? 'Yes' : 'No',
      content_type: [csam ? 'CONTENT_TYPE_IMAGE' : 'CONTENT_TYPE_TEXT'],
      content_date: day(a.alert_ts !== null ? Number(a.alert_ts) : Number(a.created_ms)),
      application_date: day(Number(a.created_ms)),
      decision_facts: factsFor(category),
      source_type: 'SOURCE_VOLUNTARY',
      automated_detection: 'Yes',
      // A rule acting on an alert decided alone; an action from a reviewer's decision did not.
      automated_decision: a.alert_id !== null ? 'AUTOMATED_DECISION_FULLY' : 'AUTOMATED_DECISION_NOT_AUTOMATED',
      puid: a.id,
    };
  });
}
