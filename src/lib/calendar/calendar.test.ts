import { describe, expect, it, vi } from 'vitest';
import { type DayKind, WorkingDayCalendar, type YearCalendar } from './calendar.ts';
import { createSeedWorkingDayCalendar } from './seed-data.ts';

// Expected values come from the 国务院办公厅 notices on 部分节假日安排 for 2024 (国办发明电〔2023〕7号),
// 2025 (国办发明电〔2024〕12号) and 2026 (published 2025-11, gov.cn content_7047091), counted by hand.
const calendar = createSeedWorkingDayCalendar();

describe('isWorkingDay / dayKind around the festivals', () => {
  it.each<[string, string, DayKind]>([
    // 2024 Spring Festival: 02-10..02-17 off; make-up 02-04 (Sun) and 02-18 (Sun).
    ['2024 春节', '2024-02-04', 'makeup-working'],
    ['2024 春节', '2024-02-09', 'working'],
    ['2024 春节', '2024-02-10', 'weekend'],
    ['2024 春节', '2024-02-12', 'holiday'],
    ['2024 春节', '2024-02-16', 'holiday'],
    ['2024 春节', '2024-02-17', 'weekend'],
    ['2024 春节', '2024-02-18', 'makeup-working'],
    ['2024 春节', '2024-02-19', 'working'],
    // 2024 National Day: 10-01..10-07 off; make-up 09-29 (Sun) and 10-12 (Sat).
    ['2024 国庆', '2024-09-29', 'makeup-working'],
    ['2024 国庆', '2024-10-01', 'holiday'],
    ['2024 国庆', '2024-10-05', 'weekend'],
    ['2024 国庆', '2024-10-07', 'holiday'],
    ['2024 国庆', '2024-10-08', 'working'],
    ['2024 国庆', '2024-10-12', 'makeup-working'],
    ['2024 国庆', '2024-10-13', 'weekend'],
    // 2025 Spring Festival: 01-28..02-04 off; make-up 01-26 (Sun) and 02-08 (Sat).
    ['2025 春节', '2025-01-26', 'makeup-working'],
    ['2025 春节', '2025-01-27', 'working'],
    ['2025 春节', '2025-01-28', 'holiday'],
    ['2025 春节', '2025-01-31', 'holiday'],
    ['2025 春节', '2025-02-03', 'holiday'],
    ['2025 春节', '2025-02-04', 'holiday'],
    ['2025 春节', '2025-02-05', 'working'],
    ['2025 春节', '2025-02-08', 'makeup-working'],
    ['2025 春节', '2025-02-09', 'weekend'],
    // 2025 National Day and Mid-Autumn: 10-01..10-08 off; make-up 09-28 (Sun) and 10-11 (Sat).
    ['2025 国庆中秋', '2025-09-28', 'makeup-working'],
    ['2025 国庆中秋', '2025-10-01', 'holiday'],
    ['2025 国庆中秋', '2025-10-06', 'holiday'],
    ['2025 国庆中秋', '2025-10-08', 'holiday'],
    ['2025 国庆中秋', '2025-10-09', 'working'],
    ['2025 国庆中秋', '2025-10-11', 'makeup-working'],
    // 2026 Spring Festival: 02-15..02-23 off; make-up 02-14 (Sat) and 02-28 (Sat).
    ['2026 春节', '2026-02-13', 'working'],
    ['2026 春节', '2026-02-14', 'makeup-working'],
    ['2026 春节', '2026-02-15', 'weekend'],
    ['2026 春节', '2026-02-16', 'holiday'],
    ['2026 春节', '2026-02-20', 'holiday'],
    ['2026 春节', '2026-02-23', 'holiday'],
    ['2026 春节', '2026-02-24', 'working'],
    ['2026 春节', '2026-02-28', 'makeup-working'],
    ['2026 春节', '2026-03-01', 'weekend'],
    // 2026 National Day: 10-01..10-07 off; make-up 09-20 (Sun) and 10-10 (Sat); 中秋 09-25 (Fri) off.
    ['2026 国庆', '2026-09-20', 'makeup-working'],
    ['2026 国庆', '2026-09-25', 'holiday'],
    ['2026 国庆', '2026-10-01', 'holiday'],
    ['2026 国庆', '2026-10-05', 'holiday'],
    ['2026 国庆', '2026-10-07', 'holiday'],
    ['2026 国庆', '2026-10-08', 'working'],
    ['2026 国庆', '2026-10-10', 'makeup-working'],
    ['2026 国庆', '2026-10-11', 'weekend'],
  ])('%s: %s is %s', (_festival, date, kind) => {
    expect(calendar.dayKind(date)).toBe(kind);
    expect(calendar.isWorkingDay(date)).toBe(kind === 'working' || kind === 'makeup-working');
  });
});

