/**
 * 在线访谈 use-cases: plan (预告), move along the transition table, public questions (anti-abuse,
 * moderation), the 实录 entries with checked images. Publication of the 实录 is interview-record.ts.
 * Every state change writes its audit event in the same transaction.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB, Unit } from '../../db/schema.ts';
import { can } from '../../kernel/permissions.ts';
import { type CallContext, NO_REQUEST, systemActor } from '../../lib/actor.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, type FieldProblem, isAppError } from '../../lib/errors.ts';
import { checkUpload } from '../../lib/file-types.ts';
import { abuseProblem } from '../../lib/form-abuse.ts';
import { parseInput, toProblems } from '../../lib/validation.ts';
import type { UnitService } from '../orgs/unit.service.ts';
import { isPolicyKind } from '../policies/policy.model.ts';
import type { PublishingApi } from '../publishing/publishing.api.ts';
import {
  entryInputSchema,
  IMAGE_RULE,
  INTERVIEW_EVENTS,
  INTERVIEW_STATE_LABELS,
  type InterviewEvent,
  type InterviewState,
  interviewInputSchema,
  moderationSchema,
  positiveIds,
  QUESTION_STATES,
  QUESTION_STATUS_LABELS,
  questionInputSchema,
  RECORD_EDIT_STATES,
  transitionProblem,
} from './interview.model.ts';
import { InterviewRepository, type InterviewRow } from './interview.repository.ts';

export interface InterviewDeps {
  db: Kysely<DB>;
  audit: AuditLog;
  clock: Clock;
  units: Pick<UnitService, 'activeUnits' | 'get'>;
  publishing: PublishingApi;
  /** Secret of the signed form timestamps (lib/form-abuse.ts). */
  formSecret: string;
}

export interface UploadedImage {
  fileName: string;
  content: Buffer;
}

/** Reads other units' documents for the checks (a policy may be another unit's). */
const READER: CallContext = { actor: systemActor('在线访谈'), meta: NO_REQUEST };

export class InterviewService {
  readonly repo: InterviewRepository;

  constructor(readonly d: InterviewDeps) {
    this.repo = new InterviewRepository(d.db);
  }

  /** Units where the actor may manage interviews. */
  async manageableUnits(ctx: CallContext): Promise<Unit[]> {
    const units = await this.d.units.activeUnits();
    return ctx.actor.kind === 'system'
      ? units
      : units.filter((u) => can(ctx.actor, 'interview.manage', u.path));
  }

  /** The interview for staff of its unit (forbidden otherwise). */
  async getForStaff(ctx: CallContext, id: number): Promise<{ row: InterviewRow; unit: Unit }> {
    const row = await this.repo.findById(id);
    if (!row) throw AppError.notFound('访谈');
    const unit = await this.d.units.get(row.unit_id);
    if (ctx.actor.kind !== 'system' && !can(ctx.actor, 'interview.manage', unit.path))
      throw AppError.forbidden();
    return { row, unit };
  }

  /** The policies must be published policy documents (they are linked as the 解读's targets). */
  private async policyProblems(ids: readonly number[]): Promise<FieldProblem[]> {
    const found = await this.d.publishing.publicDocuments.publishedSummaries(ids);
    const published = new Set(found.map((d) => d.id));
    const missing = ids.filter((id) => !published.has(id));
    const notPolicy: number[] = [];
    for (const id of ids.filter((i) => published.has(i))) {
      const doc = await this.d.publishing.documents.get(READER, id);
      if (!isPolicyKind(doc.kind)) notPolicy.push(id);
    }
    const problems: FieldProblem[] = [];
    if (missing.length)
      problems.push({
        field: 'policyIds',
        message: `解读的政策文件：信息编号 ${missing.join('、')} 不存在或尚未发布`,
      });
    if (notPolicy.length)
      problems.push({
        field: 'policyIds',
        message: `解读的政策文件：信息编号 ${notPolicy.join('、')} 不是规章、行政规范性文件或其他政策文件`,
      });
    return problems.slice(0, 1);
  }

  /** Every problem of the 预告 form at once: the fields, then whether the policies are published ones. */
  private async parseInterview(raw: unknown) {
    const parsed = interviewInputSchema.safeParse(raw);
    const ids = positiveIds('解读的政策文件').safeParse((raw as Record<string, unknown> | null)?.policyIds);
    const problems = parsed.success ? [] : toProblems(parsed.error);
    if (ids.success && !problems.some((p) => p.field === 'policyIds'))
      problems.push(...(await this.policyProblems(ids.data)));
    if (problems.length || !parsed.success) throw AppError.validation(problems);
    return parsed.data;
  }

