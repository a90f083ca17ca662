import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayOfWeek,
  daysBetween,
  isValidPlainDate,
  isWeekend,
  parsePlainDate,
  todayInShanghai,
  yearOf,
} from './dates.ts';

describe('isValidPlainDate / parsePlainDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2025-02-28', true],
    ['2025-12-31', true],
    ['0001-01-01', true],
    ['2025-02-29', false],
    ['2024-04-31', false],
    ['2024-13-01', false],
    ['2024-00-10', false],
    ['2024-01-00', false],
    ['2024-1-1', false],
    ['2024/01/01', false],
    ['2024-01-01T00:00:00Z', false],
    [' 2024-01-01', false],
    ['', false],
  ])('%j → %s', (value, valid) => {
    expect(isValidPlainDate(value)).toBe(valid);
    if (valid) expect(() => parsePlainDate(value)).not.toThrow();
    else expect(() => parsePlainDate(value)).toThrow(RangeError);
  });

  it('rejects non-strings', () => {
    expect(isValidPlainDate(20240101)).toBe(false);
    expect(isValidPlainDate(new Date())).toBe(false);
    expect(isValidPlainDate(null)).toBe(false);
  });

  it('splits into numbers', () => {
    expect(parsePlainDate('2025-10-08')).toEqual({ year: 2025, month: 10, day: 8 });
    expect(yearOf('2027-01-01')).toBe(2027);
  });
});

describe('addDays', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2025-03-09', 0, '2025-03-09'],
    // Daylight-saving changes elsewhere (US 2025-03-09, 2025-11-02) must not matter.
    ['2025-03-08', 2, '2025-03-10'],
    ['2025-11-01', 2, '2025-11-03'],
    ['2024-01-01', 366, '2025-01-01'],
  ])('%s + %i = %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it('rejects fractional offsets and invalid dates', () => {
    expect(() => addDays('2025-01-01', 1.5)).toThrow(RangeError);
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
  });
});

describe('dayOfWeek / isWeekend', () => {
  it.each([
    ['2024-02-04', 0, true],
    ['2024-02-10', 6, true],
    ['2024-02-12', 1, false],
    ['2025-01-28', 2, false],
    ['2025-10-01', 3, false],
    ['2026-02-14', 6, true],
    ['2026-09-20', 0, true],
    ['2027-01-01', 5, false],
  ])('%s → %i', (date, dow, weekend) => {
    expect(dayOfWeek(date)).toBe(dow);
    expect(isWeekend(date)).toBe(weekend);
  });
});

describe('daysBetween', () => {
  it.each([
    ['2025-01-01', '2025-01-01', 0],
    ['2025-01-01', '2025-12-31', 364],
    ['2024-03-01', '2024-02-28', -2],
  ])('%s → %s = %i', (from, to, n) => {
    expect(daysBetween(from, to)).toBe(n);
  });
});

describe('todayInShanghai', () => {
  it.each([
    // Beijing time is UTC+8: 16:00 UTC is midnight in China.
    ['2025-01-31T15:59:59.999Z', '2025-01-31'],
    ['2025-01-31T16:00:00.000Z', '2025-02-01'],
    ['2024-12-31T23:00:00.000Z', '2025-01-01'],
    ['2024-02-28T20:00:00.000Z', '2024-02-29'],
    ['2025-07-01T00:00:00+08:00', '2025-07-01'],
  ])('%s → %s', (instant, expected) => {
    expect(todayInShanghai(new Date(instant))).toBe(expected);
  });

  it('rejects an invalid Date', () => {
    expect(() => todayInShanghai(new Date('nonsense'))).toThrow(RangeError);
  });
});
