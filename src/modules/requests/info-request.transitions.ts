/**
 * Runs one workflow event on a case: collects every reason it cannot run (input, state, permission,
 * guards), then changes the case, refreshes its due date, adds the public timeline entry and writes
 * the audit event — all in one transaction.
 */
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import type { CallContext } from '../../lib/actor.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import type { WorkingDayCalendar } from '../../lib/calendar/calendar.ts';
import { todayInShanghai } from '../../lib/calendar/dates.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, type FieldProblem } from '../../lib/errors.ts';
import { toProblems } from '../../lib/validation.ts';
import type { UnitDirectory } from '../orgs/unit-directory.ts';
import { dueDateFor, toSnapshot } from './info-request.case.ts';
import { type Effect, type EffectContext, EVENT_SPECS, type EventSpec } from './info-request.events.ts';
import type { InfoRequestRepository, InfoRequestRow } from './info-request.repository.ts';
import {
  actorProblem,
  EVENTS,
  STATE_LABELS,
  type State,
  targetState,
  transitionProblems,
  type WorkflowEvent,
} from './info-request.workflow.ts';
import type { LetterMails } from './info-request-letter.mail.tsx';

/** Dependencies shared by the 依申请公开 services. */
export interface InfoRequestDeps {
  db: Kysely<DB>;
  repo: InfoRequestRepository;
  unitRepo: UnitDirectory;
  audit: AuditLog;
  clock: Clock;
  calendar: { calendar(): Promise<WorkingDayCalendar> };
  /** E-mails the letters events send (absent where mail is not wired, e.g. some tests). */
  letterMails?: LetterMails;
}

export class InfoRequestTransitions {
  constructor(private readonly d: InfoRequestDeps) {}

  /**
   * Runs `event` on case `id` with form input `raw`.
   * @throws AppError 'forbidden' (with all reasons) when the actor may not, 'invalid_transition' when
   *   the state or a guard refuses (or another user changed the case meanwhile), 'validation' when
   *   only the input is wrong.
   */
  async run(ctx: CallContext, id: number, event: WorkflowEvent, raw: unknown = {}): Promise<InfoRequestRow> {
    const p = await this.prepare(ctx, id);
    // The table is heterogeneous; each spec's schema and effect agree on its own input type.
    const spec = EVENT_SPECS[event] as unknown as EventSpec<z.ZodType>;
    const snapshot = toSnapshot(p.row, p.unitPath, p.base.calendar, p.letterKinds);
    const parsed = spec.schema.safeParse(raw ?? {});
    const fieldProblems = parsed.success
      ? await (spec.check?.(parsed.data, p.base) ?? [])
      : toProblems(parsed.error);
    const input = parsed.success ? spec.guardInput(parsed.data) : {};
    const reasons = transitionProblems(event, snapshot, input, { actor: ctx.actor, today: p.base.today });
    throwIfProblems(event, reasons, fieldProblems, actorProblem(event, snapshot, ctx.actor) !== null);
    const to = targetState(event, snapshot);
    const letterKind = spec.sendsLetter?.(p.base) ?? null;
    const mail =
      letterKind && this.d.letterMails ? await this.d.letterMails.prepare(ctx, p.row, letterKind) : null;
    return this.d.db.transaction().execute(async (trx) => {
      const effect = await spec.effect(parsed.success ? parsed.data : {}, { ...p.base, trx });
      await this.apply(trx, ctx, p, event, to, effect);
      if (mail && this.d.letterMails) {
        const queued = await this.d.letterMails.enqueue(trx, mail);
        await this.d.audit.record(trx, ctx, {
          action: 'request.letter_mailed',
          targetType: 'info_request',
          targetId: id,
          summary: `政府信息公开申请 ${p.row.reference}：${mail.subject.split('——')[0]}以电子邮件发送至 ${queued.recipient}`,
          after: { mailId: queued.id },
        });
      }
      return (await this.d.repo.findById(id, trx)) as InfoRequestRow;
    });
  }

  private async prepare(ctx: CallContext, id: number) {
    const row = await this.d.repo.findById(id);
    if (!row) throw AppError.notFound('申请');
    const unit = await this.d.unitRepo.findById(row.unit_id);
    if (!unit) throw AppError.notFound('单位');
    const base: Omit<EffectContext, 'trx'> = {
      repo: this.d.repo,
      row,
      consultations: await this.d.repo.consultations(id),
      calendar: await this.d.calendar.calendar(),
      today: todayInShanghai(this.d.clock.now()),
      now: this.d.clock.now().toISOString(),
      actorUserId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      unitName: async (unitId: number, q?: Transaction<DB>) => {
        const u = await this.d.unitRepo.findById(unitId, q);
        return u ? { name: u.name, active: u.active === 1 } : null;
      },
    };
    return { row, unitPath: unit.path, base, letterKinds: await this.d.repo.letterKinds(id) };
  }

  /** Writes the change, the refreshed due date, the public timeline entry and the audit event. */
  private async apply(
    trx: Transaction<DB>,
    ctx: CallContext,
    p: Awaited<ReturnType<InfoRequestTransitions['prepare']>>,
    event: WorkflowEvent,
    to: State,
    effect: Effect,
  ): Promise<void> {
    const { row, base } = p;
    const merged = { ...row, ...effect.patch, state: to } as InfoRequestRow;
    const consultations = await this.d.repo.consultations(row.id, trx);
    const { dueDate } = dueDateFor(base.calendar, to, merged, consultations);
    const overdue = dueDate && dueDate >= base.today ? null : merged.overdue_since;
    const patch = {
      ...effect.patch,
      state: to,
      due_date: dueDate,
      overdue_since: overdue,
      updated_at: base.now,
    };
    // Checked again inside the transaction: someone else (or the daily job) may have moved the case.
    if (!(await this.d.repo.updateInState(trx, row.id, row.state, patch))) {
      throw new AppError('invalid_transition', '该申请刚刚已被他人处理，请刷新后重试');
    }
    await this.d.repo.addTimeline(trx, {
      request_id: row.id,
      occurred_at: base.now,
      event,
      from_state: row.state,
      to_state: to,
      public_note: effect.note(dueDate),
      actor_user_id: base.actorUserId,
    });
    await this.d.audit.record(trx, ctx, {
      action: `request.${event}`,
      targetType: 'info_request',
      targetId: row.id,
      summary: `政府信息公开申请 ${row.reference}：${EVENTS[event].label}（${STATE_LABELS[row.state as State]} → ${STATE_LABELS[to]}）`,
      before: { state: row.state, dueDate: row.due_date },
      after: { state: to, dueDate, ...effect.patch },
    });
  }
}

function throwIfProblems(
  event: WorkflowEvent,
  reasons: string[],
  fields: FieldProblem[],
  forbidden: boolean,
): void {
  if (reasons.length === 0 && fields.length === 0) return;
  const all = [...reasons.map((message) => ({ field: '_', message })), ...fields];
  if (forbidden) throw new AppError('forbidden', reasons.join('；'), all);
  if (reasons.length)
    throw new AppError('invalid_transition', `不能${EVENTS[event].label}：${reasons.join('；')}`, all);
  throw AppError.validation(fields);
}
