/**
 * 政府信息公开工作年度报告 (issue 12, module reports):
 *
 * - `annual_reports`: one report per unit and year — its six sections' text (JSON of ReportSections), its
 *   status (draft → in_review → published), the publishing document it was filed as, and, from the moment
 *   it is sent for review, the frozen figures (JSON of ReportFigures) so that what was reviewed is what is
 *   published. `revision` counts saves: a form posted from an older revision is refused, not merged.
 * - `annual_report_values`: figures the platform does not hold (许可, 处罚, 强制, 收费; table 二 first block
 *   where there is no library; a whole past year imported from its published report), one row per cell key
 *   (see report-values.ts), with who set it, when, and how (entered, xlsx, imported).
 * - `annual_report_imports`: what an import of a published report read (the parser's JSON), shown for
 *   review and kept, once confirmed, as the evidence of the imported values.
 * - `annual_report_reminders`: the daily job's reminders already raised (one per unit, year, kind and day).
 */
import type { Kysely } from 'kysely';
import { withId } from '../dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('annual_reports'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('sections', 'text', (c) => c.notNull())
    .addColumn('figures', 'text')
    .addColumn('document_id', 'integer', (c) => c.references('documents.id'))
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('published_on', 'text')
    .addUniqueConstraint('annual_reports_unit_year', ['unit_id', 'year'])
    .execute();
  await db.schema
    .createIndex('annual_reports_year_idx')
    .on('annual_reports')
    .columns(['year', 'status'])
    .execute();

  await withId(db, db.schema.createTable('annual_report_values'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('cell', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('import_id', 'integer')
    .addColumn('entered_by', 'integer', (c) => c.references('users.id'))
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('annual_report_values_cell', ['unit_id', 'year', 'cell'])
    .execute();

  await withId(db, db.schema.createTable('annual_report_imports'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('parsed', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .execute();

  await db.schema
    .createTable('annual_report_reminders')
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('annual_report_reminders_pk', ['unit_id', 'year', 'kind', 'day'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'annual_report_reminders',
    'annual_report_imports',
    'annual_report_values',
    'annual_reports',
  ])
    await db.schema.dropTable(t).execute();
}
