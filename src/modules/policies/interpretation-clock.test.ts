import { describe, expect, it } from 'vitest';
import { WorkingDayCalendar, yearCalendarsToMap } from '../../lib/calendar/index.ts';
import { type InterpretationClockInput, interpretationClock, needsReminder } from './interpretation-clock.ts';

// A made-up 2026: Wednesday 2026-03-04 is a holiday, Saturday 2026-03-07 a make-up working day.
const calendar = new WorkingDayCalendar(
  yearCalendarsToMap([
    { year: 2026, holidays: new Set(['2026-03-04']), workdays: new Set(['2026-03-07']), source: 'admin' },
  ]),
);
const base: InterpretationClockInput = {
  required: true,
  noInterpretationReason: null,
  publishedOn: '2026-03-02',
  interpretationDates: [],
  dueWorkingDays: 3,
  today: '2026-03-02',
};
const clock = (over: Partial<InterpretationClockInput>) =>
  interpretationClock({ ...base, ...over }, calendar);

describe('interpretationClock', () => {
  it('counts working days after the publication day, skipping holidays', () => {
    const c = clock({});
    // Tue 03 (1), Wed 04 holiday, Thu 05 (2), Fri 06 (3)
    expect(c.dueOn).toBe('2026-03-06');
    expect(c.explanation).toBe('公开日 2026-03-02（周一）起第3个工作日 2026-03-06（周五）');
    expect([c.state, c.label, c.workingDays]).toEqual(['pending', '未发布·剩余3个工作日', 3]);
  });

  it('0 working days = the publication day itself', () => {
    const c = clock({ dueWorkingDays: 0 });
    expect([c.dueOn, c.explanation, c.label]).toEqual([
      '2026-03-02',
      '公开日 2026-03-02（周一）当日',
      '未发布·今日到期',
    ]);
  });

  it.each([
    [['2026-03-02'], 'synchronous', '同步发布'],
    [['2026-02-27'], 'synchronous', '同步发布'],
    [['2026-03-06'], 'on_time', '按时发布'],
    [['2026-03-09', '2026-03-05'], 'on_time', '按时发布'],
    // Sat 07 is a make-up working day: 1 working day late
    [['2026-03-07'], 'late', '逾期发布（逾期1个工作日）'],
    [['2026-03-10'], 'late', '逾期发布（逾期3个工作日）'],
  ])('a 解读 published on %j is %s', (dates, state, label) => {
    const c = clock({ interpretationDates: dates, today: '2026-03-20' });
    expect([c.state, c.label]).toEqual([state, label]);
  });

  it('missing: days left, due today, overdue by working days', () => {
    expect(clock({ today: '2026-03-05' }).label).toBe('未发布·剩余1个工作日');
    expect(clock({ today: '2026-03-06' }).label).toBe('未发布·今日到期');
    expect(clock({ today: '2026-03-07' }).label).toBe('未发布·已逾期1个工作日');
    expect(clock({ today: '2026-03-09' }).label).toBe('未发布·已逾期2个工作日');
  });

  it('no clock: reason recorded, kind not required, policy not public', () => {
    expect(clock({ noInterpretationReason: '仅调整内部分工' }).state).toBe('not_required');
    expect(clock({ required: false }).label).toBe('无需解读');
    expect(clock({ noInterpretationReason: '  ' }).state).toBe('pending');
    expect(clock({ publishedOn: null }).state).toBe('policy_unpublished');
    // a 解读 that exists is still timed, even when none was required
    expect(clock({ required: false, interpretationDates: ['2026-03-02'] }).state).toBe('synchronous');
  });

  it('reminds when due within 1 working day or overdue', () => {
    expect(needsReminder(clock({ today: '2026-03-03' }))).toBe(false);
    expect(needsReminder(clock({ today: '2026-03-05' }))).toBe(true);
    expect(needsReminder(clock({ today: '2026-03-09' }))).toBe(true);
    expect(needsReminder(clock({ interpretationDates: ['2026-03-10'], today: '2026-03-10' }))).toBe(false);
  });
});
