/**
 * Persisted shape of every table (Kysely's typed view of the database). Timestamps are ISO-8601
 * UTC strings and plain dates are 'YYYY-MM-DD' strings on both engines; booleans are 0/1 integers.
 * Changing a shape here needs a migration in src/db/migrations.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Id = Generated<number>;

export interface UnitTable {
  id: Id;
  parent_id: number | null;
  /** Materialised path of ids, e.g. '/1/4/': subtree = path LIKE '/1/4/%'. */
  path: string;
  depth: number;
  kind: string;
  name: string;
  short_name: string | null;
  /** Unique code used in 索引号 and APIs (defaults to the credit code). */
  code: string;
  credit_code: string | null;
  credit_code_legacy: number;
  division_code: string | null;
  sort_order: number;
  functions: string | null;
  address: string | null;
  postcode: string | null;
  office_hours: string | null;
  phone: string | null;
  fax: string | null;
  email: string | null;
  website: string | null;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface UnitLeaderTable {
  id: Id;
  unit_id: number;
  name: string;
  title: string;
  duties: string | null;
  sort_order: number;
}

export interface UserTable {
  id: Id;
  username: string;
  display_name: string;
  unit_id: number;
  password_hash: string;
  must_change_password: number;
  failed_attempts: number;
  locked_until: string | null;
  active: number;
  last_login_at: string | null;
  password_changed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface RoleGrantTable {
  id: Id;
  user_id: number;
  role: string;
  unit_id: number;
  created_at: string;
}

export interface SessionTable {
  /** SHA-256 of the session token; the token itself lives only in the cookie. */
  id: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  revoked_at: string | null;
  user_agent: string | null;
}

export interface AuditEventTable {
  id: Id;
  occurred_at: string;
  actor_user_id: number | null;
  actor_name: string;
  actor_unit_id: number | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  summary: string;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
  user_agent: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  last_id: number;
  last_hash: string;
}

export interface CalendarDayTable {
  date: string;
  /** 'holiday' = a weekday off; 'workday' = a weekend make-up working day (调休). */
  kind: string;
  note: string | null;
  source: string;
  updated_at: string;
}

export interface CalendarYearTable {
  year: number;
  source: string;
  note: string | null;
  updated_at: string;
}

export interface JobRunTable {
  job: string;
  run_key: string;
  started_at: string;
  finished_at: string | null;
  result: string | null;
}

export interface SettingTable {
  key: string;
  value: string;
  updated_at: string;
}

/**
 * Every table: the platform's here; each module adds its own from its <module>.tables.ts by declaration
 * merging (`declare module '../../db/schema.ts' { interface DB extends XTables {} }`).
 */
export interface DB {
  units: UnitTable;
  unit_leaders: UnitLeaderTable;
  users: UserTable;
  role_grants: RoleGrantTable;
  sessions: SessionTable;
  audit_events: AuditEventTable;
  audit_head: AuditHeadTable;
  calendar_days: CalendarDayTable;
  calendar_years: CalendarYearTable;
  job_runs: JobRunTable;
  settings: SettingTable;
}

export type Unit = Selectable<UnitTable>;
export type UnitLeader = Selectable<UnitLeaderTable>;
export type NewUnit = Insertable<UnitTable>;
export type UnitUpdate = Updateable<UnitTable>;
export type User = Selectable<UserTable>;
export type AuditEvent = Selectable<AuditEventTable>;
export type Timestamp = ColumnType<string, string, string>;
