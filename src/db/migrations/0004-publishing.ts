/**
 * 主动公开 (proactive disclosure): columns, topic taxonomy, documents with issuers, column placements,
 * versions, attachments, reviews, 索引号 counters and the full-text index.
 * Shapes: src/modules/publishing/publishing.tables.ts.
 */
import { type Kysely, sql } from 'kysely';
import { isPostgres, withId } from '../dialect.ts';

/**
 * 主题分类 seed: the first-level subject categories of the national government information catalogue
 * (国务院办公厅 政府信息公开目录 主题分类). Frozen here; later edits go through the topic service.
 */
const TOPIC_SEED = [
  '综合政务',
  '国民经济管理、国有资产监管',
  '财政、金融、审计',
  '国土资源、能源',
  '农业、林业、水利',
  '工业、交通',
  '商贸、海关、旅游',
  '市场监管、安全生产监管',
  '城乡建设、环境保护',
  '科技、教育',
  '文化、广电、新闻出版',
  '卫生、体育',
  '人口与计划生育、妇女儿童工作',
  '劳动、人事、监察',
  '公安、安全、司法',
  '民政、扶贫、救灾',
  '民族、宗教',
  '对外事务',
  '港澳台侨工作',
  '国防',
  '其他',
];

export async function up(db: Kysely<any>): Promise<void> {
  await createColumns(db);
  await createTopics(db);
  await createDocuments(db);
  await createDocumentChildren(db);
  await createSearchIndex(db);
}

async function createColumns(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('site_columns'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('parent_id', 'integer', (c) => c.references('site_columns.id'))
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('template_key', 'text')
    .addColumn('external_url', 'text')
    .addColumn('page_html', 'text')
    .addColumn('update_cycle', 'text', (c) => c.notNull())
    .addColumn('responsible_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('site_columns_template_unique', ['unit_id', 'template_key'])
    .execute();
  await db.schema.createIndex('site_columns_unit_idx').on('site_columns').column('unit_id').execute();
  await db.schema.createIndex('site_columns_path_idx').on('site_columns').column('path').execute();
}

async function createTopics(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('topic_categories'))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // Reference data every installation needs before any document can be classified.
  await db
    .insertInto('topic_categories')
    .values(TOPIC_SEED.map((name, i) => ({ name, sort_order: (i + 1) * 10, active: 1 })))
    .execute();
}

async function createDocuments(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('documents'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('index_number', 'text', (c) => c.unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('topic_id', 'integer', (c) => c.references('topic_categories.id'))
    .addColumn('genre', 'text')
    .addColumn('doc_number', 'text')
    .addColumn('doc_number_key', 'text')
    .addColumn('written_on', 'text')
    .addColumn('formed_on', 'text')
    .addColumn('published_on', 'text')
    .addColumn('published_at', 'text')
    .addColumn('disclosure_mode', 'text', (c) => c.notNull())
    .addColumn('withheld_ground', 'text')
    .addColumn('keywords_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('summary', 'text')
    .addColumn('source', 'text')
    .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ever_published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('scheduled_at', 'text')
    .addColumn('submitted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('submitted_at', 'text')
    .addColumn('confidentiality_conclusion', 'text')
    .addColumn('confidentiality_ground', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdrawal_reason', 'text')
    .addColumn('withdrawal_note', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('documents_unit_state_idx')
    .on('documents')
    .columns(['unit_id', 'state'])
    .execute();
  await db.schema
    .createIndex('documents_state_published_idx')
    .on('documents')
    .columns(['state', 'published_at'])
    .execute();
  await db.schema
    .createIndex('documents_doc_number_key_idx')
    .on('documents')
    .column('doc_number_key')
    .execute();
  await db.schema
    .createTable('index_number_counters')
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('index_number_counters_pk', ['unit_id', 'period'])
    .execute();
}

async function createDocumentChildren(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('document_issuers')
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_issuers_pk', ['document_id', 'position'])
    .execute();
  await db.schema
    .createTable('document_columns')
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('column_id', 'integer', (c) => c.notNull().references('site_columns.id'))
    .addPrimaryKeyConstraint('document_columns_pk', ['document_id', 'column_id'])
    .execute();
  await db.schema
    .createIndex('document_columns_column_idx')
    .on('document_columns')
    .column('column_id')
    .execute();
  await withId(db, db.schema.createTable('document_versions'))
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('snapshot_json', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('correction_note', 'text')
    .addColumn('corrected_on', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('document_versions_unique', ['document_id', 'version'])
    .execute();
  await withId(db, db.schema.createTable('document_attachments'))
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('document_attachments_doc_idx')
    .on('document_attachments')
    .column('document_id')
    .execute();
  await withId(db, db.schema.createTable('document_reviews'))
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text', (c) => c.notNull())
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('conclusion', 'text')
    .addColumn('ground', 'text')
    .addColumn('reason', 'text')
    .addColumn('findings_json', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('document_reviews_doc_idx')
    .on('document_reviews')
    .column('document_id')
    .execute();
}

/** Full-text index of published documents: jieba tokens, space-joined (see search/). */
async function createSearchIndex(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`create table document_search (
      document_id integer primary key references documents(id) on delete cascade,
      search_tokens text not null,
      tsv tsvector generated always as (to_tsvector('simple', search_tokens)) stored
    )`.execute(db);
    await sql`create index document_search_tsv_idx on document_search using gin (tsv)`.execute(db);
  } else {
    await sql`create virtual table document_fts using fts5(tokens, tokenize = 'unicode61')`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await sql`drop table if exists document_search`.execute(db);
  else await sql`drop table if exists document_fts`.execute(db);
  for (const t of [
    'document_reviews',
    'document_attachments',
    'document_versions',
    'document_columns',
    'document_issuers',
    'index_number_counters',
    'documents',
    'topic_categories',
    'site_columns',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
