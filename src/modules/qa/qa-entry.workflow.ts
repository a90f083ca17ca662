/**
 * The workflow of a 政策问答 entry as a declared table (lib/workflow): for each event the states it may
 * start from, the state it leads to, who may run it and its guards. docs/workflows/qa-entry.md shows the
 * table (checked by qa-entry.workflow-docs.test.ts). Editing a draft is not an event; editing a published
 * entry opens a revision (a draft row of its own, qa-entries.service.ts) that goes through this table too.
 */
import { can } from '../../kernel/permissions.ts';
import type { Action } from '../../kernel/roles.ts';
import type { Actor } from '../../lib/actor.ts';
import { type EventRule, type Guard, guard, type WorkflowDefinition } from '../../lib/workflow/definition.ts';
import { QA_STATE_LABELS, QA_STATES, type QaState } from './qa.model.ts';

/** What the workflow needs to know about an entry. */
export interface QaEntrySnapshot {
  state: QaState;
  unitPath: string;
  createdBy: number | null;
  submittedBy: number | null;
  sourceCount: number;
}

export interface QaEntryEventInput {
  reason?: string | null;
}

export interface QaEntryGuardContext {
  actor: Actor;
}

type QaGuard = Guard<QaEntrySnapshot, QaEntryEventInput, QaEntryGuardContext>;

export interface QaEntryEventDefinition extends EventRule<QaState, QaEntrySnapshot> {
  who: Action;
  guards: readonly QaGuard[];
}

const guards = {
  /** The same rule as letters and documents: who wrote or submitted an entry never reviews it. */
  notOwn: guard.subject((e: QaEntrySnapshot, g: QaEntryGuardContext) =>
    g.actor.kind === 'user' && (e.createdBy === g.actor.userId || e.submittedBy === g.actor.userId)
      ? '编写或提交该问答的人不能审核自己的问答'
      : null,
  ) as QaGuard,
  hasSource: guard.subject((e: QaEntrySnapshot) =>
    e.sourceCount === 0 ? '请至少列出一项答复所依据的文件' : null,
  ) as QaGuard,
  reason: guard.input((_e: QaEntrySnapshot, i: QaEntryEventInput) =>
    !i.reason ? '请填写理由' : null,
  ) as QaGuard,
};

/** The table. Read it as "event: from → to, by whom, provided that …". */
export const QA_ENTRY_EVENTS = {
  submit: {
    label: '提交审核',
    from: ['draft'],
    to: 'in_review',
    who: 'qa.manage',
    guards: [guards.hasSource],
  },
  return: {
    label: '退回修改',
    from: ['in_review'],
    to: 'draft',
    who: 'qa.review',
    guards: [guards.notOwn, guards.reason],
  },
  publish: {
    label: '审核通过并发布',
    from: ['in_review'],
    to: 'published',
    who: 'qa.review',
    guards: [guards.notOwn, guards.hasSource],
  },
  withdraw: {
    label: '撤回',
    from: ['published'],
    to: 'withdrawn',
    who: 'qa.review',
    guards: [guards.reason],
  },
  reopen: {
    label: '重新编辑',
    from: ['withdrawn'],
    to: 'draft',
    who: 'qa.manage',
    guards: [],
  },
} as const satisfies Record<string, QaEntryEventDefinition>;
export type QaEntryEvent = keyof typeof QA_ENTRY_EVENTS;
export const QA_ENTRY_EVENT_KEYS = Object.keys(QA_ENTRY_EVENTS) as QaEntryEvent[];

export const QA_ENTRY_WORKFLOW: WorkflowDefinition<
  QaState,
  QaEntryEvent,
  QaEntrySnapshot,
  QaEntryEventInput,
  QaEntryGuardContext,
  QaEntryEventDefinition
> = {
  states: QA_STATES,
  stateLabels: QA_STATE_LABELS,
  events: QA_ENTRY_EVENTS,
  stateOf: (e) => e.state,
  stateProblem: (state, rule) => `“${QA_STATE_LABELS[state]}”的问答不能${rule.label}`,
  checks: (_event, rule) => [
    guard.actor((e: QaEntrySnapshot, g: QaEntryGuardContext) =>
      g.actor.kind === 'system' || can(g.actor, rule.who, e.unitPath) ? null : '您没有办理此问答的权限',
    ),
    ...rule.guards,
  ],
};
