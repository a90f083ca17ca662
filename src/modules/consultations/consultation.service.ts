/**
 * 意见征集 use-cases for staff and the job: create and edit a draft (window checked against its basis'
 * minimum, the text split into articles), publish it, open and close it by the day, record the final
 * policy. Every step lists its reasons first, then changes the row and appends the audit event in one
 * transaction (compare-and-set on the state read).
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB, Unit } from '../../db/schema.ts';
import { can, canSiteWide, scopesFor } from '../../kernel/permissions.ts';
import { type CallContext, NO_REQUEST, systemActor } from '../../lib/actor.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import { todayInShanghai } from '../../lib/calendar/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, type FieldProblem } from '../../lib/errors.ts';
import { parseSettingsForm } from '../../lib/settings/settings-form.ts';
import type { SettingsStore } from '../../lib/settings/settings-store.ts';
import { toProblems } from '../../lib/validation.ts';
import type { CalendarService } from '../calendar/calendar.service.ts';
import type { UnitService } from '../orgs/unit.service.ts';
import type { PublishingApi } from '../publishing/publishing.api.ts';
import { DOCUMENT_STATE_LABELS, type DocumentState } from '../publishing/review/document.workflow.ts';
import {
  BASIS_LABELS,
  CONSULTATION_STEPS,
  type ConsultationBasis,
  type ConsultationState,
  isShortWindow,
  STATE_LABELS,
  STATUTORY_MINIMUMS,
  type WindowMinimum,
  windowLength,
} from './consultation.model.ts';
import {
  type ConsultationInput,
  consultationInputSchema,
  finalPolicyInputSchema,
} from './consultation.schemas.ts';
import { CONSULTATION_SETTINGS } from './consultation-settings.ts';
import type { ConsultationRepository, ConsultationRow } from './consultations.repository.ts';
import { splitDraftArticles } from './draft-articles.ts';

export interface ConsultationDeps {
  db: Kysely<DB>;
  audit: AuditLog;
  clock: Clock;
  repo: ConsultationRepository;
  units: Pick<UnitService, 'findById'>;
  calendar: Pick<CalendarService, 'calendar'>;
  settings: SettingsStore;
  publishing: PublishingApi;
}

/** The job's named actor in the audit log. */
export const CONSULTATION_JOB = 'consultations.daily';
const JOB_CTX: CallContext = { actor: systemActor('意见征集每日任务'), meta: NO_REQUEST };

export class ConsultationService {
  constructor(private readonly d: ConsultationDeps) {}

  today(): string {
    return todayInShanghai(this.d.clock.now());
  }

  /** The minimum window of a basis: statutory, else the setting. */
  async minimumFor(basis: ConsultationBasis): Promise<WindowMinimum> {
    const fixed = STATUTORY_MINIMUMS[basis];
    if (fixed) return fixed;
    const s = await this.d.settings.readGroup(CONSULTATION_SETTINGS);
    return basis === 'normative'
      ? {
          days: s.normativeMinWorkingDays,
          unit: 'working',
          basis: `《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）：一般不少于7个工作日（本地设置为${s.normativeMinWorkingDays}个工作日）`,
        }
      : { days: s.otherMinDays, unit: 'calendar', basis: '法律法规未规定最短期限（本地设置）' };
  }

  /** 意见征集设置 are site-wide: a 政务公开管理员 of a top-level unit. */
  maySetSettings(ctx: CallContext): boolean {
    return ctx.actor.kind === 'system' || canSiteWide(ctx.actor, 'disclosure.manage');
  }

  async saveSettings(ctx: CallContext, raw: unknown): Promise<void> {
    if (!this.maySetSettings(ctx)) throw AppError.forbidden();
    const v = parseSettingsForm(CONSULTATION_SETTINGS, raw);
    await this.d.settings.write(ctx, CONSULTATION_SETTINGS, v, {
      audit: { action: 'consultation.settings', targetType: 'setting', summary: '修改意见征集设置' },
    });
  }

