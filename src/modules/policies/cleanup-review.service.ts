/**
 * Review and publication of 清理 batches (issue 11 §4): submit (every document decided), return with a
 * note, approve — which creates the result document, a 政府信息 draft (文种 决定) with the catalogues, in
 * the transaction that links it to the batch — and, when that document is published through 主动公开's
 * ordinary review, the 废止 / 宣布失效 events landing on each document in the publication's transaction.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { CallContext } from '../../lib/actor.ts';
import { todayInShanghai } from '../../lib/calendar/index.ts';
import { AppError, isAppError } from '../../lib/errors.ts';
import { parseInput } from '../../lib/validation.ts';
import type { DocumentLifecycleNotice } from '../publishing/documents/document-events.ts';
import {
  CLEANUP_STEPS,
  type CleanupStep,
  criteriaSchema,
  DECISION_EVENTS,
  resultTitle,
  returnInputSchema,
} from './cleanup.model.ts';
import type { CleanupRow } from './cleanup.repository.ts';
import { type CleanupDeps, type CleanupService, resultItem } from './cleanup.service.ts';
import { cleanupResultHtml, countsSentence, resultCounts } from './cleanup-result.ts';
import {
  CLEANUP_DECISION_LABELS,
  type CleanupDecision,
  FINAL_STATES,
  LIBRARY_COLUMN_KEY,
  type PolicyKind,
  type ValidityState,
} from './policy.model.ts';
import type { ValidityLedger } from './validity-ledger.ts';

const userId = (ctx: CallContext) => (ctx.actor.kind === 'user' ? ctx.actor.userId : null);

export class CleanupReviewService {
  constructor(
    private readonly d: CleanupDeps,
    private readonly c: CleanupService,
    private readonly ledger: ValidityLedger,
  ) {}

  /** Submits the batch for review: every document decided. */
  async submit(ctx: CallContext, id: number): Promise<void> {
    const row = await this.c.forStep(ctx, id, 'submit');
    const items = await this.c.repo.items(id);
    const open = items.filter((i) => i.decision === null);
    if (!items.length) throw AppError.validation([{ field: '_', message: '本批次没有文件，不能提交审核' }]);
    if (open.length)
      throw AppError.validation([
        {
          field: '_',
          message: `尚有${open.length}件文件未填写清理结论：${open.map((i) => `《${i.title}》`).join('、')}`,
        },
      ]);
    await this.move(
      ctx,
      row,
      'submit',
      { submitted_by: userId(ctx), review_note: null },
      {
        action: 'policy.cleanup_submit',
        summary: `将文件清理“${row.title}”提交审核（${countsSentence(resultCounts(items.map(resultItem)))}）`,
      },
    );
  }

  /** Returns the batch to drafting with the reviewer's note. */
  async returnBatch(ctx: CallContext, id: number, raw: unknown): Promise<void> {
    const { note } = parseInput(returnInputSchema, raw);
    const row = await this.c.forStep(ctx, id, 'return');
    await this.move(
      ctx,
      row,
      'return',
      { review_note: note },
      {
        action: 'policy.cleanup_return',
        summary: `退回文件清理“${row.title}”：${note}`,
      },
    );
  }

  private async move(
    ctx: CallContext,
    row: CleanupRow,
    s: CleanupStep,
    set: { submitted_by?: number | null; review_note?: string | null },
    audit: { action: string; summary: string },
  ): Promise<void> {
    await this.d.db.transaction().execute(async (trx) => {
      const to = CLEANUP_STEPS[s].to;
      if (
        !(await this.c.repo.transition(trx, row.id, CLEANUP_STEPS[s].from, {
          ...set,
          state: to,
          updated_at: this.c.now(),
        }))
      )
        throw new AppError('invalid_transition', '清理批次的状态已被他人改变，请刷新后重试');
      await this.d.audit.record(trx, ctx, {
        ...audit,
        targetType: 'policy_cleanup',
        targetId: row.id,
        before: { state: row.state },
        after: { state: to, ...set },
      });
    });
  }

  /**
   * Approves the batch: creates the result document (a 政府信息 draft, 文种 决定, with the catalogues) and,
   * in the same transaction, links it to the batch. Refused, with every reason, when the submitter
   * approves their own batch or a document can no longer be repealed or declared invalid.
   */
  async approve(ctx: CallContext, id: number): Promise<number> {
    const row = await this.c.forStep(ctx, id, 'approve');
    const problems: string[] = [];
    if (row.submitted_by !== null && row.submitted_by === userId(ctx))
      problems.push('提交审核的人不能审核本批次，请由其他审核人审核');
    const items = await this.c.repo.items(id);
    for (const i of items)
      if (DECISION_EVENTS[i.decision as CleanupDecision] && FINAL_STATES.includes(i.state as ValidityState))
        problems.push(
          `《${i.title}》已不再有效，不能再${CLEANUP_DECISION_LABELS[i.decision as CleanupDecision]}，请退回修改`,
        );
    if (problems.length) throw AppError.validation(problems.map((message) => ({ field: '_', message })));
    const unit = await this.d.units.get(row.unit_id);
    const criteria = criteriaSchema.parse(JSON.parse(row.criteria_json));
    const kinds = [...new Set(items.map((i) => i.kind as PolicyKind))];
    const title = resultTitle(unit.name, kinds.length ? kinds : criteria.kinds);
    const today = todayInShanghai(this.d.clock.now());
    const column = (await this.d.publishing.columns.listActiveForUnit(unit.id)).find(
      (c) => c.template_key === LIBRARY_COLUMN_KEY,
    );
    const counts = resultCounts(items.map(resultItem));
    const draft = await this.d.publishing.documents.createDraft(
      ctx,
      unit.id,
      {
        title,
        genre: '决定',
        issuers: unit.name,
        writtenOn: today,
        formedOn: today,
        disclosureMode: 'proactive',
        keywords: '规范性文件，清理',
        summary: `${countsSentence(counts)}。`,
        source: unit.name,
        bodyHtml: cleanupResultHtml({
          unitName: unit.name,
          basis: row.basis,
          kinds,
          items: items.map(resultItem),
        }),
        columnIds: column ? [String(column.id)] : [],
      },
      {
        inTransaction: async (trx, [documentId]) => {
          const moved = await this.c.repo.transition(trx, id, CLEANUP_STEPS.approve.from, {
            state: CLEANUP_STEPS.approve.to,
            result_document_id: documentId!,
            review_note: null,
            updated_at: this.c.now(),
          });
          if (!moved) throw new AppError('invalid_transition', '清理批次的状态已被他人改变，请刷新后重试');
          await this.d.audit.record(trx, ctx, {
            action: 'policy.cleanup_approve',
            targetType: 'policy_cleanup',
            targetId: id,
            summary: `审核通过文件清理“${row.title}”，生成清理结果文件草稿“${title}”`,
            before: { state: row.state },
            after: { state: CLEANUP_STEPS.approve.to, resultDocumentId: documentId },
          });
        },
      },
    );
    return draft.id;
  }

  /**
   * The published hook (in the publication's transaction): when the document is a batch's result, the
   * 废止 / 宣布失效 events land on each document, dated the publication day (China date). A document that can
   * no longer take its event fails the publication with a message naming it.
   */
  async onPublished(notice: DocumentLifecycleNotice, trx: Transaction<DB>): Promise<void> {
    const batch = await this.c.repo.findByResult(notice.documentId, trx);
    if (batch?.state !== 'approved') return; // not a result, or already published
    const day = todayInShanghai(new Date(notice.at));
    const items = await this.c.repo.items(batch.id, trx);
    let landed = 0;
    for (const i of items) {
      const type = DECISION_EVENTS[i.decision as CleanupDecision];
      if (!type) continue;
      try {
        await this.ledger.recordInTransaction(trx, notice.ctx, i.document_id, {
          type,
          occursOn: day,
          sourceDocumentId: notice.documentId,
          certainty: 'official',
          note: i.reason,
          cleanupId: batch.id,
        });
        landed++;
      } catch (e) {
        if (!isAppError(e) || e.code !== 'validation') throw e;
        const why = e.problems.map((p) => p.message).join('；') || e.message;
        throw AppError.conflict(
          `清理结果不能发布：《${i.title}》${i.doc_number ? `（${i.doc_number}）` : ''}不能记录“${CLEANUP_DECISION_LABELS[i.decision as CleanupDecision]}”——${why}。请撤回本结果文件，修改清理批次后重新审核。`,
        );
      }
    }
    if (
      !(await this.c.repo.transition(trx, batch.id, CLEANUP_STEPS.publish.from, {
        state: 'published',
        decided_on: day,
        updated_at: this.c.now(),
      }))
    )
      throw AppError.conflict('清理批次的状态已被他人改变，请刷新后重试');
    await this.d.audit.record(trx, notice.ctx, {
      action: 'policy.cleanup_publish',
      targetType: 'policy_cleanup',
      targetId: batch.id,
      summary: `清理结果“${notice.title}”已发布，文件清理“${batch.title}”的${landed}项废止、失效记录已登记`,
      before: { state: batch.state },
      after: { state: 'published', decidedOn: day, events: landed },
    });
  }
}
