import { describe, expect, it } from 'vitest';
import { createSeedWorkingDayCalendar } from '../../lib/calendar/index.ts';
import {
  CONSULTATION_STEPS,
  isShortWindow,
  MAJOR_DECISION_MIN_DAYS,
  RULE_DRAFT_MIN_DAYS,
  STATUTORY_MINIMUMS,
  type WindowMinimum,
  windowLength,
} from './consultation.model.ts';

const cal = createSeedWorkingDayCalendar();
const wd = (a: string, b: string) => cal.countWorkingDays(a, b);
const major = STATUTORY_MINIMUMS.major_decision!;
const normative: WindowMinimum = { days: 7, unit: 'working', basis: '' };

describe('window minimums', () => {
  it('are 30 days for 重大行政决策 and 规章草案 (条例 第十五条; 规章制定程序条例 第十五条、第二十一条)', () => {
    expect([MAJOR_DECISION_MIN_DAYS, RULE_DRAFT_MIN_DAYS]).toEqual([30, 30]);
    expect(STATUTORY_MINIMUMS.rule_draft?.basis).toContain('第二十一条');
    expect(STATUTORY_MINIMUMS.other).toBeUndefined();
  });

  it.each([
    // The opening day is not counted (民法典 第二百零一条): 3-01 … 3-31 is 30 days.
    ['2026-03-01', '2026-03-31', major, 30, false],
    ['2026-03-01', '2026-03-30', major, 29, true],
    ['2026-02-01', '2026-03-03', major, 30, false],
    // 7 working days over the 2026 National Day holiday (10-01 … 10-07 off, 10-10 a make-up working Saturday).
    ['2026-09-30', '2026-10-12', normative, 4, true],
    ['2026-09-30', '2026-10-14', normative, 6, true],
    ['2026-09-30', '2026-10-15', normative, 7, false],
    ['2026-03-02', '2026-03-02', { days: 0, unit: 'calendar', basis: '' } as WindowMinimum, 0, false],
  ])('%s … %s', (from, to, min, length, short) => {
    expect(windowLength(from, to, min.unit, wd)).toBe(length);
    expect(isShortWindow(from, to, min, wd)).toBe(short);
  });

  it('declares where every step starts and leads', () => {
    expect(CONSULTATION_STEPS.close).toMatchObject({ from: ['open'], to: 'closed' });
    expect(CONSULTATION_STEPS.answer).toMatchObject({ from: ['closed'], to: 'answered' });
  });
});
