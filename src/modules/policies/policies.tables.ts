/**
 * Persisted shape of the 规范性文件库 / 政策解读 tables (src/db/migrations/0019-policies.ts). Dates are
 * 'YYYY-MM-DD' text, timestamps ISO-8601 UTC text, booleans 0/1; the word columns hold the keys of
 * policy.model.ts.
 */
import type { ColumnType, Generated } from 'kysely';

/** The library's copy of a published policy document's metadata, with its current derived validity. */
export interface PolicyEntryTable {
  document_id: number;
  unit_id: number;
  /** PolicyKind. */
  kind: string;
  title: string;
  doc_number: string | null;
  /** 制定机关, joined with '、'. */
  issuers: string | null;
  registration_number: string | null;
  published_on: string | null;
  effective_on: string | null;
  expires_on: string | null;
  /** ExpirySource: where expires_on came from. */
  expiry_source: string | null;
  topic_id: number | null;
  /** ValidityState, recomputed from the events (validity.ts). */
  state: string;
  /** Certainty of the state. */
  certainty: string;
  state_since: string | null;
  /** 'publication' | 'sheet' | 'published_import': where the entry came from (a sheet's dates are presumed). */
  origin: ColumnType<string, string | undefined, string>;
  no_interpretation_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface PolicyValidityEventTable {
  id: Generated<number>;
  document_id: number;
  /** ValidityEvent. */
  event_type: string;
  occurs_on: string;
  /** The platform document that caused it (a 废止决定, the amending document …). */
  source_document_id: number | null;
  /** Or the source named by title and 文号 when it is not on the platform. */
  source_title: string | null;
  source_doc_number: string | null;
  /** Certainty. */
  certainty: string;
  note: string | null;
  cleanup_id: number | null;
  created_by: number | null;
  created_at: string;
  cancelled_by: number | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
}

/** A 评估 task raised before expiry for the drafting unit. */
export interface PolicyEvaluationTable {
  id: Generated<number>;
  document_id: number;
  unit_id: number;
  expires_on: string;
  raised_on: string;
  /** 'open' | 'done'. */
  state: string;
  conclusion: string | null;
  closed_by: number | null;
  closed_at: string | null;
}

export interface PolicyCleanupTable {
  id: Generated<number>;
  unit_id: number;
  title: string;
  basis: string | null;
  /** CleanupBatchState (cleanup.model.ts). */
  state: string;
  /** The selection the batch was built from (unit, dates, states). */
  criteria_json: string;
  result_document_id: number | null;
  decided_on: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  /** Who submitted the batch for review (the submitter may not approve it). */
  submitted_by: number | null;
  /** The reviewer's note when the batch was returned. */
  review_note: string | null;
}

export interface PolicyCleanupItemTable {
  cleanup_id: number;
  document_id: number;
  /** CleanupDecision, null until decided. */
  decision: string | null;
  reason: string | null;
  decided_by: number | null;
  decided_at: string | null;
}

export interface PolicyInterpretationReminderTable {
  document_id: number;
  run_key: string;
  created_at: string;
}

export interface PolicyTables {
  policy_entries: PolicyEntryTable;
  policy_validity_events: PolicyValidityEventTable;
  policy_evaluations: PolicyEvaluationTable;
  policy_cleanups: PolicyCleanupTable;
  policy_cleanup_items: PolicyCleanupItemTable;
  policy_interpretation_reminders: PolicyInterpretationReminderTable;
}

declare module '../../db/schema.ts' {
  interface DB extends PolicyTables {}
}
