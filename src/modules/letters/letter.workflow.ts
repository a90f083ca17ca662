/**
 * The workflow of a letter as a declared table: for each event, the states it may start from, the state
 * it leads to, who may trigger it and its guards. The engine (lib/workflow) runs it as LETTER_WORKFLOW
 * (letter.transitions.ts); docs/interaction-letters.md shows the table, checked by
 * letter.workflow-docs.test.ts. Saving a reply draft is not an event (the state does not change).
 */
import { can } from '../../kernel/permissions.ts';
import type { Action } from '../../kernel/roles.ts';
import type { Actor } from '../../lib/actor.ts';
import { type EventRule, type Guard, guard, type WorkflowDefinition } from '../../lib/workflow/definition.ts';
import { LETTER_STATUS_LABELS, LETTER_STATUSES, type LetterStatus } from './letter.model.ts';

/** What the workflow needs to know about a letter. */
export interface LetterSnapshot {
  status: LetterStatus;
  /** The handling unit's path (null while received). */
  unitPath: string | null;
  /** The path of the unit that owns the box (where received letters wait to be routed). */
  ownerPath: string;
  unitId: number | null;
  simple: boolean;
  rated: boolean;
  followedUp: boolean;
  /** The reply of the current round: who last drafted it, and whether it has text. */
  replyDraftedBy: number | null;
  replyHasText: boolean;
}

/** Event input the guards look at. */
export interface LetterEventInput {
  unitId?: number | null;
  reason?: string | null;
  closeReason?: string | null;
  duplicateOf?: string | null;
  rating?: string | null;
  text?: string | null;
  body?: string | null;
}

export interface LetterGuardContext {
  actor: Actor;
  /** The writer proved the letter is theirs with 编号 + 查询码. */
  writer: boolean;
}

type LetterGuard = Guard<LetterSnapshot, LetterEventInput, LetterGuardContext>;
const onLetter = (check: (l: LetterSnapshot, g: LetterGuardContext) => string | null): LetterGuard =>
  guard.subject(check);
const onInput = (
  check: (l: LetterSnapshot, i: LetterEventInput, g: LetterGuardContext) => string | null,
): LetterGuard => guard.input(check);

/** Who may trigger an event: a permission on the unit the event concerns, or the writer. */
export type LetterWho = Action | 'writer';

export interface LetterEventDefinition extends EventRule<LetterStatus, LetterSnapshot> {
  who: LetterWho;
  guards: readonly LetterGuard[];
}

const guards = {
  targetUnit: onInput((_l, i) => (!i.unitId ? '请选择承办单位' : null)),
  otherUnit: onInput((l, i) => (i.unitId && i.unitId === l.unitId ? '请选择其他单位转办' : null)),
  reason: onInput((_l, i) => (!i.reason ? '请填写理由' : null)),
  notSimple: onLetter((l) => (l.simple ? '该来信已标记为简单咨询' : null)),
  replyText: onInput((l, i) => (!l.replyHasText && !i.body ? '请先填写答复内容' : null)),
  reviewerNotDrafter: onLetter((l, g) =>
    g.actor.kind === 'user' && l.replyDraftedBy === g.actor.userId ? '起草答复的人不能审核自己的答复' : null,
  ),
  closeReason: onInput((_l, i) => (!i.closeReason ? '请选择关闭理由' : null)),
  duplicateOf: onInput((_l, i) =>
    i.closeReason === 'duplicate' && !i.duplicateOf ? '重复来信请填写此前来信的编号' : null,
  ),
  notRated: onLetter((l) => (l.rated ? '您已评价过该答复，每件来信只能评价一次' : null)),
  rating: onInput((_l, i) => (!i.rating ? '请选择评价' : null)),
  noFollowUp: onLetter((l) => (l.followedUp ? '每件来信只能追问一次，您已追问过' : null)),
  followUpText: onInput((_l, i) => (!i.text ? '请填写追问内容' : null)),
};

/** The table. Read it as "event: from → to, by whom, provided that …". */
export const LETTER_EVENTS = {
  route: {
    label: '分办',
    from: ['received'],
    to: 'assigned',
    who: 'letter.route',
    guards: [guards.targetUnit],
  },
  hand_back: {
    label: '退回分办',
    from: ['assigned'],
    to: 'received',
    who: 'letter.handle',
    guards: [guards.reason],
  },
  transfer: {
    label: '转办',
    from: ['assigned'],
    to: 'assigned',
    who: 'letter.handle',
    guards: [guards.targetUnit, guards.otherUnit, guards.reason],
  },
  mark_simple: {
    label: '标记为简单咨询',
    from: ['assigned'],
    to: 'assigned',
    who: 'letter.handle',
    guards: [guards.notSimple],
  },
  submit_reply: {
    label: '提交审核',
    from: ['assigned'],
    to: 'in_review',
    who: 'letter.handle',
    guards: [guards.replyText],
  },
  return_reply: {
    label: '退回修改',
    from: ['in_review'],
    to: 'assigned',
    who: 'letter.review',
    guards: [guards.reviewerNotDrafter, guards.reason],
  },
  send_reply: {
    label: '审核通过并发送',
    from: ['in_review'],
    to: 'answered',
    who: 'letter.review',
    guards: [guards.reviewerNotDrafter],
  },
  close: {
    label: '关闭',
    from: ['received', 'assigned'],
    to: 'closed',
    who: 'letter.route',
    guards: [guards.closeReason, guards.duplicateOf, guards.reason],
  },
  rate: {
    label: '评价',
    from: ['answered'],
    to: 'answered',
    who: 'writer',
    guards: [guards.notRated, guards.rating],
  },
  follow_up: {
    label: '追问',
    from: ['answered'],
    to: 'assigned',
    who: 'writer',
    guards: [guards.noFollowUp, guards.followUpText],
  },
} as const satisfies Record<string, LetterEventDefinition>;
export type LetterEvent = keyof typeof LETTER_EVENTS;

/** The unit whose subtree an event's permission is checked on. */
function scopeOf(event: LetterEvent, l: LetterSnapshot): string {
  if (event === 'route' || (event === 'close' && l.status === 'received')) return l.ownerPath;
  return l.unitPath ?? l.ownerPath;
}

function actorProblem(event: LetterEvent, l: LetterSnapshot, g: LetterGuardContext): string | null {
  const def: LetterEventDefinition = LETTER_EVENTS[event];
  if (def.who === 'writer') return g.writer ? null : '只有来信人凭编号和查询码才能执行此操作';
  if (g.actor.kind === 'system') return null;
  return can(g.actor, def.who, scopeOf(event, l)) ? null : '您没有办理此来信的权限';
}

export const LETTER_WORKFLOW: WorkflowDefinition<
  LetterStatus,
  LetterEvent,
  LetterSnapshot,
  LetterEventInput,
  LetterGuardContext,
  LetterEventDefinition
> = {
  states: LETTER_STATUSES,
  stateLabels: LETTER_STATUS_LABELS,
  events: LETTER_EVENTS,
  stateOf: (l) => l.status,
  stateProblem: (state, rule) =>
    state === 'closed'
      ? `该来信已关闭，不能${rule.label}`
      : `“${LETTER_STATUS_LABELS[state]}”状态的来信不能${rule.label}`,
  checks: (event, rule) => [
    guard.actor((l: LetterSnapshot, g: LetterGuardContext) => actorProblem(event, l, g)),
    ...rule.guards,
  ],
  // The writer's events are on the public query page, never on the staff page.
  offered: (_event, rule) => rule.who !== 'writer',
};