  /** The window's length in the minimum's unit, and whether it is short. */
  async windowOf(row: Pick<ConsultationRow, 'basis' | 'opens_on' | 'closes_on'>) {
    const min = await this.minimumFor(row.basis as ConsultationBasis);
    const cal = await this.d.calendar.calendar();
    const wd = (a: string, b: string) => cal.countWorkingDays(a, b);
    return {
      min,
      length: windowLength(row.opens_on, row.closes_on, min.unit, wd),
      short: isShortWindow(row.opens_on, row.closes_on, min, wd),
    };
  }

  /** Parses the form; every problem of the fields and of the window together. */
  private async parse(raw: unknown): Promise<ConsultationInput> {
    const r = consultationInputSchema.safeParse(raw);
    const problems: FieldProblem[] = r.success ? [] : toProblems(r.error);
    // The window is checked whenever its own fields are valid, whatever else is wrong.
    const w = WINDOW_FIELDS.safeParse(raw);
    if (w.success) problems.push(...(await this.windowProblems(w.data)));
    const text = consultationInputSchema.shape.draftText.safeParse(
      (raw as Record<string, unknown> | null)?.draftText,
    );
    if (text.success && splitDraftArticles(text.data).articles.length === 0)
      problems.push({ field: 'draftText', message: '请填写草案全文' });
    if (problems.length || !r.success) throw AppError.validation(problems);
    return r.data;
  }

  private async windowProblems(v: Pick<ConsultationInput, 'basis' | 'opensOn' | 'closesOn' | 'shortReason'>) {
    if (v.closesOn < v.opensOn) return [{ field: 'closesOn', message: '截止日期不能早于开始日期' }];
    const w = await this.windowOf({ basis: v.basis, opens_on: v.opensOn, closes_on: v.closesOn });
    if (!w.short || v.shortReason !== null) return [];
    const unit = w.min.unit === 'working' ? '个工作日' : '日';
    return [
      {
        field: 'shortReason',
        message: `征集期限为${w.length}${unit}，少于${BASIS_LABELS[v.basis]}的最短期限${w.min.days}${unit}（${w.min.basis}）：请填写缩短期限的理由，理由将在征集页面公开`,
      },
    ];
  }

  private async unitFor(ctx: CallContext, unitId: number): Promise<Unit> {
    const unit = await this.d.units.findById(unitId);
    if (!unit) throw AppError.notFound('单位');
    if (ctx.actor.kind !== 'system' && !can(ctx.actor, 'consultation.manage', unit.path))
      throw AppError.forbidden();
    return unit;
  }

  /** A consultation the actor may manage, with its unit. */
  async getForStaff(ctx: CallContext, id: number): Promise<{ row: ConsultationRow; unit: Unit }> {
    const row = await this.d.repo.findById(id);
    if (!row) throw AppError.notFound('意见征集');
    const unit = await this.d.units.findById(row.unit_id);
    if (!unit) throw AppError.notFound('单位');
    if (
      ctx.actor.kind !== 'system' &&
      !can(ctx.actor, 'consultation.manage', unit.path) &&
      !can(ctx.actor, 'consultation.moderate', unit.path)
    )
      throw AppError.forbidden();
    return { row, unit };
  }

  /** The articles of a consultation, in order (staff pages; the public ones go through the public scope). */
  articles(id: number) {
    return this.d.repo.articles(id);
  }

  /** The Chinese state of a linked document (反馈报告, 最终文件), or null. */
  async documentStateLabel(documentId: number | null): Promise<string | null> {
    const s = await this.d.repo.documentState(documentId);
    return s === null ? null : (DOCUMENT_STATE_LABELS[s as DocumentState] ?? s);
  }

  /** The back-office list: the consultations of the units the actor manages or moderates. */
  listForStaff(ctx: CallContext) {
    if (ctx.actor.kind === 'system') return this.d.repo.listForPaths('all');
    const paths = [
      ...scopesFor(ctx.actor, 'consultation.manage'),
      ...scopesFor(ctx.actor, 'consultation.moderate'),
    ];
    return this.d.repo.listForPaths([...new Set(paths)]);
  }

