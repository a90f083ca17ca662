/**
 * The unanswered queue (issue 14 item 4): questions the 问答 box could not answer (written by the answer
 * box part into qa_questions) wait at their unit — or, unrouted, at the 政务公开办 (qa.review routes them).
 * The unit answers (the asker's e-mail, when given and mail is on, gets the answer in the same transaction),
 * closes with a reason, or promotes the answer into the 问答库 in one step: an entry (origin 'queue',
 * state 待审核 — someone else reviews it) and the question → 已转入问答库, one transaction, audited.
 * A replied 咨询 letter whose reply was published can be turned into an entry the same way.
 */
import type { Transaction } from 'kysely';
import type { DB, Unit } from '../../db/schema.ts';
import { can, scopesFor } from '../../kernel/permissions.ts';
import type { CallContext } from '../../lib/actor.ts';
import { AppError, type FieldProblem } from '../../lib/errors.ts';
import { FieldCipher } from '../../lib/field-cipher.ts';
import { validateEmail } from '../../lib/validators/contact.ts';
import type { Registry } from '../../platform/module.ts';
import { QA_LIMITS, QA_QUESTION_STATE_LABELS, type QaQuestionState } from './qa.model.ts';
import type { QaEntriesService } from './qa-entries.service.ts';
import { parseEntryForm, textProblem } from './qa-entry.model.ts';

/** 关闭理由 (data): a question that needs no answer. */
export const QUESTION_CLOSE_REASONS = [
  { code: 'spam', label: '垃圾信息' },
  { code: 'duplicate', label: '重复提问' },
  { code: 'not_consultation', label: '不属于政务咨询' },
] as const;
export type QuestionCloseReason = (typeof QUESTION_CLOSE_REASONS)[number]['code'];

export type QuestionRow = NonNullable<Awaited<ReturnType<QaQueueService['find']>>>;

const userId = (ctx: CallContext) => (ctx.actor.kind === 'user' ? ctx.actor.userId : null);
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** The letters module's API as far as the queue uses it (optional module). */
type LettersApi = Registry['letters'];

export class QaQueueService {
  private readonly cipher: FieldCipher;
  private lettersApi: LettersApi | null = null;

  constructor(private readonly s: QaEntriesService) {
    this.cipher = new FieldCipher(s.d.encryptionKey);
  }

  /** The letters module, when installed (the manifest's connect hook). */
  useLetters(letters: LettersApi | null): void {
    this.lettersApi = letters;
  }

