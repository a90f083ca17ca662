import { describe, expect, it } from 'vitest';
import { occurrenceState, occurrencesOf } from './task-occurrence.ts';

describe('occurrencesOf', () => {
  it('gives twelve months due at each month end, February included', () => {
    const months = occurrencesOf('monthly', 2026);
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual({ index: 1, label: '2026年1月', start: '2026-01-01', end: '2026-01-31' });
    expect(months[1]?.end).toBe('2026-02-28');
    expect(occurrencesOf('monthly', 2028)[1]?.end).toBe('2028-02-29');
    expect(months[11]).toMatchObject({ label: '2026年12月', start: '2026-12-01', end: '2026-12-31' });
  });
  it('gives four quarters and one year', () => {
    expect(occurrencesOf('quarterly', 2026).map((o) => [o.label, o.start, o.end])).toEqual([
      ['2026年第一季度', '2026-01-01', '2026-03-31'],
      ['2026年第二季度', '2026-04-01', '2026-06-30'],
      ['2026年第三季度', '2026-07-01', '2026-09-30'],
      ['2026年第四季度', '2026-10-01', '2026-12-31'],
    ]);
    expect(occurrencesOf('yearly', 2026)).toEqual([
      { index: 1, label: '2026年', start: '2026-01-01', end: '2026-12-31' },
    ]);
  });
  it.each([['realtime'], ['continuous'], [null]])('has none for %s', (r) => {
    expect(occurrencesOf(r, 2026)).toEqual([]);
  });
});

describe('occurrenceState', () => {
  const march = occurrencesOf('monthly', 2026)[2]!;
  it.each<[string, string[], string | null, string, string]>([
    ['a report dated in the month', ['2026-03-15'], null, '2026-06-01', 'met'],
    ['a report dated after the month does not meet it', ['2026-04-01'], null, '2026-04-02', 'missed'],
    ['the due date itself is still in time', [], null, '2026-03-31', 'upcoming'],
    ['the day after the month ends', [], null, '2026-04-01', 'missed'],
    ['the duty was closed before the month', [], '2026-02-20', '2026-06-01', 'closed'],
    ['closed during the month still owes the month', [], '2026-03-05', '2026-06-01', 'missed'],
  ])('%s', (_label, dates, doneOn, today, expected) => {
    expect(occurrenceState(march, dates, doneOn, today)).toBe(expected);
  });
});
