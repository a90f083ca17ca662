/**
 * Persisted shape of the 在线调查 tables (src/db/migrations/0023-surveys.ts). Dates are China dates
 * 'YYYY-MM-DD', timestamps ISO-8601 UTC text, flags 0/1.
 */
import type { Generated } from 'kysely';

export interface SurveyTable {
  id: Generated<number>;
  unit_id: number;
  title: string;
  description: string;
  /** SurveyState (survey.model.ts). */
  state: string;
  /** First day answers are taken (inclusive); null: only opened by hand. */
  opens_on: string | null;
  /** Last day answers are taken (inclusive); null: closed by hand. */
  closes_on: string | null;
  results_public: number;
  public_text_answers: number;
  asks_contact: number;
  results_published_at: string | null;
  opened_at: string | null;
  closed_at: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface SurveyQuestionTable {
  id: Generated<number>;
  survey_id: number;
  position: number;
  /** QuestionKind (survey.model.ts). */
  kind: string;
  title: string;
  help: string;
  required: number;
  /** JSON string[]: the options of a choice question, the five point labels of a rating, [] for text. */
  options: string;
  min_choices: number | null;
  max_choices: number | null;
  max_length: number | null;
}

export interface SurveyResponseTable {
  id: Generated<number>;
  survey_id: number;
  /** HMAC of the survey id and the browser's voter token: one response per person and survey. */
  voter_hash: string;
  /** The contact the person chose to give, encrypted (FieldCipher); null when none. */
  contact_enc: string | null;
  submitted_at: string;
}

export interface SurveyAnswerTable {
  id: Generated<number>;
  response_id: number;
  question_id: number;
  /** Index of the chosen option (single: one row, multiple: one row per option). */
  option_index: number | null;
  /** 1–5 for a rating. */
  rating: number | null;
  text_value: string | null;
}

export interface SurveyTables {
  surveys: SurveyTable;
  survey_questions: SurveyQuestionTable;
  survey_responses: SurveyResponseTable;
  survey_answers: SurveyAnswerTable;
}

declare module '../../db/schema.ts' {
  interface DB extends SurveyTables {}
}