  find(id: number) {
    return this.s.d.db.selectFrom('qa_questions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Open questions of the actor's units (qa.manage) and, for qa.review, the unrouted ones. */
  async list(ctx: CallContext) {
    const units = await this.s.unitsFor(ctx, 'qa.manage');
    const routes = scopesFor(ctx.actor, 'qa.review').length > 0 || ctx.actor.kind === 'system';
    const ids = units.map((u) => u.id);
    let q = this.s.d.db.selectFrom('qa_questions').selectAll().where('state', '=', 'open');
    q = q.where((eb) => {
      const parts = [];
      if (ids.length) parts.push(eb('unit_id', 'in', ids));
      if (routes) parts.push(eb('unit_id', 'is', null));
      return parts.length ? eb.or(parts) : eb.val(false);
    });
    return q.orderBy('created_at').orderBy('id').limit(500).execute();
  }

  /** One question for staff of its unit (unrouted: the routers). */
  async get(ctx: CallContext, id: number): Promise<{ row: QuestionRow; unit: Unit | null }> {
    const row = await this.find(id);
    if (!row) throw AppError.notFound('问题');
    const unit = row.unit_id ? await this.s.d.units.get(row.unit_id) : null;
    const ok =
      ctx.actor.kind === 'system' ||
      (unit
        ? can(ctx.actor, 'qa.manage', unit.path) || can(ctx.actor, 'qa.review', unit.path)
        : can(ctx.actor, 'qa.review'));
    if (!ok) throw AppError.forbidden();
    return { row, unit };
  }

  private mayAnswer(ctx: CallContext, unit: Unit | null): void {
    if (ctx.actor.kind === 'system') return;
    if (!unit) throw new AppError('invalid_transition', '该问题尚未分派到单位，请先分派');
    if (!can(ctx.actor, 'qa.manage', unit.path)) throw AppError.forbidden('只有承办单位才能答复该问题');
  }

  private open(row: QuestionRow): void {
    if (row.state !== 'open')
      throw new AppError(
        'invalid_transition',
        `该问题${QA_QUESTION_STATE_LABELS[row.state as QaQuestionState] ?? row.state}，不能再办理`,
      );
  }

  /** Moves the question only while it is still open (compare-and-set); audited by the caller. */
  private async moveOpen(trx: Transaction<DB>, id: number, patch: Record<string, unknown>): Promise<void> {
    const r = await trx
      .updateTable('qa_questions')
      .set({ ...patch, updated_at: this.s.d.clock.now().toISOString() })
      .where('id', '=', id)
      .where('state', '=', 'open')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw AppError.conflict('该问题刚刚已被他人处理，请刷新后重试');
  }

  /** 分派: sends a question to a unit (qa.review). */
  async route(ctx: CallContext, id: number, raw: Record<string, unknown>): Promise<void> {
    const { row } = await this.get(ctx, id);
    if (ctx.actor.kind !== 'system' && !can(ctx.actor, 'qa.review')) throw AppError.forbidden();
    this.open(row);
    const unitId = Number(str(raw.unitId));
    const unit = (await this.s.d.units.activeUnits()).find((u) => u.id === unitId);
    if (!unit) throw AppError.validation([{ field: 'unitId', message: '请选择承办单位' }]);
    await this.s.d.db.transaction().execute(async (trx) => {
      await this.moveOpen(trx, id, { unit_id: unit.id });
      await this.s.d.audit.record(trx, ctx, {
        action: 'qa.question.route',
        targetType: 'qa_question',
        targetId: id,
        summary: `未解答问题 ${id} 分派至${unit.name}`,
        before: { unitId: row.unit_id },
        after: { unitId: unit.id },
      });
    });
  }

  private answerText(raw: Record<string, unknown>): string {
    const answer = str(raw.answer);
    const p = answer ? textProblem('答复内容', answer, QA_LIMITS.answer) : '请填写答复内容';
    if (p) throw AppError.validation([{ field: 'answer', message: p }]);
    return answer;
  }

  /** Answers the question (and e-mails the answer to the asker's address, when given). */
  async answer(ctx: CallContext, id: number, raw: Record<string, unknown>): Promise<void> {
    const { row, unit } = await this.get(ctx, id);
    this.mayAnswer(ctx, unit);
    this.open(row);
    const answer = this.answerText(raw);
    await this.s.d.db.transaction().execute(async (trx) => {
      await this.moveOpen(trx, id, this.answeredPatch(ctx, 'answered', answer));
      await this.s.d.audit.record(trx, ctx, {
        action: 'qa.question.answer',
        targetType: 'qa_question',
        targetId: id,
        summary: `答复未解答问题 ${id}${await this.mailAnswer(trx, row, unit, answer)}`,
        after: { state: 'answered' },
      });
    });
  }

  private answeredPatch(ctx: CallContext, state: QaQuestionState, answer: string) {
    return { state, answer, answered_by: userId(ctx), answered_at: this.s.d.clock.now().toISOString() };
  }

  /** Enqueues the answer to the asker's e-mail in `trx`; returns a note for the audit summary. */
  private async mailAnswer(
    trx: Transaction<DB>,
    row: QuestionRow,
    unit: Unit | null,
    answer: string,
  ): Promise<string> {
    if (!row.contact_enc || !this.s.d.mail.enabled) return '';
    const email = validateEmail(this.cipher.decrypt(row.contact_enc));
    if (!email.ok) return '（联系方式不是电子邮箱，未发送）';
    const sent = await this.s.d.mail.enqueue(trx, {
      kind: 'qa.question.answer',
      to: email.normalised,
      subject: '您在政策问答提出的问题已答复',
      text: [
        '您好：',
        `您提出的问题：${row.question}`,
        `${unit?.name ?? ''}答复如下：`,
        answer,
        '（本邮件由系统自动发送，请勿直接回复）',
      ].join('\n\n'),
      ref: { type: 'qa_question', id: row.id },
    });
    return `，答复已发送至 ${sent.recipient}`;
  }

  /** Closes the question with a reason (spam, duplicate, 不属于政务咨询). */
  async close(ctx: CallContext, id: number, raw: Record<string, unknown>): Promise<void> {
    const { row, unit } = await this.get(ctx, id);
    if (unit) this.mayAnswer(ctx, unit);
    else if (ctx.actor.kind !== 'system' && !can(ctx.actor, 'qa.review')) throw AppError.forbidden();
    this.open(row);
    const reason = QUESTION_CLOSE_REASONS.find((r) => r.code === str(raw.closeReason));
    if (!reason) throw AppError.validation([{ field: 'closeReason', message: '请选择关闭理由' }]);
    await this.s.d.db.transaction().execute(async (trx) => {
      await this.moveOpen(trx, id, { state: 'closed', close_reason: reason.code });
      await this.s.d.audit.record(trx, ctx, {
        action: 'qa.question.close',
        targetType: 'qa_question',
        targetId: id,
        summary: `关闭未解答问题 ${id}：${reason.label}`,
        after: { state: 'closed', reason: reason.code },
      });
    });
  }

  /**
   * 转入问答库: the answer becomes an entry (origin 'queue', 待审核, sent by the answerer — someone else
   * reviews it) and the question is promoted, in one transaction with both audit records; the asker gets
   * the answer by e-mail like `answer`. The form may correct the question and must name a source.
   */
  async promote(ctx: CallContext, id: number, raw: Record<string, unknown>): Promise<number> {
    const { row, unit } = await this.get(ctx, id);
    this.mayAnswer(ctx, unit);
    this.open(row);
    const fields = { ...raw, unitId: String(unit?.id ?? ''), question: str(raw.question) || row.question };
    const problems: FieldProblem[] = [];
    const { input, problems: formProblems } = parseEntryForm(fields);
    problems.push(...formProblems);
    const sources = await this.s.resolveSources(input.sources, problems);
    if (!sources.length && !problems.length)
      problems.push({ field: 's0_doc', message: '请至少填写一项答复所依据的文件' });
    if (problems.length) throw AppError.validation(problems);
    return this.s.d.db.transaction().execute(async (trx) => {
      const entryId = await this.s.insertChecked(trx, ctx, input, sources, {
        origin: 'queue',
        originRef: String(id),
        state: 'in_review',
      });
      await this.moveOpen(trx, id, {
        ...this.answeredPatch(ctx, 'promoted', input.answer),
        entry_id: entryId,
      });
      await this.s.d.audit.record(trx, ctx, {
        action: 'qa.question.promote',
        targetType: 'qa_question',
        targetId: id,
        summary: `未解答问题 ${id} 的答复转入问答库（问答 ${entryId}，待审核）${await this.mailAnswer(trx, row, unit, input.answer)}`,
        after: { state: 'promoted', entryId },
      });
      return entryId;
    });
  }

  /**
   * 从咨询来信转入: a replied 咨询 letter whose reply was published (the masked public texts: personal data
   * removed) becomes a draft entry of the actor's unit. Needs the letters module.
   */
  async fromLetter(ctx: CallContext, raw: Record<string, unknown>): Promise<number> {
    const letters = this.lettersApi;
    if (!letters) throw new AppError('invalid_transition', '本站未启用来信办理模块');
    const reference = str(raw.reference);
    if (!reference) throw AppError.validation([{ field: 'reference', message: '请填写来信编号' }]);
    const units = await this.s.unitsFor(ctx);
    const unitId = Number(str(raw.unitId)) || units[0]?.id || 0;
    if (!units.some((u) => u.id === unitId))
      throw AppError.validation([{ field: 'unitId', message: '请选择所属单位（本人所在单位）' }]);
    const queue = await letters.views.queue(ctx, { statuses: ['answered'], type: 'consultation' });
    const letter = queue.find((l) => l.reference === reference);
    if (!letter)
      throw AppError.validation([
        { field: 'reference', message: `没有找到您可办理的、已答复的咨询来信“${reference}”` },
      ]);
    const published = await letters.publication.findPublished(letter.id);
    if (!published?.public_body || !published.public_reply)
      throw AppError.validation([
        {
          field: 'reference',
          message: `咨询来信“${reference}”的答复尚未公开发布（公开时已遮盖个人信息），请先发布答复`,
        },
      ]);
    const question = (published.public_title ?? letter.title).slice(0, QA_LIMITS.question);
    const { input } = parseEntryForm({ unitId: String(unitId), question, answer: published.public_reply });
    input.altQuestions = [];
    return this.s.d.db
      .transaction()
      .execute((trx) =>
        this.s.insertChecked(trx, ctx, input, [], { origin: 'letter', originRef: reference }),
      );
  }
}
