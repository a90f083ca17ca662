/** SQL for supervision: per-unit overdue and due-soon lists, the daily sweep, bulletin facts. */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { OPEN_STATUSES } from './task-status.ts';

export class TaskSupervisionRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Unfinished tasks of a unit with a due date in [from, to] (either bound optional), earliest first. */
  async unitTasksDue(unitId: number, range: { from?: string; to?: string }) {
    let q = this.db
      .selectFrom('tasks')
      .innerJoin('task_units', 'task_units.task_id', 'tasks.id')
      .innerJoin('task_plans', 'task_plans.id', 'tasks.plan_id')
      .select([
        'tasks.id',
        'tasks.number',
        'tasks.title',
        'tasks.due_date',
        'tasks.status',
        'task_units.role',
      ])
      .select(['task_plans.id as plan_id', 'task_plans.title as plan_title'])
      .where('task_units.unit_id', '=', unitId)
      .where('tasks.status', '!=', 'done')
      .where('tasks.due_date', 'is not', null);
    if (range.from) q = q.where('tasks.due_date', '>=', range.from);
    if (range.to) q = q.where('tasks.due_date', '<=', range.to);
    return q.orderBy('tasks.due_date').orderBy('tasks.id').execute();
  }

  /** Marks unfinished tasks whose due date has passed as 逾期; returns how many changed. */
  async markOverdue(trx: Transaction<DB>, today: string, now: string): Promise<number> {
    const r = await trx
      .updateTable('tasks')
      .set({ status: 'overdue', updated_at: now })
      .where(
        'status',
        'in',
        OPEN_STATUSES.filter((s) => s !== 'overdue'),
      )
      .where('due_date', '<', today)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  /** Unfinished tasks due on or before `limit` (overdue and due soon), for reminders. */
  async remindable(trx: Transaction<DB>, limit: string) {
    return trx
      .selectFrom('tasks')
      .select(['id', 'due_date'])
      .where('status', '!=', 'done')
      .where('due_date', '<=', limit)
      .orderBy('id')
      .execute();
  }

  /** Every responsible unit of every task in the plans of `ownerUnitId` for `year`, in unit order. */
  async bulletinAssignments(ownerUnitId: number, year: number) {
    return this.db
      .selectFrom('tasks')
      .innerJoin('task_plans', 'task_plans.id', 'tasks.plan_id')
      .innerJoin('task_units', 'task_units.task_id', 'tasks.id')
      .innerJoin('units', 'units.id', 'task_units.unit_id')
      .select(['tasks.id as taskId', 'tasks.number', 'tasks.title', 'tasks.due_date as dueDate'])
      .select(['tasks.done_on as doneOn', 'units.id as unitId', 'units.name as unitName'])
      .where('task_plans.unit_id', '=', ownerUnitId)
      .where('task_plans.year', '=', year)
      .orderBy('units.depth')
      .orderBy('units.sort_order')
      .orderBy('units.id')
      .orderBy('tasks.sort_order')
      .orderBy('tasks.id')
      .execute();
  }

  /** The reporting unit of each report accepted between two dates on tasks of those plans. */
  async acceptedReportUnits(
    ownerUnitId: number,
    year: number,
    start: string,
    end: string,
  ): Promise<number[]> {
    const rows = await this.db
      .selectFrom('task_reports')
      .innerJoin('tasks', 'tasks.id', 'task_reports.task_id')
      .innerJoin('task_plans', 'task_plans.id', 'tasks.plan_id')
      .select('task_reports.unit_id')
      .where('task_plans.unit_id', '=', ownerUnitId)
      .where('task_plans.year', '=', year)
      .where('task_reports.state', '=', 'accepted')
      .where('task_reports.reviewed_on', '>=', start)
      .where('task_reports.reviewed_on', '<=', end)
      .execute();
    return rows.map((r) => r.unit_id);
  }
}
