import { describe, expect, it } from 'vitest';
import { createSeedWorkingDayCalendar } from '../../../lib/calendar/index.ts';
import { checkLateness, PROACTIVE_DISCLOSURE_WORKING_DAYS } from './lateness.ts';

const calendar = createSeedWorkingDayCalendar();

describe('checkLateness (条例 第二十六条)', () => {
  it('uses 20 working days', () => {
    expect(PROACTIVE_DISCLOSURE_WORKING_DAYS).toBe(20);
  });

  // 2022-09-20 (Tue) + 20 working days skips the 国庆 holiday 10-01..10-07 and counts the make-up
  // working days 10-08 (Sat) and 10-09 (Sun): the 20th working day is Friday 2022-10-21.
  it.each([
    ['2022-09-20', '2022-09-20'],
    ['2022-09-20', '2022-10-21'],
    ['2022-07-01', '2022-07-29'],
  ])('accepts information formed %s published %s', (formedOn, publishOn) => {
    expect(checkLateness(formedOn, publishOn, calendar)).toEqual([]);
  });

  it.each([
    ['2022-09-20', '2022-10-24', '2022-10-21', 1],
    ['2022-07-01', '2022-08-01', '2022-07-29', 1],
    ['2022-07-01', '2022-08-05', '2022-07-29', 5],
  ])('flags information formed %s published %s (due %s, %i late)', (formedOn, publishOn, due, late) => {
    const [finding, ...rest] = checkLateness(formedOn, publishOn, calendar);
    expect(rest).toEqual([]);
    expect(finding?.message).toContain(`最迟应于 ${due} 公开`);
    expect(finding?.message).toContain(`已超过${late}个工作日`);
  });

  it('says nothing when a date is missing', () => {
    expect(checkLateness(undefined, '2022-10-20', calendar)).toEqual([]);
    expect(checkLateness('2022-09-20', undefined, calendar)).toEqual([]);
  });
});
