/**
 * Runs one event of a declared workflow (definition.ts) the same way everywhere:
 *
 * 1. parse the input with zod (field problems; optionally refused at once, before loading);
 * 2. prepare: load the subject and whatever the event needs (outside any transaction);
 * 3. collect EVERY reason the event cannot run — state, actor, guards, input checks, heavier checks
 *    such as pre-publication findings — and throw them together (the workflow's refusal policy picks
 *    the error code);
 * 4. build the commit outside the transaction (SQLite has a single connection: slow reads and
 *    rendering, such as an e-mail's .docx, happen before it is held);
 * 5. ONE transaction: the event's own rows → the conditional state change (compare-and-set on the
 *    state read; none changed = someone else was faster, the conflict error) → records that follow
 *    (timeline entry, review row, search index) → the audit event → outbox hooks (which may add
 *    audit events) → the result;
 * 6. effects after commit.
 *
 * Generic over the transaction type, so it knows nothing of the schema: modules pass their Kysely
 * instance and AuditLog, which fit the two small ports below.
 */
import type { z } from 'zod';
import type { CallContext } from '../actor.ts';
import type { AuditEntry } from '../audit/audit-log.ts';
import { AppError, type FieldProblem } from '../errors.ts';
import { toProblems } from '../validation.ts';
import {
  availability,
  type EventAvailability,
  type EventRule,
  eventReasons,
  offeredEvents,
  type Reason,
  reasonMessages,
  targetOf,
  type WorkflowDefinition,
} from './definition.ts';

/** What the engine writes to the audit log: lib/audit's entry (the actor's own name, always). */
export type WorkflowAuditEntry = Omit<AuditEntry, 'actorNameOverride'>;

/** Kysely's `db.transaction().execute(…)`. */
export interface TransactionPort<Trx> {
  transaction(): { execute<T>(callback: (trx: Trx) => Promise<T>): Promise<T> };
}

/** lib/audit's AuditLog. */
export interface AuditPort<Trx> {
  record(trx: Trx, ctx: CallContext, entry: WorkflowAuditEntry): Promise<void>;
}

/** Everything that stops one event, for the refusal policy. */
export interface Refusal<Ev extends string> {
  event: Ev;
  label: string;
  reasons: Reason[];
  fields: FieldProblem[];
}

export type RefusalPolicy<Ev extends string> = (r: Refusal<Ev>) => AppError;

/**
 * The default refusal: any actor reason → 'forbidden' (with every reason); else any other reason →
 * 'invalid_transition' "不能<event>：…"; else 'validation' with the field problems.
 */
function refuseByKind<Ev extends string>(r: Refusal<Ev>): AppError {
  const messages = reasonMessages(r.reasons);
  const all = [...messages.map((message) => ({ field: '_', message })), ...r.fields];
  if (r.reasons.some((x) => x.kind === 'actor')) return new AppError('forbidden', messages.join('；'), all);
  if (messages.length)
    return new AppError('invalid_transition', `不能${r.label}：${messages.join('；')}`, all);
  return AppError.validation(r.fields);
}

/** The default conflict when the compare-and-set updated nothing. */
const STALE_SUBJECT = () => new AppError('invalid_transition', '刚刚已被他人处理，请刷新后重试');

/** What one event writes inside its transaction, in this order. `W` is what the effect returns. */
export interface Transition<Trx, W, Out> {
  /** The event's own rows (e.g. a consultation letter), before the state change; returns what it needs. */
  effect?: (trx: Trx) => Promise<W> | W;
  /** The conditional state change: update only if still in the state read; false when nothing changed. */
  change: (trx: Trx, w: W) => Promise<boolean>;
  /** Rows that follow the change: timeline entry, review record, search index, recomputed status. */
  record?: (trx: Trx, w: W) => Promise<void>;
  /** The audit event (or events) of the change. */
  audit: (w: W) => WorkflowAuditEntry | readonly WorkflowAuditEntry[];
  /** Outbox and job hooks in the same transaction; may return audit events of their own. */
  enqueue?: (trx: Trx, w: W) => Promise<readonly WorkflowAuditEntry[] | undefined>;
  /** What `run` returns, read inside the transaction. */
  result?: (trx: Trx, w: W) => Promise<Out> | Out;
}

/** What the commit builder knows: the loaded data, the event, its states and the parsed input. */
export interface CommitStep<St extends string, Ev extends string, P, V> {
  prepared: P;
  event: Ev;
  from: St;
  to: St | null;
  value: V;
}

