/**
 * 在线访谈 (issue 13 item 4, module interviews):
 *
 * - `interviews`: one online interview — its 预告 (topic, summary, guests with their titles as JSON,
 *   China-local start and end 'YYYY-MM-DD HH:mm', the unit), its state (interview.model.ts) and the
 *   publishing document its 实录 was filed as.
 * - `interview_policies`: the policy documents (规范性文件库 / 主动公开) the interview interprets.
 * - `interview_questions`: questions from the public, in advance or during the session, moderated
 *   (pending → adopted / rejected). The asker's name is optional and shown only when adopted.
 * - `interview_entries`: the 实录, ordered entries (主持人 / 嘉宾 / 网友) with an optional image whose
 *   content was checked at upload (stored base64, ≤ IMAGE_RULE.maxBytes).
 */
import type { Kysely } from 'kysely';
import { withId } from '../dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('interviews'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('guests', 'text', (c) => c.notNull())
    .addColumn('host', 'text')
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('document_id', 'integer', (c) => c.references('documents.id'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('interviews_status_idx')
    .on('interviews')
    .columns(['status', 'starts_at'])
    .execute();

  await db.schema
    .createTable('interview_policies')
    .addColumn('interview_id', 'integer', (c) => c.notNull().references('interviews.id').onDelete('cascade'))
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
    .addPrimaryKeyConstraint('interview_policies_pk', ['interview_id', 'document_id'])
    .execute();

  await withId(db, db.schema.createTable('interview_questions'))
    .addColumn('interview_id', 'integer', (c) => c.notNull().references('interviews.id').onDelete('cascade'))
    .addColumn('asker_name', 'text')
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('moderated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('moderated_at', 'text')
    .execute();
  await db.schema
    .createIndex('interview_questions_idx')
    .on('interview_questions')
    .columns(['interview_id', 'status'])
    .execute();

  await withId(db, db.schema.createTable('interview_entries'))
    .addColumn('interview_id', 'integer', (c) => c.notNull().references('interviews.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('speaker', 'text')
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('question_id', 'integer', (c) => c.references('interview_questions.id'))
    .addColumn('image_name', 'text')
    .addColumn('image_kind', 'text')
    .addColumn('image_data', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('interview_entries_idx')
    .on('interview_entries')
    .columns(['interview_id', 'position'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['interview_entries', 'interview_questions', 'interview_policies', 'interviews'])
    await db.schema.dropTable(t).execute();
}
