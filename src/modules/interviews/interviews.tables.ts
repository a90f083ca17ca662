/**
 * Persisted shape of the 在线访谈 tables (src/db/migrations/0024-interviews.ts). Times of the session are
 * China-local 'YYYY-MM-DD HH:mm' text; created/updated/moderated are ISO-8601 UTC text.
 */
import type { Generated } from 'kysely';

export interface InterviewTable {
  id: Generated<number>;
  unit_id: number;
  title: string;
  summary: string | null;
  /** JSON of Guest[] (interview.model.ts). */
  guests: string;
  host: string | null;
  starts_at: string;
  ends_at: string | null;
  /** InterviewState (interview.model.ts). */
  status: string;
  document_id: number | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface InterviewPolicyTable {
  interview_id: number;
  document_id: number;
}

export interface InterviewQuestionTable {
  id: Generated<number>;
  interview_id: number;
  asker_name: string | null;
  content: string;
  /** 'advance' | 'live'. */
  phase: string;
  /** QuestionStatus: 'pending' | 'adopted' | 'rejected'. */
  status: string;
  created_at: string;
  moderated_by: number | null;
  moderated_at: string | null;
}

export interface InterviewEntryTable {
  id: Generated<number>;
  interview_id: number;
  position: number;
  /** EntryRole: 'host' | 'guest' | 'netizen'. */
  role: string;
  speaker: string | null;
  content: string;
  question_id: number | null;
  image_name: string | null;
  image_kind: string | null;
  /** base64 of the checked image. */
  image_data: string | null;
  created_at: string;
}

export interface InterviewTables {
  interviews: InterviewTable;
  interview_policies: InterviewPolicyTable;
  interview_questions: InterviewQuestionTable;
  interview_entries: InterviewEntryTable;
}

declare module '../../db/schema.ts' {
  interface DB extends InterviewTables {}
}
