/**
 * The feedback report of a closed consultation as a 主动公开 document (kind `consultation_feedback`),
 * through the normal publishing path (draft → 送审 → 审核 → 发布), and the rule that closes the loop:
 * a document recorded as the final policy of a consultation is not published before that
 * consultation's feedback report is published and linked to it (重大行政决策程序暂行条例 第十五条、第三十二条:
 * the adoption of public opinions is made public).
 */
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { can } from '../../kernel/permissions.ts';
import type { CallContext } from '../../lib/actor.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { PrePublicationCheck } from '../publishing/checks/check-registry.ts';
import type { DocumentLifecycleNotice } from '../publishing/documents/document-events.ts';
import type { DocumentKind } from '../publishing/documents/document-kinds.ts';
import type { PublishingApi } from '../publishing/publishing.api.ts';
import type { Adoption } from './consultation.model.ts';
import type { ConsultationService } from './consultation.service.ts';
import type { ConsultationRepository, ConsultationRow } from './consultations.repository.ts';
import {
  buildFeedbackReport,
  type FeedbackComment,
  feedbackBodyHtml,
  feedbackProblems,
} from './feedback-report.ts';

export const FEEDBACK_KIND = 'consultation_feedback';
export const FEEDBACK_CHECK = 'consultations.feedback-before-final';

export const feedbackKind: DocumentKind<{ consultationId?: number | undefined }> = {
  key: FEEDBACK_KIND,
  label: '意见征集采纳情况反馈',
  metadataSchema: z.object({
    consultationId: z.preprocess(
      (v) => (v === '' || v === undefined || v === null ? undefined : Number(v)),
      z.number().int().positive().optional(),
    ),
  }),
  fields: [
    {
      name: 'consultationId',
      label: '意见征集编号',
      type: 'text',
      hint: '由“意见征集”页面生成；采纳情况请在意见征集页面修改后重新生成',
    },
  ],
  relations: { from: ['feedback_on'], to: [] },
};

export interface FeedbackDeps {
  audit: AuditLog;
  repo: ConsultationRepository;
  consultations: ConsultationService;
  publishing: PublishingApi;
  db: Kysely<DB>;
  clock: Clock;
}

export class FeedbackService {
  constructor(private readonly d: FeedbackDeps) {}

  /** The comments of a consultation in the report's terms. */
  async comments(row: ConsultationRow): Promise<FeedbackComment[]> {
    const articles = new Map((await this.d.repo.articles(row.id)).map((a) => [a.id, a.number]));
    return (await this.d.repo.comments(row.id)).map((c) => ({
      id: c.id,
      state: c.state,
      articleNumber: c.article_id === null ? null : (articles.get(c.article_id) ?? null),
      nameMasked: c.name_masked,
      body: c.body,
      adoption: c.adoption as Adoption | null,
      reason: c.adoption_reason,
      group: c.adoption_group,
    }));
  }

  /** The list columns of the consultation's unit a report may be filed in, the likely one first. */
  async columnsFor(unitId: number) {
    const all = (await this.d.publishing.columns.listActiveForUnit(unitId)).filter((c) => c.kind === 'list');
    const score = (name: string) =>
      /意见征集|征集|决策预公开|互动/.test(name) ? 0 : /其他/.test(name) ? 1 : 2;
    return [...all].sort((a, b) => score(a.name) - score(b.name));
  }