  /** Creates an interview (草稿) in `unitId`. */
  async create(ctx: CallContext, unitId: number, raw: unknown): Promise<number> {
    const unit = await this.d.units.get(unitId);
    if (ctx.actor.kind !== 'system' && !can(ctx.actor, 'interview.manage', unit.path))
      throw AppError.forbidden();
    const input = await this.parseInterview(raw);
    const now = this.d.clock.now().toISOString();
    return this.d.db.transaction().execute(async (trx) => {
      const id = await this.repo.insert(trx, {
        unit_id: unit.id,
        title: input.title,
        summary: input.summary,
        host: input.host,
        guests: JSON.stringify(input.guests),
        starts_at: input.startsAt,
        ends_at: input.endsAt ?? null,
        status: 'draft',
        document_id: null,
        created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        created_at: now,
        updated_at: now,
      });
      await this.repo.setPolicies(trx, id, input.policyIds);
      await this.d.audit.record(trx, ctx, {
        action: 'interview.create',
        targetType: 'interview',
        targetId: id,
        summary: `新建在线访谈“${input.title}”`,
        after: { startsAt: input.startsAt, policies: input.policyIds },
      });
      return id;
    });
  }

  /** Edits the 预告 while it is a draft or announced (the session has not started). */
  async update(ctx: CallContext, id: number, raw: unknown): Promise<void> {
    const { row } = await this.getForStaff(ctx, id);
    const state = row.status as InterviewState;
    if (state !== 'draft' && state !== 'announced')
      throw new AppError(
        'invalid_transition',
        `访谈当前为“${INTERVIEW_STATE_LABELS[state]}”，预告不能再修改`,
      );
    const input = await this.parseInterview(raw);
    await this.d.db.transaction().execute(async (trx) => {
      const ok = await this.repo.update(trx, id, state, {
        title: input.title,
        summary: input.summary,
        host: input.host,
        guests: JSON.stringify(input.guests),
        starts_at: input.startsAt,
        ends_at: input.endsAt ?? null,
        updated_at: this.d.clock.now().toISOString(),
      });
      if (!ok) throw AppError.conflict('该访谈刚刚已被他人修改，请刷新后重试');
      await this.repo.setPolicies(trx, id, input.policyIds);
      await this.d.audit.record(trx, ctx, {
        action: 'interview.update',
        targetType: 'interview',
        targetId: id,
        summary: `修改在线访谈“${input.title}”的预告`,
        before: { title: row.title, startsAt: row.starts_at },
        after: { title: input.title, startsAt: input.startsAt, policies: input.policyIds },
      });
    });
  }

  /** Runs a staff event of the table (announce, start, end). */
  async transition(
    ctx: CallContext,
    id: number,
    event: Exclude<InterviewEvent, 'submit_record' | 'record_published'>,
  ) {
    const { row } = await this.getForStaff(ctx, id);
    await this.d.db.transaction().execute((trx) => this.move(trx, ctx, row, event));
  }

  /** Moves `row` by `event` inside `trx` with its audit event (refuses from any other state). */
  async move(
    trx: Transaction<DB>,
    ctx: CallContext,
    row: InterviewRow,
    event: InterviewEvent,
    patch: { document_id?: number } = {},
  ): Promise<void> {
    const state = row.status as InterviewState;
    const problem = transitionProblem(state, event);
    if (problem) throw new AppError('invalid_transition', problem);
    const rule = INTERVIEW_EVENTS[event];
    const ok = await this.repo.update(trx, row.id, state, {
      status: rule.to,
      ...patch,
      updated_at: this.d.clock.now().toISOString(),
    });
    if (!ok) throw new AppError('invalid_transition', '该访谈刚刚已被他人处理，请刷新后重试');
    await this.d.audit.record(trx, ctx, {
      action: `interview.${event}`,
      targetType: 'interview',
      targetId: row.id,
      summary: `在线访谈“${row.title}”：${rule.label}`,
      before: { status: state },
      after: { status: rule.to, ...patch },
    });
  }

  /**
   * A question from the public, in advance (预告) or during the session (进行中). Automated-looking
   * posts are refused as a whole; the question waits for moderation (待审核) and is shown only adopted.
   */
  async ask(
    ctx: CallContext,
    id: number,
    fields: Record<string, unknown>,
    minFillMs?: number,
  ): Promise<number> {
    const row = await this.repo.findPublic(id);
    if (!row) throw AppError.notFound('访谈');
    const abuse = abuseProblem(this.d.formSecret, fields, this.d.clock.now().getTime(), minFillMs);
    if (abuse) throw AppError.validation([{ field: '_', message: abuse }]);
    if (!QUESTION_STATES.includes(row.status as InterviewState))
      throw AppError.validation([{ field: 'content', message: '本期访谈已结束，不再征集网友提问' }]);
    const input = parseInput(questionInputSchema, fields);
    return this.d.db.transaction().execute(async (trx) => {
      const qid = await this.repo.insertQuestion(trx, {
        interview_id: id,
        asker_name: input.askerName,
        content: input.content,
        phase: row.status === 'live' ? 'live' : 'advance',
        status: 'pending',
        created_at: this.d.clock.now().toISOString(),
        moderated_by: null,
        moderated_at: null,
      });
      // The question text stays out of the audit log (it may hold personal data); the id points to it.
      await this.d.audit.record(trx, ctx, {
        action: 'interview.question_submit',
        targetType: 'interview_question',
        targetId: qid,
        summary: `网友向在线访谈“${row.title}”提问（待审核）`,
      });
      return qid;
    });
  }

