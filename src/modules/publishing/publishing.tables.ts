/**
 * Persisted shape of the 主动公开 tables (see src/db/migrations/0004-publishing.ts).
 * Timestamps are ISO strings, dates 'YYYY-MM-DD', booleans 0/1. Changing a shape needs a migration.
 */
import type { ColumnType, Generated, Selectable } from 'kysely';

/** 栏目: a node of a unit's column tree. */
export interface SiteColumnTable {
  id: Generated<number>;
  unit_id: number;
  parent_id: number | null;
  /** Materialised path of column ids, e.g. '/3/7/'. */
  path: string;
  depth: number;
  name: string;
  /** 'list' 信息列表 · 'page' 单页 · 'link' 外链. */
  kind: string;
  /** Key of the 政府信息公开 template column it was created from (null for 专题专栏). */
  template_key: string | null;
  external_url: string | null;
  /** Body of a 单页 column (sanitised HTML). */
  page_html: string | null;
  /** Expected update cycle key (see column.model.ts). */
  update_cycle: string;
  responsible_unit_id: number;
  sort_order: number;
  active: number;
  created_at: string;
  updated_at: string;
}

/** 主题分类: seeded taxonomy, editable. */
export interface TopicCategoryTable {
  id: Generated<number>;
  name: string;
  sort_order: number;
  active: number;
}

/** 政府信息: one record, shown in any number of columns. */
export interface DocumentTable {
  id: Generated<number>;
  unit_id: number;
  /** Workflow state (document.workflow.ts). */
  state: string;
  /** 索引号: assigned at first publication, unique, never changed. */
  index_number: string | null;
  title: string;
  topic_id: number | null;
  genre: string | null;
  /** 发文字号 in canonical form (doc-number.ts). */
  doc_number: string | null;
  doc_number_key: string | null;
  written_on: string | null;
  formed_on: string | null;
  published_on: string | null;
  published_at: string | null;
  /** 'proactive' 主动公开 · 'on_request' 依申请公开 · 'withheld' 不予公开. */
  disclosure_mode: string;
  withheld_ground: string | null;
  keywords_json: string;
  summary: string | null;
  source: string | null;
  body_html: string;
  /** 有效性 key (document.model.ts VALIDITIES: valid / expired / repealed / amended); null = not marked (0012). */
  validity: string | null;
  /** 施行日期. */
  effective_on: string | null;
  /** 废止日期 (only with validity 'repealed'). */
  repealed_on: string | null;
  /** Key of the document kind (document-kinds.ts); 'document' = 政府信息, the built-in kind (0014). */
  kind: ColumnType<string, string | undefined, string>;
  /** The kind's extra metadata as JSON (its zod schema's output); null when the kind has no fields (0014). */
  kind_metadata_json: ColumnType<string | null, string | null | undefined, string | null>;
  /** Number of published versions so far (0 = never published). */
  version: number;
  ever_published: number;
  scheduled_at: string | null;
  submitted_by: number | null;
  submitted_at: string | null;
  confidentiality_conclusion: string | null;
  confidentiality_ground: string | null;
  withdrawn_at: string | null;
  withdrawal_reason: string | null;
  withdrawal_note: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** 发文机关 of a document, in order (more than one for a joint issuance). */
export interface DocumentIssuerTable {
  document_id: number;
  position: number;
  name: string;
}

/** Placement of a document in a column (数据同源: never a copy). */
export interface DocumentColumnTable {
  document_id: number;
  column_id: number;
  /**
   * Copy of the document's published_at while it is published, else null (migration 0013), kept by
   * DocumentRepository#syncDenormalised: the newest documents of a column are read from an index.
   */
  published_at: ColumnType<string | null, string | null | undefined, string | null>;
}

/** An earlier published version, kept when a published document changes; may carry a 更正说明. */
export interface DocumentVersionTable {
  id: Generated<number>;
  document_id: number;
  version: number;
  snapshot_json: string;
  published_at: string | null;
  correction_note: string | null;
  corrected_on: string | null;
  created_by: number | null;
  created_at: string;
}

/** An attachment; the file lives under DATA_DIR/files by its SHA-256. */
export interface DocumentAttachmentTable {
  id: Generated<number>;
  document_id: number;
  file_name: string;
  kind: string;
  size: number;
  sha256: string;
  sort_order: number;
  created_at: string;
}

/** One workflow step taken on a document, with the reviewer's conclusion and the check findings. */
export interface DocumentReviewTable {
  id: Generated<number>;
  document_id: number;
  event: string;
  from_state: string;
  to_state: string;
  actor_user_id: number | null;
  actor_name: string;
  conclusion: string | null;
  ground: string | null;
  reason: string | null;
  findings_json: string | null;
  created_at: string;
}

/**
 * A typed link between two documents (0014): `from` interprets, amends, repeals or answers to `to`
 * (document-relation.model.ts RELATION_TYPES). Unique per (from, to, type).
 */
export interface DocumentRelationTable {
  id: Generated<number>;
  from_document_id: number;
  to_document_id: number;
  relation_type: string;
  created_by: number | null;
  created_at: string;
}

/** Last 索引号 sequence per unit and period (index-number.ts). */
export interface IndexNumberCounterTable {
  unit_id: number;
  period: string;
  last_seq: number;
}

/** SQLite only: FTS5 table, rowid = document id. */
export interface DocumentFtsTable {
  rowid: number;
  tokens: string;
}

/**
 * PostgreSQL only: one row per published document — its tsvector (from the jieba tokens) and copies of
 * the values a search filters and orders by (migration 0013), kept by PostgresSearchProvider#index and
 * DocumentRepository#syncDenormalised, so matches are ordered without reading `documents`.
 */
export interface DocumentSearchTable {
  document_id: number;
  tsv: ColumnType<unknown, unknown, unknown>;
  title: string;
  published_at: string | null;
  published_on: string | null;
  unit_id: number;
  topic_id: number | null;
  genre: string | null;
}

export type PublishingTables = {
  site_columns: SiteColumnTable;
  topic_categories: TopicCategoryTable;
  documents: DocumentTable;
  document_issuers: DocumentIssuerTable;
  document_columns: DocumentColumnTable;
  document_versions: DocumentVersionTable;
  document_attachments: DocumentAttachmentTable;
  document_reviews: DocumentReviewTable;
  document_relations: DocumentRelationTable;
  index_number_counters: IndexNumberCounterTable;
  document_fts: DocumentFtsTable;
  document_search: DocumentSearchTable;
};

export type SiteColumn = Selectable<SiteColumnTable>;
export type DocumentRow = Selectable<DocumentTable>;
export type TopicCategory = Selectable<TopicCategoryTable>;
export type DocumentAttachment = Selectable<DocumentAttachmentTable>;

// Joins these tables into the database type (src/db/schema.ts knows no module).
declare module '../../db/schema.ts' {
  interface DB extends PublishingTables {}
}
