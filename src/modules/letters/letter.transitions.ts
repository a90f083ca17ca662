/**
 * Runs one workflow event on a letter through the engine (lib/workflow/engine.ts): every reason it cannot
 * run is collected (input, state, who, guards); then, in ONE transaction, the letter changes only if its
 * revision is still the one read, the reply row follows, the timeline entry and the audit record are
 * written and the reply e-mail is enqueued. Saving a draft (no state change) is here too.
 */
import type { Kysely, Transaction, Updateable } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { can } from '../../kernel/permissions.ts';
import type { CallContext } from '../../lib/actor.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import { todayInShanghai } from '../../lib/calendar/dates.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, type FieldProblem } from '../../lib/errors.ts';
import type { MailOutbox } from '../../lib/mail/mail-outbox.ts';
import type { EventAvailability } from '../../lib/workflow/definition.ts';
import { WorkflowEngine } from '../../lib/workflow/engine.ts';
import type { CalendarService } from '../calendar/calendar.service.ts';
import type { UnitDirectory } from '../orgs/unit-directory.ts';
import {
  CLOSE_REASONS,
  LETTER_STATUS_LABELS,
  type LetterEventKind,
  type LetterStatus,
  MAX_REASON_LENGTH,
  MAX_REPLY_LENGTH,
  RATINGS,
} from './letter.model.ts';
import { textProblem } from './letter.schemas.ts';
import type { LetterService } from './letter.service.ts';
import { LETTER_EVENTS, LETTER_WORKFLOW, type LetterEvent, type LetterSnapshot } from './letter.workflow.ts';
import { computeLetterDue, limitFor } from './letter-clock.ts';
import type { LetterRow, LettersRepository, ReplyRow } from './letters.repository.ts';
import type { LetterTable } from './letters.tables.ts';

export interface LetterTransitionDeps {
  db: Kysely<DB>;
  audit: AuditLog;
  clock: Clock;
  calendar: CalendarService;
  mail: MailOutbox;
  units: UnitDirectory;
  repo: LettersRepository;
  letters: LetterService;
}

/** A text field of an event form: refused with the field named (markup, NUL, length). */
const textField = (label: string, max: number) =>
  z
    .preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string())
    .superRefine((v, ctx) => {
      const p = v === '' ? null : textProblem(label, v, max);
      if (p) ctx.addIssue({ code: 'custom', message: p });
    })
    .transform((v) => (v === '' ? null : v));

const unitField = z
  .preprocess(
    (v) => (v === '' || v === undefined || v === null ? null : Number(v)),
    z.number().int().positive().nullable(),
  )
  .catch(null);

const SCHEMA = z.object({
  unitId: unitField.optional(),
  reason: textField('理由', MAX_REASON_LENGTH).optional(),
  closeReason: z
    .preprocess(
      (v) => (v === '' || v === undefined ? null : v),
      z
        .enum(CLOSE_REASONS.map((r) => r.code) as [string, ...string[]], { message: '关闭理由选择有误' })
        .nullable(),
    )
    .optional(),
  duplicateOf: textField('此前来信的编号', 20).optional(),
  rating: z
    .preprocess(
      (v) => (v === '' || v === undefined ? null : v),
      z.enum(RATINGS.map((r) => r.code) as [string, ...string[]], { message: '评价选择有误' }).nullable(),
    )
    .optional(),
  text: textField('追问内容', 2_000).optional(),
  body: textField('答复内容', MAX_REPLY_LENGTH).optional(),
});
type EventValue = z.infer<typeof SCHEMA>;

/** What one event changes. */
interface Change {
  patch: Updateable<LetterTable>;
  kind: LetterEventKind;
  fromUnit?: number | null;
  toUnit?: number | null;
  note?: string | null;
  reply?: (trx: Transaction<DB>) => Promise<void>;
}

type Prepared = Awaited<ReturnType<LetterTransitions['prepare']>>;

export class LetterTransitions {
  private readonly engine;

  constructor(private readonly d: LetterTransitionDeps) {
    this.engine = new WorkflowEngine(LETTER_WORKFLOW, {
      db: d.db,
      audit: d.audit,
      conflict: () => new AppError('invalid_transition', '该来信刚刚已被他人处理，请刷新后重试'),
    });
  }

