/**
 * Publishing a quarterly bulletin (一季度一通报) in 主动公开: the 政务公开办 files the bulletin of an
 * ended quarter as a draft 通报 in one of its columns, with the bulletin as its body; the draft then
 * goes through the ordinary 保密审查 → 审核 → 发布 workflow of the publishing module. One bulletin
 * document per (unit, year, quarter); the link and its audit event are written in the transaction
 * that creates the draft, so neither exists without the other.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { can } from '../../kernel/permissions.ts';
import type { CallContext } from '../../lib/actor.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import { todayInShanghai } from '../../lib/calendar/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, type FieldProblem } from '../../lib/errors.ts';
import { intField } from '../../lib/validation.ts';
import type { UnitService } from '../orgs/unit.service.ts';
import type { PublishingApi } from '../publishing/publishing.api.ts';
import type { TaskBulletinService } from './task-bulletin.service.ts';
import { bulletinTitle } from './task-bulletin.ts';
import { bulletinBodyHtml } from './views/bulletin-body.tsx';

const draftSchema = z.object({
  columnId: intField('发布栏目', { min: 1, emptyMessage: '请选择通报发布的栏目' }),
});

/** The document a bulletin was filed as. */
export interface BulletinPublication {
  documentId: number;
  createdAt: string;
}

/** A column the bulletin can be filed in, and whether it is the suggested one. */
export interface BulletinColumnChoice {
  value: string;
  label: string;
}

/**
 * The column suggested for the bulletin: one named for bulletins (通报), else for 政务公开 work
 * (政务公开工作), else any 政务公开 column; none when nothing fits (the office picks).
 */
export function suggestedBulletinColumn(columns: { id: number; name: string }[]): number | null {
  const pick =
    columns.find((c) => c.name.includes('通报')) ??
    columns.find((c) => c.name.includes('政务公开工作')) ??
    columns.find((c) => c.name.includes('政务公开') && !c.name.includes('主题日'));
  return pick?.id ?? null;
}

export class TaskBulletinPublicationService {
  constructor(
    private readonly d: {
      db: Kysely<DB>;
      audit: AuditLog;
      clock: Clock;
      units: UnitService;
      bulletins: TaskBulletinService;
      publishing: Pick<PublishingApi, 'columns' | 'documents'>;
    },
  ) {}

  async publication(ownerUnitId: number, year: number, quarter: number): Promise<BulletinPublication | null> {
    const row = await this.d.db
      .selectFrom('task_bulletin_documents')
      .select(['document_id', 'created_at'])
      .where('owner_unit_id', '=', ownerUnitId)
      .where('year', '=', year)
      .where('quarter', '=', quarter)
      .executeTakeFirst();
    return row ? { documentId: row.document_id, createdAt: row.created_at } : null;
  }

  /** The owner's list columns, for the form. */
  async columnChoices(
    ownerUnitId: number,
  ): Promise<{ choices: BulletinColumnChoice[]; suggested: number | null }> {
    const columns = (await this.d.publishing.columns.listActiveForUnit(ownerUnitId)).filter(
      (c) => c.kind === 'list',
    );
    return {
      choices: columns.map((c) => ({ value: String(c.id), label: c.name })),
      suggested: suggestedBulletinColumn(columns),
    };
  }

  /**
   * Files the bulletin of an ENDED quarter as a draft 通报 of the owner unit in the chosen column and
   * returns the draft's id. Refused, with every reason: the quarter still runs, a bulletin document
   * exists already, no column or a column that is not the unit's.
   */
  async draft(
    ctx: CallContext,
    ownerUnitId: number,
    year: number,
    quarter: number,
    raw: unknown,
  ): Promise<number> {
    const owner = await this.d.units.get(ownerUnitId);
    if (ctx.actor.kind !== 'system' && !can(ctx.actor, 'task.manage', owner.path)) throw AppError.forbidden();
    const doc = await this.d.bulletins.document(owner.id, year, quarter);
    const problems: FieldProblem[] = [];
    const parsed = draftSchema.safeParse(raw);
    const columnId = parsed.success ? parsed.data.columnId : null;
    if (!parsed.success)
      problems.push({
        field: 'columnId',
        message: parsed.error.issues[0]?.message ?? '请选择通报发布的栏目',
      });
    else if (!(await this.columnChoices(owner.id)).choices.some((c) => c.value === String(columnId)))
      problems.push({ field: 'columnId', message: '发布栏目：请选择本单位的信息列表栏目' });
    if (!doc.bulletin.ended)
      problems.push({
        field: '_',
        message: `${doc.bulletin.asOfNote ?? '本季度尚未结束'}，季度结束后才能发布本季度通报`,
      });
    const existing = await this.publication(owner.id, year, quarter);
    if (existing)
      problems.push({
        field: '_',
        message: `本季度通报已生成文稿（信息编号 ${existing.documentId}），不能重复生成`,
      });
    if (problems.length) throw AppError.validation(problems);
    const today = todayInShanghai(this.d.clock.now());
    const title = bulletinTitle(owner.name, year, quarter);
    const created = await this.d.publishing.documents.createDraft(
      ctx,
      owner.id,
      {
        title,
        genre: '通报',
        issuers: owner.name,
        writtenOn: today,
        formedOn: today,
        disclosureMode: 'proactive',
        keywords: '政务公开，工作要点，季度通报',
        summary: `通报${year}年第${quarter}季度政务公开工作要点落实情况。`,
        source: owner.name,
        bodyHtml: bulletinBodyHtml(doc),
        columnIds: [String(columnId)],
      },
      {
        inTransaction: async (trx, [documentId]) => {
          await trx
            .insertInto('task_bulletin_documents')
            .values({
              owner_unit_id: owner.id,
              year,
              quarter,
              document_id: documentId!,
              created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
              created_at: this.d.clock.now().toISOString(),
            })
            .execute();
          await this.d.audit.record(trx, ctx, {
            action: 'task.bulletin_draft',
            targetType: 'document',
            targetId: documentId!,
            summary: `将“${title}”生成为待审核发布的信息草稿`,
            after: { ownerUnitId: owner.id, year, quarter },
          });
        },
      },
    );
    return created.id;
  }
}
