/**
 * Persisted shape of the 意见征集 tables (src/db/migrations/0022-consultations.ts). Dates are 'YYYY-MM-DD'
 * text (China time), timestamps ISO-8601 UTC text.
 */
import type { Generated } from 'kysely';

export interface ConsultationTable {
  id: Generated<number>;
  unit_id: number;
  title: string;
  /** ConsultationBasis (consultation.model.ts). */
  basis: string;
  /** 起草说明: what the draft is for, shown above the text. */
  summary: string | null;
  /** The draft as typed or read from the .docx (plain text); the articles are split from it. */
  draft_text: string;
  opens_on: string;
  closes_on: string;
  /** Why the window is shorter than its basis' minimum (shown on the public page); null when it is not. */
  short_reason: string | null;
  /** ConsultationState. */
  state: string;
  feedback_document_id: number | null;
  final_document_id: number | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  closed_at: string | null;
}

export interface ConsultationArticleTable {
  id: Generated<number>;
  consultation_id: number;
  position: number;
  /** The number as written (第三条, 三、), null for a preamble without one. */
  number: string | null;
  text: string;
}

export interface ConsultationCommentTable {
  id: Generated<number>;
  consultation_id: number;
  /** null = a comment on the whole draft. */
  article_id: number | null;
  /** FieldCipher values; never logged or shown in clear outside the moderation page. */
  name_enc: string | null;
  /** The name as published (朱**), or null when none was given. */
  name_masked: string | null;
  contact_enc: string | null;
  body: string;
  /** CommentState. */
  state: string;
  hidden_reason: string | null;
  submitted_at: string;
  moderated_by: number | null;
  moderated_at: string | null;
  /** Adoption ('adopted' | 'partly' | 'rejected'), null until decided. */
  adoption: string | null;
  adoption_reason: string | null;
  /** Comments decided together (similar ones) share a group number; null = decided alone. */
  adoption_group: number | null;
  decided_by: number | null;
  decided_at: string | null;
}

export interface ConsultationTables {
  consultations: ConsultationTable;
  consultation_articles: ConsultationArticleTable;
  consultation_comments: ConsultationCommentTable;
}

declare module '../../db/schema.ts' {
  interface DB extends ConsultationTables {}
}