/** One run of an event: how to load, check and write it. */
export interface RunPlan<St extends string, Ev extends string, S, I, E, Trx, P, V, W, Out> {
  /**
   * The raw input and its schema (or how the loaded data chooses the schema); `first` refuses input
   * problems before anything is loaded (only with a fixed schema).
   */
  input?: { schema: z.ZodType<V> | ((p: P) => z.ZodType<V>); raw: unknown; first?: boolean };
  /** The event, or how the input chooses it (e.g. a 保密审查 conclusion; needs a fixed schema). */
  event: Ev | ((value: V) => Ev);
  /** Loads the subject and everything the event needs (throws not_found / forbidden on access). */
  prepare: () => Promise<P>;
  subject: (p: P) => S;
  env: (p: P) => E;
  /** Field checks that need the loaded data; called only with valid input. */
  checkInput?: (value: V, p: P) => FieldProblem[] | Promise<FieldProblem[]>;
  /** The part of the input the table's input guards look at. */
  guardInput?: (value: V, p: P) => I;
  /** Heavier reasons, run after the table's own (pre-publication check findings). */
  moreReasons?: (p: P, event: Ev) => Promise<string[]>;
  /** Builds the transaction's steps; runs before the transaction (slow reads, rendering). */
  commit: (step: CommitStep<St, Ev, P, V>) => Promise<Transition<Trx, W, Out>> | Transition<Trx, W, Out>;
  /** This run's refusal policy, when it differs from the workflow's. */
  refuse?: RefusalPolicy<Ev>;
  /** Side effects once committed. */
  afterCommit?: (out: Out, step: CommitStep<St, Ev, P, V>) => Promise<void> | void;
}

export interface EngineDeps<Ev extends string, Trx> {
  db: TransactionPort<Trx>;
  audit: AuditPort<Trx>;
  /** How reasons and field problems become one error (default `refuseByKind`). */
  refuse?: RefusalPolicy<Ev>;
  /** The error when the compare-and-set finds the subject changed (default `STALE_SUBJECT`). */
  conflict?: () => AppError;
}

export class WorkflowEngine<St extends string, Ev extends string, S, I, E, R extends EventRule<St, S>, Trx> {
  constructor(
    readonly def: WorkflowDefinition<St, Ev, S, I, E, R>,
    private readonly d: EngineDeps<Ev, Trx>,
  ) {}

  /** Every reason `event` cannot run (input checks only when `input` is given). */
  reasons(event: Ev, subject: S, env: E, input?: I): string[] {
    return reasonMessages(eventReasons(this.def, event, subject, env, input));
  }

  /** For every event: available or not, and why (see definition.ts#availability). */
  availability(subject: S, env: E): EventAvailability<Ev>[] {
    return availability(this.def, subject, env);
  }

  /** The actions a page offers for `subject`, each with the reasons it cannot run yet. */
  offered(subject: S, env: E): EventAvailability<Ev>[] {
    return offeredEvents(this.availability(subject, env));
  }

  /** Runs one event (see the file comment for the order of the steps). */
  async run<P, V, W = undefined, Out = undefined>(
    ctx: CallContext,
    plan: RunPlan<St, Ev, S, I, E, Trx, P, V, W, Out>,
  ): Promise<Out> {
    const fixed = plan.input && typeof plan.input.schema !== 'function' ? plan.input.schema : null;
    let parsed = fixed ? fixed.safeParse(plan.input?.raw) : null;
    if (plan.input?.first && parsed && !parsed.success) throw AppError.validation(toProblems(parsed.error));
    const early = (parsed?.success ? parsed.data : {}) as V;
    const event = typeof plan.event === 'function' ? plan.event(early) : plan.event;
    const prepared = await plan.prepare();
    if (plan.input && typeof plan.input.schema === 'function')
      parsed = plan.input.schema(prepared).safeParse(plan.input.raw);
    const value = (parsed?.success ? parsed.data : {}) as V;
    const subject = plan.subject(prepared);
    const env = plan.env(prepared);
    const invalid = parsed && !parsed.success ? toProblems(parsed.error) : null;
    const fields = invalid ?? (await (plan.checkInput?.(value, prepared) ?? []));
    const guardInput = !invalid && plan.guardInput ? plan.guardInput(value, prepared) : ({} as I);
    const reasons = eventReasons(this.def, event, subject, env, guardInput);
    const more = plan.moreReasons ? await plan.moreReasons(prepared, event) : [];
    reasons.push(...more.map((message) => ({ kind: 'subject', message }) as const));
    if (reasons.length || fields.length) throw this.refusal({ event, reasons, fields }, plan.refuse);
    const rule = this.def.events[event];
    const step = { prepared, event, from: this.def.stateOf(subject), to: targetOf(rule, subject), value };
    const t = await plan.commit(step);
    const out = await this.d.db.transaction().execute(async (trx) => {
      const w = (t.effect ? await t.effect(trx) : undefined) as W;
      // Checked again inside the transaction: someone else (or a job) may have moved the subject.
      if (!(await t.change(trx, w))) throw (this.d.conflict ?? STALE_SUBJECT)();
      if (t.record) await t.record(trx, w);
      const audits = [t.audit(w)].flat() as WorkflowAuditEntry[];
      for (const entry of audits) await this.d.audit.record(trx, ctx, entry);
      for (const entry of (t.enqueue ? await t.enqueue(trx, w) : undefined) ?? [])
        await this.d.audit.record(trx, ctx, entry);
      return (t.result ? await t.result(trx, w) : undefined) as Out;
    });
    if (plan.afterCommit) await plan.afterCommit(out, step);
    return out;
  }

  private refusal(r: Omit<Refusal<Ev>, 'label'>, policy = this.d.refuse ?? refuseByKind): AppError {
    return policy({ ...r, label: this.def.events[r.event].label });
  }
}
