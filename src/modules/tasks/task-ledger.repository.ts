/** SQL for the ledger pages, the bulletin's stale cases, assessment facts, weights and 回头看 links. */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The columns every task list shows. */
const TASK_COLUMNS = [
  'tasks.id',
  'tasks.plan_id',
  'tasks.number',
  'tasks.title',
  'tasks.status',
  'tasks.due_date',
  'tasks.recurrence',
  'tasks.deadline_text',
  'tasks.done_on',
] as const;

export class TaskLedgerRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The tasks a unit is responsible for (牵头 or 责任), newest plan first. */
  async unitTasks(unitId: number) {
    return this.db
      .selectFrom('tasks')
      .innerJoin('task_units', 'task_units.task_id', 'tasks.id')
      .innerJoin('task_plans', 'task_plans.id', 'tasks.plan_id')
      .select(TASK_COLUMNS)
      .select(['task_units.role', 'task_plans.title as plan_title', 'task_plans.year'])
      .where('task_units.unit_id', '=', unitId)
      .orderBy('task_plans.year', 'desc')
      .orderBy('task_plans.id', 'desc')
      .orderBy('tasks.sort_order')
      .execute();
  }

  /** Every report of the given tasks (state and dates only), oldest first. */
  async reportStates(taskIds: number[]) {
    if (taskIds.length === 0) return [];
    return this.db
      .selectFrom('task_reports')
      .select(['id', 'task_id', 'unit_id', 'state', 'report_date', 'marks_done'])
      .where('task_id', 'in', taskIds)
      .orderBy('submitted_at')
      .orderBy('id')
      .execute();
  }

  /** A report's id and task, for routing. */
  async findReport(id: number) {
    return this.db
      .selectFrom('task_reports')
      .select(['id', 'task_id'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** Reports awaiting review on tasks of the plans of `ownerUnitId`. */
  async pendingReports(ownerUnitId: number) {
    return this.db
      .selectFrom('task_reports')
      .innerJoin('tasks', 'tasks.id', 'task_reports.task_id')
      .innerJoin('task_plans', 'task_plans.id', 'tasks.plan_id')
      .innerJoin('units', 'units.id', 'task_reports.unit_id')
      .select(['task_reports.id', 'task_reports.report_date', 'task_reports.marks_done'])
      .select(['tasks.id as task_id', 'tasks.number', 'tasks.title', 'units.name as unit_name'])
      .where('task_plans.unit_id', '=', ownerUnitId)
      .where('task_reports.state', '=', 'submitted')
      .orderBy('task_reports.submitted_at')
      .execute();
  }

  /** (task, unit) pairs with a report dated between two days, on the plans of an owner and year. */
  async reportedPairs(ownerUnitId: number, year: number, start: string, end: string) {
    return this.db
      .selectFrom('task_reports')
      .innerJoin('tasks', 'tasks.id', 'task_reports.task_id')
      .innerJoin('task_plans', 'task_plans.id', 'tasks.plan_id')
      .select(['task_reports.task_id', 'task_reports.unit_id'])
      .where('task_plans.unit_id', '=', ownerUnitId)
      .where('task_plans.year', '=', year)
      .where('task_reports.report_date', '>=', start)
      .where('task_reports.report_date', '<=', end)
      .execute();
  }

  /** Reviewed reports (accepted or returned) per unit on the plans of an owner and year. */
  async reviewedReports(ownerUnitId: number, year: number) {
    return this.db
      .selectFrom('task_reports')
      .innerJoin('tasks', 'tasks.id', 'task_reports.task_id')
      .innerJoin('task_plans', 'task_plans.id', 'tasks.plan_id')
      .select(['task_reports.unit_id', 'task_reports.state'])
      .where('task_plans.unit_id', '=', ownerUnitId)
      .where('task_plans.year', '=', year)
      .where('task_reports.state', 'in', ['accepted', 'returned'])
      .execute();
  }

  /** Tasks carried on from `taskIds` (回头看), with their plan. */
  async carriedFrom(taskIds: number[], q: Db = this.db) {
    if (taskIds.length === 0) return [];
    return q
      .selectFrom('tasks')
      .innerJoin('task_plans', 'task_plans.id', 'tasks.plan_id')
      .select(['tasks.id', 'tasks.carried_from_task_id', 'task_plans.title as plan_title'])
      .where('tasks.carried_from_task_id', 'in', taskIds)
      .execute();
  }

  /** Plans of an owner for a year (the target of 回头看). */
  async plansOf(ownerUnitId: number, year: number, q: Db = this.db) {
    return q
      .selectFrom('task_plans')
      .select(['id', 'title'])
      .where('unit_id', '=', ownerUnitId)
      .where('year', '=', year)
      .orderBy('id')
      .execute();
  }
}
