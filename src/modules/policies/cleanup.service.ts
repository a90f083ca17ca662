/**
 * 清理 batches (issue 11 §4), selection and decisions: a 政务公开管理员 (policy.manage) selects the library's
 * published documents by criteria (the count first), adds or removes documents and decides each
 * (继续有效 / 修改 / 废止 / 宣布失效, with a reason) while the batch is drafting. Review, the result document
 * and its publication are cleanup-review.service.ts. Every change is audited in its transaction.
 * docs/workflows/policy-cleanup.md.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { can, coversUnit, scopesFor } from '../../kernel/permissions.ts';
import type { Action } from '../../kernel/roles.ts';
import type { CallContext } from '../../lib/actor.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, type FieldProblem } from '../../lib/errors.ts';
import { parseInput } from '../../lib/validation.ts';
import type { UnitService } from '../orgs/unit.service.ts';
import type { PublishingApi } from '../publishing/publishing.api.ts';
import {
  batchInputSchema,
  CLEANUP_BATCH_STATE_LABELS,
  CLEANUP_STEPS,
  type CleanupBatchState,
  type CleanupCriteria,
  type CleanupStep,
  criteriaSchema,
  DECISIONS_NEEDING_REASON,
  decisionRows,
  isCleanupDecision,
} from './cleanup.model.ts';
import {
  type CleanupItemView,
  CleanupRepository,
  type CleanupRow,
  type MatchingEntry,
} from './cleanup.repository.ts';
import { CLEANUP_DECISION_LABELS, type CleanupDecision } from './policy.model.ts';

const REASON_MAX = 500;
const userId = (ctx: CallContext) => (ctx.actor.kind === 'user' ? ctx.actor.userId : null);

/** What the 清理 services are built from (a part of the module's PolicyDeps). */
export interface CleanupDeps {
  db: Kysely<DB>;
  audit: AuditLog;
  clock: Clock;
  units: UnitService;
  publishing: Pick<PublishingApi, 'columns' | 'documents'>;
}

/** A batch with its unit and items, for the batch page. */
export interface CleanupBatch {
  row: CleanupRow;
  state: CleanupBatchState;
  unitName: string;
  criteria: CleanupCriteria;
  items: CleanupItemView[];
}

export class CleanupService {
  readonly repo: CleanupRepository;

  constructor(private readonly d: CleanupDeps) {
    this.repo = new CleanupRepository(d.db);
  }

  readonly now = () => this.d.clock.now().toISOString();

  private async unitPath(unitId: number): Promise<string> {
    return (await this.d.units.get(unitId)).path;
  }

  private async require(ctx: CallContext, action: Action, unitId: number): Promise<void> {
    if (ctx.actor.kind === 'system') return;
    if (!can(ctx.actor, action, await this.unitPath(unitId)))
      throw AppError.forbidden(
        action === 'content.approve' ? '您没有审核本单位清理结果的权限' : '您没有管理本单位文件清理的权限',
      );
  }

  /** Refuses a step the batch's state does not allow. */
  private step(batch: CleanupRow, s: CleanupStep): void {
    if (!(CLEANUP_STEPS[s].from as readonly string[]).includes(batch.state))
      throw new AppError(
        'invalid_transition',
        `清理批次现为“${CLEANUP_BATCH_STATE_LABELS[batch.state as CleanupBatchState] ?? batch.state}”，不能${CLEANUP_STEPS[s].label}`,
      );
  }

  /** The units the actor may clean up (policy.manage), for the form. */
  async unitChoices(ctx: CallContext): Promise<{ id: number; name: string }[]> {
    const scopes = scopesFor(ctx.actor, 'policy.manage');
    return (await this.d.units.activeUnits())
      .filter((u) => scopes.some((p) => coversUnit(p, u.path)))
      .map((u) => ({ id: u.id, name: u.name }));
  }

  /** Batches of the units where the actor manages or reviews clean-ups. */
  async list(ctx: CallContext) {
    const paths = [...scopesFor(ctx.actor, 'policy.manage'), ...scopesFor(ctx.actor, 'content.approve')];
    return this.repo.listUnder([...new Set(paths)]);
  }

  /** The documents the criteria select (the count shown before creating). */
  async preview(
    ctx: CallContext,
    raw: unknown,
  ): Promise<{ criteria: CleanupCriteria; entries: MatchingEntry[] }> {
    const criteria = parseInput(criteriaSchema, raw);
    await this.require(ctx, 'policy.manage', criteria.unitId);
    return { criteria, entries: await this.repo.matching(criteria, await this.unitPath(criteria.unitId)) };
  }

