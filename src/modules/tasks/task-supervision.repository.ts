/** SQL for supervision: per-unit overdue and due-soon lists, the daily sweep, bulletin facts. */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { OPEN_STATUSES } from './task-status.ts';
import type { AcceptedReport, BulletinAssignment } from './task-supervision.ts';

export class TaskSupervisionRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * Dated tasks on which the unit's own part is open (not done, not 不适用) with a due date in
   * [from, to] (either bound optional), earliest first.
   */
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
      .where('task_units.done_on', 'is', null)
      .where('task_units.not_applicable_at', 'is', null)
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

  /**
   * A unit's parts of recurring tasks (not 不适用), with the plan year and the unit's accepted report
   * dates, for the occurrences it missed.
   */
  async unitRecurringParts(unitId: number) {
    const parts = await this.db
      .selectFrom('tasks')
      .innerJoin('task_units', 'task_units.task_id', 'tasks.id')
      .innerJoin('task_plans', 'task_plans.id', 'tasks.plan_id')
      .select(['tasks.id', 'tasks.number', 'tasks.title', 'tasks.recurrence', 'tasks.status'])
      .select(['task_units.role', 'task_units.done_on as part_done_on'])
      .select(['task_plans.id as plan_id', 'task_plans.title as plan_title', 'task_plans.year'])
      .where('task_units.unit_id', '=', unitId)
      .where('task_units.not_applicable_at', 'is', null)
      .where('tasks.recurrence', 'is not', null)
      .orderBy('tasks.id')
      .execute();
    if (parts.length === 0) return [];
    const reports = await this.db
      .selectFrom('task_reports')
      .select(['task_id', 'report_date'])
      .where('unit_id', '=', unitId)
      .where('state', '=', 'accepted')
      .where(
        'task_id',
        'in',
        parts.map((p) => p.id),
      )
      .execute();
    return parts.map((p) => ({
      ...p,
      reportDates: reports.filter((r) => r.task_id === p.id).map((r) => r.report_date),
    }));
  }

  /** Every responsible unit's part of every task in the plans of `ownerUnitId` for `year`, in unit order. */
  async bulletinAssignments(ownerUnitId: number, year: number): Promise<BulletinAssignment[]> {
    const rows = await this.db
      .selectFrom('tasks')
      .innerJoin('task_plans', 'task_plans.id', 'tasks.plan_id')
      .innerJoin('task_units', 'task_units.task_id', 'tasks.id')
      .innerJoin('units', 'units.id', 'task_units.unit_id')
      .select(['tasks.id as taskId', 'tasks.number', 'tasks.title', 'tasks.due_date as dueDate'])
      .select(['tasks.recurrence', 'task_units.done_on as doneOn', 'task_units.not_applicable_at'])
      .select(['units.id as unitId', 'units.name as unitName'])
      .where('task_plans.unit_id', '=', ownerUnitId)
      .where('task_plans.year', '=', year)
      .orderBy('units.depth')
      .orderBy('units.sort_order')
      .orderBy('units.id')
      .orderBy('tasks.sort_order')
      .orderBy('tasks.id')
      .execute();
    return rows.map(({ not_applicable_at, ...r }) => ({ ...r, notApplicable: not_applicable_at !== null }));
  }

  /** The accepted reports on tasks of the plans of `ownerUnitId` for `year`. */
  async acceptedReports(ownerUnitId: number, year: number): Promise<AcceptedReport[]> {
    return this.db
      .selectFrom('task_reports')
      .innerJoin('tasks', 'tasks.id', 'task_reports.task_id')
      .innerJoin('task_plans', 'task_plans.id', 'tasks.plan_id')
      .select(['task_reports.task_id as taskId', 'task_reports.unit_id as unitId'])
      .select(['task_reports.report_date as reportDate', 'task_reports.reviewed_on as reviewedOn'])
      .where('task_plans.unit_id', '=', ownerUnitId)
      .where('task_plans.year', '=', year)
      .where('task_reports.state', '=', 'accepted')
      .orderBy('task_reports.id')
      .execute();
  }
}
