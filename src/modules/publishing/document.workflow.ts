/**
 * The review workflow of a 政府信息 (先审查、后公开、一事一审), as a declared table: for each event, the
 * states it may start from, the state it leads to, the permission it needs and its guards.
 * `transitionProblems` lists EVERY reason an event cannot run, so the UI can show them all.
 * Documented in docs/workflows/publishing.md — keep the two in step.
 */

import { can } from '../../kernel/permissions.ts';
import type { Action } from '../../kernel/roles.ts';
import type { Actor } from '../../lib/actor.ts';

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
export interface TransitionRule {
  label: string;
  /** The permission needed, per state the event starts from. */
  from: Partial<Record<DocumentState, Action>>;
  to: DocumentState | null;
  /** The submitter may not take this step on their own submission (nobody approves their own work). */
  notBySubmitter?: boolean;
  /** A system actor (scheduled job, import) may run it; only these. */
  systemAllowed?: boolean;
  /** Only a system actor may run it. */
  systemOnly?: boolean;
  /** Only documents that were never published. */
  neverPublishedOnly?: boolean;
}

const REVIEWERS = {
  confidentiality_review: 'content.review_confidentiality',
  approval_review: 'content.approve',
} as const satisfies Partial<Record<DocumentState, Action>>;

/** The transition table. */
export const DOCUMENT_WORKFLOW: Readonly<Record<DocumentEvent, TransitionRule>> = {
  submit: { label: '提交审查', from: { draft: 'content.draft' }, to: 'confidentiality_review' },
  clear: {
    label: '保密审查通过（可以公开）',
    from: { confidentiality_review: 'content.review_confidentiality' },
    to: 'approval_review',
    notBySubmitter: true,
  },
  redact: {
    label: '保密审查：删除涉密或隐私内容后公开',
    from: { confidentiality_review: 'content.review_confidentiality' },
    to: 'draft',
    notBySubmitter: true,
  },
  withhold: {
    label: '保密审查：不予公开',
    from: { confidentiality_review: 'content.review_confidentiality' },
    to: 'withheld',
    notBySubmitter: true,
  },
  return: { label: '退回修改', from: REVIEWERS, to: 'draft', notBySubmitter: true },
  approve: {
    label: '审核通过并发布',
    from: { approval_review: 'content.approve' },
    to: 'published',
    notBySubmitter: true,
  },
  schedule: {
    label: '审核通过并定时发布',
    from: { approval_review: 'content.approve' },
    to: 'scheduled',
    notBySubmitter: true,
  },
  unschedule: { label: '取消定时发布', from: { scheduled: 'content.approve' }, to: 'approval_review' },
  publish_due: {
    label: '到时发布',
    from: { scheduled: 'content.approve' },
    to: 'published',
    systemOnly: true,
  },
  force_publish: {
    label: '强制发布',
    from: {
      draft: 'content.force_publish',
      confidentiality_review: 'content.force_publish',
      approval_review: 'content.force_publish',
      scheduled: 'content.force_publish',
    },
    to: 'published',
    systemAllowed: true,
  },
  withdraw: { label: '撤回', from: { published: 'content.approve' }, to: 'withdrawn' },
  correct: { label: '更正', from: { published: 'content.approve' }, to: 'published' },
  delete: { label: '删除', from: { draft: 'content.draft' }, to: null, neverPublishedOnly: true },
};

/** What the workflow needs to know about a document to decide whether an event may run. */
export interface DocumentSnapshot {
  state: DocumentState;
  unitPath: string;
  submittedBy: number | null;
  everPublished: boolean;
}

function actorProblems(rule: TransitionRule, action: Action, doc: DocumentSnapshot, actor: Actor): string[] {
  if (actor.kind === 'system') return rule.systemAllowed || rule.systemOnly ? [] : ['系统任务不能执行此操作'];
  if (rule.systemOnly) return ['此操作只能由系统定时任务执行'];
  const problems: string[] = [];
  if (!can(actor, action, doc.unitPath)) problems.push('您没有执行此操作的权限');
  if (rule.notBySubmitter && actor.kind === 'user' && doc.submittedBy === actor.userId)
    problems.push('不能审查或审核本人提交的信息');
  return problems;
}

/** Every reason `event` cannot run on `doc` for `actor` (empty = allowed). */
export function transitionProblems(event: DocumentEvent, doc: DocumentSnapshot, actor: Actor): string[] {
  const rule = DOCUMENT_WORKFLOW[event];
  const action = rule.from[doc.state];
  const problems: string[] = [];
  if (!action) problems.push(`“${DOCUMENT_STATE_LABELS[doc.state]}”状态的信息不能${rule.label}`);
  if (rule.neverPublishedOnly && doc.everPublished) problems.push('已发布过的信息不能删除，只能撤回');
  problems.push(...actorProblems(rule, action ?? Object.values(rule.from)[0]!, doc, actor));
  return problems;
}

/** The events `actor` may run on `doc` now (for the buttons the UI shows). */
export function availableEvents(doc: DocumentSnapshot, actor: Actor): DocumentEvent[] {
  return DOCUMENT_EVENTS.filter((e) => transitionProblems(e, doc, actor).length === 0);
}
