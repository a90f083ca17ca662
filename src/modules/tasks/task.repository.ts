/** SQL for work plans, tasks, their responsible units and remembered unit aliases. */
import { type Insertable, type Kysely, sql, type Transaction, type Updateable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { TaskPlanTable, TaskTable, TaskUnitTable } from './task.tables.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** A responsible unit of a task with its name, and the unit's part (0016-task-unit-parts). */
export interface TaskUnitRow {
  task_id: number;
  unit_id: number;
  role: string;
  name: string;
  done_on: string | null;
  done_report_id: number | null;
  not_applicable_reason: string | null;
  not_applicable_by: number | null;
  not_applicable_at: string | null;
  /** Accepted reports of this unit on the task. */
  accepted_reports: number;
}

export class TaskRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Remembered aliases of plans owned by any of `scopeUnitIds` (the owner and its ancestors). */
  async listAliases(scopeUnitIds: number[], q: Db = this.db) {
    if (scopeUnitIds.length === 0) return [];
    return q
      .selectFrom('task_unit_aliases')
      .select(['id', 'scope_unit_id', 'alias', 'unit_id'])
      .where('scope_unit_id', 'in', scopeUnitIds)
      .orderBy('id')
      .execute();
  }

  /** Inserts or replaces the unit an alias stands for within a scope. */
  async upsertAlias(
    trx: Transaction<DB>,
    row: {
      scope_unit_id: number;
      alias: string;
      unit_id: number;
      created_by: number | null;
      created_at: string;
    },
  ): Promise<void> {
    await trx
      .insertInto('task_unit_aliases')
      .values(row)
      .onConflict((oc) =>
        oc
          .columns(['scope_unit_id', 'alias'])
          .doUpdateSet({ unit_id: row.unit_id, created_by: row.created_by, created_at: row.created_at }),
      )
      .execute();
  }

  async insertPlan(trx: Transaction<DB>, row: Insertable<TaskPlanTable>): Promise<number> {
    const r = await trx.insertInto('task_plans').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  }

  async findPlan(id: number, q: Db = this.db) {
    return q.selectFrom('task_plans').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async listPlans(unitId: number) {
    return this.db
      .selectFrom('task_plans')
      .selectAll()
      .where('unit_id', '=', unitId)
      .orderBy('year', 'desc')
      .orderBy('id')
      .execute();
  }

  async insertTask(trx: Transaction<DB>, row: Insertable<TaskTable>): Promise<number> {
    const r = await trx.insertInto('tasks').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  }

  async insertTaskUnits(trx: Transaction<DB>, rows: { task_id: number; unit_id: number; role: string }[]) {
    if (rows.length > 0) await trx.insertInto('task_units').values(rows).execute();
  }

  /** A task with its plan's owner unit (whose 政务公开管理员 manages it). */
  async findTask(id: number, q: Db = this.db) {
    return q
      .selectFrom('tasks')
      .innerJoin('task_plans', 'task_plans.id', 'tasks.plan_id')
      .innerJoin('units', 'units.id', 'task_plans.unit_id')
      .selectAll('tasks')
      .select(['task_plans.unit_id as plan_unit_id', 'units.path as plan_unit_path', 'task_plans.year'])
      .where('tasks.id', '=', id)
      .executeTakeFirst();
  }

  /** Ids of the tasks of a plan (for checking upper-task links). */
  async taskIdsOfPlan(planId: number, q: Db = this.db): Promise<number[]> {
    const rows = await q
      .selectFrom('tasks')
      .select('id')
      .where('plan_id', '=', planId)
      .orderBy('id')
      .execute();
    return rows.map((r) => r.id);
  }

  async listTasks(planId: number) {
    return this.db
      .selectFrom('tasks')
      .selectAll()
      .where('plan_id', '=', planId)
      .orderBy('sort_order')
      .orderBy('id')
      .execute();
  }

  /** The units of tasks with their parts, lead units first. */
  async taskUnits(taskIds: number[], q: Db = this.db): Promise<TaskUnitRow[]> {
    if (taskIds.length === 0) return [];
    return q
      .selectFrom('task_units')
      .innerJoin('units', 'units.id', 'task_units.unit_id')
      .select(['task_units.task_id', 'task_units.unit_id', 'task_units.role', 'units.name'])
      .select(['task_units.done_on', 'task_units.done_report_id', 'task_units.not_applicable_reason'])
      .select(['task_units.not_applicable_by', 'task_units.not_applicable_at'])
      .select(
        sql<number>`(select cast(count(*) as integer) from task_reports r
          where r.task_id = task_units.task_id and r.unit_id = task_units.unit_id
            and r.state = 'accepted')`.as('accepted_reports'),
      )
      .where('task_units.task_id', 'in', taskIds)
      .orderBy('task_units.task_id')
      .orderBy('task_units.role', 'desc')
      .orderBy('units.sort_order')
      .orderBy('units.id')
      .execute();
  }

  /** Changes one unit's part of a task (done, 不适用 or back). */
  async updatePart(
    trx: Transaction<DB>,
    taskId: number,
    unitId: number,
    patch: Updateable<TaskUnitTable>,
  ): Promise<void> {
    await trx
      .updateTable('task_units')
      .set(patch)
      .where('task_id', '=', taskId)
      .where('unit_id', '=', unitId)
      .execute();
  }

  async updateTask(trx: Transaction<DB>, id: number, patch: Updateable<TaskTable>): Promise<void> {
    await trx.updateTable('tasks').set(patch).where('id', '=', id).execute();
  }
}
