/**
 * Automatic evidence (issue 5 §4): a task tied to columns ("在网站设立专栏及时发布有关信息",
 * "每月更新") shows from publishing data whether those columns were really updated as often as
 * required, and cannot be accepted as done while one of them is stale or empty.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { can } from '../../kernel/permissions.ts';
import type { CallContext } from '../../lib/actor.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import { todayInShanghai } from '../../lib/calendar/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { intField, parseInput } from '../../lib/validation.ts';
import type { ColumnService } from '../publishing/columns/column.service.ts';
import {
  type ColumnFreshness,
  type ColumnFreshnessService,
  FRESHNESS_LABELS,
} from '../publishing/columns/column-freshness.ts';
import type { TaskRepository } from './task.repository.ts';
import type { TaskEvidenceRepository } from './task-evidence.repository.ts';

const linkSchema = z.object({ columnId: intField('佐证栏目', { min: 1, emptyMessage: '请选择佐证栏目' }) });

export class TaskEvidenceService {
  constructor(
    private readonly d: {
      db: Kysely<DB>;
      tasks: TaskRepository;
      links: TaskEvidenceRepository;
      columns: ColumnService;
      freshness: ColumnFreshnessService;
      audit: AuditLog;
      clock: Clock;
    },
  ) {}

  /** The freshness of every column tied to the task, as of today (China time). */
  async evidence(taskId: number): Promise<ColumnFreshness[]> {
    const ids = await this.columnIds(taskId);
    return this.d.freshness.forColumns(ids, todayInShanghai(this.d.clock.now()));
  }

  /** Why the task cannot be accepted as done yet (empty = nothing stands in the way). */
  async doneBlockers(taskId: number): Promise<string[]> {
    return (await this.evidence(taskId))
      .filter((c) => c.status !== 'fresh')
      .map((c) => `佐证栏目“${c.name}”${FRESHNESS_LABELS[c.status]}（${c.explanation}），任务暂不能办结`);
  }

  async linkColumn(ctx: CallContext, taskId: number, raw: unknown): Promise<void> {
    const task = await this.manageableTask(ctx, taskId);
    const { columnId } = parseInput(linkSchema, raw);
    const column = await this.d.columns.get(columnId).catch(() => null);
    if (!column?.active)
      throw AppError.validation([{ field: 'columnId', message: '佐证栏目：栏目不存在或已停用' }]);
    if ((await this.columnIds(taskId)).includes(columnId))
      throw AppError.validation([{ field: 'columnId', message: '佐证栏目：已关联该栏目' }]);
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.links.link(trx, taskId, columnId, this.d.clock.now().toISOString());
      await this.d.audit.record(trx, ctx, {
        action: 'task.link_column',
        targetType: 'task',
        targetId: taskId,
        summary: `任务“${task.number} ${task.title}”关联佐证栏目“${column.name}”`,
        after: { columnId },
      });
    });
  }

  async unlinkColumn(ctx: CallContext, taskId: number, columnId: number): Promise<void> {
    const task = await this.manageableTask(ctx, taskId);
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.links.unlink(trx, taskId, columnId);
      await this.d.audit.record(trx, ctx, {
        action: 'task.unlink_column',
        targetType: 'task',
        targetId: taskId,
        summary: `任务“${task.number} ${task.title}”取消关联佐证栏目`,
        before: { columnId },
      });
    });
  }

  private columnIds(taskId: number): Promise<number[]> {
    return this.d.links.columnIds(taskId);
  }

  private async manageableTask(ctx: CallContext, taskId: number) {
    const task = await this.d.tasks.findTask(taskId);
    if (!task) throw AppError.notFound('任务');
    if (ctx.actor.kind !== 'system' && !can(ctx.actor, 'task.manage', task.plan_unit_path))
      throw AppError.forbidden();
    return task;
  }
}
