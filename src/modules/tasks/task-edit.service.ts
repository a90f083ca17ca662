/**
 * Correcting an imported task (issue 10): its number, title, content and deadline stay editable after
 * import, because plans are often cut or mistyped in the source ("减税降", "有效投"). Only the
 * 政务公开管理员 ('task.manage') of the plan's unit may do it; the change and its audit event (the changed
 * fields before and after) are one transaction.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { can } from '../../kernel/permissions.ts';
import type { CallContext } from '../../lib/actor.ts';
import { type AuditLog, diffFields } from '../../lib/audit/audit-log.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { parseInput } from '../../lib/validation.ts';
import type { TaskRepository } from './task.repository.ts';
import { recomputeTaskStatus } from './task-part.service.ts';
import { deadlineColumns } from './task-status.ts';
import { taskFieldsSchema } from './work-plan.schemas.ts';

export interface TaskEditServiceDeps {
  db: Kysely<DB>;
  tasks: TaskRepository;
  audit: AuditLog;
  clock: Clock;
}

const FIELD_LABELS: Record<string, string> = {
  number: '序号',
  title: '任务名称',
  content: '具体内容',
  due_date: '完成时限',
  recurrence: '完成时限',
  deadline_text: '完成时限',
};

export class TaskEditService {
  constructor(private readonly d: TaskEditServiceDeps) {}

  /** The task with its plan's unit and year, for the edit form (managers of the plan's unit only). */
  async taskForEdit(ctx: CallContext, taskId: number) {
    const task = await this.d.tasks.findTask(taskId);
    if (!task) throw AppError.notFound('任务');
    if (ctx.actor.kind !== 'system' && !can(ctx.actor, 'task.manage', task.plan_unit_path))
      throw AppError.forbidden('只有本工作要点的政务公开管理员可以修改任务');
    return task;
  }

  /**
   * Corrects an imported task's number, title, content or deadline (wording as the plan parser reads
   * it, or a date). Audited with the changed fields before and after; nothing changed writes nothing.
   * A new deadline recomputes the status unless the task is 已完成.
   */
  async editTask(ctx: CallContext, taskId: number, raw: unknown): Promise<{ changed: string[] }> {
    const task = await this.taskForEdit(ctx, taskId);
    const input = parseInput(taskFieldsSchema(task.year), raw);
    const cols = deadlineColumns(input.deadline);
    const { before, after } = diffFields(task as Record<string, unknown>, {
      ...{ number: input.number, title: input.title, content: input.content },
      ...cols,
    });
    const changed = Object.keys(after);
    if (changed.length === 0) return { changed };
    const now = this.d.clock.now();
    const labels = [...new Set(changed.map((k) => FIELD_LABELS[k] ?? k))].join('、');
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.tasks.updateTask(trx, task.id, { ...after, updated_at: now.toISOString() });
      // A new deadline can move the status (逾期 ↔ 推进中); it is derived from the parts as always.
      const status =
        task.status !== 'done' && changed.some((k) => k in cols)
          ? await recomputeTaskStatus(trx, this.d.tasks, { id: task.id, ...cols }, now)
          : task.status;
      const moved = status !== task.status;
      await this.d.audit.record(trx, ctx, {
        action: 'task.edit',
        targetType: 'task',
        targetId: task.id,
        summary: `修改任务 ${task.number}“${task.title}”的${labels}`,
        before: moved ? { ...before, status: task.status } : before,
        after: moved ? { ...after, status } : after,
      });
    });
    return { changed };
  }
}
