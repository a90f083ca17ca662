/**
 * Parts (per-unit responsibility, issue 10): each responsible unit of a task has its own part, done
 * by that unit's accepted 完成 report (task-report.service.ts) or marked 不适用 (not applicable) here
 * by the 政务公开办 with a reason — and undone. The task's status is recomputed from its parts in the
 * same transaction as every change, with the audit event. Rules: docs/workflows/tasks.md.
 */
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { can } from '../../kernel/permissions.ts';
import type { CallContext } from '../../lib/actor.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import { todayInShanghai } from '../../lib/calendar/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, type FieldProblem } from '../../lib/errors.ts';
import { intField, requiredText, toProblems } from '../../lib/validation.ts';
import type { TaskRepository, TaskUnitRow } from './task.repository.ts';
import type { TaskReportRepository } from './task-report.repository.ts';
import { computeTaskStatus, partFacts, type TaskStatus, toPartFacts } from './task-status.ts';

export interface TaskPartServiceDeps {
  db: Kysely<DB>;
  tasks: TaskRepository;
  reports: TaskReportRepository;
  audit: AuditLog;
  clock: Clock;
}

type Task = NonNullable<Awaited<ReturnType<TaskRepository['findTask']>>>;

const unitSchema = z.object({ unitId: intField('责任单位', { min: 1, emptyMessage: '请选择责任单位' }) });
const reasonSchema = z.object({ reason: requiredText('不适用的理由', 500) });

/**
 * Recomputes a task's status and done_on from its parts (read in `trx`) and today's date, and
 * stores them. Every change of a part calls this in its own transaction.
 */
export async function recomputeTaskStatus(
  trx: Transaction<DB>,
  tasks: TaskRepository,
  task: { id: number; due_date: string | null; recurrence: string | null },
  now: Date,
): Promise<TaskStatus> {
  const facts = partFacts((await tasks.taskUnits([task.id], trx)).map(toPartFacts));
  const status = computeTaskStatus({
    ...{ dueDate: task.due_date, recurrence: task.recurrence, today: todayInShanghai(now) },
    ...{ doneAccepted: facts.doneAccepted, progressAccepted: facts.progressAccepted },
  });
  await tasks.updateTask(trx, task.id, { status, done_on: facts.doneOn, updated_at: now.toISOString() });
  return status;
}

export class TaskPartService {
  constructor(private readonly d: TaskPartServiceDeps) {}

  /**
   * Marks a unit's part 不适用 with a required reason. Refused, every reason at once: no reason, the
   * unit is not on the task, its part is done or already 不适用, it has a report awaiting review, or it
   * is the last required part (a task needs someone to do it).
   */
  async markNotApplicable(ctx: CallContext, taskId: number, raw: unknown): Promise<TaskStatus> {
    const task = await this.manageable(ctx, taskId);
    const problems: FieldProblem[] = [];
    const unitId = this.parseUnit(raw, problems);
    const reason = reasonSchema.safeParse(raw);
    if (!reason.success) problems.push(...toProblems(reason.error));
    const parts = await this.d.tasks.taskUnits([task.id]);
    const part = unitId === null ? undefined : this.partOf(parts, unitId, problems);
    if (part) {
      const field = 'unitId';
      if (part.done_on !== null)
        problems.push({ field, message: `“${part.name}”承担的部分已完成，不能标为不适用` });
      else if (part.not_applicable_at !== null)
        problems.push({ field, message: `“${part.name}”已标为不适用` });
      else if (parts.filter((p) => p.not_applicable_at === null).length === 1)
        problems.push({ field, message: '任务至少须有一个承担的责任单位，不能全部标为不适用' });
      if (await this.d.reports.hasPending(task.id, part.unit_id))
        problems.push({ field, message: `“${part.name}”有待审核的进展报告，请先审核` });
    }
    if (problems.length || !part || !reason.success) throw AppError.validation(problems);
    const now = this.d.clock.now();
    return this.d.db.transaction().execute(async (trx) => {
      await this.d.tasks.updatePart(trx, task.id, part.unit_id, {
        ...{ not_applicable_reason: reason.data.reason, not_applicable_at: now.toISOString() },
        not_applicable_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      });
      const status = await recomputeTaskStatus(trx, this.d.tasks, task, now);
      await this.d.audit.record(trx, ctx, {
        action: 'task.part_not_applicable',
        targetType: 'task',
        targetId: task.id,
        summary: `任务“${task.number} ${task.title}”：${part.name}不适用（${reason.data.reason}）`,
        before: { unitId: part.unit_id, notApplicable: false, taskStatus: task.status },
        after: { unitId: part.unit_id, notApplicable: true, reason: reason.data.reason, taskStatus: status },
      });
      return status;
    });
  }

  /** Undoes 不适用: the unit's part is open again (refused when it is not marked 不适用). */
  async undoNotApplicable(ctx: CallContext, taskId: number, raw: unknown): Promise<TaskStatus> {
    const task = await this.manageable(ctx, taskId);
    const problems: FieldProblem[] = [];
    const unitId = this.parseUnit(raw, problems);
    const parts = await this.d.tasks.taskUnits([task.id]);
    const part = unitId === null ? undefined : this.partOf(parts, unitId, problems);
    if (part && part.not_applicable_at === null)
      problems.push({ field: 'unitId', message: `“${part.name}”未标为不适用` });
    if (problems.length || !part) throw AppError.validation(problems);
    const now = this.d.clock.now();
    return this.d.db.transaction().execute(async (trx) => {
      await this.d.tasks.updatePart(trx, task.id, part.unit_id, {
        ...{ not_applicable_reason: null, not_applicable_by: null, not_applicable_at: null },
      });
      const status = await recomputeTaskStatus(trx, this.d.tasks, task, now);
      await this.d.audit.record(trx, ctx, {
        action: 'task.part_applicable',
        targetType: 'task',
        targetId: task.id,
        summary: `任务“${task.number} ${task.title}”：撤销${part.name}的不适用`,
        before: { unitId: part.unit_id, notApplicable: true, reason: part.not_applicable_reason },
        after: { unitId: part.unit_id, notApplicable: false, taskStatus: status },
      });
      return status;
    });
  }

  /** The task, if the actor is a 政务公开管理员 of its plan's unit (403 alone otherwise). */
  private async manageable(ctx: CallContext, taskId: number): Promise<Task> {
    const task = await this.d.tasks.findTask(taskId);
    if (!task) throw AppError.notFound('任务');
    if (ctx.actor.kind !== 'system' && !can(ctx.actor, 'task.manage', task.plan_unit_path))
      throw AppError.forbidden('只有政务公开管理员可以调整责任单位的承担情况');
    return task;
  }

  private parseUnit(raw: unknown, problems: FieldProblem[]): number | null {
    const r = unitSchema.safeParse(raw);
    if (r.success) return r.data.unitId;
    problems.push(...toProblems(r.error));
    return null;
  }

  private partOf(parts: TaskUnitRow[], unitId: number, problems: FieldProblem[]) {
    const part = parts.find((p) => p.unit_id === unitId);
    if (!part) problems.push({ field: 'unitId', message: '所选单位不是此任务的责任单位' });
    return part;
  }
}