  /** Runs `event` on letter `id` as staff. */
  async run(ctx: CallContext, id: number, event: LetterEvent, raw: unknown = {}): Promise<LetterRow> {
    return this.runAs(ctx, id, event, raw, false);
  }

  /** Runs a writer's event (rate, follow_up) after checking 编号 + 查询码. */
  async runAsWriter(
    ctx: CallContext,
    reference: string,
    code: string,
    event: 'rate' | 'follow_up',
    raw: unknown,
  ): Promise<LetterRow> {
    const row = await this.d.letters.findForWriter(reference, code);
    return this.runAs(ctx, row.id, event, raw, true);
  }

  /** For every staff event: whether `ctx.actor` may run it now, and why not. */
  async availability(ctx: CallContext, id: number): Promise<EventAvailability<LetterEvent>[]> {
    const p = await this.prepare(id);
    return this.engine.offered(p.snapshot, { actor: ctx.actor, writer: false });
  }

  /** What the writer may do now (the query page): rate and follow up, with their reasons. */
  async writerOptions(id: number): Promise<EventAvailability<LetterEvent>[]> {
    const p = await this.prepare(id);
    return this.engine
      .availability(p.snapshot, { actor: { kind: 'anonymous' }, writer: true })
      .filter((a) => a.event === 'rate' || a.event === 'follow_up');
  }

  private async runAs(
    ctx: CallContext,
    id: number,
    event: LetterEvent,
    raw: unknown,
    writer: boolean,
  ): Promise<LetterRow> {
    return this.engine.run(ctx, {
      input: { schema: SCHEMA, raw: raw ?? {} },
      event,
      prepare: () => this.prepare(id),
      subject: (p) => p.snapshot,
      env: () => ({ actor: ctx.actor, writer }),
      guardInput: (v) => ({
        unitId: v.unitId ?? null,
        reason: v.reason ?? null,
        closeReason: v.closeReason ?? null,
        duplicateOf: v.duplicateOf ?? null,
        rating: v.rating ?? null,
        text: v.text ?? null,
        body: v.body ?? null,
      }),
      checkInput: (v, p) => this.checkInput(event, v, p),
      commit: async ({ prepared: p, to, value }) => {
        const change = await this.changeFor(ctx, event, value, p);
        const mail = event === 'send_reply' ? this.replyMail(p) : null;
        const status = to as LetterStatus;
        return {
          change: (trx: Transaction<DB>) =>
            this.d.repo.updateIfRevision(trx, p.row.id, p.row.revision, {
              ...change.patch,
              status,
              updated_at: p.now,
            }),
          record: async (trx: Transaction<DB>) => {
            if (change.reply) await change.reply(trx);
            await this.d.repo.addEvent(trx, {
              letter_id: p.row.id,
              kind: change.kind,
              from_unit_id: change.fromUnit ?? null,
              to_unit_id: change.toUnit ?? null,
              note: change.note ?? null,
              actor_id: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
              at: p.now,
            });
          },
          audit: () => ({
            action: `letter.${event}`,
            targetType: 'letter',
            targetId: p.row.id,
            summary: `来信 ${p.row.reference}：${LETTER_EVENTS[event].label}（${LETTER_STATUS_LABELS[p.row.status as LetterStatus]} → ${LETTER_STATUS_LABELS[status]}）`,
            before: { status: p.row.status, unitId: p.row.unit_id, dueOn: p.row.due_on },
            after: { status, ...change.patch },
          }),
          enqueue: async (trx: Transaction<DB>) => {
            if (!mail) return [];
            await this.d.mail.enqueue(trx, mail);
            return [
              {
                action: 'letter.reply_mailed',
                targetType: 'letter',
                targetId: p.row.id,
                summary: `来信 ${p.row.reference}：答复已通过电子邮件发送给来信人`,
              },
            ];
          },
          result: async (trx: Transaction<DB>) => (await this.d.repo.findById(p.row.id, trx)) as LetterRow,
        };
      },
    });
  }