  /** 采用 / 不予采用 a question that is still 待审核. */
  async moderate(ctx: CallContext, id: number, questionId: number, raw: unknown): Promise<void> {
    const { row } = await this.getForStaff(ctx, id);
    const q = await this.repo.findQuestion(questionId);
    if (!q || q.interview_id !== id) throw AppError.notFound('网友提问');
    const { decision } = parseInput(moderationSchema, raw);
    if (q.status !== 'pending')
      throw new AppError(
        'invalid_transition',
        `该提问已审核为“${QUESTION_STATUS_LABELS[q.status as 'adopted']}”`,
      );
    await this.d.db.transaction().execute(async (trx) => {
      const ok = await this.repo.moderate(trx, questionId, {
        status: decision,
        moderated_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        moderated_at: this.d.clock.now().toISOString(),
      });
      if (!ok) throw new AppError('invalid_transition', '该提问刚刚已被他人审核，请刷新后查看');
      await this.d.audit.record(trx, ctx, {
        action: 'interview.question_moderate',
        targetType: 'interview_question',
        targetId: questionId,
        summary: `在线访谈“${row.title}”的网友提问：${QUESTION_STATUS_LABELS[decision]}`,
        before: { status: 'pending' },
        after: { status: decision },
      });
    });
  }

  /** Adds an entry to the 实录 (during or after the session), with an optional checked image. */
  async addEntry(ctx: CallContext, id: number, raw: unknown, image?: UploadedImage): Promise<number> {
    const { row } = await this.getForStaff(ctx, id);
    const problems: FieldProblem[] = [];
    const parsed = entryInputSchema.safeParse(raw);
    if (!parsed.success) problems.push(...toProblems(parsed.error));
    let kind: string | null = null;
    if (image) {
      try {
        kind = checkUpload('image', '配图', image.fileName, image.content, IMAGE_RULE);
      } catch (e) {
        if (!isAppError(e)) throw e;
        problems.push(...e.problems);
      }
    }
    if (parsed.success && parsed.data.questionId !== undefined) {
      const q = await this.repo.findQuestion(parsed.data.questionId);
      if (!q || q.interview_id !== id || q.status !== 'adopted')
        problems.push({ field: 'questionId', message: '对应的网友提问应为本期访谈已采用的提问' });
    }
    if (problems.length || !parsed.success) throw AppError.validation(problems);
    if (!RECORD_EDIT_STATES.includes(row.status as InterviewState))
      throw new AppError(
        'invalid_transition',
        `访谈当前为“${INTERVIEW_STATE_LABELS[row.status as InterviewState]}”，不能编辑实录`,
      );
    const e = parsed.data;
    return this.d.db.transaction().execute(async (trx) => {
      const entryId = await this.repo.insertEntry(trx, {
        interview_id: id,
        role: e.role,
        speaker: e.speaker,
        content: e.content,
        question_id: e.questionId ?? null,
        image_name: image && kind ? image.fileName : null,
        image_kind: image && kind ? kind : null,
        image_data: image && kind ? image.content.toString('base64') : null,
        created_at: this.d.clock.now().toISOString(),
      });
      await this.d.audit.record(trx, ctx, {
        action: 'interview.entry_add',
        targetType: 'interview',
        targetId: id,
        summary: `在线访谈“${row.title}”的实录增加一条${image ? '（含配图）' : ''}`,
        after: { entryId },
      });
      return entryId;
    });
  }

  async removeEntry(ctx: CallContext, id: number, entryId: number): Promise<void> {
    const { row } = await this.getForStaff(ctx, id);
    if (!RECORD_EDIT_STATES.includes(row.status as InterviewState))
      throw new AppError('invalid_transition', '实录已提交发布，不能再删除条目');
    await this.d.db.transaction().execute(async (trx) => {
      if (!(await this.repo.deleteEntry(trx, id, entryId))) throw AppError.notFound('实录条目');
      await this.d.audit.record(trx, ctx, {
        action: 'interview.entry_remove',
        targetType: 'interview',
        targetId: id,
        summary: `在线访谈“${row.title}”的实录删除一条`,
        before: { entryId },
      });
    });
  }
}
