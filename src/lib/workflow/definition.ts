/**
 * A workflow as a declared table, generic over the subject (a snapshot of the row), its states, its
 * events, the event input the guards look at and the environment (actor, today …). No domain knowledge:
 * modules declare their tables with these types (info-request.workflow.ts, document.workflow.ts,
 * task-report.workflow.ts) and the engine (engine.ts) runs them.
 *
 * The reasons an event cannot run are collected in one pass — the state first, then the event's checks
 * in the order the workflow declares them — so a page can list them all.
 */

/** What a check found: one sentence, several, or nothing (null / empty = fine). */
export type Found = string | readonly string[] | null;

/**
 * One check of an event. `actor` checks are about who may act (permissions, self-approval), `subject`
 * checks about the subject alone; both are evaluated by `availability`. `input` checks need the event's
 * input and are evaluated only when the event is run.
 */
export type Guard<S, I, E> =
  | { kind: 'actor' | 'subject'; check: (subject: S, env: E) => Found }
  | { kind: 'input'; check: (subject: S, input: I, env: E) => Found };

export type ReasonKind = 'state' | Guard<unknown, unknown, unknown>['kind'];

/** One reason an event cannot run, with what kind of check found it. */
export interface Reason {
  kind: ReasonKind;
  message: string;
}

/** A target that depends on the subject (e.g. back to 延期 when the case was extended). */
export interface RoutedTarget<St extends string, S> {
  oneOf: readonly St[];
  pick: (subject: S) => St;
}

/** The minimum every row of a transition table has. */
export interface EventRule<St extends string, S> {
  label: string;
  from: readonly St[];
  /** The state after the event; null = the subject is removed. */
  to: St | null | RoutedTarget<St, S>;
}

export interface WorkflowDefinition<
  St extends string,
  Ev extends string,
  S,
  I,
  E,
  R extends EventRule<St, S> = EventRule<St, S>,
> {
  states: readonly St[];
  stateLabels: Readonly<Record<St, string>>;
  events: Readonly<Record<Ev, R>>;
  stateOf: (subject: S) => St;
  /** The sentence shown when `event` cannot start from `state`. */
  stateProblem: (state: St, rule: R, event: Ev) => string;
  /** The checks of `event` after its state, in the order their reasons are listed. */
  checks: (event: Ev, rule: R) => readonly Guard<S, I, E>[];
  /** Events a person may be offered on a page (default: all; e.g. not the scheduled jobs' events). */
  offered?: (event: Ev, rule: R) => boolean;
}

/** Whether one event can run now, and every reason it cannot (input checks aside). */
export interface EventAvailability<Ev extends string> {
  event: Ev;
  label: string;
  /** The subject's state allows the event. */
  inState: boolean;
  /** The event may be offered on a page (see WorkflowDefinition.offered). */
  offered: boolean;
  available: boolean;
  reasons: string[];
}

const asList = (f: Found): readonly string[] => (f === null ? [] : typeof f === 'string' ? [f] : f);

/** Guard constructors, so tables read as `subject((c) => …)`. */
export const guard = {
  actor: <S, E>(check: (subject: S, env: E) => Found) => ({ kind: 'actor', check }) as const,
  subject: <S, E>(check: (subject: S, env: E) => Found) => ({ kind: 'subject', check }) as const,
  input: <S, I, E>(check: (subject: S, input: I, env: E) => Found) => ({ kind: 'input', check }) as const,
};

export type AnyDefinition = WorkflowDefinition<string, string, any, any, any, EventRule<string, any>>;

/**
 * Every reason `event` cannot run on `subject` (empty = it can). Without `input` the input checks are
 * skipped (what `availability` shows before anything is typed).
 */
export function eventReasons<St extends string, Ev extends string, S, I, E, R extends EventRule<St, S>>(
  def: WorkflowDefinition<St, Ev, S, I, E, R>,
  event: Ev,
  subject: S,
  env: E,
  input?: I,
): Reason[] {
  const rule = def.events[event];
  const state = def.stateOf(subject);
  const reasons: Reason[] = [];
  if (!rule.from.includes(state))
    reasons.push({ kind: 'state', message: def.stateProblem(state, rule, event) });
  for (const g of def.checks(event, rule)) {
    const found =
      g.kind === 'input'
        ? input === undefined
          ? null
          : g.check(subject, input, env)
        : g.check(subject, env);
    for (const message of asList(found)) reasons.push({ kind: g.kind, message });
  }
  return reasons;
}

/** Why `event` cannot start from the subject's state, or null when it can (no other check). */
export function stateReason<St extends string, Ev extends string, S, I, E, R extends EventRule<St, S>>(
  def: WorkflowDefinition<St, Ev, S, I, E, R>,
  event: Ev,
  subject: S,
): string | null {
  const rule = def.events[event];
  const state = def.stateOf(subject);
  return rule.from.includes(state) ? null : def.stateProblem(state, rule, event);
}

/** The messages of `eventReasons`. */
export function reasonMessages(reasons: readonly Reason[]): string[] {
  return reasons.map((r) => r.message);
}

/** The state after `event` (null = removed). Call only when the event may run. */
export function targetOf<St extends string, S>(rule: EventRule<St, S>, subject: S): St | null {
  const to = rule.to;
  return to === null || typeof to === 'string' ? to : to.pick(subject);
}

/** Every state `rule` may lead to (for documentation). */
export function possibleTargets<St extends string, S>(rule: EventRule<St, S>): readonly (St | null)[] {
  const to = rule.to;
  return to === null || typeof to === 'string' ? [to] : to.oneOf;
}

/** For every event of the table: can it run now on `subject` for the actor in `env`, and if not, why. */
export function availability<St extends string, Ev extends string, S, I, E, R extends EventRule<St, S>>(
  def: WorkflowDefinition<St, Ev, S, I, E, R>,
  subject: S,
  env: E,
): EventAvailability<Ev>[] {
  const state = def.stateOf(subject);
  return (Object.keys(def.events) as Ev[]).map((event) => {
    const rule = def.events[event];
    const reasons = reasonMessages(eventReasons(def, event, subject, env));
    return {
      event,
      label: rule.label,
      inState: rule.from.includes(state),
      offered: def.offered?.(event, rule) ?? true,
      available: reasons.length === 0,
      reasons,
    };
  });
}

/** The actions a page shows for `subject`: offered events its state allows, each with its reasons. */
export function offeredEvents<Ev extends string>(
  all: readonly EventAvailability<Ev>[],
): EventAvailability<Ev>[] {
  return all.filter((a) => a.inState && a.offered);
}

/** Events whose state allows them from `state` (for menus and tests). */
export function eventsFromState<St extends string, Ev extends string>(
  def: { events: Readonly<Record<Ev, { from: readonly St[] }>> },
  state: St,
): Ev[] {
  return (Object.keys(def.events) as Ev[]).filter((e) => def.events[e].from.includes(state));
}
