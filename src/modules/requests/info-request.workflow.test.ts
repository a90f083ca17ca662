import { describe, expect, it } from 'vitest';
import { type Actor, systemActor, type UserActor } from '../../lib/actor.ts';
import {
  type CaseSnapshot,
  EVENT_KEYS,
  EVENTS,
  type EventInput,
  eventsFrom,
  FINAL_STATES,
  STATES,
  type State,
  targetState,
  transitionProblems,
  type WorkflowEvent,
} from './info-request.workflow.ts';

const user = (userId: number, role: string): UserActor => ({
  kind: 'user',
  userId,
  username: `u${userId}`,
  displayName: `用户${userId}`,
  unitId: 1,
  grants: [{ role, unitId: 1, unitPath: '/1/' }],
});
const ADMIN = user(1, 'disclosure_admin');
const CLERK = user(2, 'clerk');
const OUTSIDER: UserActor = {
  ...user(3, 'disclosure_admin'),
  grants: [{ role: 'disclosure_admin', unitId: 9, unitPath: '/9/' }],
};
const SYSTEM = systemActor('测试任务');
const TODAY = '2026-03-05';

/** A case on which every guard passes, in the given state. */
function happyCase(state: State): CaseSnapshot {
  return {
    state,
    unitPath: '/1/4/',
    receivedOn: '2026-03-02',
    extensionWorkingDays: 0,
    correctionRequested: false,
    correctionNoticeDeadline: '2026-03-11',
    dueDate: '2026-03-30',
    decision: 'granted',
    draftedByUserId: 99,
    reviewPassed: true,
    replyLetterIssued: true,
  };
}
const HAPPY_INPUT: EventInput = {
  receivedOn: '2026-03-04',
  extensionWorkingDays: 10,
  decision: 'partial',
  responsibleAgency: '某市自然资源局',
  targetUnitId: 7,
};
const actorFor = (e: WorkflowEvent): Actor => (EVENTS[e].who === 'system' ? SYSTEM : ADMIN);

describe('every state × every event', () => {
  const grid = STATES.flatMap((s) => EVENT_KEYS.map((e) => [s, e] as const));
  it.each(grid)('%s × %s', (state, event) => {
    const allowed = (EVENTS[event].from as readonly State[]).includes(state);
    const problems = transitionProblems(event, happyCase(state), HAPPY_INPUT, {
      actor: actorFor(event),
      today: TODAY,
    });
    if (allowed) expect(problems).toEqual([]);
    else expect(problems).toEqual([expect.stringMatching(/状态的申请不能执行/)]);
  });

  it('final states allow nothing', () => {
    for (const s of FINAL_STATES) expect(eventsFrom(s)).toEqual([]);
  });
});

describe('targets', () => {
  it.each([
    ['confirm', 'pending_confirmation', 0, 'accepted'],
    ['request_correction', 'accepted', 0, 'awaiting_correction'],
    ['receive_correction', 'awaiting_correction', 0, 'accepted'],
    ['correction_overdue', 'awaiting_correction', 0, 'closed'],
    ['end_consultation', 'consulting', 0, 'accepted'],
    ['end_consultation', 'consulting', 5, 'extended'],
    ['extend', 'accepted', 0, 'extended'],
    ['answer', 'legal_review', 0, 'answered'],
    ['mark_not_this_agency', 'accepted', 0, 'not_this_agency'],
  ] as const)('%s from %s (extension %i) → %s', (event, state, ext, to) => {
    expect(targetState(event, { ...happyCase(state), extensionWorkingDays: ext })).toBe(to);
  });
});

describe('guards and permissions list every reason', () => {
  const g = (actor: Actor = ADMIN, today = TODAY) => ({ actor, today });
  it.each<[string, WorkflowEvent, Partial<CaseSnapshot>, EventInput, Actor, string[]]>([
    [
      'a clerk cannot approve an extension',
      'extend',
      {},
      { extensionWorkingDays: 5 },
      CLERK,
      ['您没有办理此操作的权限'],
    ],
    [
      'another unit’s admin cannot confirm',
      'confirm',
      { state: 'pending_confirmation' },
      { receivedOn: TODAY },
      OUTSIDER,
      ['您没有办理此操作的权限'],
    ],
    [
      'staff cannot run the 补正 job event',
      'correction_overdue',
      { state: 'awaiting_correction' },
      {},
      ADMIN,
      ['此操作只能由系统任务执行'],
    ],
    [
      'receipt date missing',
      'confirm',
      { state: 'pending_confirmation' },
      {},
      ADMIN,
      ['请填写收到申请的日期'],
    ],
    [
      'receipt date in the future',
      'confirm',
      { state: 'pending_confirmation' },
      { receivedOn: '2026-03-06' },
      ADMIN,
      ['收到申请的日期不能晚于今天'],
    ],
    [
      'second 补正 and late notice',
      'request_correction',
      { correctionRequested: true, correctionNoticeDeadline: '2026-03-04' },
      {},
      ADMIN,
      [
        '补正只能一次性告知，本申请已发出过补正通知（条例第三十条）',
        '补正通知应在收到申请之日起7个工作日内发出（期限至 2026-03-04）',
      ],
    ],
    [
      'extension too long, overdue, wrong state, and by a clerk',
      'extend',
      { state: 'drafting', dueDate: '2026-03-04' },
      { extensionWorkingDays: 21 },
      CLERK,
      [
        '“拟答复”状态的申请不能执行“批准延期答复”',
        '您没有办理此操作的权限',
        '延长的期限应为 1 至 20 个工作日',
        '答复期限已于 2026-03-04 届满，不能再延期',
      ],
    ],
    ['no decision chosen', 'draft_reply', {}, {}, ADMIN, ['请选择处理结果']],
    [
      'staff cannot choose 逾期不补正',
      'draft_reply',
      {},
      { decision: 'other_correction_overdue' },
      ADMIN,
      ['“逾期不补正”由系统在补正期限届满后自动办结'],
    ],
    [
      'drafter cannot review own draft',
      'pass_review',
      { state: 'legal_review', draftedByUserId: 1 },
      {},
      ADMIN,
      ['拟稿人不能审核自己拟定的答复'],
    ],
    [
      'no answer before review passes',
      'answer',
      { state: 'legal_review', reviewPassed: false },
      {},
      ADMIN,
      ['答复尚未通过法制审核'],
    ],
    [
      'no answer without a decision',
      'answer',
      { state: 'not_this_agency', decision: null },
      {},
      ADMIN,
      ['尚未拟定处理结果'],
    ],
    ['非本机关 needs the agency', 'mark_not_this_agency', {}, {}, ADMIN, ['请填写负责公开该信息的行政机关']],
    ['转办 needs a unit', 'transfer', {}, {}, ADMIN, ['请选择转办的单位']],
  ])('%s', (_label, event, patch, input, actor, expected) => {
    const c = { ...happyCase(EVENTS[event].from[0] as State), ...patch };
    expect(transitionProblems(event, c, input, g(actor))).toEqual(expected);
  });

  it('the extension is granted only once', () => {
    const c = { ...happyCase('accepted'), extensionWorkingDays: 5 };
    expect(transitionProblems('extend', c, { extensionWorkingDays: 5 }, g())).toEqual([
      '答复期限只能延长一次（条例第三十三条）',
    ]);
  });
});
