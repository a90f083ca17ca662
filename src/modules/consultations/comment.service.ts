/**
 * Public comments and what staff do with them: a comment on the whole draft or one article (anti-abuse,
 * refused outside the window, name and contact encrypted at rest), moderation (显示 / 不予显示 with a
 * reason) and the 采纳 decision after closing (one comment, or several similar ones as a group).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { can } from '../../kernel/permissions.ts';
import type { CallContext } from '../../lib/actor.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { FieldCipher } from '../../lib/field-cipher.ts';
import { abuseProblem } from '../../lib/form-abuse.ts';
import { toProblems } from '../../lib/validation.ts';
import { maskName } from '../../lib/validators/contact.ts';
import {
  ADOPTION_LABELS,
  type Adoption,
  COMMENT_STATE_LABELS,
  COMMENT_STEPS,
  type CommentState,
} from './consultation.model.ts';
import { adoptionInputSchema, commentInputSchema, hideInputSchema } from './consultation.schemas.ts';
import type { ConsultationService } from './consultation.service.ts';
import type { CommentRow, ConsultationRepository } from './consultations.repository.ts';

export interface CommentDeps {
  db: Kysely<DB>;
  audit: AuditLog;
  clock: Clock;
  repo: ConsultationRepository;
  consultations: ConsultationService;
  encryptionKey: Uint8Array;
  formSecret: string;
}

/** A comment as moderators see it: the name and contact decrypted. */
export interface StaffComment extends CommentRow {
  name: string | null;
  contactText: string | null;
}

export class CommentService {
  private readonly cipher: FieldCipher;

  constructor(private readonly d: CommentDeps) {
    this.cipher = new FieldCipher(d.encryptionKey);
  }

  /**
   * 提交意见. Automated-looking posts are refused as a whole; a consultation that is not open (or whose
   * closing day has passed, before the job has run) refuses with the dates; otherwise every field
   * problem at once.
   */
  async submit(
    ctx: CallContext,
    consultationId: number,
    fields: Record<string, unknown>,
    minFillMs?: number,
  ): Promise<number> {
    const row = await this.d.repo.findPublic(consultationId);
    if (!row) throw AppError.notFound('意见征集');
    const today = this.d.consultations.today();
    if (row.state !== 'open' || today > row.closes_on || today < row.opens_on)
      throw AppError.validation([
        {
          field: '_',
          message:
            today > row.closes_on || row.state !== 'open'
              ? `本次意见征集已于 ${row.closes_on} 截止，不再接收意见`
              : `本次意见征集自 ${row.opens_on} 开始接收意见`,
        },
      ]);
    const abuse = abuseProblem(this.d.formSecret, fields, this.d.clock.now().getTime(), minFillMs);
    if (abuse) throw AppError.validation([{ field: '_', message: abuse }]);
    const r = commentInputSchema.safeParse(fields);
    if (!r.success) throw AppError.validation(toProblems(r.error));
    const v = r.data;
    if (
      v.articleId !== null &&
      !(await this.d.repo.articles(consultationId)).some((a) => a.id === v.articleId)
    )
      throw AppError.validation([{ field: 'articleId', message: '请选择意见针对的条款' }]);
    return this.d.db.transaction().execute(async (trx) => {
      const c = await this.d.repo.insertComment(trx, {
        consultation_id: consultationId,
        article_id: v.articleId,
        name_enc: v.name === null ? null : this.cipher.encrypt(v.name),
        name_masked: v.name === null ? null : maskName(v.name),
        contact_enc: v.contact === null ? null : this.cipher.encrypt(v.contact),
        body: v.body,
        state: 'pending',
        submitted_at: this.d.clock.now().toISOString(),
      });
      // No personal data in the audit log: the comment's id and where it was made.
      await this.d.audit.record(trx, ctx, {
        action: 'consultation.comment_submit',
        targetType: 'consultation_comment',
        targetId: c.id,
        summary: `意见征集“${row.title}”收到一条${v.articleId === null ? '对草案整体' : '对条款'}的意见（待审核）`,
      });
      return c.id;
    });
  }

  /** The consultation a comment belongs to (-1 when there is none). */
  async consultationOf(commentId: number): Promise<number> {
    return (await this.d.repo.findComment(commentId))?.consultation_id ?? -1;
  }

