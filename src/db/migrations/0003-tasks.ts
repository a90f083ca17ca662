/** 工作要点 → 任务分工台账 (work plans and the ledger). Shapes: src/modules/tasks/task.tables.ts. */
import type { Kysely } from 'kysely';
import { withId } from '../dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('task_unit_aliases'))
    .addColumn('scope_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('alias', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('task_unit_aliases_unique', ['scope_unit_id', 'alias'])
    .execute();

  await withId(db, db.schema.createTable('task_plans'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('implements_plan_id', 'integer', (c) => c.references('task_plans.id'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('task_plans_unit_year_idx')
    .on('task_plans')
    .columns(['unit_id', 'year'])
    .execute();

  await withId(db, db.schema.createTable('tasks'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('task_plans.id'))
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('path_json', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('recurrence', 'text')
    .addColumn('deadline_text', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('done_on', 'text')
    .addColumn('upper_task_id', 'integer', (c) => c.references('tasks.id'))
    .addColumn('carried_from_task_id', 'integer', (c) => c.references('tasks.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tasks_plan_idx').on('tasks').column('plan_id').execute();
  await db.schema.createIndex('tasks_status_due_idx').on('tasks').columns(['status', 'due_date']).execute();

  await db.schema
    .createTable('task_units')
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('task_units_pk', ['task_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('task_units_unit_idx').on('task_units').column('unit_id').execute();

  await withId(db, db.schema.createTable('task_reports'))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('report_date', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('evidence_json', 'text', (c) => c.notNull())
    .addColumn('marks_done', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('reviewed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('reviewed_at', 'text')
    .addColumn('reviewed_on', 'text')
    .addColumn('review_comment', 'text')
    .execute();
  await db.schema.createIndex('task_reports_task_idx').on('task_reports').column('task_id').execute();

  await withId(db, db.schema.createTable('task_reminders'))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id'))
    .addColumn('reminder_date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('task_reminders_unique', ['task_id', 'reminder_date'])
    .execute();
}

/** Drops the tables `up` creates, children first. */
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'task_reminders',
    'task_reports',
    'task_units',
    'tasks',
    'task_plans',
    'task_unit_aliases',
  ])
    await db.schema.dropTable(t).ifExists().execute();
}
