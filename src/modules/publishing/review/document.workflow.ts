/**
 * The review workflow of a 政府信息 (先审查、后公开、一事一审), as a declared table: for each event, the
 * states it may start from, the state it leads to, the permission it needs and its guards.
 * `transitionProblems` lists EVERY reason an event cannot run; the engine (lib/workflow) runs it as
 * `DOCUMENT_WORKFLOW_DEFINITION`, and the back-office page offers what its `availability` says
 * (document-actions.ts). The table in docs/workflows/publishing.md is
 * checked against it by document.workflow-docs.test.ts.
 */

import { can } from '../../../kernel/permissions.ts';
import type { Action } from '../../../kernel/roles.ts';
import type { Actor } from '../../../lib/actor.ts';
import { AppError } from '../../../lib/errors.ts';
import {
  availability,
  type EventRule,
  eventReasons,
  guard,
  reasonMessages,
  type WorkflowDefinition,
} from '../../../lib/workflow/definition.ts';
import type { RefusalPolicy } from '../../../lib/workflow/engine.ts';

/** Document states. Keys are persisted. */
export const DOCUMENT_STATES = [
  'draft',
  'confidentiality_review',
  'approval_review',
  'scheduled',
  'published',
  'withdrawn',
  'withheld',
] as const;
export type DocumentState = (typeof DOCUMENT_STATES)[number];

export const DOCUMENT_STATE_LABELS: Record<DocumentState, string> = {
  draft: '草稿',
  confidentiality_review: '待保密审查',
  approval_review: '待审核',
  scheduled: '定时发布',
  published: '已发布',
  withdrawn: '已撤回',
  withheld: '不予公开',
};

/** States whose documents the public sees: a withdrawn page stays, with its 已撤回 notice. */
export const PUBLICLY_VISIBLE_STATES: readonly DocumentState[] = ['published', 'withdrawn'];
/** States whose documents are listed and searchable. */
export const LISTED_STATES: readonly DocumentState[] = ['published'];
/** States in which the editor may change the content. */
export const EDITABLE_STATES: readonly DocumentState[] = ['draft'];

export const DOCUMENT_EVENTS = [
  'submit',
  'clear',
  'redact',
  'withhold',
  'return',
  'approve',
  'schedule',
  'unschedule',
  'publish_due',
  'force_publish',
  'withdraw',
  'correct',
  'delete',
] as const;
export type DocumentEvent = (typeof DOCUMENT_EVENTS)[number];

/** One row of the table. `to: null` = the record is removed. */
export interface TransitionRule extends EventRule<DocumentState, DocumentSnapshot> {
  /** The permission needed, per state the event starts from (its keys are `from`). */
  permission: Partial<Record<DocumentState, Action>>;
  to: DocumentState | null;
  /** The submitter may not take this step on their own submission (nobody approves their own work). */
  notBySubmitter?: boolean;
  /** A system actor (scheduled job, import) may run it; only these. */
  systemAllowed?: boolean;
  /** Only a system actor may run it. */
  systemOnly?: boolean;
  /** Only documents that were never published. */
  neverPublishedOnly?: boolean;
  /** Blocking pre-publication check findings stop it (document-review.service.ts runs the checks). */
  prePublicationChecked?: boolean;
}

const REVIEWERS = {
  confidentiality_review: 'content.review_confidentiality',
  approval_review: 'content.approve',
} as const satisfies Partial<Record<DocumentState, Action>>;

/** A table row: `from` is the states its permission map names. */
const rule = (r: Omit<TransitionRule, 'from'>): TransitionRule => ({
  ...r,
  from: Object.keys(r.permission) as DocumentState[],
});

