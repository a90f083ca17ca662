/**
 * 政策问答库 / 政务知识库 (issue 14, module qa):
 *
 * - `qa_entries`: one question and its answer, the other ways people ask it (JSON string[]), tags (主题 =
 *   the publishing topic, 对象 = JSON array of 'enterprise' | 'individual', 事项 free text, extra tags),
 *   the owning unit, state (draft → in_review → published, withdrawn), 待更新 (`stale`, with the reason
 *   and since when), the next review day, 适用地区 and 有效期 (12345 exchange fields), where it came from
 *   (manual, xlsx import, the unanswered queue, a 咨询 letter, a 12345 exchange file) and the reviewer.
 * - `qa_entry_sources`: what an answer rests on, in order: a platform document (`document_id`) or one
 *   named by title and 文号, the article (第X条, nullable) and a short excerpt.
 * - `qa_questions`: the unanswered queue — questions the 问答 box could not answer well enough (or 咨询
 *   letters), routed to a unit, answered there, and promoted into an entry (reviewed) in one step. The
 *   asker's contact is optional and encrypted (lib/field-cipher.ts), with a keyed hash.
 */
import type { Kysely } from 'kysely';
import { withId } from '../dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('qa_entries'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('alt_questions', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('topic_id', 'integer', (c) => c.references('topic_categories.id'))
    .addColumn('audiences', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('matter', 'text')
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('stale', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('stale_reason', 'text')
    .addColumn('stale_since', 'text')
    .addColumn('review_on', 'text')
    .addColumn('region', 'text')
    .addColumn('valid_until', 'text')
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('origin_ref', 'text')
    .addColumn('external_id', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('submitted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('reviewed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('review_note', 'text')
    .addColumn('published_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('qa_entries_state_idx')
    .on('qa_entries')
    .columns(['state', 'unit_id'])
    .execute();
  await db.schema.createIndex('qa_entries_external_idx').on('qa_entries').columns(['external_id']).execute();

  await withId(db, db.schema.createTable('qa_entry_sources'))
    .addColumn('entry_id', 'integer', (c) => c.notNull().references('qa_entries.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('document_id', 'integer', (c) => c.references('documents.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('doc_number', 'text')
    .addColumn('article', 'text')
    .addColumn('excerpt', 'text')
    .execute();
  await db.schema
    .createIndex('qa_entry_sources_entry_idx')
    .on('qa_entry_sources')
    .columns(['entry_id'])
    .execute();
  await db.schema
    .createIndex('qa_entry_sources_document_idx')
    .on('qa_entry_sources')
    .columns(['document_id'])
    .execute();

  await withId(db, db.schema.createTable('qa_questions'))
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('letter_id', 'integer')
    .addColumn('contact_enc', 'text')
    .addColumn('contact_hash', 'text')
    .addColumn('best_score', 'real')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'integer', (c) => c.references('users.id'))
    .addColumn('answered_at', 'text')
    .addColumn('entry_id', 'integer', (c) => c.references('qa_entries.id'))
    .addColumn('close_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('qa_questions_state_idx')
    .on('qa_questions')
    .columns(['state', 'unit_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('qa_questions').ifExists().execute();
  await db.schema.dropTable('qa_entry_sources').ifExists().execute();
  await db.schema.dropTable('qa_entries').ifExists().execute();
}
