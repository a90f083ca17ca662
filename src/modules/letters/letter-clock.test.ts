import { describe, expect, it } from 'vitest';
import { createSeedWorkingDayCalendar } from '../../lib/calendar/index.ts';
import {
  DEFAULT_DUE_SOON_WORKING_DAYS,
  DEFAULT_REPLY_WORKING_DAYS,
  DEFAULT_SIMPLE_REPLY_WORKING_DAYS,
  DEFAULT_SITE_ERROR_REPLY_WORKING_DAYS,
  DEFAULT_TRANSFER_RESETS_CLOCK,
} from './letter.model.ts';
import { computeLetterDue, letterClockState, limitFor } from './letter-clock.ts';
import type { LetterLimits } from './letter-settings.ts';

// Expected dates counted by hand on the State Council holiday notices
// (2024 国庆 10/1–10/7, 上班 9/29 10/12; 2025 春节 1/28–2/4, 上班 1/26 2/8).
const cal = createSeedWorkingDayCalendar();
const LIMITS: LetterLimits = {
  replyWorkingDays: DEFAULT_REPLY_WORKING_DAYS,
  simpleReplyWorkingDays: DEFAULT_SIMPLE_REPLY_WORKING_DAYS,
  siteErrorReplyWorkingDays: DEFAULT_SITE_ERROR_REPLY_WORKING_DAYS,
  dueSoonWorkingDays: DEFAULT_DUE_SOON_WORKING_DAYS,
  transferResetsClock: DEFAULT_TRANSFER_RESETS_CLOCK,
};
const BOX = { name: '县长信箱', reply_working_days: null };

describe('limitFor: the box’s own limit, else by type; 简单咨询 the shorter one', () => {
  it.each([
    ['a letter', { type: 'consultation', simple: false }, BOX, 5, 'default'],
    ['a 简单咨询', { type: 'consultation', simple: true }, BOX, 3, 'simple'],
    ['a 找错 report', { type: 'site_error', simple: false }, BOX, 3, 'site_error'],
    [
      'a box with its own 10 days',
      { type: 'complaint', simple: false },
      { ...BOX, reply_working_days: 10 },
      10,
      'channel',
    ],
    [
      'a 简单咨询 in a box of 10 days',
      { type: 'consultation', simple: true },
      { ...BOX, reply_working_days: 10 },
      3,
      'simple',
    ],
    [
      'a box of 2 days stays 2 when simple',
      { type: 'consultation', simple: true },
      { ...BOX, reply_working_days: 2 },
      2,
      'channel',
    ],
  ] as const)('%s', (_label, letter, box, days, source) => {
    const l = limitFor(letter, box, LIMITS);
    expect(l).toMatchObject({ days, source });
  });

  it('follows the settings', () => {
    expect(
      limitFor({ type: 'suggestion', simple: false }, BOX, { ...LIMITS, replyWorkingDays: 7 }).days,
    ).toBe(7);
  });
});

describe('computeLetterDue: working days after the start day (holidays and 调休)', () => {
  it.each([
    ['ordinary week', '2025-03-03', 5, '2025-03-10', [], []],
    [
      '2024 国庆 with 调休 9/29',
      '2024-09-27',
      5,
      '2024-10-10',
      ['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-07'],
      ['2024-09-29'],
    ],
    [
      '2024 国庆, 简单咨询 3 days',
      '2024-09-27',
      3,
      '2024-10-08',
      ['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-07'],
      ['2024-09-29'],
    ],
    [
      '2025 春节 with 调休 1/26',
      '2025-01-24',
      5,
      '2025-02-07',
      ['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-03', '2025-02-04'],
      ['2025-01-26'],
    ],
  ] as const)('%s', (_label, start, days, due, holidays, makeup) => {
    const r = computeLetterDue(cal, start, 'received', { days, source: 'default', text: `${days} 个工作日` });
    expect(r.dueOn).toBe(due);
    expect(r.skippedHolidays).toEqual(holidays);
    expect(r.makeupDays).toEqual(makeup);
    expect(r.lines[0]).toContain(`${start} 收到来信`);
    expect(r.lines.at(-1)).toBe(`第 ${days} 个工作日为 ${due}，即答复期限届满日`);
    if (holidays.length)
      expect(r.lines.join('\n')).toContain(`跳过法定节假日（工作日）：${holidays.join('、')}`);
    if (makeup.length) expect(r.lines.join('\n')).toContain(`计入调休上班日：${makeup.join('、')}`);
  });

  it('explains a restart by a follow-up and by a transfer', () => {
    const l = { days: 5, source: 'default' as const, text: '5' };
    expect(computeLetterDue(cal, '2025-03-03', 'follow_up', l).lines[0]).toContain('追问');
    expect(computeLetterDue(cal, '2025-03-03', 'transfer', l).lines[0]).toContain('转办');
  });

  it('warns when a year has no holiday data', () => {
    const r = computeLetterDue(cal, '2099-03-02', 'received', { days: 5, source: 'default', text: '5' });
    expect(r.missingYears).toEqual([2099]);
    expect(r.lines.join('\n')).toContain('2099 年节假日安排尚未录入');
  });
});

describe('letterClockState: 正常 / 临期 / 超期 / 按期办结 / 超期办结', () => {
  const due = '2025-03-10'; // a Monday
  it.each([
    ['2025-03-06', null, 'normal'], // 3/7 and 3/10 left
    ['2025-03-07', null, 'due_soon'], // only 3/10 left (the weekend does not count)
    ['2025-03-10', null, 'due_soon'], // the due day itself
    ['2025-03-11', null, 'overdue'],
    ['2025-03-20', '2025-03-10', 'done_on_time'],
    ['2025-03-20', '2025-03-11', 'done_late'],
  ] as const)('on %s (done %s) → %s', (today, doneOn, state) => {
    expect(letterClockState(cal, { dueOn: due, doneOn }, today, 1)).toBe(state);
  });

  it('临期 follows the setting', () => {
    expect(letterClockState(cal, { dueOn: due, doneOn: null }, '2025-03-06', 2)).toBe('due_soon');
  });
});
