/**
 * The progress report (进展报告) workflow as data: a responsible unit submits, the 政务公开办 accepts
 * (采纳) or returns it (退回, with a comment). Accepted and returned reports are final; a returned
 * report is corrected by submitting a new one. Transition table: docs/workflows/tasks.md.
 */
export const REPORT_STATES = ['submitted', 'accepted', 'returned'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export const REPORT_STATE_LABELS: Record<ReportState, string> = {
  submitted: '待审核',
  accepted: '已采纳',
  returned: '已退回',
};

export type ReportEvent = 'accept' | 'return';

export const REPORT_TRANSITIONS: Record<
  ReportEvent,
  { from: readonly ReportState[]; to: ReportState; label: string }
> = {
  accept: { from: ['submitted'], to: 'accepted', label: '采纳' },
  return: { from: ['submitted'], to: 'returned', label: '退回' },
};

/** Why `event` cannot happen to a report in `state`, or null when it can. */
export function transitionProblem(event: ReportEvent, state: string): string | null {
  const t = REPORT_TRANSITIONS[event];
  if ((t.from as readonly string[]).includes(state)) return null;
  const label = REPORT_STATE_LABELS[state as ReportState] ?? state;
  return `该进展报告${label}，不能${t.label}`;
}