describe('addWorkingDays: 20 working days across each festival (条例 第三十三条)', () => {
  it.each([
    ['2024 春节', '2024-02-01', '2024-03-05'],
    ['2024 国庆', '2024-09-20', '2024-10-23'],
    ['2025 春节', '2025-01-20', '2025-02-21'],
    ['2025 国庆中秋', '2025-09-26', '2025-10-30'],
    ['2026 春节', '2026-02-09', '2026-03-13'],
    ['2026 国庆', '2026-09-18', '2026-10-22'],
    ['ordinary weeks', '2025-03-03', '2025-03-31'],
  ])('%s: 20 WD after %s is %s', (_label, date, due) => {
    expect(calendar.addWorkingDays(date, 20)).toBe(due);
    expect(calendar.countWorkingDays(date, due)).toBe(20);
  });

  it.each([
    // The day of the event is never counted (民法典 第二百零一条), even when it is a working day.
    ['2025-03-03', 1, '2025-03-04'],
    // Received on a holiday or a weekend: the next working day is day 1.
    ['2025-01-28', 1, '2025-02-05'],
    ['2024-02-03', 1, '2024-02-04'],
    ['2024-02-09', 1, '2024-02-18'],
    ['2024-02-09', 2, '2024-02-19'],
    // 7 WD (补正 notice, 条例 第三十条) across the 2025 National Day.
    ['2025-09-26', 7, '2025-10-13'],
  ])('%s + %i WD = %s', (date, n, expected) => {
    expect(calendar.addWorkingDays(date, n)).toBe(expected);
  });

  it.each(['2025-03-03', '2025-03-08', '2025-02-01', '2024-02-18'])('n = 0 returns %s itself', (date) => {
    expect(calendar.addWorkingDays(date, 0)).toBe(date);
    expect(calendar.explainAddWorkingDays(date, 0)).toEqual({
      result: date,
      steps: [],
      skippedHolidays: [],
      makeupDays: [],
      missingYears: [],
    });
  });

  it.each([-1, 1.5, Number.NaN])('rejects n = %s', (n) => {
    expect(() => calendar.addWorkingDays('2025-03-03', n)).toThrow(RangeError);
  });

  it('rejects an invalid date', () => {
    expect(() => calendar.addWorkingDays('2025-02-29', 1)).toThrow(RangeError);
    expect(() => calendar.countWorkingDays('2025-02-29', '2025-03-03')).toThrow(RangeError);
  });
});

describe('countWorkingDays (fromExclusive, toInclusive]', () => {
  it.each([
    ['2025-01-20', '2025-02-21', 20],
    ['2024-09-30', '2024-10-08', 1],
    ['2024-02-09', '2024-02-18', 1],
    ['2025-01-27', '2025-02-04', 0],
    ['2025-03-03', '2025-03-03', 0],
    ['2025-03-03', '2025-03-04', 1],
    ['2024-12-31', '2025-12-31', 248],
    // Reversed interval: negative (e.g. working days overdue).
    ['2025-02-21', '2025-01-20', -20],
  ])('(%s, %s] → %i', (from, to, n) => {
    expect(calendar.countWorkingDays(from, to)).toBe(n);
  });

  it('is the inverse of addWorkingDays', () => {
    for (const start of ['2024-01-15', '2024-09-27', '2025-01-24', '2025-09-30', '2026-02-13']) {
      for (const n of [0, 1, 5, 15, 20, 40]) {
        expect(calendar.countWorkingDays(start, calendar.addWorkingDays(start, n))).toBe(n);
      }
    }
  });
});

