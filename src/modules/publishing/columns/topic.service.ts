/**
 * 主题分类 (topic taxonomy) editing by the 政务公开管理员: add, rename, reorder, deactivate/reactivate.
 * Topics are shared by every unit (国务院办公厅 主题分类), so editing needs 'disclosure.manage' on a
 * top-level unit. Each change writes its audit event in the same transaction.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../../db/schema.ts';
import { canSiteWide } from '../../../kernel/permissions.ts';
import type { CallContext } from '../../../lib/actor.ts';
import type { AuditLog } from '../../../lib/audit/audit-log.ts';
import { AppError } from '../../../lib/errors.ts';
import { optionalIntField, parseInput, requiredText } from '../../../lib/validation.ts';
import type { TopicRepository } from './topic.repository.ts';

export interface TopicServiceDeps {
  db: Kysely<DB>;
  topics: TopicRepository;
  audit: AuditLog;
}

const topicSchema = z.object({
  name: requiredText('主题分类名称', 30),
  sortOrder: optionalIntField('排序号', { min: 0, max: 99999 }),
});

export class TopicService {
  constructor(private readonly d: TopicServiceDeps) {}

  async list() {
    return this.d.topics.list();
  }

  /** Adds a topic at the end (or at the given sort order). */
  async add(ctx: CallContext, raw: unknown): Promise<number> {
    this.requireManage(ctx);
    const input = parseInput(topicSchema, raw);
    await this.requireUnique(input.name);
    const all = await this.d.topics.list();
    const sort = input.sortOrder ?? (all.at(-1)?.sort_order ?? 0) + 10;
    return this.d.db.transaction().execute(async (trx) => {
      const id = await this.d.topics.insert(trx, { name: input.name, sort_order: sort, active: 1 });
      await this.d.audit.record(trx, ctx, {
        action: 'topic.create',
        targetType: 'topic_category',
        targetId: id,
        summary: `新增主题分类“${input.name}”`,
      });
      return id;
    });
  }

  /** Renames and/or reorders a topic. */
  async update(ctx: CallContext, id: number, raw: unknown): Promise<void> {
    this.requireManage(ctx);
    const topic = await this.get(id);
    const input = parseInput(topicSchema, raw);
    if (input.name !== topic.name) await this.requireUnique(input.name);
    const sort = input.sortOrder ?? topic.sort_order;
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.topics.update(trx, id, { name: input.name, sort_order: sort });
      await this.d.audit.record(trx, ctx, {
        action: 'topic.update',
        targetType: 'topic_category',
        targetId: id,
        summary: `修改主题分类“${topic.name}”`,
        before: { name: topic.name, sortOrder: topic.sort_order },
        after: { name: input.name, sortOrder: sort },
      });
    });
  }

  /** Deactivates (no longer offered for new documents; existing ones keep it) or reactivates a topic. */
  async setActive(ctx: CallContext, id: number, active: boolean): Promise<void> {
    this.requireManage(ctx);
    const topic = await this.get(id);
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.topics.update(trx, id, { active: active ? 1 : 0 });
      await this.d.audit.record(trx, ctx, {
        action: active ? 'topic.reactivate' : 'topic.deactivate',
        targetType: 'topic_category',
        targetId: id,
        summary: `${active ? '启用' : '停用'}主题分类“${topic.name}”`,
      });
    });
  }

  private async get(id: number) {
    const t = await this.d.topics.findById(id);
    if (!t) throw AppError.notFound('主题分类');
    return t;
  }

  private async requireUnique(name: string) {
    if (await this.d.topics.findByName(name))
      throw AppError.validation([{ field: 'name', message: `主题分类“${name}”已存在` }]);
  }

  /** The taxonomy is shared: only a 政务公开管理员 of a top-level unit ('/<id>/') may edit it. */
  private requireManage(ctx: CallContext): void {
    if (ctx.actor.kind === 'system') return;
    if (!canSiteWide(ctx.actor, 'disclosure.manage'))
      throw AppError.forbidden('只有本级政府的政务公开管理员可以编辑主题分类');
  }
}
