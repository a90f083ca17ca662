/** 主题日 / 开放日: the transition table, masking, phone rules, the registration window and the plan input. */
import { describe, expect, it } from 'vitest';
import {
  isValidPhone,
  maskName,
  maskPhone,
  normalisePhone,
  OPEN_DAY_EVENTS,
  OPEN_DAY_STATES,
  type OpenDayEvent,
  planInputSchema,
  registrationProblem,
  splitOthers,
  transitionProblem,
  withOthers,
} from './open-day.model.ts';

describe('open day transition table', () => {
  const rows = (Object.keys(OPEN_DAY_EVENTS) as OpenDayEvent[]).flatMap((e) =>
    OPEN_DAY_STATES.map((s) => [e, s] as const),
  );
  it.each(rows)('%s from %s', (event, state) => {
    const allowed = (OPEN_DAY_EVENTS[event].from as readonly string[]).includes(state);
    expect(transitionProblem(state, event) === null).toBe(allowed);
  });
});

describe('personal data', () => {
  it.each([
    ['张三', '张*'],
    ['欧阳娜娜', '欧***'],
    ['李', '*'],
  ])('masks the name %s as %s', (name, masked) => expect(maskName(name)).toBe(masked));
  it.each([
    ['13800001234', '138****1234'],
    ['0731-88881234', '0731-******34'],
  ])('masks the phone %s as %s', (phone, masked) => expect(maskPhone(phone)).toBe(masked));
  it.each([
    ['+86 138 0000 1234', '13800001234', true],
    ['(0731)88881234', '073188881234', true],
    ['12800001234', '12800001234', false],
    ['1380000123', '1380000123', false],
  ])('normalises %s to %s (valid: %s)', (raw, norm, valid) => {
    expect(normalisePhone(raw)).toBe(norm);
    expect(isValidPhone(normalisePhone(raw))).toBe(valid);
  });
});

describe('registration window', () => {
  const e = {
    status: 'planned',
    registration_opens_on: '2026-03-01',
    registration_closes_on: '2026-03-18',
    capacity: 2,
    registered: 1,
  };
  it.each([
    [{}, '2026-02-28', '报名尚未开始（2026-03-01 开始）'],
    [{}, '2026-03-01', null],
    [{}, '2026-03-18', null],
    [{}, '2026-03-19', '报名已截止（2026-03-18）'],
    [{ registered: 2 }, '2026-03-05', '名额已满'],
    [{ status: 'held' }, '2026-03-05', '本活动不接受报名'],
  ])('%j on %s → %s', (over, today, problem) =>
    expect(registrationProblem({ ...e, ...over }, today)).toBe(problem),
  );
});

describe('plan input', () => {
  const PLAN = {
    theme: '主题日',
    type: 'open_day',
    eventDate: '2026-03-20',
    startTime: '09:00',
    place: '县政务服务中心',
    invitedGroups: ['人大代表', '普通市民'],
    invitedGroupsOther: '社区代表、人大代表',
    activities: '座谈会',
    capacity: '30',
    registrationOpensOn: '2026-03-01',
    registrationClosesOn: '2026-03-18',
  };
  it('merges the 其他 lines into the ticked lists, without duplicates', () => {
    const v = planInputSchema.parse(withOthers(PLAN));
    expect(v.invitedGroups).toEqual(['人大代表', '普通市民', '社区代表']);
    expect(v.activities).toEqual(['座谈会']);
    expect(splitOthers(v.invitedGroups, ['人大代表', '普通市民'])).toEqual({
      ticked: ['人大代表', '普通市民'],
      other: '社区代表',
    });
  });
  it.each([
    [{ startTime: '25:00' }, 'startTime', '开始时间应为时间'],
    [{ endTime: '08:00' }, 'endTime', '结束时间应晚于开始时间'],
    [{ registrationClosesOn: '2026-02-01' }, 'registrationClosesOn', '报名截止日期不能早于报名开始日期'],
    [{ capacity: '10001' }, 'capacity', '名额不能大于 10000'],
    [{ surveyId: 'abc' }, 'surveyId', '活动后问卷应为在线调查的编号'],
    [{ place: '县\u0000中心' }, 'place', '控制字符'],
  ])('refuses %j on %s', (over, field, message) => {
    const r = planInputSchema.safeParse(withOthers({ ...PLAN, ...over }));
    expect(r.error?.issues.find((i) => i.path.join('.') === field)?.message).toContain(message);
  });
});
