/**
 * Staff use-cases of 在线调查: create and edit a draft and its questions, open, close (by hand and by the
 * daily job), publish the results. Each lists every reason it cannot run, then changes the data and
 * writes its audit record in one transaction.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { can } from '../../kernel/permissions.ts';
import type { Action } from '../../kernel/roles.ts';
import { type CallContext, NO_REQUEST, systemActor } from '../../lib/actor.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import { isValidPlainDate, todayInShanghai } from '../../lib/calendar/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, type FieldProblem } from '../../lib/errors.ts';
import type { UnitDirectory } from '../orgs/unit-directory.ts';
import {
  MAX_QUESTIONS,
  MAX_TITLE_LENGTH,
  parseQuestion,
  type Question,
  type SurveyState,
  stepProblem,
  textProblem,
} from './survey.model.ts';
import type { SurveyRepository, SurveyRow } from './surveys.repository.ts';

export interface SurveyDeps {
  db: Kysely<DB>;
  audit: AuditLog;
  clock: Clock;
  units: UnitDirectory;
  repo: SurveyRepository;
}

export interface SurveyDetails {
  unitId: number;
  title: string;
  description: string;
  opensOn: string | null;
  closesOn: string | null;
  resultsPublic: boolean;
  publicTextAnswers: boolean;
  asksContact: boolean;
}

const MAX_DESCRIPTION = 2000;
const flag = (v: unknown) => v === '1' || v === 'on';

/** Parses the survey's form (every problem by field). */
export function parseSurveyDetails(f: Record<string, unknown>): SurveyDetails {
  const problems: FieldProblem[] = [];
  const add = (field: string, m: string | null) => m && problems.push({ field, message: m });
  const unitId = Number(f.unitId);
  if (!Number.isInteger(unitId) || unitId <= 0) add('unitId', '请选择发布单位');
  const title = String(f.title ?? '').trim();
  add('title', title ? textProblem('调查标题', title, MAX_TITLE_LENGTH) : '请填写调查标题');
  const description = String(f.description ?? '').trim();
  add('description', textProblem('调查说明', description, MAX_DESCRIPTION));
  const date = (field: string, label: string) => {
    const v = String(f[field] ?? '').trim();
    if (v === '') return null;
    if (!isValidPlainDate(v)) add(field, `${label}须为有效日期，格式如 2026-03-01`);
    return v;
  };
  const opensOn = date('opensOn', '开始日期');
  const closesOn = date('closesOn', '截止日期');
  if (opensOn && closesOn && isValidPlainDate(opensOn) && isValidPlainDate(closesOn) && closesOn < opensOn)
    add('closesOn', '截止日期不能早于开始日期');
  if (problems.length) throw AppError.validation(problems);
  return {
    unitId,
    title,
    description,
    opensOn,
    closesOn,
    resultsPublic: flag(f.resultsPublic),
    publicTextAnswers: flag(f.publicTextAnswers),
    asksContact: flag(f.asksContact),
  };
}

export class SurveyAdminService {
  constructor(private readonly d: SurveyDeps) {}

  private now = () => this.d.clock.now().toISOString();
  today = () => todayInShanghai(this.d.clock.now());

  private async unitPath(unitId: number): Promise<string> {
    const unit = await this.d.units.findById(unitId);
    if (!unit?.active) throw AppError.validation([{ field: 'unitId', message: '请选择有效的发布单位' }]);
    return unit.path;
  }

  /** The survey, if the actor may do `action` on its unit (else forbidden / not found). */
  async authorised(ctx: CallContext, id: number, action: Action = 'survey.manage'): Promise<SurveyRow> {
    const s = await this.d.repo.find(id);
    if (!s) throw AppError.notFound('调查');
    const unit = await this.d.units.findById(s.unit_id);
    if (!unit || !can(ctx.actor, action, unit.path)) throw AppError.forbidden();
    return s;
  }

  /** Whether the actor is staff of the survey's unit (sees results and text answers at any time). */
  async isStaff(ctx: CallContext, s: SurveyRow): Promise<boolean> {
    const unit = await this.d.units.findById(s.unit_id);
    return !!unit && can(ctx.actor, 'survey.manage', unit.path);
  }

  private draftOnly(s: SurveyRow) {
    const problem = stepProblem('edit', s.state);
    if (problem) throw new AppError('invalid_transition', problem);
  }

  private audit(
    trx: Transaction<DB>,
    ctx: CallContext,
    s: { id: number; title: string },
    action: string,
    summary: string,
    after?: unknown,
  ) {
    return this.d.audit.record(trx, ctx, {
      action,
      targetType: 'survey',
      targetId: s.id,
      summary: `在线调查「${s.title}」${summary}`,
      ...(after === undefined ? {} : { after }),
    });
  }