/** The transition table. */
export const DOCUMENT_WORKFLOW: Readonly<Record<DocumentEvent, TransitionRule>> = {
  submit: rule({
    label: '提交审查',
    permission: { draft: 'content.draft' },
    to: 'confidentiality_review',
    prePublicationChecked: true,
  }),
  clear: rule({
    label: '保密审查通过（可以公开）',
    permission: { confidentiality_review: 'content.review_confidentiality' },
    to: 'approval_review',
    notBySubmitter: true,
  }),
  redact: rule({
    label: '保密审查：删除涉密或隐私内容后公开',
    permission: { confidentiality_review: 'content.review_confidentiality' },
    to: 'draft',
    notBySubmitter: true,
  }),
  withhold: rule({
    label: '保密审查：不予公开',
    permission: { confidentiality_review: 'content.review_confidentiality' },
    to: 'withheld',
    notBySubmitter: true,
  }),
  return: rule({ label: '退回修改', permission: REVIEWERS, to: 'draft', notBySubmitter: true }),
  approve: rule({
    label: '审核通过并发布',
    permission: { approval_review: 'content.approve' },
    to: 'published',
    notBySubmitter: true,
    prePublicationChecked: true,
  }),
  schedule: rule({
    label: '审核通过并定时发布',
    permission: { approval_review: 'content.approve' },
    to: 'scheduled',
    notBySubmitter: true,
    prePublicationChecked: true,
  }),
  unschedule: rule({
    label: '取消定时发布',
    permission: { scheduled: 'content.approve' },
    to: 'approval_review',
  }),
  publish_due: rule({
    label: '到时发布',
    permission: { scheduled: 'content.approve' },
    to: 'published',
    systemOnly: true,
  }),
  force_publish: rule({
    label: '强制发布',
    permission: {
      draft: 'content.force_publish',
      confidentiality_review: 'content.force_publish',
      approval_review: 'content.force_publish',
      scheduled: 'content.force_publish',
    },
    to: 'published',
    systemAllowed: true,
    prePublicationChecked: true,
  }),
  withdraw: rule({ label: '撤回', permission: { published: 'content.approve' }, to: 'withdrawn' }),
  correct: rule({ label: '更正', permission: { published: 'content.approve' }, to: 'published' }),
  delete: rule({ label: '删除', permission: { draft: 'content.draft' }, to: null, neverPublishedOnly: true }),
};

/** What the workflow needs to know about a document to decide whether an event may run. */
export interface DocumentSnapshot {
  state: DocumentState;
  unitPath: string;
  submittedBy: number | null;
  everPublished: boolean;
}

function actorProblems(rule: TransitionRule, doc: DocumentSnapshot, actor: Actor): string[] {
  const action = rule.permission[doc.state] ?? Object.values(rule.permission)[0]!;
  if (actor.kind === 'system') return rule.systemAllowed || rule.systemOnly ? [] : ['系统任务不能执行此操作'];
  if (rule.systemOnly) return ['此操作只能由系统定时任务执行'];
  const problems: string[] = [];
  if (!can(actor, action, doc.unitPath)) problems.push('您没有执行此操作的权限');
  if (rule.notBySubmitter && actor.kind === 'user' && doc.submittedBy === actor.userId)
    problems.push('不能审查或审核本人提交的信息');
  return problems;
}

const neverPublished = guard.subject((doc: DocumentSnapshot) =>
  doc.everPublished ? '已发布过的信息不能删除，只能撤回' : null,
);

/** The review workflow for the engine (lib/workflow): state, never-published, then who. */
export const DOCUMENT_WORKFLOW_DEFINITION: WorkflowDefinition<
  DocumentState,
  DocumentEvent,
  DocumentSnapshot,
  Record<string, never>,
  Actor,
  TransitionRule
> = {
  states: DOCUMENT_STATES,
  stateLabels: DOCUMENT_STATE_LABELS,
  events: DOCUMENT_WORKFLOW,
  stateOf: (doc) => doc.state,
  stateProblem: (state, r) => `“${DOCUMENT_STATE_LABELS[state]}”状态的信息不能${r.label}`,
  checks: (_event, r) => [
    ...(r.neverPublishedOnly ? [neverPublished] : []),
    guard.actor((doc: DocumentSnapshot, actor: Actor) => actorProblems(r, doc, actor)),
  ],
  // The scheduled job's 到时发布 is never a button.
  offered: (_event, r) => !r.systemOnly,
};

/** Review steps: malformed input is answered first (422), then every reason at once (409). */
export const refuseReviewStep: RefusalPolicy<DocumentEvent> = (r) =>
  r.fields.length
    ? AppError.validation(r.fields)
    : new AppError('invalid_transition', reasonMessages(r.reasons).join('；'));

/** Changes of a published document (更正, 有效性, 删除): every reason first, then the input. */
export const refuseDocumentChange: RefusalPolicy<DocumentEvent> = (r) =>
  r.reasons.length
    ? new AppError('invalid_transition', reasonMessages(r.reasons).join('；'))
    : AppError.validation(r.fields);

/** A concurrent step got there first (the compare-and-set changed nothing). */
export const STALE_DOCUMENT = () =>
  new AppError('invalid_transition', '该信息刚刚已被他人处理，请刷新后重试');

/** Every reason `event` cannot run on `doc` for `actor` (empty = allowed). */
export function transitionProblems(event: DocumentEvent, doc: DocumentSnapshot, actor: Actor): string[] {
  return reasonMessages(eventReasons(DOCUMENT_WORKFLOW_DEFINITION, event, doc, actor));
}

/** The events `actor` may run on `doc` now (for the buttons the UI shows). */
export function availableEvents(doc: DocumentSnapshot, actor: Actor): DocumentEvent[] {
  return availability(DOCUMENT_WORKFLOW_DEFINITION, doc, actor)
    .filter((a) => a.available)
    .map((a) => a.event);
}
