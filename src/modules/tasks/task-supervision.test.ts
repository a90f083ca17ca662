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
  ): BulletinAssignment => ({
    ...{ taskId, number: String(taskId), title: `任务${taskId}`, dueDate, doneOn },
    ...{ unitId, unitName: `单位${unitId}` },
  });

  it('counts due and early-finished tasks, late completions and overdue ones', () => {
    const b = computeBulletin(
      2026,
      1,
      [
        row(1, 1, '2026-03-31', '2026-03-31'), // due and done on the last day
        row(2, 1, '2026-06-30', '2026-02-01'), // done early: counts
        row(3, 1, '2026-06-30', null), // not due yet: not counted
        row(4, 2, '2026-02-28', '2026-03-10'), // done late
        row(5, 2, '2026-03-15', null), // overdue
        row(5, 1, '2026-03-15', '2026-04-02'), // done after the quarter: overdue at quarter end
        row(6, 3, null, null), // recurring duty, not finished: not counted
      ],
      [1, 1, 2],
    );
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
      { taskId: 5, number: '5', title: '任务5', dueDate: '2026-03-15', units: ['单位2', '单位1'] },
    ]);
    expect(b.goodCases).toEqual([]);
    expect(b.poorCases.map((c) => c.unitName)).toEqual(['单位1', '单位2']);
  });

  it('names a unit that finished every due task on time as a good case', () => {
    const b = computeBulletin(2026, 2, [row(1, 7, '2026-05-31', '2026-05-20')], []);
    expect(b.goodCases).toEqual([{ unitName: '单位7', reason: '到期任务 1 项全部按时完成' }]);
    expect(b.units[0]?.rate).toBe(1);
  });
});
