import { describe, expect, it } from 'vitest';
import {
  BULLETINS_PER_YEAR,
  type BulletinAssignment,
  bulletinQuarterOf,
  computeBulletin,
  quarterRange,
} from './task-supervision.ts';

describe('quarterRange', () => {
  it.each([
    [1, '2026-01-01', '2026-03-31'],
    [2, '2026-04-01', '2026-06-30'],
    [3, '2026-07-01', '2026-09-30'],
    [4, '2026-10-01', '2026-12-31'],
  ])('Q%i', (q, start, end) => {
    expect(quarterRange(2026, q)).toEqual({ start, end });
  });
  it('rejects a fifth quarter', () => {
    expect(() => quarterRange(2026, 5)).toThrow(RangeError);
  });
});

describe('一季度一通报: bulletinQuarterOf', () => {
  it.each([
    ['2026-01-01', 1],
    ['2026-03-31', 1],
    ['2026-04-01', 2],
    ['2026-09-30', 3],
    ['2026-12-31', 4],
  ])('%s is in quarter %i', (date, q) => {
    expect(bulletinQuarterOf(date)).toBe(q);
  });
  it('has one bulletin per quarter, and every quarter lies inside its range', () => {
    expect(BULLETINS_PER_YEAR).toBe(4);
    for (let q = 1; q <= BULLETINS_PER_YEAR; q++) {
      const { start, end } = quarterRange(2026, q);
      expect([bulletinQuarterOf(start), bulletinQuarterOf(end)]).toEqual([q, q]);
    }
  });
});

