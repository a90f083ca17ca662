/**
 * Persisted shape of the 依申请公开 tables (see src/db/migrations/0002-info-requests.ts).
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

export interface InfoRequestTables {
  info_request_serials: InfoRequestSerialTable;
  info_requests: InfoRequestTable;
  info_request_consultations: InfoRequestConsultationTable;
  info_request_events: InfoRequestEventTable;
  info_request_reminders: InfoRequestReminderTable;
}