describe('explainAddWorkingDays', () => {
  it('lists the arithmetic of 20 WD after 2025-01-20 (2025 Spring Festival)', () => {
    const explanation = calendar.explainAddWorkingDays('2025-01-20', 20);
    expect(explanation.result).toBe('2025-02-21');
    expect(explanation.skippedHolidays).toEqual([
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-03',
      '2025-02-04',
    ]);
    expect(explanation.makeupDays).toEqual(['2025-01-26', '2025-02-08']);
    expect(explanation.missingYears).toEqual([]);
    // Every date from 01-21 to 02-21, in order; the last step is the 20th working day.
    expect(explanation.steps).toHaveLength(32);
    expect(explanation.steps[0]).toEqual({ date: '2025-01-21', kind: 'working', counted: 1 });
    expect(explanation.steps.at(-1)).toEqual({ date: '2025-02-21', kind: 'working', counted: 20 });
    expect(explanation.steps.slice(4, 9)).toEqual([
      { date: '2025-01-25', kind: 'weekend', counted: null },
      { date: '2025-01-26', kind: 'makeup-working', counted: 5 },
      { date: '2025-01-27', kind: 'working', counted: 6 },
      { date: '2025-01-28', kind: 'holiday', counted: null },
      { date: '2025-01-29', kind: 'holiday', counted: null },
    ]);
    expect(explanation.steps.filter((s) => s.counted !== null)).toHaveLength(20);
  });

  it.each([
    [
      '2024-02-01',
      ['2024-02-12', '2024-02-13', '2024-02-14', '2024-02-15', '2024-02-16'],
      ['2024-02-04', '2024-02-18'],
    ],
    [
      '2024-09-20',
      ['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-07'],
      ['2024-09-29', '2024-10-12'],
    ],
    [
      '2025-09-26',
      ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08'],
      ['2025-09-28', '2025-10-11'],
    ],
    [
      '2026-02-09',
      ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23'],
      ['2026-02-14', '2026-02-28'],
    ],
    [
      '2026-09-18',
      ['2026-09-25', '2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
      ['2026-09-20', '2026-10-10'],
    ],
  ])('20 WD after %s skips %j and counts %j', (date, holidays, makeup) => {
    const explanation = calendar.explainAddWorkingDays(date, 20);
    expect(explanation.result).toBe(calendar.addWorkingDays(date, 20));
    expect(explanation.skippedHolidays).toEqual(holidays);
    expect(explanation.makeupDays).toEqual(makeup);
  });
});

describe('a year without data (2027) falls back to Monday–Friday', () => {
  it('reports the missing year and counts Monday–Friday', () => {
    const onMissingYear = vi.fn();
    const cal = createSeedWorkingDayCalendar({ onMissingYear });
    expect(cal.hasYear(2026)).toBe(true);
    expect(cal.hasYear(2027)).toBe(false);

    const explanation = cal.explainAddWorkingDays('2026-12-24', 20);
    // 2027-01-01 (Fri, 元旦) counts as a working day: the caller must warn that the date may be wrong.
    expect(explanation.result).toBe('2027-01-21');
    expect(explanation.missingYears).toEqual([2027]);
    expect(explanation.steps.find((s) => s.date === '2027-01-01')).toEqual({
      date: '2027-01-01',
      kind: 'working',
      counted: 6,
    });
    expect(onMissingYear).toHaveBeenCalledTimes(1);
    expect(onMissingYear).toHaveBeenCalledWith(2027);
  });

  it.each([
    ['2027-03-01', 5, '2027-03-08'],
    ['2027-10-01', 1, '2027-10-04'],
  ])('%s + %i WD = %s', (date, n, expected) => {
    const onMissingYear = vi.fn();
    const cal = createSeedWorkingDayCalendar({ onMissingYear });
    expect(cal.addWorkingDays(date, n)).toBe(expected);
    expect(onMissingYear).toHaveBeenCalledWith(2027);
  });

  it('classifies 2027 days by weekday and reports each call', () => {
    const onMissingYear = vi.fn();
    const cal = createSeedWorkingDayCalendar({ onMissingYear });
    expect(cal.dayKind('2027-01-02')).toBe('weekend');
    expect(cal.isWorkingDay('2027-02-08')).toBe(true);
    expect(cal.countWorkingDays('2027-01-01', '2027-01-08')).toBe(5);
    expect(onMissingYear).toHaveBeenCalledTimes(3);
  });

  it('does not report a missing year that the computation never reaches', () => {
    const onMissingYear = vi.fn();
    const cal = createSeedWorkingDayCalendar({ onMissingYear });
    expect(cal.explainAddWorkingDays('2026-12-01', 5).missingYears).toEqual([]);
    expect(onMissingYear).not.toHaveBeenCalled();
  });

  it('uses administrator data once a year is entered', () => {
    // A hypothetical 2027 entry: 元旦 on Friday 2027-01-01, with a make-up Saturday.
    const y2027: YearCalendar = {
      year: 2027,
      holidays: new Set(['2027-01-01']),
      workdays: new Set(['2027-01-09']),
      source: 'admin',
    };
    const onMissingYear = vi.fn();
    const cal = new WorkingDayCalendar(new Map([[2027, y2027]]), { onMissingYear });
    const explanation = cal.explainAddWorkingDays('2026-12-31', 6);
    expect(explanation).toMatchObject({
      result: '2027-01-09',
      skippedHolidays: ['2027-01-01'],
      makeupDays: ['2027-01-09'],
      missingYears: [],
    });
    expect(onMissingYear).not.toHaveBeenCalled();
  });
});

describe('WorkingDayCalendar construction', () => {
  const year = (overrides: Partial<YearCalendar>): YearCalendar => ({
    year: 2030,
    holidays: new Set<string>(),
    workdays: new Set<string>(),
    source: 'admin',
    ...overrides,
  });

  it.each<[string, Map<number, YearCalendar>]>([
    ['key differs from year', new Map([[2031, year({})]])],
    ['date outside the year', new Map([[2030, year({ holidays: new Set(['2031-01-01']) })]])],
    ['invalid date', new Map([[2030, year({ workdays: new Set(['2030-02-30']) })]])],
    [
      'date both off and on',
      new Map([[2030, year({ holidays: new Set(['2030-10-05']), workdays: new Set(['2030-10-05']) })]]),
    ],
  ])('rejects %s', (_label, years) => {
    expect(() => new WorkingDayCalendar(years)).toThrow(RangeError);
  });

  it('lists its years', () => {
    expect(calendar.listYears()[0]).toBe(2004);
    expect(calendar.listYears().at(-1)).toBe(2026);
  });
});