  /** 新建意见征集 (a draft). */
  async create(ctx: CallContext, unitId: number, raw: unknown): Promise<number> {
    const unit = await this.unitFor(ctx, unitId);
    const v = await this.parse(raw);
    const now = this.d.clock.now().toISOString();
    return this.d.db.transaction().execute(async (trx) => {
      const row = await this.d.repo.insert(trx, {
        unit_id: unit.id,
        ...this.columns(v),
        state: 'draft',
        created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        created_at: now,
        updated_at: now,
      });
      await this.d.repo.replaceArticles(trx, row.id, splitDraftArticles(v.draftText).articles);
      await this.d.audit.record(trx, ctx, {
        action: 'consultation.create',
        targetType: 'consultation',
        targetId: row.id,
        summary: `新建意见征集“${v.title}”（${unit.name}）`,
      });
      return row.id;
    });
  }

  private columns(v: ConsultationInput) {
    return {
      title: v.title,
      basis: v.basis,
      summary: v.summary,
      draft_text: v.draftText,
      opens_on: v.opensOn,
      closes_on: v.closesOn,
      short_reason: v.shortReason,
    };
  }

  /** 修改草稿: only a draft; the articles are split again. */
  async update(ctx: CallContext, id: number, raw: unknown): Promise<void> {
    const { row } = await this.manageable(ctx, id);
    this.refuseState(row, 'edit');
    const v = await this.parse(raw);
    await this.d.db.transaction().execute(async (trx) => {
      const ok = await this.d.repo.update(trx, id, CONSULTATION_STEPS.edit.from, {
        ...this.columns(v),
        updated_at: this.d.clock.now().toISOString(),
      });
      if (!ok) throw stale();
      await this.d.repo.replaceArticles(trx, id, splitDraftArticles(v.draftText).articles);
      await this.d.audit.record(trx, ctx, {
        action: 'consultation.update',
        targetType: 'consultation',
        targetId: id,
        summary: `修改意见征集“${v.title}”`,
        before: { title: row.title, opensOn: row.opens_on, closesOn: row.closes_on, basis: row.basis },
        after: { title: v.title, opensOn: v.opensOn, closesOn: v.closesOn, basis: v.basis },
      });
    });
  }

  private async manageable(ctx: CallContext, id: number) {
    const r = await this.getForStaff(ctx, id);
    if (ctx.actor.kind !== 'system' && !can(ctx.actor, 'consultation.manage', r.unit.path))
      throw AppError.forbidden();
    return r;
  }

  private refuseState(row: ConsultationRow, step: keyof typeof CONSULTATION_STEPS): void {
    const rule = CONSULTATION_STEPS[step];
    if (!(rule.from as readonly string[]).includes(row.state))
      throw new AppError(
        'invalid_transition',
        `不能${rule.label}：意见征集当前为“${STATE_LABELS[row.state as ConsultationState]}”`,
      );
  }

  /** 发布征集: 征集中 from today when the window has begun, else 待开始 until the job opens it. */
  async publish(ctx: CallContext, id: number): Promise<ConsultationState> {
    const { row } = await this.manageable(ctx, id);
    const today = this.today();
    const reasons: string[] = [];
    if (row.state !== 'draft')
      reasons.push(`意见征集当前为“${STATE_LABELS[row.state as ConsultationState]}”`);
    if (row.closes_on < today) reasons.push(`截止日期 ${row.closes_on} 已过，请先修改征集期限`);
    const w = await this.windowOf(row);
    if (w.short && !row.short_reason) reasons.push('征集期限短于最短期限，请先填写缩短期限的理由');
    if (!(await this.d.repo.articles(id)).length) reasons.push('草案没有正文');
    if (reasons.length) throw new AppError('invalid_transition', `不能发布征集：${reasons.join('；')}`);
    const step = row.opens_on <= today ? 'publish' : 'schedule';
    const to = CONSULTATION_STEPS[step].to;
    const now = this.d.clock.now().toISOString();
    await this.d.db.transaction().execute(async (trx) => {
      if (
        !(await this.d.repo.update(trx, id, CONSULTATION_STEPS[step].from, {
          state: to,
          published_at: now,
          updated_at: now,
        }))
      )
        throw stale();
      await this.d.audit.record(trx, ctx, {
        action: `consultation.${step}`,
        targetType: 'consultation',
        targetId: id,
        summary:
          to === 'open'
            ? `发布意见征集“${row.title}”，征集至 ${row.closes_on}`
            : `发布意见征集“${row.title}”，将于 ${row.opens_on} 开始征集`,
      });
    });
    return to;
  }

