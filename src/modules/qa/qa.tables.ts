/**
 * Persisted shape of the 政策问答库 tables (src/db/migrations/0027-qa.ts). Days are China-local
 * 'YYYY-MM-DD'; created/updated/published ISO-8601 UTC; JSON columns hold string arrays; `*_enc` columns
 * hold lib/field-cipher.ts ciphertexts, never the clear value.
 */
import type { Generated } from 'kysely';

export interface QaEntryTable {
  id: Generated<number>;
  unit_id: number;
  question: string;
  /** Plain text; paragraphs separated by blank lines. */
  answer: string;
  /** JSON string[]: other ways people ask the same question. */
  alt_questions: Generated<string>;
  topic_id: number | null;
  /** JSON QaAudience[] (qa.model.ts). */
  audiences: Generated<string>;
  /** 事项 (the service or matter the question is about). */
  matter: string | null;
  /** JSON string[]: further tags. */
  tags: Generated<string>;
  /** QaState (qa.model.ts). */
  state: string;
  /** 1: 待更新 — a source changed (modified, repealed, expired, withdrawn) since publication. */
  stale: Generated<number>;
  stale_reason: string | null;
  stale_since: string | null;
  /** Next review day (复核日期); an entry past it is listed. */
  review_on: string | null;
  /** 适用地区 (GB/T 44191 exchange field). */
  region: string | null;
  /** 有效期至 of the knowledge item (GB/T 44191 exchange field). */
  valid_until: string | null;
  /** QaOrigin (qa.model.ts). */
  origin: string;
  /** The question id, letter 编号 or exchange file item the entry came from. */
  origin_ref: string | null;
  /** The item's id in a 12345 知识库 (kept for the round trip). */
  external_id: string | null;
  created_by: number | null;
  submitted_by: number | null;
  reviewed_by: number | null;
  review_note: string | null;
  published_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface QaEntrySourceTable {
  id: Generated<number>;
  entry_id: number;
  position: number;
  /** A platform document (null: a source named by title and 文号 only). */
  document_id: number | null;
  title: string;
  doc_number: string | null;
  /** 条款, e.g. 第二十条 or 第三条第二款 (null: the document as a whole). */
  article: string | null;
  excerpt: string | null;
}

export interface QaQuestionTable {
  id: Generated<number>;
  question: string;
  /** The unit it is routed to (null: not routed yet — the 政务公开办 routes it). */
  unit_id: number | null;
  /** QaQuestionSource (qa.model.ts). */
  source: string;
  /** The 咨询 letter it came from (letters module; not a foreign key: that module is optional). */
  letter_id: number | null;
  contact_enc: string | null;
  contact_hash: string | null;
  /** The best retrieval score the 问答 box had for it (why it was not answered). */
  best_score: number | null;
  /** QaQuestionState (qa.model.ts). */
  state: string;
  answer: string | null;
  answered_by: number | null;
  answered_at: string | null;
  /** The entry it was promoted into. */
  entry_id: number | null;
  close_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface QaTables {
  qa_entries: QaEntryTable;
  qa_entry_sources: QaEntrySourceTable;
  qa_questions: QaQuestionTable;
}

declare module '../../db/schema.ts' {
  interface DB extends QaTables {}
}
