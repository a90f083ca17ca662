/** SQL for progress reports and reminders. */
import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { TaskReminderTable, TaskReportTable } from './task.tables.ts';

type Db = Kysely<DB> | Transaction<DB>;

export class TaskReportRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(trx: Transaction<DB>, row: Insertable<TaskReportTable>): Promise<number> {
    const r = await trx.insertInto('task_reports').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  }

  async find(id: number, q: Db = this.db) {
    return q.selectFrom('task_reports').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async listForTask(taskId: number) {
    return this.db
      .selectFrom('task_reports')
      .selectAll()
      .where('task_id', '=', taskId)
      .orderBy('submitted_at')
      .orderBy('id')
      .execute();
  }

  async hasPending(taskId: number, unitId: number): Promise<boolean> {
    const r = await this.db
      .selectFrom('task_reports')
      .select('id')
      .where('task_id', '=', taskId)
      .where('unit_id', '=', unitId)
      .where('state', '=', 'submitted')
      .executeTakeFirst();
    return r !== undefined;
  }

  /** Moves a report out of `from` (guarded, so two reviewers cannot both act); true when it moved. */
  async review(trx: Transaction<DB>, id: number, from: string, patch: Updateable<TaskReportTable>) {
    const r = await trx
      .updateTable('task_reports')
      .set(patch)
      .where('id', '=', id)
      .where('state', '=', from)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Inserts reminders, skipping any (task, day) already reminded; returns how many were new. */
  async insertReminders(trx: Transaction<DB>, rows: Insertable<TaskReminderTable>[]): Promise<number> {
    let added = 0;
    for (const row of rows) {
      const r = await trx
        .insertInto('task_reminders')
        .values(row)
        .onConflict((oc) => oc.columns(['task_id', 'reminder_date']).doNothing())
        .executeTakeFirst();
      added += Number(r.numInsertedOrUpdatedRows ?? 0);
    }
    return added;
  }

  async listReminders(date: string) {
    return this.db
      .selectFrom('task_reminders')
      .selectAll()
      .where('reminder_date', '=', date)
      .orderBy('task_id')
      .execute();
  }

  async insertAttachment(
    trx: Transaction<DB>,
    row: {
      report_id: number;
      file_name: string;
      kind: string;
      size: number;
      sha256: string;
      created_at: string;
    },
  ) {
    await trx.insertInto('task_report_attachments').values(row).execute();
  }

  async attachmentsOf(reportIds: number[]) {
    if (reportIds.length === 0) return [];
    return this.db
      .selectFrom('task_report_attachments')
      .select(['id', 'report_id', 'file_name', 'kind', 'size', 'sha256'])
      .where('report_id', 'in', reportIds)
      .orderBy('id')
      .execute();
  }

  async findAttachment(id: number) {
    return this.db.selectFrom('task_report_attachments').selectAll().where('id', '=', id).executeTakeFirst();
  }
}