  async prepare(id: number) {
    const row = await this.d.repo.findById(id);
    if (!row) throw AppError.notFound('来信');
    const channel = await this.d.repo.channel(row.channel_id);
    if (!channel) throw AppError.notFound('信箱');
    const owner = await this.d.units.findById(channel.unit_id);
    const unit = row.unit_id ? await this.d.units.findById(row.unit_id) : undefined;
    const round = row.follow_up_at ? 2 : 1;
    const reply = await this.d.repo.currentReply(row.id, round);
    const now = this.d.clock.now();
    const snapshot: LetterSnapshot = {
      status: row.status as LetterStatus,
      unitPath: unit?.path ?? null,
      ownerPath: owner?.path ?? '/0/',
      unitId: row.unit_id,
      simple: row.simple === 1,
      rated: row.rating !== null,
      followedUp: row.follow_up_at !== null,
      replyDraftedBy: reply && reply.status !== 'sent' ? reply.drafted_by : null,
      replyHasText: !!reply && reply.status !== 'sent' && reply.body.trim() !== '',
    };
    return {
      row,
      channel,
      round,
      reply: reply && reply.status !== 'sent' ? reply : null,
      snapshot,
      today: todayInShanghai(now),
      now: now.toISOString(),
    };
  }

  private async checkInput(event: LetterEvent, v: EventValue, p: Prepared): Promise<FieldProblem[]> {
    const problems: FieldProblem[] = [];
    if ((event === 'route' || event === 'transfer') && v.unitId) {
      const u = await this.d.units.findById(v.unitId);
      if (u?.active !== 1) problems.push({ field: 'unitId', message: '所选承办单位不存在或已停用' });
    }
    if (event === 'close' && v.closeReason === 'duplicate' && v.duplicateOf) {
      const earlier = await this.d.repo.findByReference(v.duplicateOf.toUpperCase());
      if (!earlier || earlier.id === p.row.id)
        problems.push({ field: 'duplicateOf', message: `找不到编号为 ${v.duplicateOf} 的此前来信` });
    }
    return problems;
  }

  private async changeFor(ctx: CallContext, event: LetterEvent, v: EventValue, p: Prepared): Promise<Change> {
    const { row } = p;
    const userId = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
    switch (event) {
      case 'route':
        return { patch: { unit_id: v.unitId ?? null }, kind: 'routed', toUnit: v.unitId ?? null };
      case 'hand_back':
        return {
          patch: { unit_id: null },
          kind: 'handed_back',
          fromUnit: row.unit_id,
          note: v.reason ?? null,
        };
      case 'transfer': {
        const limits = await this.d.letters.limits();
        const restart = limits.transferResetsClock ? await this.restart(p, 'transfer') : {};
        return {
          patch: { unit_id: v.unitId ?? null, ...restart },
          kind: 'transferred',
          fromUnit: row.unit_id,
          toUnit: v.unitId ?? null,
          note: v.reason ?? null,
        };
      }
      case 'mark_simple': {
        const due = await this.due(
          p,
          row.clock_started_on,
          row.follow_up_at ? 'follow_up' : 'received',
          true,
        );
        return {
          patch: { simple: 1, due_on: due.dueOn, limit_working_days: due.limit.days },
          kind: 'marked_simple',
          note: `答复期限按简单咨询重新计算，至 ${due.dueOn}`,
        };
      }
      case 'submit_reply':
        return {
          patch: {},
          kind: 'reply_submitted',
          reply: (trx) => this.saveReply(trx, p, v.body ?? null, userId, 'in_review'),
        };
      case 'return_reply':
        return {
          patch: {},
          kind: 'reply_returned',
          note: v.reason ?? null,
          reply: (trx) =>
            this.d.repo.updateReply(trx, (p.reply as ReplyRow).id, {
              status: 'returned',
              reviewed_by: userId,
              reviewed_at: p.now,
              review_note: v.reason ?? null,
            }),
        };
      case 'send_reply':
        return {
          patch: { answered_at: p.now, answered_on: p.today },
          kind: 'reply_sent',
          reply: (trx) =>
            this.d.repo.updateReply(trx, (p.reply as ReplyRow).id, {
              status: 'sent',
              reviewed_by: userId,
              reviewed_at: p.now,
              sent_at: p.now,
            }),
        };
      case 'close': {
        const earlier = v.duplicateOf
          ? await this.d.repo.findByReference(v.duplicateOf.toUpperCase())
          : undefined;
        const label = CLOSE_REASONS.find((r) => r.code === v.closeReason)?.label ?? '';
        return {
          patch: {
            close_reason: v.closeReason ?? null,
            close_note: v.reason ?? null,
            closed_at: p.now,
            duplicate_of: v.closeReason === 'duplicate' ? (earlier?.id ?? null) : null,
          },
          kind: 'closed',
          note: `${label}${earlier ? `（此前来信 ${earlier.reference}）` : ''}：${v.reason ?? ''}`,
        };
      }
      case 'rate':
        return {
          patch: { rating: v.rating ?? null, rated_at: p.now },
          kind: 'rated',
          note: RATINGS.find((r) => r.code === v.rating)?.label ?? null,
        };
      case 'follow_up': {
        const restart = await this.restart(p, 'follow_up');
        return { patch: { follow_up: v.text ?? null, follow_up_at: p.now, ...restart }, kind: 'follow_up' };
      }
    }
  }