  /**
   * 生成反馈报告: files the report as a draft of kind consultation_feedback (linked to the final policy
   * when one is recorded) and sends it for review. Refused while comments are pending or undecided.
   */
  async generate(ctx: CallContext, id: number, raw: unknown): Promise<number> {
    const { row, unit } = await this.d.consultations.getForStaff(ctx, id);
    if (ctx.actor.kind !== 'system' && !can(ctx.actor, 'consultation.manage', unit.path))
      throw AppError.forbidden();
    const comments = await this.comments(row);
    const reasons = row.state === 'closed' ? feedbackProblems(comments) : ['征集截止后才能生成反馈报告'];
    if (row.feedback_document_id !== null) reasons.push('反馈报告已生成（见关联信息）');
    if (reasons.length) throw new AppError('invalid_transition', `不能生成反馈报告：${reasons.join('；')}`);
    const columns = await this.columnsFor(unit.id);
    const asked = Number((raw as Record<string, unknown> | null)?.columnId ?? Number.NaN);
    const column = columns.find((c) => c.id === asked) ?? columns[0];
    if (!column)
      throw AppError.validation([
        { field: 'columnId', message: '本单位没有可发布反馈报告的栏目，请先添加栏目' },
      ]);
    const today = this.d.consultations.today();
    const report = buildFeedbackReport(comments);
    const title = `关于《${row.title}》公开征求意见采纳情况的反馈`;
    const input = {
      kind: FEEDBACK_KIND,
      title,
      genre: '',
      issuers: unit.name,
      writtenOn: today,
      formedOn: today,
      disclosureMode: 'proactive',
      keywords: '意见征集，采纳情况',
      summary: `《${row.title}》公开征求意见的采纳情况：收到意见${report.received}条，采纳${report.counts.adopted}条、部分采纳${report.counts.partly}条、未采纳${report.counts.rejected}条。`,
      source: unit.name,
      bodyHtml: feedbackBodyHtml({
        unitName: unit.name,
        title: row.title,
        opensOn: row.opens_on,
        closesOn: row.closes_on,
        report,
      }),
      columnIds: [String(column.id)],
      'meta.consultationId': String(row.id),
    };
    const doc = await this.d.publishing.documents.createDraft(ctx, unit.id, input, {
      inTransaction: async (trx, [docId]) => {
        if (
          !(await this.d.repo.update(trx, row.id, ['closed'], {
            feedback_document_id: docId!,
            updated_at: this.d.clock.now().toISOString(),
          }))
        )
          throw new AppError('invalid_transition', '刚刚已被他人处理，请刷新后重试');
        if (row.final_document_id !== null)
          await this.d.consultations.linkFeedback(trx, ctx, docId!, row.final_document_id);
        await this.d.audit.record(trx, ctx, {
          action: 'consultation.feedback_generate',
          targetType: 'consultation',
          targetId: row.id,
          summary: `生成意见征集“${row.title}”的采纳情况反馈（信息编号 ${docId}），${report.rows.length} 行`,
        });
      },
    });
    await this.d.publishing.review.submit(ctx, doc.id);
    return doc.id;
  }

  /** The published hook: the consultation of a published feedback report is 已反馈. */
  async onPublished(notice: DocumentLifecycleNotice, trx: Transaction<DB>): Promise<void> {
    if (notice.kind !== FEEDBACK_KIND) return;
    const row = await this.d.repo.byFeedbackDocument(notice.documentId, trx);
    if (row?.state !== 'closed') return;
    await this.d.repo.update(trx, row.id, ['closed'], { state: 'answered', updated_at: notice.at });
    await this.d.audit.record(trx, notice.ctx, {
      action: 'consultation.answer',
      targetType: 'consultation',
      targetId: row.id,
      summary: `意见征集“${row.title}”的采纳情况反馈已发布`,
    });
  }

  /** Why `documentId` may not be published yet (the final policy of a consultation without its published feedback). */
  async finalPolicyProblems(documentId: number): Promise<string[]> {
    const problems: string[] = [];
    for (const row of await this.d.repo.byFinalDocument(documentId)) {
      const fb = row.feedback_document_id;
      const published = fb !== null && (await this.d.repo.documentState(fb)) === 'published';
      const linked = fb !== null && (await this.d.repo.hasFeedbackRelation(this.d.db, fb, documentId));
      if (!published || !linked)
        problems.push(
          `本文件是意见征集“${row.title}”的最终文件，须先发布该征集的意见采纳情况反馈并与本文件关联${
            fb === null
              ? '（反馈报告尚未生成）'
              : !published
                ? '（反馈报告尚未发布）'
                : '（反馈报告未关联本文件）'
          }`,
        );
    }
    return problems;
  }

  check(): PrePublicationCheck<`${string}.${string}`> {
    return {
      name: FEEDBACK_CHECK,
      label: '意见征集反馈先于最终文件发布',
      defaultSeverity: 'block',
      run: async ({ document }) =>
        document ? (await this.finalPolicyProblems(document.id)).map((message) => ({ message })) : [],
    };
  }
}
