/**
 * 规范性文件库 and 政策解读 (issue 11, module policies):
 *
 * - `policy_entries`: one row per published 规章 / 行政规范性文件 / 其他政策文件 — the library's queryable
 *   copy of the document's metadata (kind, 登记号, 公布/施行/有效期至 with the source of the expiry) and its
 *   current derived validity (state, certainty, since). The state is never typed in: it is recomputed
 *   from `policy_validity_events` (validity.ts) whenever an event is written and by the daily job.
 * - `policy_validity_events`: 施行 / 修改 / 废止 / 失效 / 宣布失效 / 暂停执行 / 恢复执行 / 部分失效, each with its date, its
 *   source document (on the platform, or named by title and 文号), how sure it is, and the 清理 batch it
 *   came from. Append-only in practice: a wrong event is cancelled (cancelled_at), never deleted.
 * - `policy_evaluations`: the 评估 task the daily job raises for the drafting unit before expiry.
 * - `policy_cleanups` / `policy_cleanup_items`: 清理 batches, their decisions and the published result.
 * - `policy_interpretation_reminders`: the daily 三同步 reminders already sent (one per policy and day).
 */
import type { Kysely } from 'kysely';
import { withId } from '../dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('policy_entries')
    .addColumn('document_id', 'integer', (c) => c.primaryKey().references('documents.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('doc_number', 'text')
    .addColumn('issuers', 'text')
    .addColumn('registration_number', 'text')
    .addColumn('published_on', 'text')
    .addColumn('effective_on', 'text')
    .addColumn('expires_on', 'text')
    .addColumn('expiry_source', 'text')
    .addColumn('topic_id', 'integer')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('certainty', 'text', (c) => c.notNull())
    .addColumn('state_since', 'text')
    // 'publication' (the published hook), 'sheet' (imported from a spreadsheet: its dates are presumed) or
    // 'published_import' (a document already published, reclassified: dates read from its own text).
    .addColumn('origin', 'text', (c) => c.notNull().defaultTo('publication'))
    .addColumn('no_interpretation_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('policy_entries_unit_idx')
    .on('policy_entries')
    .columns(['unit_id', 'kind'])
    .execute();
  await db.schema
    .createIndex('policy_entries_state_idx')
    .on('policy_entries')
    .columns(['state', 'expires_on'])
    .execute();

  await withId(db, db.schema.createTable('policy_validity_events'))
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('occurs_on', 'text', (c) => c.notNull())
    .addColumn('source_document_id', 'integer', (c) => c.references('documents.id'))
    .addColumn('source_title', 'text')
    .addColumn('source_doc_number', 'text')
    .addColumn('certainty', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('cleanup_id', 'integer')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('cancelled_by', 'integer', (c) => c.references('users.id'))
    .addColumn('cancelled_at', 'text')
    .addColumn('cancel_reason', 'text')
    .execute();
  await db.schema
    .createIndex('policy_validity_events_doc_idx')
    .on('policy_validity_events')
    .columns(['document_id', 'occurs_on'])
    .execute();

  await withId(db, db.schema.createTable('policy_evaluations'))
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('expires_on', 'text', (c) => c.notNull())
    .addColumn('raised_on', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('conclusion', 'text')
    .addColumn('closed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('closed_at', 'text')
    .addUniqueConstraint('policy_evaluations_unique', ['document_id', 'expires_on'])
    .execute();

  await withId(db, db.schema.createTable('policy_cleanups'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('basis', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('criteria_json', 'text', (c) => c.notNull())
    .addColumn('result_document_id', 'integer', (c) => c.references('documents.id'))
    .addColumn('decided_on', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('policy_cleanup_items')
    .addColumn('cleanup_id', 'integer', (c) => c.notNull().references('policy_cleanups.id'))
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
    .addColumn('decision', 'text')
    .addColumn('reason', 'text')
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addPrimaryKeyConstraint('policy_cleanup_items_pk', ['cleanup_id', 'document_id'])
    .execute();

  await db.schema
    .createTable('policy_interpretation_reminders')
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
    .addColumn('run_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('policy_interpretation_reminders_pk', ['document_id', 'run_key'])
    .execute();

  // 清理 review (cleanup.service.ts): who submitted the batch, and the reviewer's note when it was
  // returned. Dropped with the table in down().
  await db.schema
    .alterTable('policy_cleanups')
    .addColumn('submitted_by', 'integer', (c) => c.references('users.id'))
    .execute();
  await db.schema.alterTable('policy_cleanups').addColumn('review_note', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'policy_interpretation_reminders',
    'policy_cleanup_items',
    'policy_cleanups',
    'policy_evaluations',
    'policy_validity_events',
    'policy_entries',
  ])
    await db.schema.dropTable(t).ifExists().execute();
}
