/**
 * 意见征集 / 决策预公开 (issue 13 item 2, module consultations):
 *
 * - `consultations`: one call for comments on a draft — its unit, title, basis (重大行政决策 / 规章草案 /
 *   规范性文件 / 其他: the minimum window comes from it), window (opens_on … closes_on, China dates), the
 *   recorded reason when the window is shorter than the minimum, the draft's text and state (draft →
 *   scheduled → open → closed → answered), the feedback report document and the final policy document.
 * - `consultation_articles`: the draft split into its articles (第一条 … / 一、二、 …), in order.
 * - `consultation_comments`: one comment on the whole draft (article_id null) or on an article; the
 *   commenter's name and contact encrypted at rest (lib/field-cipher), the masked name in clear for the
 *   public pages; moderation state and reason; the 采纳 decision, its reason and the group of similar
 *   comments it was decided with.
 */
import type { Kysely } from 'kysely';
import { withId } from '../dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('consultations'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('draft_text', 'text', (c) => c.notNull())
    .addColumn('opens_on', 'text', (c) => c.notNull())
    .addColumn('closes_on', 'text', (c) => c.notNull())
    .addColumn('short_reason', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('feedback_document_id', 'integer', (c) => c.references('documents.id'))
    .addColumn('final_document_id', 'integer', (c) => c.references('documents.id'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema
    .createIndex('consultations_state_idx')
    .on('consultations')
    .columns(['state', 'closes_on'])
    .execute();
  await db.schema
    .createIndex('consultations_final_idx')
    .on('consultations')
    .column('final_document_id')
    .execute();

  await withId(db, db.schema.createTable('consultation_articles'))
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('number', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addUniqueConstraint('consultation_articles_position', ['consultation_id', 'position'])
    .execute();

  await withId(db, db.schema.createTable('consultation_comments'))
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id'))
    .addColumn('article_id', 'integer', (c) => c.references('consultation_articles.id'))
    .addColumn('name_enc', 'text')
    .addColumn('name_masked', 'text')
    .addColumn('contact_enc', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('hidden_reason', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('moderated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('moderated_at', 'text')
    .addColumn('adoption', 'text')
    .addColumn('adoption_reason', 'text')
    .addColumn('adoption_group', 'integer')
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema
    .createIndex('consultation_comments_state_idx')
    .on('consultation_comments')
    .columns(['consultation_id', 'state'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['consultation_comments', 'consultation_articles', 'consultations'])
    await db.schema.dropTable(t).execute();
}