  /** Creates a batch with the matching documents as its items; returns its id. */
  async create(ctx: CallContext, raw: unknown): Promise<number> {
    const problems: FieldProblem[] = [];
    const head = batchInputSchema.safeParse(raw);
    const crit = criteriaSchema.safeParse(raw);
    for (const r of [head, crit])
      if (!r.success)
        for (const i of r.error.issues)
          problems.push({ field: i.path.map(String).join('.') || '_', message: i.message });
    if (!head.success || !crit.success) throw AppError.validation(problems);
    const { criteria, entries } = await this.preview(ctx, crit.data);
    if (!entries.length)
      throw AppError.validation([{ field: 'unitId', message: '按所选条件没有找到可清理的文件，请调整条件' }]);
    const unit = await this.d.units.get(criteria.unitId);
    return this.d.db.transaction().execute(async (trx) => {
      const now = this.now();
      const id = await this.repo.insert(trx, {
        unit_id: unit.id,
        title: head.data.title,
        basis: head.data.basis,
        state: 'drafting',
        criteria_json: JSON.stringify(criteria),
        result_document_id: null,
        decided_on: null,
        created_by: userId(ctx),
        created_at: now,
        updated_at: now,
        submitted_by: null,
        review_note: null,
      });
      await this.repo.insertItems(
        trx,
        id,
        entries.map((e) => e.document_id),
      );
      await this.d.audit.record(trx, ctx, {
        action: 'policy.cleanup_create',
        targetType: 'policy_cleanup',
        targetId: id,
        summary: `建立${unit.name}的文件清理“${head.data.title}”，纳入${entries.length}件文件`,
        after: { criteria, documentIds: entries.map((e) => e.document_id) },
      });
      return id;
    });
  }

  /** A batch for the page; needs policy.manage or content.approve on its unit. */
  async get(ctx: CallContext, id: number): Promise<CleanupBatch> {
    const row = await this.repo.find(id);
    if (!row) throw AppError.notFound('清理批次');
    const unit = await this.d.units.get(row.unit_id);
    if (
      ctx.actor.kind !== 'system' &&
      !can(ctx.actor, 'policy.manage', unit.path) &&
      !can(ctx.actor, 'content.approve', unit.path)
    )
      throw AppError.forbidden();
    return {
      row,
      state: row.state as CleanupBatchState,
      unitName: unit.name,
      criteria: criteriaSchema.parse(JSON.parse(row.criteria_json)),
      items: await this.repo.items(id),
    };
  }

  /** Loads a batch for a step: exists, the right, the state. */
  async forStep(ctx: CallContext, id: number, s: CleanupStep): Promise<CleanupRow> {
    const row = await this.repo.find(id);
    if (!row) throw AppError.notFound('清理批次');
    await this.require(ctx, CLEANUP_STEPS[s].action, row.unit_id);
    this.step(row, s);
    return row;
  }

  /** Adds a published library document of the batch's unit (or below) by its 信息编号, while drafting. */
  async addItem(ctx: CallContext, id: number, raw: unknown): Promise<void> {
    const row = await this.forStep(ctx, id, 'edit');
    const value = String((raw as Record<string, unknown> | null)?.documentId ?? '').trim();
    const documentId = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    const fail = (message: string) => AppError.validation([{ field: 'documentId', message }]);
    if (!value) throw fail('请填写要加入的文件的信息编号');
    if (!Number.isSafeInteger(documentId)) throw fail('信息编号应为数字');
    const entry = await this.repo.entryUnder(documentId, await this.unitPath(row.unit_id));
    if (!entry) throw fail(`信息编号 ${documentId} 不是本单位（含下级）已发布的规章、规范性文件或政策文件`);
    if ((await this.repo.items(id)).some((i) => i.document_id === documentId))
      throw fail(`《${entry.title}》已在本批次中`);
    await this.d.db.transaction().execute(async (trx) => {
      await this.repo.insertItems(trx, id, [documentId]);
      await this.touch(trx, id);
      await this.d.audit.record(trx, ctx, {
        action: 'policy.cleanup_item_add',
        targetType: 'policy_cleanup',
        targetId: id,
        summary: `在文件清理“${row.title}”中加入《${entry.title}》`,
        after: { documentId },
      });
    });
  }

  /** Removes a document from the batch while drafting. */
  async removeItem(ctx: CallContext, id: number, documentId: number): Promise<void> {
    const row = await this.forStep(ctx, id, 'edit');
    const item = (await this.repo.items(id)).find((i) => i.document_id === documentId);
    if (!item) throw AppError.notFound('清理文件');
    await this.d.db.transaction().execute(async (trx) => {
      if (!(await this.repo.removeItem(trx, id, documentId))) throw AppError.conflict('该文件已被移出本批次');
      await this.touch(trx, id);
      await this.d.audit.record(trx, ctx, {
        action: 'policy.cleanup_item_remove',
        targetType: 'policy_cleanup',
        targetId: id,
        summary: `将《${item.title}》移出文件清理“${row.title}”`,
        before: { documentId, decision: item.decision, reason: item.reason },
      });
    });
  }

