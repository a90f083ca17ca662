/**
 * Automatic evidence (issue 5 §4, issue 10 §7): a task tied to columns ("在网站设立专栏及时发布有关信息",
 * "每月更新") or to catalogue items (主动公开目录事项, whose information appears in the item's columns)
 * shows from publishing data whether those columns were really updated as often as required, and
 * cannot be accepted as done while one of them is stale or empty, or while a tied item names no column
 * (nothing can show that it is published).
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
import type { CatalogueItem } from '../catalogue/catalogue.model.ts';
import type { ColumnService } from '../publishing/columns/column.service.ts';
import {
  type ColumnFreshness,
  type ColumnFreshnessService,
  FRESHNESS_LABELS,
} from '../publishing/columns/column-freshness.ts';
import type { TaskRepository } from './task.repository.ts';
import type { TaskEvidenceRepository } from './task-evidence.repository.ts';

const linkSchema = z.object({ columnId: intField('佐证栏目', { min: 1, emptyMessage: '请选择佐证栏目' }) });
const linkItemSchema = z.object({
  itemId: intField('佐证目录事项', { min: 1, emptyMessage: '请选择目录事项' }),
});

/** What the tasks module reads of the catalogue. */
export interface CatalogueReader {
  getItem(id: number): Promise<{ unit: { id: number; name: string }; item: CatalogueItem }>;
}

/** A catalogue item tied to a task, with the freshness of the columns it is published in. */
export interface ItemEvidence {
  itemId: number;
  unitName: string;
  /** 一级事项 › 二级事项. */
  label: string;
  timeLimit: string | null;
  /** false when the item was retired from its catalogue after it was tied (it no longer counts). */
  active: boolean;
  columns: ColumnFreshness[];
}

/** "一级事项 › 二级事项" of a catalogue item. */
export const itemLabel = (item: Pick<CatalogueItem, 'level1' | 'level2'>): string =>
  item.level2 ? `${item.level1} › ${item.level2}` : item.level1;

export class TaskEvidenceService {
  constructor(
    private readonly d: {
      db: Kysely<DB>;
      tasks: TaskRepository;
      links: TaskEvidenceRepository;
      columns: ColumnService;
      catalogue: CatalogueReader;
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

  /** The catalogue items tied to the task, each with the freshness of its columns as of today. */
  async itemEvidence(taskId: number): Promise<ItemEvidence[]> {
    const today = todayInShanghai(this.d.clock.now());
    const out: ItemEvidence[] = [];
    for (const itemId of await this.d.links.itemIds(taskId)) {
      const found = await this.d.catalogue.getItem(itemId).catch(() => null);
      if (!found) {
        out.push({
          itemId,
          unitName: '',
          label: `目录事项 #${itemId}`,
          timeLimit: null,
          active: false,
          columns: [],
        });
        continue;
      }
      const { unit, item } = found;
      out.push({
        itemId,
        unitName: unit.name,
        label: itemLabel(item),
        timeLimit: item.timeLimit,
        active: true,
        columns: await this.d.freshness.forColumns(item.columnIds, today),
      });
    }
    return out;
  }

  /** Why the task cannot be accepted as done yet (empty = nothing stands in the way). */
  async doneBlockers(taskId: number): Promise<string[]> {
    const stale = (c: ColumnFreshness) => c.status !== 'fresh';
    const blockers = (await this.evidence(taskId))
      .filter(stale)
      .map((c) => `佐证栏目“${c.name}”${FRESHNESS_LABELS[c.status]}（${c.explanation}），任务暂不能办结`);
    for (const it of await this.itemEvidence(taskId)) {
      if (!it.active) continue;
      if (it.columns.length === 0)
        blockers.push(`佐证目录事项“${it.label}”未关联发布栏目，无法核验是否已公开，任务暂不能办结`);
      for (const c of it.columns.filter(stale))
        blockers.push(
          `佐证目录事项“${it.label}”的栏目“${c.name}”${FRESHNESS_LABELS[c.status]}（${c.explanation}），任务暂不能办结`,
        );
    }
    return blockers;
  }

  async linkItem(ctx: CallContext, taskId: number, raw: unknown): Promise<void> {
    const task = await this.manageableTask(ctx, taskId);
    const { itemId } = parseInput(linkItemSchema, raw);
    const found = await this.d.catalogue.getItem(itemId).catch(() => null);
    if (!found) throw AppError.validation([{ field: 'itemId', message: '佐证目录事项：事项不存在或已停用' }]);
    if ((await this.d.links.itemIds(taskId)).includes(itemId))
      throw AppError.validation([{ field: 'itemId', message: '佐证目录事项：已关联该事项' }]);
    const label = itemLabel(found.item);
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.links.linkItem(trx, taskId, itemId, this.d.clock.now().toISOString());
      await this.d.audit.record(trx, ctx, {
        action: 'task.link_catalogue_item',
        targetType: 'task',
        targetId: taskId,
        summary: `任务“${task.number} ${task.title}”关联佐证目录事项“${found.unit.name} ${label}”`,
        after: { itemId },
      });
    });
  }

  async unlinkItem(ctx: CallContext, taskId: number, itemId: number): Promise<void> {
    const task = await this.manageableTask(ctx, taskId);
    if (!(await this.d.links.itemIds(taskId)).includes(itemId)) throw AppError.notFound('佐证目录事项');
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.links.unlinkItem(trx, taskId, itemId);
      await this.d.audit.record(trx, ctx, {
        action: 'task.unlink_catalogue_item',
        targetType: 'task',
        targetId: taskId,
        summary: `任务“${task.number} ${task.title}”取消关联佐证目录事项`,
        before: { itemId },
      });
    });
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