  async create(ctx: CallContext, fields: Record<string, unknown>): Promise<number> {
    const v = parseSurveyDetails(fields);
    if (!can(ctx.actor, 'survey.manage', await this.unitPath(v.unitId))) throw AppError.forbidden();
    const now = this.now();
    return this.d.db.transaction().execute(async (trx) => {
      const id = await this.d.repo.insert(trx, {
        unit_id: v.unitId,
        title: v.title,
        description: v.description,
        state: 'draft',
        opens_on: v.opensOn,
        closes_on: v.closesOn,
        results_public: v.resultsPublic ? 1 : 0,
        public_text_answers: v.publicTextAnswers ? 1 : 0,
        asks_contact: v.asksContact ? 1 : 0,
        created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        created_at: now,
        updated_at: now,
      });
      await this.audit(trx, ctx, { id, title: v.title }, 'survey.create', '已创建（草稿）', v);
      return id;
    });
  }

  async update(ctx: CallContext, id: number, fields: Record<string, unknown>): Promise<void> {
    const s = await this.authorised(ctx, id);
    this.draftOnly(s);
    const v = parseSurveyDetails(fields);
    if (!can(ctx.actor, 'survey.manage', await this.unitPath(v.unitId))) throw AppError.forbidden();
    await this.d.db.transaction().execute(async (trx) => {
      const n = await this.d.repo.update(trx, id, 'draft', {
        unit_id: v.unitId,
        title: v.title,
        description: v.description,
        opens_on: v.opensOn,
        closes_on: v.closesOn,
        results_public: v.resultsPublic ? 1 : 0,
        public_text_answers: v.publicTextAnswers ? 1 : 0,
        asks_contact: v.asksContact ? 1 : 0,
        updated_at: this.now(),
      });
      if (n === 0) throw new AppError('invalid_transition', '调查已开始，不能再修改');
      await this.audit(trx, ctx, { id, title: v.title }, 'survey.update', '的基本信息已修改', v);
    });
  }

  async addQuestion(ctx: CallContext, id: number, fields: Record<string, unknown>): Promise<number> {
    const s = await this.authorised(ctx, id);
    this.draftOnly(s);
    const parsed = parseQuestion(fields);
    if (!parsed.ok) throw AppError.validation(parsed.problems);
    const existing = await this.d.repo.questions(id);
    if (existing.length >= MAX_QUESTIONS)
      throw AppError.validation([{ field: 'title', message: `一份调查最多 ${MAX_QUESTIONS} 道题` }]);
    const q = parsed.value;
    return this.d.db.transaction().execute(async (trx) => {
      const qid = await this.d.repo.insertQuestion(trx, {
        survey_id: id,
        position: (existing.at(-1)?.position ?? 0) + 1,
        ...questionColumns(q),
      });
      await this.audit(trx, ctx, s, 'survey.question_add', `新增题目「${q.title}」`, q);
      return qid;
    });
  }

  private async question(
    s: SurveyRow,
    questionId: number,
  ): Promise<{ list: Question[]; q: Question; index: number }> {
    const list = await this.d.repo.questions(s.id);
    const index = list.findIndex((x) => x.id === questionId);
    const q = list[index];
    if (!q) throw AppError.notFound('题目');
    return { list, q, index };
  }

