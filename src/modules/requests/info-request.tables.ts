/**
 * Persisted shape of the 依申请公开 tables (see src/db/migrations/0002-info-requests.ts,
 * 0007-info-request-letters.ts and 0010-info-request-splits.ts).
 * Dates are 'YYYY-MM-DD' (China), timestamps ISO-8601 UTC; keys of states, decisions, channels etc.
 * are those of info-request.model.ts and info-request.workflow.ts.
 */
import type { Generated } from 'kysely';

export interface InfoRequestSerialTable {
  unit_id: number;
  year: number;
  last_no: number;
}

export interface InfoRequestTable {
  id: Generated<number>;
  unit_id: number;
  /** 受理编号, e.g. 'U000004-2026-00001'. */
  reference: string;
  serial_year: number;
  /** SHA-256 (hex) of the 查询码; the code itself only encrypted, to repeat it on a double submit. */
  lookup_code_hash: string;
  lookup_code_enc: string;
  idempotency_key: string | null;
  state: string;
  channel: string;
  applicant_kind: string;
  report_category: string;
  /** AES-256-GCM encrypted JSON of ApplicantData (name, 证件, contact details, address). */
  applicant_enc: string;
  info_name: string | null;
  info_doc_number: string | null;
  info_description: string | null;
  delivery_method: string;
  carrier: string;
  submitted_at: string;
  received_on: string | null;
  correction_requested_on: string | null;
  correction_period_end: string | null;
  correction_received_on: string | null;
  extension_working_days: Generated<number>;
  extension_reason: string | null;
  extension_approved_by: number | null;
  /** Denormalised from the clock for sorting and the daily job; recomputed on every transition. */
  due_date: string | null;
  overdue_since: string | null;
  decision: string | null;
  reply_type: string | null;
  reply_summary: string | null;
  drafted_by: number | null;
  review_passed_by: number | null;
  answered_on: string | null;
  answer_delivery: string | null;
  closed_on: string | null;
  responsible_agency: string | null;
  transferred_to_unit_id: number | null;
  handler_user_id: number | null;
  /** HMAC of the applicant's identity (证件号码 / 信用代码, else name + phone): counts 按件 fees. */
  applicant_key: string | null;
  /** The case this one was split from (一事一申请); null for an application as received. */
  split_from_id: number | null;
  /**
   * Day the applicant's personal data was erased after the retention period (applicant_enc then
   * holds ERASED_APPLICANT_MARKER, applicant_key is null); null while it is kept.
   */
  applicant_erased_on: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface InfoRequestConsultationTable {
  id: Generated<number>;
  request_id: number;
  /** 'third_party' (第三十二条) or 'agency' (第三十四条, silence = consent). */
  party_kind: string;
  party_name: string;
  sent_on: string;
  replied_on: string | null;
  ended: Generated<number>;
  created_at: string;
}

/** The case timeline; public_note is what the applicant sees on the status page (no personal data). */
export interface InfoRequestEventTable {
  id: Generated<number>;
  request_id: number;
  occurred_at: string;
  event: string;
  from_state: string | null;
  to_state: string;
  public_note: string;
  actor_user_id: number | null;
}

export interface InfoRequestReminderTable {
  id: Generated<number>;
  request_id: number;
  /** 'due_soon' | 'overdue'. */
  kind: string;
  due_date: string;
  created_on: string;
  created_at: string;
}

/** An edited letter template (kinds without a row use the built-in default). */
export interface InfoRequestLetterTemplateTable {
  kind: string;
  title: string;
  body: string;
  updated_by: number | null;
  updated_at: string;
}

/** A unit's own version of a letter template (used for that unit's cases instead of the global one). */
export interface InfoRequestUnitLetterTemplateTable {
  unit_id: number;
  kind: string;
  title: string;
  body: string;
  updated_by: number | null;
  updated_at: string;
}

export interface InfoRequestLetterSerialTable {
  unit_id: number;
  year: number;
  last_no: number;
}

/** A numbered letter attached to a case; the applicant sees it once sent_on is set. */
export interface InfoRequestLetterTable {
  id: Generated<number>;
  request_id: number;
  kind: string;
  number: string;
  title: string;
  /** Plain text with placeholders already filled in (paragraphs separated by blank lines). */
  body: string;
  issued_on: string;
  sent_on: string | null;
  created_by: number | null;
  created_at: string;
}

/** A 收费通知 (国办函〔2020〕109号); status 'unpaid' | 'paid' | 'lapsed'. */
export interface InfoRequestFeeTable {
  id: Generated<number>;
  request_id: number;
  method: string;
  quantity: number;
  amount_fen: number;
  /** JSON of the FeeLine[] breakdown. */
  breakdown: string;
  notice_on: string;
  pay_by: string;
  paid_on: string | null;
  status: string;
  created_at: string;
}

/** 行政复议 / 行政诉讼 about a case; kind and result keys in info-request-appeals.ts. */
export interface InfoRequestAppealTable {
  id: Generated<number>;
  request_id: number;
  kind: string;
  filed_on: string;
  body: string;
  result: string;
  concluded_on: string | null;
  created_by: number | null;
  created_at: string;
}

/** A file sent with an application (the ID scan), stored encrypted. */
export interface InfoRequestFileTable {
  id: Generated<number>;
  request_id: number;
  kind: string;
  file_name: string;
  file_kind: string;
  size: number;
  content_enc: string;
  created_at: string;
}

export interface InfoRequestTables {
  info_request_files: InfoRequestFileTable;
  info_request_letter_templates: InfoRequestLetterTemplateTable;
  info_request_unit_letter_templates: InfoRequestUnitLetterTemplateTable;
  info_request_letter_serials: InfoRequestLetterSerialTable;
  info_request_letters: InfoRequestLetterTable;
  info_request_fees: InfoRequestFeeTable;
  info_request_appeals: InfoRequestAppealTable;
  info_request_serials: InfoRequestSerialTable;
  info_requests: InfoRequestTable;
  info_request_consultations: InfoRequestConsultationTable;
  info_request_events: InfoRequestEventTable;
  info_request_reminders: InfoRequestReminderTable;
}

// Joins these tables into the database type (src/db/schema.ts knows no module).
declare module '../../db/schema.ts' {
  interface DB extends InfoRequestTables {}
}