  /** Every comment of a consultation with names and contacts decrypted (staff with rights on its unit). */
  async forStaff(ctx: CallContext, consultationId: number): Promise<StaffComment[]> {
    await this.d.consultations.getForStaff(ctx, consultationId);
    return (await this.d.repo.comments(consultationId)).map((c) => ({
      ...c,
      name: c.name_enc === null ? null : this.cipher.decrypt(c.name_enc),
      contactText: c.contact_enc === null ? null : this.cipher.decrypt(c.contact_enc),
    }));
  }

  /** 显示 / 不予显示 (with a reason). */
  async moderate(
    ctx: CallContext,
    commentId: number,
    step: keyof typeof COMMENT_STEPS,
    raw: unknown = {},
  ): Promise<number> {
    const c = await this.d.repo.findComment(commentId);
    if (!c) throw AppError.notFound('意见');
    const { row, unit } = await this.d.consultations.getForStaff(ctx, c.consultation_id);
    if (ctx.actor.kind !== 'system' && !can(ctx.actor, 'consultation.moderate', unit.path))
      throw AppError.forbidden();
    const rule = COMMENT_STEPS[step];
    const reasons: string[] = [];
    if (!(rule.from as readonly string[]).includes(c.state))
      reasons.push(`该意见当前为“${COMMENT_STATE_LABELS[c.state as CommentState]}”`);
    if (row.feedback_document_id !== null) reasons.push('意见反馈报告已生成，不能再改变意见的显示');
    let reason: string | null = null;
    if (step === 'hide') {
      const r = hideInputSchema.safeParse(raw);
      if (!r.success) throw AppError.validation(toProblems(r.error));
      reason = r.data.reason;
    }
    if (reasons.length) throw new AppError('invalid_transition', `不能${rule.label}：${reasons.join('；')}`);
    await this.d.db.transaction().execute(async (trx) => {
      const ok = await this.d.repo.updateComment(trx, commentId, rule.from, {
        state: rule.to,
        hidden_reason: reason,
        moderated_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        moderated_at: this.d.clock.now().toISOString(),
        // A comment no longer shown has no 采纳 decision.
        ...(step === 'hide' ? { adoption: null, adoption_reason: null, adoption_group: null } : {}),
      });
      if (!ok) throw new AppError('invalid_transition', '刚刚已被他人处理，请刷新后重试');
      await this.d.audit.record(trx, ctx, {
        action: `consultation.comment_${step}`,
        targetType: 'consultation_comment',
        targetId: commentId,
        summary: `意见征集“${row.title}”的第 ${commentId} 号意见：${rule.label}${reason ? `（${reason}）` : ''}`,
        before: { state: c.state },
        after: { state: rule.to },
      });
    });
    return row.id;
  }

  /**
   * 采纳情况 of the selected shown comments (several = a group of similar comments, one row of the
   * feedback table); only after closing and before the feedback report exists.
   */
  async decide(ctx: CallContext, consultationId: number, raw: unknown): Promise<void> {
    const { row, unit } = await this.d.consultations.getForStaff(ctx, consultationId);
    if (ctx.actor.kind !== 'system' && !can(ctx.actor, 'consultation.manage', unit.path))
      throw AppError.forbidden();
    if (row.state !== 'closed')
      throw new AppError('invalid_transition', '不能记录采纳情况：征集截止后、反馈报告发布前才能记录');
    if (row.feedback_document_id !== null)
      throw new AppError('invalid_transition', '不能记录采纳情况：意见反馈报告已生成');
    const r = adoptionInputSchema.safeParse(raw);
    if (!r.success) throw AppError.validation(toProblems(r.error));
    const v = r.data;
    const shown = new Set((await this.d.repo.comments(consultationId, ['shown'])).map((c) => c.id));
    if (v.commentIds.some((id) => !shown.has(id)))
      throw AppError.validation([{ field: 'commentIds', message: '只能对已显示的意见记录采纳情况' }]);
    await this.d.db.transaction().execute(async (trx) => {
      const group = v.commentIds.length > 1 ? (await this.d.repo.maxGroup(trx, consultationId)) + 1 : null;
      await this.d.repo.decide(trx, consultationId, v.commentIds, {
        adoption: v.adoption,
        adoption_reason: v.reason,
        adoption_group: group,
        decided_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        decided_at: this.d.clock.now().toISOString(),
      });
      await this.d.audit.record(trx, ctx, {
        action: 'consultation.adoption',
        targetType: 'consultation',
        targetId: consultationId,
        summary: `意见征集“${row.title}”：${v.commentIds.length} 条意见记为“${ADOPTION_LABELS[v.adoption as Adoption]}”`,
        after: { commentIds: v.commentIds, adoption: v.adoption, reason: v.reason },
      });
    });
  }
}