  async updateQuestion(ctx: CallContext, id: number, questionId: number, fields: Record<string, unknown>) {
    const s = await this.authorised(ctx, id);
    this.draftOnly(s);
    await this.question(s, questionId);
    const parsed = parseQuestion(fields);
    if (!parsed.ok) throw AppError.validation(parsed.problems);
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.repo.updateQuestion(trx, questionId, questionColumns(parsed.value));
      await this.audit(
        trx,
        ctx,
        s,
        'survey.question_edit',
        `修改题目「${parsed.value.title}」`,
        parsed.value,
      );
    });
  }

  async removeQuestion(ctx: CallContext, id: number, questionId: number) {
    const s = await this.authorised(ctx, id);
    this.draftOnly(s);
    const { q } = await this.question(s, questionId);
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.repo.deleteQuestion(trx, questionId);
      await this.audit(trx, ctx, s, 'survey.question_remove', `删除题目「${q.title}」`);
    });
  }

  /** Swaps a question with its neighbour above (`up`) or below. */
  async moveQuestion(ctx: CallContext, id: number, questionId: number, direction: 'up' | 'down') {
    const s = await this.authorised(ctx, id);
    this.draftOnly(s);
    const { list, q, index } = await this.question(s, questionId);
    const other = list[direction === 'up' ? index - 1 : index + 1];
    if (!other) return;
    await this.d.db.transaction().execute(async (trx) => {
      // positions renumbered 1..n so equal or sparse positions never block a swap
      const order = list.map((x) => x.id);
      order[index] = other.id;
      order[list.indexOf(other)] = q.id;
      for (const [i, qid] of order.entries()) await this.d.repo.updateQuestion(trx, qid, { position: i + 1 });
      await this.audit(
        trx,
        ctx,
        s,
        'survey.question_move',
        `题目「${q.title}」${direction === 'up' ? '上移' : '下移'}`,
      );
    });
  }

  /** 草稿 → 进行中 by hand: needs a question and a window that has not ended. */
  async open(ctx: CallContext, id: number): Promise<void> {
    const s = await this.authorised(ctx, id);
    const today = this.today();
    const reasons: string[] = [];
    const inState = stepProblem('open', s.state);
    if (inState) reasons.push(inState);
    if ((await this.d.repo.questions(id)).length === 0) reasons.push('调查还没有题目，请先添加题目');
    if (s.closes_on && s.closes_on < today) reasons.push(`截止日期 ${s.closes_on} 已过，请先修改截止日期`);
    if (reasons.length)
      throw new AppError(
        'invalid_transition',
        reasons.join('；'),
        reasons.map((message) => ({ field: '_', message })),
      );
    await this.transition(ctx, s, 'draft', 'open', today);
  }

  /** 进行中 → 已结束 by hand. */
  async close(ctx: CallContext, id: number): Promise<void> {
    const s = await this.authorised(ctx, id);
    const problem = stepProblem('close', s.state);
    if (problem) throw new AppError('invalid_transition', problem);
    await this.transition(ctx, s, 'open', 'closed', this.today());
  }

  private async transition(
    ctx: CallContext,
    s: Pick<SurveyRow, 'id' | 'title' | 'opens_on'>,
    from: SurveyState,
    to: SurveyState,
    today: string,
  ) {
    const now = this.now();
    const patch =
      to === 'open'
        ? {
            state: to,
            opened_at: now,
            updated_at: now,
            opens_on: s.opens_on && s.opens_on <= today ? s.opens_on : today,
          }
        : { state: to, closed_at: now, updated_at: now };
    await this.d.db.transaction().execute(async (trx) => {
      const n = await this.d.repo.update(trx, s.id, from, patch);
      // another process (or the daily job) moved it first: nothing to do, nothing to record
      if (n === 0) return;
      await this.audit(
        trx,
        ctx,
        s,
        to === 'open' ? 'survey.open' : 'survey.close',
        to === 'open' ? '开始接受答卷' : '已结束，停止接受答卷',
      );
    });
  }

  /** Publishes the results of a closed survey that says they are public (survey.publish). */
  async publishResults(ctx: CallContext, id: number): Promise<void> {
    const s = await this.authorised(ctx, id, 'survey.publish');
    const reasons: string[] = [];
    const inState = stepProblem('publish_results', s.state);
    if (inState) reasons.push(inState);
    if (s.results_public !== 1) reasons.push('本调查设置为不公开结果');
    if (s.results_published_at) reasons.push('结果已发布');
    if (reasons.length)
      throw new AppError(
        'invalid_transition',
        reasons.join('；'),
        reasons.map((message) => ({ field: '_', message })),
      );
    await this.d.db.transaction().execute(async (trx) => {
      const n = await this.d.repo.update(trx, id, 'closed', {
        results_published_at: this.now(),
        updated_at: this.now(),
      });
      if (n === 0) throw new AppError('invalid_transition', '调查状态已变化，请刷新页面');
      const responses = await this.d.repo.countResponses(id, trx);
      await this.audit(trx, ctx, s, 'survey.publish_results', `的结果已公开发布（${responses} 份答卷）`);
    });
  }

  /**
   * The daily job for China day `day`: opens drafts whose 开始日期 has come, closes open surveys whose
   * 截止日期 has passed. Idempotent across processes: each change is conditional on the state it leaves.
   */
  async runDaily(day: string): Promise<{ opened: number; closed: number }> {
    const ctx = { actor: systemActor('在线调查每日任务'), meta: NO_REQUEST };
    let opened = 0;
    let closed = 0;
    for (const s of await this.d.repo.dueToClose(day)) {
      await this.transition(ctx, { ...s, opens_on: null }, 'open', 'closed', day);
      closed++;
    }
    for (const s of await this.d.repo.dueToOpen(day)) {
      const row = await this.d.repo.find(s.id);
      if (row) await this.transition(ctx, row, 'draft', 'open', day);
      opened++;
    }
    return { opened, closed };
  }
}

/** A parsed question as its table columns. */
function questionColumns(q: Omit<Question, 'id' | 'position'>) {
  return {
    kind: q.kind,
    title: q.title,
    help: q.help,
    required: q.required ? 1 : 0,
    options: JSON.stringify(q.options),
    min_choices: q.minChoices,
    max_choices: q.maxChoices,
    max_length: q.maxLength,
  };
}