  /** The clock restarted today (a follow-up's round 2, or a transfer when the setting says so). */
  private async restart(p: Prepared, start: 'transfer' | 'follow_up') {
    const due = await this.due(p, p.today, start, p.row.simple === 1);
    return { clock_started_on: p.today, due_on: due.dueOn, limit_working_days: due.limit.days };
  }

  private async due(
    p: Prepared,
    from: string,
    start: 'received' | 'transfer' | 'follow_up',
    simple: boolean,
  ) {
    const calendar = await this.d.calendar.calendar();
    const limits = await this.d.letters.limits();
    return computeLetterDue(calendar, from, start, limitFor({ type: p.row.type, simple }, p.channel, limits));
  }

  private async saveReply(
    trx: Transaction<DB>,
    p: Prepared,
    body: string | null,
    userId: number | null,
    status: 'draft' | 'in_review',
  ): Promise<void> {
    if (p.reply) {
      await this.d.repo.updateReply(trx, p.reply.id, {
        ...(body !== null ? { body, drafted_by: userId, drafted_at: p.now } : {}),
        unit_id: p.row.unit_id as number,
        status,
      });
      return;
    }
    await this.d.repo.insertReply(trx, {
      letter_id: p.row.id,
      round: p.round,
      unit_id: p.row.unit_id as number,
      body: body ?? '',
      status,
      drafted_by: userId,
      drafted_at: p.now,
    });
  }

  /** 保存草稿: the reply of the current round, while the letter is at the unit (no state change). */
  async saveDraft(ctx: CallContext, id: number, raw: { body?: unknown }): Promise<void> {
    const p = await this.prepare(id);
    if (p.row.status === 'closed') throw new AppError('invalid_transition', '该来信已关闭，不能答复');
    if (p.row.status !== 'assigned')
      throw new AppError(
        'invalid_transition',
        `“${LETTER_STATUS_LABELS[p.row.status as LetterStatus]}”状态的来信不能修改答复草稿`,
      );
    if (!p.snapshot.unitPath || !can(ctx.actor, 'letter.handle', p.snapshot.unitPath))
      throw AppError.forbidden('您没有办理此来信的权限');
    const body = typeof raw.body === 'string' ? raw.body.trim() : '';
    const problem = body === '' ? '请填写答复内容' : textProblem('答复内容', body, MAX_REPLY_LENGTH);
    if (problem) throw AppError.validation([{ field: 'body', message: problem }]);
    const userId = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
    await this.d.db.transaction().execute(async (trx) => {
      await this.saveReply(trx, p, body, userId, 'draft');
      await this.d.audit.record(trx, ctx, {
        action: 'letter.draft_save',
        targetType: 'letter',
        targetId: id,
        summary: `来信 ${p.row.reference}：保存答复草稿（第 ${p.round} 轮）`,
      });
    });
  }

  /** The reply e-mail to the writer, when mail is configured and an address was given. */
  private replyMail(p: Prepared) {
    if (!this.d.mail.enabled || !p.reply) return null;
    const writer = this.d.letters.writerOf(p.row);
    if (!writer.email) return null;
    return {
      kind: 'letter_reply',
      ref: { type: 'letter_reply', id: p.reply.id },
      to: writer.email,
      subject: `来信答复：编号 ${p.row.reference}`,
      text: [
        `您好，您的来信（编号 ${p.row.reference}）已答复：`,
        '',
        p.reply.body,
        '',
        '凭编号和查询码可在网站“来信查询”页面查看答复，并对答复进行评价或追问一次。',
      ].join('\n'),
    };
  }
}
