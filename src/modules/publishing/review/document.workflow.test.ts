import { describe, expect, it } from 'vitest';
import { type Actor, systemActor, type UserActor } from '../../../lib/actor.ts';
import {
  availableEvents,
  DOCUMENT_EVENTS,
  DOCUMENT_STATES,
  type DocumentEvent,
  type DocumentState,
  transitionProblems,
} from './document.workflow.ts';

const UNIT = '/1/2/';
const user = (userId: number, role: string): UserActor => ({
  kind: 'user',
  userId,
  username: role,
  displayName: role,
  unitId: 2,
  grants: [{ role, unitId: 2, unitPath: UNIT }],
});
const ROLES = ['clerk', 'reviewer', 'confidentiality_reviewer', 'disclosure_admin', 'system_admin'] as const;
type Who = (typeof ROLES)[number] | 'system';
const actorFor = (who: Who): Actor => (who === 'system' ? systemActor() : user(100, who));

/** The expected table, written out independently of the implementation: event → states → who may. */
const REVIEW: Who[] = ['confidentiality_reviewer'];
const APPROVE: Who[] = ['reviewer', 'disclosure_admin'];
const EXPECTED: Record<DocumentEvent, Partial<Record<DocumentState, Who[]>>> = {
  submit: { draft: ['clerk', 'reviewer', 'disclosure_admin'] },
  clear: { confidentiality_review: REVIEW },
  redact: { confidentiality_review: REVIEW },
  withhold: { confidentiality_review: REVIEW },
  return: { confidentiality_review: REVIEW, approval_review: APPROVE },
  approve: { approval_review: APPROVE },
  schedule: { approval_review: APPROVE },
  unschedule: { scheduled: APPROVE },
  publish_due: { scheduled: ['system'] },
  force_publish: {
    draft: ['disclosure_admin', 'system'],
    confidentiality_review: ['disclosure_admin', 'system'],
    approval_review: ['disclosure_admin', 'system'],
    scheduled: ['disclosure_admin', 'system'],
  },
  withdraw: { published: APPROVE },
  correct: { published: APPROVE },
  delete: { draft: ['clerk', 'reviewer', 'disclosure_admin'] },
};

const cases = DOCUMENT_EVENTS.flatMap((event) =>
  DOCUMENT_STATES.flatMap((state) => [...ROLES, 'system' as const].map((who) => ({ event, state, who }))),
);

describe('document workflow table', () => {
  it.each(cases)('$event from $state by $who', ({ event, state, who }) => {
    const doc = { state, unitPath: UNIT, submittedBy: 1, everPublished: false };
    const allowed = EXPECTED[event][state]?.includes(who) ?? false;
    expect(transitionProblems(event, doc, actorFor(who)).length === 0).toBe(allowed);
  });

  it.each(['clear', 'redact', 'withhold', 'approve', 'schedule'] as const)(
    'refuses %s by the submitter, even with the right role',
    (event) => {
      const state =
        event === 'approve' || event === 'schedule' ? 'approval_review' : 'confidentiality_review';
      const role = state === 'approval_review' ? 'disclosure_admin' : 'confidentiality_reviewer';
      const doc = { state, unitPath: UNIT, submittedBy: 100, everPublished: false } as const;
      expect(transitionProblems(event, doc, user(100, role))).toContain('不能审查或审核本人提交的信息');
      expect(transitionProblems(event, doc, user(101, role))).toEqual([]);
    },
  );

  it('refuses roles granted on another unit', () => {
    const outsider: UserActor = {
      ...user(5, 'reviewer'),
      grants: [{ role: 'reviewer', unitId: 9, unitPath: '/1/9/' }],
    };
    const doc = { state: 'approval_review', unitPath: UNIT, submittedBy: 1, everPublished: false } as const;
    expect(transitionProblems('approve', doc, outsider)).toEqual(['您没有执行此操作的权限']);
  });

  it('lets only never-published drafts be deleted and lists every problem at once', () => {
    const doc = { state: 'draft', unitPath: UNIT, submittedBy: 1, everPublished: true } as const;
    expect(transitionProblems('delete', doc, user(2, 'clerk'))).toEqual(['已发布过的信息不能删除，只能撤回']);
    const published = { ...doc, state: 'published' } as const;
    expect(transitionProblems('delete', published, user(2, 'confidentiality_reviewer'))).toHaveLength(3);
  });

  it('offers the events an actor may run', () => {
    const doc = { state: 'approval_review', unitPath: UNIT, submittedBy: 1, everPublished: false } as const;
    expect(availableEvents(doc, user(2, 'disclosure_admin'))).toEqual([
      'return',
      'approve',
      'schedule',
      'force_publish',
    ]);
  });
});
