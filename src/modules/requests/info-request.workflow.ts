/**
 * The case workflow of an application for disclosure, as a declared table: for each event, the
 * states it may start from, the state it leads to, who may trigger it and its guards.
 * `transitionProblems` lists EVERY reason an event cannot run, so the UI can show them all; the
 * engine (lib/workflow) runs it as `INFO_REQUEST_WORKFLOW`. The transition table in
 * docs/workflows/info-requests.md is checked against `EVENTS` by info-request.workflow-docs.test.ts.
 */

import { can } from '../../kernel/permissions.ts';
import type { Action } from '../../kernel/roles.ts';
import type { Actor } from '../../lib/actor.ts';
import {
  type EventRule,
  eventReasons,
  eventsFromState,
  type Guard,
  guard,
  reasonMessages,
  targetOf,
  type WorkflowDefinition,
} from '../../lib/workflow/definition.ts';
import { MAX_EXTENSION_WORKING_DAYS } from './info-request.clock.ts';
import type { Decision } from './info-request.model.ts';

/** Case states. Keys are persisted. */
export const STATES = [
  'pending_confirmation',
  'accepted',
  'awaiting_correction',
  'consulting',
  'extended',
  'drafting',
  'legal_review',
  'answered',
  'closed',
  'transferred',
  'not_this_agency',
] as const;
export type State = (typeof STATES)[number];

export const STATE_LABELS: Record<State, string> = {
  pending_confirmation: '待确认',
  accepted: '已受理',
  awaiting_correction: '补正中',
  consulting: '征求意见中',
  extended: '延期',
  drafting: '拟答复',
  legal_review: '法制审核',
  answered: '已答复',
  closed: '已办结',
  transferred: '转办',
  not_this_agency: '非本机关',
};

/** States in which the statutory clock runs (or is paused) and the case counts as open. */
export const OPEN_STATES: readonly State[] = [
  'accepted',
  'awaiting_correction',
  'consulting',
  'extended',
  'drafting',
  'legal_review',
  'not_this_agency',
];
/** States whose answer deadline the daily job watches (the 补正 wait has its own deadline). */
export const CLOCK_RUNNING_STATES: readonly State[] = [
  'accepted',
  'consulting',
  'extended',
  'drafting',
  'legal_review',
  'not_this_agency',
];
/** States with no way out. */
export const FINAL_STATES: readonly State[] = ['closed', 'transferred'];

/** What the workflow needs to know about a case to decide whether an event may run. */
export interface CaseSnapshot {
  state: State;
  unitPath: string;
  receivedOn: string | null;
  /** Working days already granted by an extension (0 = none). */
  extensionWorkingDays: number;
  correctionRequested: boolean;
  /** Latest day a 补正 notice may be sent (7 WD after receipt), or null before receipt. */
  correctionNoticeDeadline: string | null;
  dueDate: string | null;
  decision: Decision | null;
  draftedByUserId: number | null;
  reviewPassed: boolean;
  /** The decision's reply letter (告知书) exists on the case, or the decision needs none. */
  replyLetterIssued: boolean;
}

/** Event input that guards look at (only the fields the event uses). */
export interface EventInput {
  receivedOn?: string | null;
  extensionWorkingDays?: number;
  decision?: Decision | null;
  responsibleAgency?: string | null;
  targetUnitId?: number | null;
}

export interface GuardContext {
  actor: Actor;
  today: string;
}

type CaseGuard = Guard<CaseSnapshot, EventInput, GuardContext>;
const onCase = (check: (c: CaseSnapshot, g: GuardContext) => string | null): CaseGuard =>
  guard.subject(check);
const onInput = (check: (c: CaseSnapshot, i: EventInput, g: GuardContext) => string | null): CaseGuard =>
  guard.input(check);

export interface EventDefinition extends EventRule<State, CaseSnapshot> {
  /** A permission on the case's unit, or 'system' for the scheduled jobs' events. */
  who: Action | 'system';
  guards: readonly CaseGuard[];
}

