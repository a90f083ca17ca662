/** Files attached to progress reports as evidence (issue 5 §3). */
import type { Kysely } from 'kysely';
import { withId } from '../dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('task_report_attachments'))
    .addColumn('report_id', 'integer', (c) => c.notNull().references('task_reports.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('task_report_attachments_report_idx')
    .on('task_report_attachments')
    .column('report_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('task_report_attachments').ifExists().execute();
}
