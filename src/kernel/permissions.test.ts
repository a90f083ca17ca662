import { describe, expect, it } from 'vitest';
import type { Actor, UserActor } from '../lib/actor.ts';
import {
  can,
  canSiteWide,
  coversUnit,
  grantConflicts,
  roleChangeProblems,
  scopesFor,
} from './permissions.ts';
import { type Action, allActions, ROLES, type Role } from './roles.ts';

const ACTIONS = allActions();

const COUNTY = '/1/';
const DEPT = '/1/4/';
const OTHER_DEPT = '/1/5/';
const TOWN_VILLAGE = '/1/9/12/';

function actorWith(role: Role, unitPath = COUNTY, userId = 7): UserActor {
  return {
    kind: 'user',
    userId,
    username: 'u',
    displayName: 'U',
    unitId: 1,
    grants: [{ role, unitId: 1, unitPath }],
  };
}

/** The expected permission table: role → actions it allows. Everything else must be refused. */
const EXPECTED: Record<Role, Action[]> = {
  clerk: [
    'admin.access',
    'content.draft',
    'request.handle',
    'task.report',
    'report.edit',
    // ── letters ──
    'letter.handle',
    // ── end letters ──
    // ── consultations ──
    'consultation.manage',
    // ── end consultations ──
    // ── surveys ──
    'survey.manage',
    // ── end surveys ──
    // ── interviews ──
    'interview.manage',
    // ── end interviews ──
    // ── open-days ──
    'openday.manage',
    // ── end open-days ──
    // ── qa ──
    'qa.manage',
    // ── end qa ──
  ],
  reviewer: [
    'admin.access',
    'content.draft',
    'content.approve',
    'request.handle',
    'request.legal_review',
    'task.report',
    'policy.record',
    'report.edit',
    'report.oversee',
    // ── letters ──
    'letter.handle',
    'letter.review',
    // ── end letters ──
    // ── consultations ──
    'consultation.manage',
    'consultation.moderate',
    // ── end consultations ──
    // ── surveys ──
    'survey.manage',
    'survey.publish',
    // ── end surveys ──
    // ── interviews ──
    'interview.manage',
    // ── end interviews ──
    // ── open-days ──
    'openday.manage',
    // ── end open-days ──
    // ── qa ──
    'qa.manage',
    'qa.review',
    // ── end qa ──
  ],
  confidentiality_reviewer: ['admin.access', 'content.review_confidentiality'],
  disclosure_admin: [
    'admin.access',
    'content.draft',
    'content.approve',
    'content.force_publish',
    'disclosure.manage',
    'request.handle',
    'request.legal_review',
    'request.approve_extension',
    'task.report',
    'task.manage',
    'policy.record',
    'policy.manage',
    'report.edit',
    'report.oversee',
    // ── letters ──
    'letter.route',
    'letter.handle',
    'letter.review',
    'letter.oversee',
    // ── end letters ──
    // ── consultations ──
    'consultation.manage',
    'consultation.moderate',
    // ── end consultations ──
    // ── surveys ──
    'survey.manage',
    'survey.publish',
    // ── end surveys ──
    // ── interviews ──
    'interview.manage',
    // ── end interviews ──
    // ── open-days ──
    'openday.manage',
    'openday.personal',
    // ── end open-days ──
    // ── qa ──
    'qa.manage',
    'qa.review',
    'qa.exchange',
    // ── end qa ──
    // ── subscriptions ──
    'subscription.view',
    // ── end subscriptions ──
  ],
  system_admin: ['admin.access', 'unit.manage', 'calendar.manage', 'settings.manage'],
  security_admin: ['admin.access', 'user.view', 'user.manage', 'role.grant'],
  auditor: ['admin.access', 'audit.read', 'audit.export'],
};

describe('can(): every role × every action', () => {
  const rows = ROLES.flatMap((role) =>
    ACTIONS.map((action) => [role, action, EXPECTED[role].includes(action)] as const),
  );
  it.each(rows)('%s → %s = %s', (role, action, allowed) => {
    expect(can(actorWith(role), action, DEPT)).toBe(allowed);
  });
});

describe('三员 separation of duties', () => {
  it('the security administrator has no content or audit permissions', () => {
    const a = actorWith('security_admin');
    for (const action of ['content.draft', 'content.approve', 'audit.read', 'unit.manage'] as Action[])
      expect(can(a, action)).toBe(false);
  });
  it('the auditor only reads and exports the audit log', () => {
    const allowed = ACTIONS.filter((action) => can(actorWith('auditor'), action));
    expect(allowed).toEqual(['admin.access', 'audit.read', 'audit.export']);
  });
  it.each([
    [['system_admin'], 'auditor', 1],
    [['security_admin'], 'auditor', 1],
    [['auditor'], 'system_admin', 1],
    [['auditor'], 'security_admin', 1],
    [['system_admin'], 'security_admin', 0],
    [['auditor'], 'clerk', 0],
    [['clerk', 'reviewer'], 'auditor', 0],
    [[], 'auditor', 0],
  ] as const)('holding %j, adding %s gives %i problem(s)', (existing, role, n) => {
    expect(grantConflicts(existing, role)).toHaveLength(n);
  });
});

describe('scope: a grant covers its unit and subtree only', () => {
  it.each([
    [COUNTY, DEPT, true],
    [COUNTY, TOWN_VILLAGE, true],
    [DEPT, DEPT, true],
    [DEPT, OTHER_DEPT, false],
    [DEPT, COUNTY, false],
    ['/1/4/', '/1/45/', false],
  ])('grant %s covers %s = %s', (grant, unit, expected) => {
    expect(coversUnit(grant, unit)).toBe(expected);
    expect(can(actorWith('system_admin', grant), 'unit.manage', unit)).toBe(expected);
  });

  it('lists the scopes of an action', () => {
    const a: UserActor = {
      ...actorWith('clerk', DEPT),
      grants: [
        { role: 'clerk', unitId: 4, unitPath: DEPT },
        { role: 'auditor', unitId: 1, unitPath: COUNTY },
      ],
    };
    expect(scopesFor(a, 'content.draft')).toEqual([DEPT]);
    expect(scopesFor(a, 'audit.read')).toEqual([COUNTY]);
  });
});

describe('non-users and role changes', () => {
  it.each<Actor>([{ kind: 'anonymous' }, { kind: 'system', name: 'job' }])(
    '%j can do nothing through can()',
    (actor) => {
      for (const action of ACTIONS) expect(can(actor, action)).toBe(false);
    },
  );
  it('nobody changes the roles of their own account', () => {
    expect(roleChangeProblems(actorWith('security_admin', COUNTY, 7), 7, DEPT)).toEqual([
      '不能修改自己账户的角色',
    ]);
    expect(roleChangeProblems(actorWith('security_admin', COUNTY, 7), 8, DEPT)).toEqual([]);
  });
  it('a security administrator of one department cannot grant roles elsewhere', () => {
    expect(roleChangeProblems(actorWith('security_admin', DEPT), 8, OTHER_DEPT)).toHaveLength(1);
  });
});

describe('canSiteWide', () => {
  it('needs the action on a top-level unit, not only on a department', () => {
    expect(canSiteWide(actorWith('disclosure_admin', COUNTY), 'disclosure.manage')).toBe(true);
    expect(canSiteWide(actorWith('disclosure_admin', DEPT), 'disclosure.manage')).toBe(false);
    expect(can(actorWith('disclosure_admin', DEPT), 'disclosure.manage')).toBe(true);
    expect(canSiteWide(actorWith('clerk', COUNTY), 'disclosure.manage')).toBe(false);
  });
});
