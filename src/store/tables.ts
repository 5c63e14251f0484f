import type { Generated } from 'kysely';
import type { ActionsTable } from '../actions/action-store.js';
import type { AppealsTable } from '../appeals/appeal-store.js';
import type { CaseAlertsTable, CaseHistoryTable, CasesTable } from '../cases/case-store.js';
import type { EvidenceFilesTable, EvidencePackagesTable } from '../reporting/evidence/evidence-store.js';
import type { CybertipReportFilesTable, CybertipReportsTable } from '../reporting/report-store.js';
import type { CursorsTable, PoliciesTable } from '../rules/rule-store.js';
import type { DecoysTable } from '../decoys/decoy-store.js';
import type { ExchangeEntriesTable, ExchangeFeedbackTable, ExchangeSourcesTable } from '../exchanges/exchange-store.js';

/*
 * The tables ingest writes (row-specs.ts) and those several capabilities share stay here;
 * a capability's own tables are declared in its store file and composed into `Database`.
 *
 * Column types are portable between SQLite and PostgreSQL: text, integer, and
 * double precision for times in milliseconds since the epoch (float8 comes back from
 * pg as a JS number, unlike bigint).
 */

export interface EventsTable {
  seq: Generated<number>;
  id: string;
  type: string;
  ts_ms: number;
  received_ms: number;
  body: string;
}

export interface AccountsTable {
  id: string;
  age_band: string | null;
  birth_date: string | null;
  age_assurance: string | null;
  created_at_ms: number | null;
  handle: string | null;
  display_name: string | null;
  country: string | null;
  is_private: number | null;
  updated_ms: number;
}

export interface ConnectionsTable {
  from_id: string;
  to_id: string;
  kind: string;
  state: string;
  updated_ms: number;
  requested_ms: number | null;
}

export interface BlocksTable {
  from_id: string;
  to_id: string;
  ts_ms: number;
  by_minor: number;
  event_id: string;
}

export interface ReportsTable {
  id: string;
  reporter: string;
  subject_account: string;
  subject_message: string | null;
  subject_media: string | null;
  reason: string;
  ts_ms: number;
  by_minor: number;
  event_id: string;
}

export interface ContactsTable {
  from_id: string;
  to_id: string;
  first_ms: number;
  last_ms: number;
  messages: number;
  first_event_id: string;
  last_event_id: string;
}

export interface FlagsTable {
  account_id: string;
  flag: string;
  source: string;
  reason: string;
  ts_ms: number;
}

export interface AlertsTable {
  id: string;
  ts_ms: number;
  category: string;
  severity: string;
  score: number;
  subject_account: string;
  conversation_id: string | null;
  trigger_event_id: string;
  detector: string;
  dedupe_key: string;
  detected_ms: number;
  body: string;
}

export interface ApiKeysTable {
  id: string;
  name: string;
  role: string;
  key_hash: string;
  created_ms: number;
  revoked_ms: number | null;
}

export interface BanksTable {
  id: string;
  name: string;
  kind: string;
  enabled: number;
  pdq_threshold: number;
  description: string | null;
  created_ms: number;
  updated_ms: number;
}

export interface BankEntriesTable {
  id: Generated<number>;
  bank_id: string;
  signal_type: string;
  value: string;
  note: string | null;
  source: string | null;
  added_ms: number;
  removed_ms: number | null;
  quarantined_ms: number | null;
}

/** The signal string of a bank entry too long to index (vPDQ): `bank_entries.value` holds its SHA-256. */
export interface BankEntryBodiesTable {
  entry_id: number;
  body: string;
}

/** A distinct upload that matched a bank entry, counted towards the entry's flood limit. */
export interface MediaFloodUploadsTable {
  entry_id: number;
  upload_key: string;
  ts_ms: number;
}

export interface AdminNoticesTable {
  id: string;
  ts_ms: number;
  kind: string;
  detail: string;
  acknowledged_ms: number | null;
}

export interface AuditLogTable {
  seq: number;
  ts_ms: number;
  actor: string;
  action: string;
  subject_account: string | null;
  target_type: string | null;
  target_id: string | null;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

export interface ReviewersTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  roles: string;
  created_ms: number;
  disabled_ms: number | null;
}

export interface ConsoleSessionsTable {
  id_hash: string;
  reviewer_id: string;
  csrf: string;
  created_ms: number;
  expires_ms: number;
}

export interface ReviewerExposureTable {
  reviewer_id: string;
  day: string;
  reveals: number;
}

export interface AccountIpEventsTable {
  account_id: string;
  event_id: string;
  n: number;
  ts_ms: number;
  ip_address: string;
  event: string | null;
  port: number | null;
  possible_proxy: number | null;
}

/** Accounts the platform reports as linked (account.upserted linkedAccounts), stored both ways. */
export interface AccountLinksTable {
  account_id: string;
  linked_id: string;
  reason: string | null;
  ts_ms: number;
  event_id: string;
}

/** Group memberships as last changed (`group.joined`, `group.left`; migration 0060). */
export interface GroupMembersTable {
  group_id: string;
  account_id: string;
  kind: string | null;
  role: string | null;
  state: 'joined' | 'left';
  joined_ms: number | null;
  updated_ms: number;
  event_id: string;
}

/** Words of the messages a case cites: the console's text search (cases/case-terms.ts). */
export interface CaseTermsTable {
  term: string;
  case_id: string;
}

/** The cases a reviewer read each UTC day: exposure from text. */
export interface ReviewerCaseReadsTable {
  reviewer_id: string;
  day: string;
  case_id: string;
}

/** Gate decisions per hour and `outcome:reason` (engine/gate-tally.ts). */
export interface GateDecisionCountsTable {
  hour_ms: number;
  reason: string;
  n: number;
}

/** Scale-out: each partition's ownership epoch (migration 0020, bus/partition-fence.ts). */
export interface BusPartitionsTable {
  partition: number;
  epoch: number;
  owner: string;
  since_ms: number;
}

export interface Database {
  account_ip_events: AccountIpEventsTable;
  group_members: GroupMembersTable;
  cybertip_reports: CybertipReportsTable;
  cybertip_report_files: CybertipReportFilesTable;
  evidence_packages: EvidencePackagesTable;
  evidence_files: EvidenceFilesTable;
  policies: PoliciesTable;
  cursors: CursorsTable;
  cases: CasesTable;
  case_alerts: CaseAlertsTable;
  case_history: CaseHistoryTable;
  actions: ActionsTable;
  reviewers: ReviewersTable;
  console_sessions: ConsoleSessionsTable;
  reviewer_exposure: ReviewerExposureTable;
  events: EventsTable;
  accounts: AccountsTable;
  connections: ConnectionsTable;
  blocks: BlocksTable;
  reports: ReportsTable;
  contacts: ContactsTable;
  flags: FlagsTable;
  alerts: AlertsTable;
  api_keys: ApiKeysTable;
  banks: BanksTable;
  bank_entries: BankEntriesTable;
  media_flood_uploads: MediaFloodUploadsTable;
  bank_entry_bodies: BankEntryBodiesTable;
  admin_notices: AdminNoticesTable;
  audit_log: AuditLogTable;
  decoys: DecoysTable;
  gate_decision_counts: GateDecisionCountsTable;
  exchange_sources: ExchangeSourcesTable;
  exchange_entries: ExchangeEntriesTable;
  exchange_feedback: ExchangeFeedbackTable;
  bus_partitions: BusPartitionsTable;
  appeals: AppealsTable;
  account_links: AccountLinksTable;
  case_terms: CaseTermsTable;
  reviewer_case_reads: ReviewerCaseReadsTable;
}