  private async touch(trx: Transaction<DB>, id: number): Promise<void> {
    await trx.updateTable('policy_cleanups').set({ updated_at: this.now() }).where('id', '=', id).execute();
  }

  /**
   * Saves the decisions form (`item.<docId>.decision` / `.reason` for every row). Every problem names its
   * row; nothing is saved when there is one. An empty decision leaves the document undecided.
   */
  async saveDecisions(ctx: CallContext, id: number, body: unknown): Promise<number> {
    const row = await this.forStep(ctx, id, 'edit');
    const items = await this.repo.items(id);
    const rows = decisionRows(
      body,
      items.map((i) => i.document_id),
    );
    const problems: FieldProblem[] = [];
    const changes: { item: CleanupItemView; decision: CleanupDecision | null; reason: string | null }[] = [];
    for (const [n, r] of rows.entries()) {
      const item = items[n]!;
      const label = `第${n + 1}行《${item.title}》`;
      const field = (f: string) => `item.${r.documentId}.${f}`;
      if (r.decision && !isCleanupDecision(r.decision)) {
        problems.push({ field: field('decision'), message: `${label}：请选择有效的清理结论` });
        continue;
      }
      const decision = (r.decision || null) as CleanupDecision | null;
      if (decision && DECISIONS_NEEDING_REASON.includes(decision) && !r.reason)
        problems.push({
          field: field('reason'),
          message: `${label}：清理结论为“${CLEANUP_DECISION_LABELS[decision]}”的，须填写理由`,
        });
      else if (r.reason.length > REASON_MAX)
        problems.push({ field: field('reason'), message: `${label}：理由不能超过 ${REASON_MAX} 个字符` });
      const reason = r.reason || null;
      if (decision !== item.decision || reason !== item.reason) changes.push({ item, decision, reason });
    }
    if (problems.length) throw AppError.validation(problems);
    if (!changes.length) return 0;
    await this.d.db.transaction().execute(async (trx) => {
      if (!(await this.repo.transition(trx, id, CLEANUP_STEPS.edit.from, { updated_at: this.now() })))
        throw new AppError('invalid_transition', '清理批次已提交审核，不能再修改');
      for (const c of changes)
        await this.repo.setDecision(trx, id, c.item.document_id, {
          decision: c.decision,
          reason: c.reason,
          decided_by: c.decision ? userId(ctx) : null,
          decided_at: c.decision ? this.now() : null,
        });
      await this.d.audit.record(trx, ctx, {
        action: 'policy.cleanup_decide',
        targetType: 'policy_cleanup',
        targetId: id,
        summary: `在文件清理“${row.title}”中填写${changes.length}件文件的清理结论：${changes
          .map((c) => `《${c.item.title}》${c.decision ? CLEANUP_DECISION_LABELS[c.decision] : '未定'}`)
          .join('；')}`,
        before: changes.map((c) => ({
          documentId: c.item.document_id,
          decision: c.item.decision,
          reason: c.item.reason,
        })),
        after: changes.map((c) => ({
          documentId: c.item.document_id,
          decision: c.decision,
          reason: c.reason,
        })),
      });
    });
    return changes.length;
  }

  /** 其余继续有效: every undecided document of the batch is decided 继续有效. */
  async keepRest(ctx: CallContext, id: number): Promise<number> {
    const row = await this.forStep(ctx, id, 'edit');
    const rest = (await this.repo.items(id)).filter((i) => i.decision === null);
    if (!rest.length) return 0;
    await this.d.db.transaction().execute(async (trx) => {
      for (const i of rest)
        await this.repo.setDecision(trx, id, i.document_id, {
          decision: 'keep',
          reason: i.reason,
          decided_by: userId(ctx),
          decided_at: this.now(),
        });
      await this.touch(trx, id);
      await this.d.audit.record(trx, ctx, {
        action: 'policy.cleanup_decide',
        targetType: 'policy_cleanup',
        targetId: id,
        summary: `在文件清理“${row.title}”中将其余${rest.length}件文件定为继续有效`,
        after: rest.map((i) => ({ documentId: i.document_id, decision: 'keep' })),
      });
    });
    return rest.length;
  }
}

/** What the result document shows of an item. */
export const resultItem = (i: CleanupItemView) => ({
  title: i.title,
  docNumber: i.doc_number,
  registrationNumber: i.registration_number,
  decision: (i.decision ?? 'keep') as CleanupDecision,
  reason: i.reason,
});
