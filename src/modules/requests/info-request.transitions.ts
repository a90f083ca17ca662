/**
 * Runs one workflow event on a case through the workflow engine (lib/workflow/engine.ts): collects
 * every reason it cannot run (input, state, permission, guards), then changes the case only if it is
 * still in the state read, refreshes its due date, adds the public timeline entry, writes the audit
 * event and enqueues the letter e-mail — all in one transaction.
 */
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import type { CallContext } from '../../lib/actor.ts';
import { todayInShanghai } from '../../lib/calendar/dates.ts';
import { AppError } from '../../lib/errors.ts';
import type { EventAvailability } from '../../lib/workflow/definition.ts';
import { type Transition, WorkflowEngine } from '../../lib/workflow/engine.ts';
import { dueDateFor, toSnapshot } from './info-request.case.ts';
import type { InfoRequestDeps } from './info-request.deps.ts';
import { type Effect, type EffectContext, EVENT_SPECS, type EventSpec } from './info-request.events.ts';
import type { InfoRequestRow } from './info-request.repository.ts';
import {
  EVENTS,
  INFO_REQUEST_WORKFLOW,
  STATE_LABELS,
  type State,
  type WorkflowEvent,
} from './info-request.workflow.ts';

export type { InfoRequestDeps, LetterMailPort } from './info-request.deps.ts';

type Prepared = Awaited<ReturnType<InfoRequestTransitions['prepare']>>;

export class InfoRequestTransitions {
  private readonly engine;

  constructor(private readonly d: InfoRequestDeps) {
    this.engine = new WorkflowEngine(INFO_REQUEST_WORKFLOW, {
      db: d.db,
      audit: d.audit,
      conflict: () => new AppError('invalid_transition', '该申请刚刚已被他人处理，请刷新后重试'),
    });
  }

  /**
   * Runs `event` on case `id` with form input `raw`.
   * @throws AppError 'forbidden' (with all reasons) when the actor may not, 'invalid_transition' when
   *   the state or a guard refuses (or another user changed the case meanwhile), 'validation' when
   *   only the input is wrong.
   */
  async run(ctx: CallContext, id: number, event: WorkflowEvent, raw: unknown = {}): Promise<InfoRequestRow> {
    // The table is heterogeneous; each spec's schema and effect agree on its own input type.
    const spec = EVENT_SPECS[event] as unknown as EventSpec<z.ZodType>;
    return this.engine.run(ctx, {
      input: { schema: spec.schema, raw: raw ?? {} },
      event,
      prepare: () => this.prepare(ctx, id),
      subject: (p) => p.snapshot,
      env: (p) => ({ actor: ctx.actor, today: p.base.today }),
      checkInput: (v, p) => spec.check?.(v, p.base) ?? [],
      guardInput: (v) => spec.guardInput(v),
      commit: async ({ prepared: p, to, value }) => {
        const letterKind = spec.sendsLetter?.(p.base) ?? null;
        const mail =
          letterKind && this.d.letterMails ? await this.d.letterMails.prepare(ctx, p.row, letterKind) : null;
        return this.transition(p, event, to as State, (trx) => spec.effect(value, { ...p.base, trx }), mail);
      },
    });
  }

  /**
   * For every event of the table: whether `ctx.actor` may run it on the case now, and every reason
   * not (the input the event will need is not known yet, so its checks wait for the form).
   */
  async availability(ctx: CallContext, id: number): Promise<EventAvailability<WorkflowEvent>[]> {
    const p = await this.prepare(ctx, id);
    return this.engine.availability(p.snapshot, { actor: ctx.actor, today: p.base.today });
  }

  private async prepare(ctx: CallContext, id: number) {
    const row = await this.d.repo.findById(id);
    if (!row) throw AppError.notFound('申请');
    const unit = await this.d.unitDirectory.findById(row.unit_id);
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
        const u = await this.d.unitDirectory.findById(unitId, q);
        return u ? { name: u.name, active: u.active === 1 } : null;
      },
    };
    const letterKinds = await this.d.repo.letterKinds(id);
    return { row, base, snapshot: toSnapshot(row, unit.path, base.calendar, letterKinds) };
  }

  /** The change, the refreshed due date, the public timeline entry, the audit event and the mail. */
  private transition(
    p: Prepared,
    event: WorkflowEvent,
    to: State,
    effect: (trx: Transaction<DB>) => Promise<Effect> | Effect,
    mail: Awaited<ReturnType<NonNullable<InfoRequestDeps['letterMails']>['prepare']>>,
  ): Transition<Transaction<DB>, Effect & { dueDate: string | null }, InfoRequestRow> {
    const { row, base } = p;
    return {
      effect: async (trx) => {
        const e = await effect(trx);
        const merged = { ...row, ...e.patch, state: to } as InfoRequestRow;
        const consultations = await this.d.repo.consultations(row.id, trx);
        return { ...e, dueDate: dueDateFor(base.calendar, to, merged, consultations).dueDate };
      },
      change: (trx, e) => {
        const overdue = e.dueDate && e.dueDate >= base.today ? null : { ...row, ...e.patch }.overdue_since;
        const patch = {
          ...e.patch,
          state: to,
          due_date: e.dueDate,
          overdue_since: overdue,
          updated_at: base.now,
        };
        return this.d.repo.updateInState(trx, row.id, row.state, patch);
      },
      record: (trx, e) =>
        this.d.repo.addTimeline(trx, {
          request_id: row.id,
          occurred_at: base.now,
          event,
          from_state: row.state,
          to_state: to,
          public_note: e.note(e.dueDate),
          actor_user_id: base.actorUserId,
        }),
      audit: (e) => ({
        action: `request.${event}`,
        targetType: 'info_request',
        targetId: row.id,
        summary: `政府信息公开申请 ${row.reference}：${EVENTS[event].label}（${STATE_LABELS[row.state as State]} → ${STATE_LABELS[to]}）`,
        before: { state: row.state, dueDate: row.due_date },
        after: { state: to, dueDate: e.dueDate, ...e.patch },
      }),
      enqueue: async (trx) => {
        if (!mail || !this.d.letterMails) return [];
        const queued = await this.d.letterMails.enqueue(trx, mail);
        return [
          {
            action: 'request.letter_mailed',
            targetType: 'info_request',
            targetId: row.id,
            summary: `政府信息公开申请 ${row.reference}：${mail.subject.split('——')[0]}以电子邮件发送至 ${queued.recipient}`,
            after: { mailId: queued.id },
          },
        ];
      },
      result: async (trx) => (await this.d.repo.findById(row.id, trx)) as InfoRequestRow,
    };
  }
}