describe('computeBulletin', () => {
  const row = (
    taskId: number,
    unitId: number,
    dueDate: string | null,
    doneOn: string | null,
    over: Partial<BulletinAssignment> = {},
  ): BulletinAssignment => ({
    ...{ taskId, number: String(taskId), title: `任务${taskId}`, dueDate, doneOn, recurrence: null },
    ...{ notApplicable: false, unitId, unitName: `单位${unitId}` },
    ...over,
  });
  const accepted = (taskId: number, unitId: number, reportDate: string, reviewedOn = reportDate) => ({
    ...{ taskId, unitId, reportDate, reviewedOn },
  });

  it('counts due and early-finished parts, late completions and overdue ones, per unit', () => {
    const b = computeBulletin({
      ...{ year: 2026, quarter: 1, today: '2026-04-15' },
      assignments: [
        row(1, 1, '2026-03-31', '2026-03-31'), // due and done on the last day
        row(2, 1, '2026-06-30', '2026-02-01'), // done early: counts
        row(3, 1, '2026-06-30', null), // not due yet: not counted
        row(4, 2, '2026-02-28', '2026-03-10'), // done late
        row(5, 2, '2026-03-15', null), // overdue
        row(5, 1, '2026-03-15', '2026-04-02'), // done after the quarter: overdue at quarter end
        row(6, 3, null, null, { recurrence: 'continuous' }), // no periods, not finished: not counted
      ],
      accepted: [
        accepted(1, 1, '2026-03-31'),
        accepted(2, 1, '2026-02-01'),
        accepted(4, 2, '2026-03-10'),
        accepted(5, 1, '2026-04-02'), // reviewed after the quarter: not counted
      ],
    });
    expect(b).toMatchObject({ asOf: '2026-03-31', ended: true, asOfNote: null });
    expect(
      b.units.map((u) => [
        u.unitName,
        u.assigned,
        u.done,
        u.rateText,
        u.overdue,
        u.lateDone,
        u.acceptedReports,
      ]),
    ).toEqual([
      ['单位1', 3, 2, '2 ÷ 3 = 66.7%', 1, 0, 2],
      ['单位2', 2, 1, '1 ÷ 2 = 50.0%', 1, 1, 1],
      ['单位3', 0, 0, '无到期任务', 0, 0, 0],
    ]);
    expect(b.units[2]?.rate).toBeNull();
    expect(b.overdueTasks).toEqual([
      {
        ...{ taskId: 5, number: '5', title: '任务5', occurrence: null, dueDate: '2026-03-15' },
        units: ['单位2', '单位1'],
      },
    ]);
    expect(b.goodCases).toEqual([]);
    expect(b.poorCases.map((c) => c.unitName)).toEqual(['单位1', '单位2']);
  });

  it('names a unit that finished every due part on time as a good case, never one that did nothing', () => {
    const b = computeBulletin({
      ...{ year: 2026, quarter: 2, today: '2026-07-01' },
      assignments: [
        row(1, 7, '2026-05-31', '2026-05-20'),
        row(1, 8, '2026-05-31', null), // the same task: unit 8 never reported
        row(2, 9, '2026-09-30', null), // due after the quarter: nothing due, no praise
      ],
      accepted: [accepted(1, 7, '2026-05-20')],
    });
    expect(b.goodCases).toEqual([{ unitName: '单位7', reason: '到期任务 1 项全部按时完成' }]);
    expect(b.units.map((u) => [u.unitName, u.rate])).toEqual([
      ['单位7', 1],
      ['单位8', 0],
      ['单位9', null],
    ]);
    expect(b.poorCases).toEqual([{ unitName: '单位8', reason: '有 1 项任务逾期未完成' }]);
  });

  it('is computed as of today while the quarter runs: parts due later are not yet due, never 逾期', () => {
    const b = computeBulletin({
      ...{ year: 2026, quarter: 4, today: '2026-12-01' },
      assignments: [
        row(1, 1, '2026-12-31', null), // due at the quarter end: not yet due
        row(2, 1, '2026-12-01', null), // due today: still in time
        row(3, 1, '2026-11-30', null), // due yesterday: overdue
        row(4, 1, '2026-12-31', '2026-11-20'), // finished early: counts as done
      ],
      accepted: [accepted(4, 1, '2026-11-20')],
    });
    expect(b).toMatchObject({
      ...{ asOf: '2026-12-01', ended: false, dueBy: '2026-11-30' },
      asOfNote: '本季度尚未结束，数据截至2026年12月1日',
    });
    // 应完成 = task 3 (due) + task 4 (finished early) = 2; 已完成 = 1; 逾期 = 1
    expect(b.units[0]).toMatchObject({ assigned: 2, done: 1, overdue: 1, rateText: '1 ÷ 2 = 50.0%' });
    expect(b.overdueTasks.map((t) => t.taskId)).toEqual([3]);
    expect(b.notYetDue.map((t) => [t.taskId, t.dueDate])).toEqual([
      [2, '2026-12-01'],
      [1, '2026-12-31'],
    ]);
  });

  it('counts each monthly occurrence, met by an accepted report dated in its month; 不适用 parts owe nothing', () => {
    const b = computeBulletin({
      ...{ year: 2026, quarter: 1, today: '2026-04-10' },
      assignments: [
        row(1, 1, null, null, { recurrence: 'monthly' }),
        row(2, 1, '2026-02-28', null, { notApplicable: true }),
        row(2, 2, '2026-02-28', '2026-02-20'),
      ],
      accepted: [
        accepted(1, 1, '2026-01-15'),
        accepted(1, 1, '2026-03-31'),
        accepted(1, 1, '2026-04-02'), // April's, after the as-of date
        accepted(2, 2, '2026-02-20'),
      ],
    });
    // unit 1: January met, February missed, March met (on its last day) → 应完成 3, 已完成 2, 逾期 1;
    // the 不适用 part of task 2 is not counted.
    expect(b.units.map((u) => [u.unitName, u.assigned, u.done, u.overdue, u.lateDone])).toEqual([
      ['单位1', 3, 2, 1, 0],
      ['单位2', 1, 1, 0, 0],
    ]);
    expect(b.overdueTasks).toEqual([
      {
        ...{ taskId: 1, number: '1', title: '任务1', occurrence: '2026年2月', dueDate: '2026-02-28' },
        units: ['单位1'],
      },
    ]);
  });
});