  /**
   * The daily job: opens scheduled consultations whose day has come and closes open ones past their
   * closing day. Idempotent: each change is a compare-and-set on the state, so a second run (or
   * another process) finds nothing left to do.
   */
  async runDaily(day: string): Promise<{ opened: number; closed: number }> {
    const due = await this.d.repo.dueOn(day);
    let opened = 0;
    let closed = 0;
    for (const id of due.toOpen) if (await this.jobStep(id, 'open', day)) opened++;
    for (const id of due.toClose) if (await this.jobStep(id, 'close', day)) closed++;
    return { opened, closed };
  }

  private jobStep(id: number, step: 'open' | 'close', day: string): Promise<boolean> {
    const rule = CONSULTATION_STEPS[step];
    const now = this.d.clock.now().toISOString();
    return this.d.db.transaction().execute(async (trx) => {
      const row = await this.d.repo.findById(id, trx);
      if (!row) return false;
      const patch =
        step === 'close'
          ? { state: rule.to, closed_at: now, updated_at: now }
          : { state: rule.to, updated_at: now };
      if (!(await this.d.repo.update(trx, id, rule.from, patch))) return false;
      await this.d.audit.record(trx, JOB_CTX, {
        action: `consultation.${step}`,
        targetType: 'consultation',
        targetId: id,
        summary:
          step === 'open'
            ? `意见征集“${row.title}”于 ${day} 开始征集`
            : `意见征集“${row.title}”已于 ${row.closes_on} 截止`,
      });
      return true;
    });
  }

  /**
   * Records the document that is the final policy of a closed consultation. When the feedback report
   * already exists, the 反馈 relation (feedback —feedback_on→ final) is added in the same transaction.
   */
  async recordFinal(ctx: CallContext, id: number, raw: unknown): Promise<void> {
    const { row } = await this.manageable(ctx, id);
    const r = finalPolicyInputSchema.safeParse(raw);
    if (!r.success) throw AppError.validation(toProblems(r.error));
    const docId = r.data.documentId;
    const problems: FieldProblem[] = [];
    if (row.state !== 'closed' && row.state !== 'answered')
      problems.push({ field: 'documentId', message: '征集截止后才能登记最终文件' });
    if (docId === row.feedback_document_id)
      problems.push({ field: 'documentId', message: '最终文件不能是本次征集的意见反馈报告' });
    const doc = await this.d.publishing.documents.get(ctx, docId).catch(() => null);
    if (!doc) problems.push({ field: 'documentId', message: `信息编号 ${docId} 不存在或您无权查看` });
    if (problems.length) throw AppError.validation(problems);
    await this.d.db.transaction().execute(async (trx) => {
      if (
        !(await this.d.repo.update(trx, id, ['closed', 'answered'], {
          final_document_id: docId,
          updated_at: this.d.clock.now().toISOString(),
        }))
      )
        throw stale();
      if (row.feedback_document_id !== null)
        await this.linkFeedback(trx, ctx, row.feedback_document_id, docId);
      await this.d.audit.record(trx, ctx, {
        action: 'consultation.final_policy',
        targetType: 'consultation',
        targetId: id,
        summary: `登记意见征集“${row.title}”的最终文件：“${doc!.title}”（信息编号 ${docId}）`,
        before: { finalDocumentId: row.final_document_id },
        after: { finalDocumentId: docId },
      });
    });
  }

  /** Adds feedback —feedback_on→ final unless it is there already. */
  async linkFeedback(
    trx: Transaction<DB>,
    ctx: CallContext,
    feedbackId: number,
    finalId: number,
  ): Promise<void> {
    if (!(await this.d.repo.hasFeedbackRelation(trx, feedbackId, finalId)))
      await this.d.publishing.relations.addInTransaction(trx, ctx, feedbackId, {
        type: 'feedback_on',
        toId: String(finalId),
      });
  }
}

const WINDOW_FIELDS = consultationInputSchema.pick({
  basis: true,
  opensOn: true,
  closesOn: true,
  shortReason: true,
});
const stale = () => new AppError('invalid_transition', '刚刚已被他人处理，请刷新后重试');
