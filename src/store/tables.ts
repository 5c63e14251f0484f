import type { Generated } from 'kysely';

/*
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

export interface PoliciesTable {
  version: number;
  source: string;
  created_by: string;
  created_ms: number;
  note: string | null;
}

export interface CursorsTable {
  name: string;
  position: string;
  updated_ms: number;
}

export interface CasesTable {
  id: string;
  subject_account: string;
  status: string;
  priority: number;
  queue: string;
  restricted: number;
  escalated: number;
  categories: string;
  alert_count: number;
  opened_ms: number;
  updated_ms: number;
  due_ms: number;
  claimed_by: string | null;
  claim_expires_ms: number | null;
  outcome: string | null;
  outcome_category: string | null;
  outcome_reason: string | null;
  closed_ms: number | null;
  closed_by: string | null;
}

export interface CaseAlertsTable {
  alert_id: string;
  case_id: string;
  added_ms: number;
}

export interface CaseHistoryTable {
  id: string;
  case_id: string;
  ts_ms: number;
  actor: string;
  change: string;
  detail: string | null;
}

export interface ActionsTable {
  id: string;
  dedupe_key: string;
  type: string;
  mode: string;
  status: string;
  subject_account: string;
  case_id: string | null;
  alert_id: string | null;
  rule_id: string | null;
  policy_version: number | null;
  params: string;
  attempts: number;
  next_attempt_ms: number;
  last_error: string | null;
  created_ms: number;
  delivered_ms: number | null;
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

export interface CybertipReportsTable {
  id: string;
  case_id: string;
  subject_account: string;
  status: string;
  draft: string;
  xml: string | null;
  environment: string | null;
  step: string | null;
  ncmec_report_id: string | null;
  attempts: number;
  next_attempt_ms: number | null;
  last_error: string | null;
  created_by: string;
  created_ms: number;
  updated_ms: number;
  approved_by: string | null;
  approved_ms: number | null;
  deadline_ms: number | null;
  finished_ms: number | null;
}

export interface CybertipReportFilesTable {
  report_id: string;
  local_id: string;
  ncmec_file_id: string | null;
  state: string;
}

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

export interface Database {
  account_ip_events: AccountIpEventsTable;
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
  admin_notices: AdminNoticesTable;
  audit_log: AuditLogTable;
}