const guards = {
  receiptDate: onInput((_c, i, g) =>
    !i.receivedOn ? '请填写收到申请的日期' : i.receivedOn > g.today ? '收到申请的日期不能晚于今天' : null,
  ),
  correctionOnce: onCase((c) =>
    c.correctionRequested ? '补正只能一次性告知，本申请已发出过补正通知（条例第三十条）' : null,
  ),
  correctionInTime: onCase((c, g) =>
    c.correctionNoticeDeadline && g.today > c.correctionNoticeDeadline
      ? `补正通知应在收到申请之日起7个工作日内发出（期限至 ${c.correctionNoticeDeadline}）`
      : null,
  ),
  extensionOnce: onCase((c) =>
    c.extensionWorkingDays > 0 ? '答复期限只能延长一次（条例第三十三条）' : null,
  ),
  extensionDays: onInput((_c, i) => {
    const n = i.extensionWorkingDays;
    return n === undefined || !Number.isInteger(n) || n < 1 || n > MAX_EXTENSION_WORKING_DAYS
      ? `延长的期限应为 1 至 ${MAX_EXTENSION_WORKING_DAYS} 个工作日`
      : null;
  }),
  notOverdue: onCase((c, g) =>
    c.dueDate && g.today > c.dueDate ? `答复期限已于 ${c.dueDate} 届满，不能再延期` : null,
  ),
  decisionGiven: onInput((_c, i) => (!i.decision ? '请选择处理结果' : null)),
  decisionByStaff: onInput((_c, i) =>
    i.decision === 'other_correction_overdue' ? '“逾期不补正”由系统在补正期限届满后自动办结' : null,
  ),
  hasDecision: onCase((c) => (!c.decision ? '尚未拟定处理结果' : null)),
  reviewerNotDrafter: onCase((c, g) =>
    g.actor.kind === 'user' && c.draftedByUserId === g.actor.userId ? '拟稿人不能审核自己拟定的答复' : null,
  ),
  reviewPassed: onCase((c) =>
    c.state === 'legal_review' && !c.reviewPassed ? '答复尚未通过法制审核' : null,
  ),
  replyLetter: onCase((c) =>
    c.decision && !c.replyLetterIssued
      ? '尚未生成答复告知书，请先在“文书”中生成与处理结果相应的告知书'
      : null,
  ),
  agencyNamed: onInput((_c, i) => (!i.responsibleAgency ? '请填写负责公开该信息的行政机关' : null)),
  targetUnit: onInput((_c, i) => (!i.targetUnitId ? '请选择转办的单位' : null)),
};

