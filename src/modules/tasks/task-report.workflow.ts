/**
 * The progress report (进展报告) workflow as data: a responsible unit submits, the 政务公开办 accepts
 * (采纳) or returns it (退回, with a comment). Accepted and returned reports are final; a returned
 * report is corrected by submitting a new one. The engine (lib/workflow) runs it as `REPORT_WORKFLOW`;
 * the transition table in docs/workflows/tasks.md is checked against it by
 * task-report.workflow-docs.test.ts.
 */

import { can } from '../../kernel/permissions.ts';
import type { Actor } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import {
  type EventRule,
  guard,
  reasonMessages,
  stateReason,
  type WorkflowDefinition,
} from '../../lib/workflow/definition.ts';
import type { RefusalPolicy } from '../../lib/workflow/engine.ts';

export const REPORT_STATES = ['submitted', 'accepted', 'returned'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export const REPORT_STATE_LABELS: Record<ReportState, string> = {
  submitted: '待审核',
  accepted: '已采纳',
  returned: '已退回',
};

export type ReportEvent = 'accept' | 'return';

export interface ReportRule extends EventRule<ReportState, ReportSnapshot> {
  to: ReportState;
  /** The permission on the plan's unit. */
  who: 'task.manage';
}

export const REPORT_TRANSITIONS: Readonly<Record<ReportEvent, ReportRule>> = {
  accept: { from: ['submitted'], to: 'accepted', label: '采纳', who: 'task.manage' },
  return: { from: ['submitted'], to: 'returned', label: '退回', who: 'task.manage' },
};

/** What the workflow needs to know about a report. */
export interface ReportSnapshot {
  /** As stored (a state unknown to the table is shown as it is). */
  state: string;
  /** Path of the unit of the task's plan (the 政务公开办 reviews). */
  planUnitPath: string;
  submittedBy: number | null;
}

/** Only the 政务公开办 reviews; refused alone, before anything else (HTTP 403). */
const REVIEW_FORBIDDEN = '只有政务公开管理员可以审核任务进展';

const stateProblem = (state: string, label: string) =>
  `该进展报告${REPORT_STATE_LABELS[state as ReportState] ?? state}，不能${label}`;

/** The report workflow for the engine: state, permission, then nobody reviews their own report. */
export const REPORT_WORKFLOW: WorkflowDefinition<
  ReportState,
  ReportEvent,
  ReportSnapshot,
  Record<string, never>,
  Actor,
  ReportRule
> = {
  states: REPORT_STATES,
  stateLabels: REPORT_STATE_LABELS,
  events: REPORT_TRANSITIONS,
  stateOf: (r) => r.state as ReportState,
  stateProblem: (state, rule) => stateProblem(state, rule.label),
  checks: (_event, rule) => [
    guard.actor((r: ReportSnapshot, actor: Actor) =>
      can(actor, rule.who, r.planUnitPath) ? null : REVIEW_FORBIDDEN,
    ),
    guard.actor((r: ReportSnapshot, actor: Actor) =>
      actor.kind === 'user' && actor.userId === r.submittedBy ? '不能审核本人报送的进展报告' : null,
    ),
  ],
};

/**
 * Without the permission: 'forbidden' with that reason alone; otherwise 'validation' with every reason
 * (on the form as a whole) and the field problems (the 退回意见).
 */
export const refuseReview: RefusalPolicy<ReportEvent> = (r) => {
  if (r.reasons.some((x) => x.message === REVIEW_FORBIDDEN)) return AppError.forbidden(REVIEW_FORBIDDEN);
  return AppError.validation([
    ...reasonMessages(r.reasons).map((message) => ({ field: '_', message })),
    ...r.fields,
  ]);
};

/** Why `event` cannot happen to a report in `state`, or null when it can. */
export function transitionProblem(event: ReportEvent, state: string): string | null {
  return stateReason(REPORT_WORKFLOW, event, { state, planUnitPath: '', submittedBy: null });
}