/** The workflow table. Read it as "event: from → to, by whom, provided that …". */
export const EVENTS = {
  confirm: {
    label: '确认收到',
    from: ['pending_confirmation'],
    to: 'accepted',
    who: 'request.handle',
    guards: [guards.receiptDate],
  },
  request_correction: {
    label: '告知补正',
    from: ['accepted'],
    to: 'awaiting_correction',
    who: 'request.handle',
    guards: [guards.correctionOnce, guards.correctionInTime],
  },
  receive_correction: {
    label: '收到补正',
    from: ['awaiting_correction'],
    to: 'accepted',
    who: 'request.handle',
    guards: [guards.receiptDate],
  },
  correction_overdue: {
    label: '逾期未补正，不再处理',
    from: ['awaiting_correction'],
    to: 'closed',
    who: 'system',
    guards: [],
  },
  start_consultation: {
    label: '征求意见',
    from: ['accepted', 'extended'],
    to: 'consulting',
    who: 'request.handle',
    guards: [],
  },
  end_consultation: {
    label: '结束征求意见',
    from: ['consulting'],
    to: {
      oneOf: ['accepted', 'extended'],
      pick: (c: CaseSnapshot) => (c.extensionWorkingDays > 0 ? 'extended' : 'accepted'),
    },
    who: 'request.handle',
    guards: [],
  },
  extend: {
    label: '批准延期答复',
    from: ['accepted'],
    to: 'extended',
    who: 'request.approve_extension',
    guards: [guards.extensionOnce, guards.extensionDays, guards.notOverdue],
  },
  draft_reply: {
    label: '拟定答复',
    from: ['accepted', 'extended', 'drafting'],
    to: 'drafting',
    who: 'request.handle',
    guards: [guards.decisionGiven, guards.decisionByStaff],
  },
  submit_review: {
    label: '提交法制审核',
    from: ['drafting'],
    to: 'legal_review',
    who: 'request.handle',
    guards: [guards.hasDecision],
  },
  pass_review: {
    label: '法制审核通过',
    from: ['legal_review'],
    to: 'legal_review',
    who: 'request.legal_review',
    guards: [guards.reviewerNotDrafter],
  },
  return_draft: {
    label: '退回修改',
    from: ['legal_review'],
    to: 'drafting',
    who: 'request.legal_review',
    guards: [],
  },
  answer: {
    label: '答复',
    from: ['legal_review', 'not_this_agency'],
    to: 'answered',
    who: 'request.handle',
    guards: [guards.hasDecision, guards.reviewPassed, guards.replyLetter],
  },
  fee_unpaid: {
    label: '逾期未缴费，不再处理',
    from: ['accepted', 'extended', 'drafting', 'legal_review'],
    to: 'closed',
    who: 'system',
    guards: [],
  },
  close: { label: '办结', from: ['answered'], to: 'closed', who: 'request.handle', guards: [] },
  transfer: {
    label: '转办',
    from: ['pending_confirmation', 'accepted'],
    to: 'transferred',
    who: 'request.handle',
    guards: [guards.targetUnit],
  },
  mark_not_this_agency: {
    label: '非本机关负责公开',
    from: ['accepted'],
    to: 'not_this_agency',
    who: 'request.handle',
    guards: [guards.agencyNamed],
  },
} as const satisfies Record<string, EventDefinition>;
export type WorkflowEvent = keyof typeof EVENTS;
export const EVENT_KEYS = Object.keys(EVENTS) as WorkflowEvent[];

/** Why `actor` may not trigger `event` on the case (null = they may). */
function actorProblem(event: WorkflowEvent, c: CaseSnapshot, actor: Actor): string | null {
  const def: EventDefinition = EVENTS[event];
  if (def.who === 'system') return actor.kind === 'system' ? null : '此操作只能由系统任务执行';
  if (actor.kind === 'system') return null; // scheduled jobs and imports act as the named system user
  return can(actor, def.who, c.unitPath) ? null : '您没有办理此操作的权限';
}

/** The case workflow for the engine (lib/workflow): state, then who, then the event's guards. */
export const INFO_REQUEST_WORKFLOW: WorkflowDefinition<
  State,
  WorkflowEvent,
  CaseSnapshot,
  EventInput,
  GuardContext,
  EventDefinition
> = {
  states: STATES,
  stateLabels: STATE_LABELS,
  events: EVENTS,
  stateOf: (c) => c.state,
  stateProblem: (state, rule) => `“${STATE_LABELS[state]}”状态的申请不能执行“${rule.label}”`,
  checks: (event, rule) => [
    guard.actor((c: CaseSnapshot, g: GuardContext) => actorProblem(event, c, g.actor)),
    ...rule.guards,
  ],
  // The scheduled jobs' events are never offered on the case page.
  offered: (_event, rule) => rule.who !== 'system',
};

/** Every reason `event` cannot run on the case now (empty = it can). */
export function transitionProblems(
  event: WorkflowEvent,
  c: CaseSnapshot,
  input: EventInput,
  g: GuardContext,
): string[] {
  return reasonMessages(eventReasons(INFO_REQUEST_WORKFLOW, event, c, g, input));
}

/** The state after `event` (call only when transitionProblems is empty). */
export function targetState(event: WorkflowEvent, c: CaseSnapshot): State {
  return targetOf(EVENTS[event], c) as State;
}

/** Events that could run from `state` (for menus; guards are checked separately). */
export function eventsFrom(state: State): WorkflowEvent[] {
  return eventsFromState(INFO_REQUEST_WORKFLOW, state);
}
