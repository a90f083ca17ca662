import { describe, expect, it } from 'vitest';
import { createSeedWorkingDayCalendar } from '../../lib/calendar/index.ts';
import {
  type ClockFacts,
  clockStatus,
  computeDueDate,
  consultationPauseEnd,
  correctionNoticeDeadline,
  workingDaysLeft,
} from './info-request.clock.ts';

// Expected dates below were counted by hand on the State Council holiday notices
// (2024: 春节 2/10–2/17, 上班 2/4 2/18; 国庆 10/1–10/7, 上班 9/29 10/12.
//  2025: 春节 1/28–2/4, 上班 1/26 2/8; 国庆 10/1–10/8, 上班 9/28 10/11.
//  2026: 元旦 1/1–1/3, 上班 1/4; 春节 2/15–2/23, 上班 2/14 2/28; 清明 4/4–4/6; 中秋 9/25–9/27;
//  国庆 10/1–10/7, 上班 9/20 10/10.)
const cal = createSeedWorkingDayCalendar();

describe('computeDueDate: 20 working days after receipt (条例 第三十三条)', () => {
  it.each([
    // [label, receivedOn, due, skipped holidays, make-up days counted]
    [
      '2024 春节',
      '2024-02-05',
      '2024-03-08',
      ['2024-02-12', '2024-02-13', '2024-02-14', '2024-02-15', '2024-02-16'],
      ['2024-02-18'],
    ],
    [
      '2024 国庆',
      '2024-09-27',
      '2024-10-30',
      ['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-07'],
      ['2024-09-29', '2024-10-12'],
    ],
    [
      '2025 春节',
      '2025-01-24',
      '2025-02-27',
      ['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-03', '2025-02-04'],
      ['2025-01-26', '2025-02-08'],
    ],
    [
      '2025 国庆',
      '2025-09-26',
      '2025-10-30',
      ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08'],
      ['2025-09-28', '2025-10-11'],
    ],
    [
      '2026 春节',
      '2026-02-09',
      '2026-03-13',
      ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23'],
      ['2026-02-14', '2026-02-28'],
    ],
    [
      '2026 中秋+国庆',
      '2026-09-18',
      '2026-10-22',
      ['2026-09-25', '2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
      ['2026-09-20', '2026-10-10'],
    ],
    ['跨年（2026 元旦）', '2025-12-15', '2026-01-13', ['2026-01-01', '2026-01-02'], ['2026-01-04']],
    ['普通月份', '2026-03-02', '2026-03-30', [], []],
  ])('%s: received %s → due %s', (_label, receivedOn, due, holidays, makeup) => {
    const r = computeDueDate(cal, { receivedOn });
    expect(r.dueDate).toBe(due);
    expect(r.skippedHolidays).toEqual(holidays);
    expect(r.makeupDays).toEqual(makeup);
    expect(r.countedWorkingDays).toBe(20);
    expect(r.pausedDays).toEqual([]);
    expect(r.missingYears).toEqual([]);
    expect(cal.countWorkingDays(receivedOn, r.dueDate)).toBe(20);
  });
});

describe('computeDueDate: 补正, consultation pause and extension', () => {
  const cases: [string, ClockFacts, string, number][] = [
    // [label, facts, due, paused working days]
    [
      '补正 restarts from its receipt (第三十条)',
      { receivedOn: '2026-03-02', correctionReceivedOn: '2026-03-16' },
      '2026-04-14',
      0,
    ],
    [
      'reply after 4 WD: 3/10–3/13 paused',
      { receivedOn: '2026-03-02', consultations: [{ sentOn: '2026-03-09', repliedOn: '2026-03-13' }] },
      '2026-04-03',
      4,
    ],
    [
      'no reply: pause runs the full 15 WD',
      { receivedOn: '2026-03-02', consultations: [{ sentOn: '2026-03-09', repliedOn: null }] },
      '2026-04-21',
      15,
    ],
    [
      'late reply: pause capped at 15 WD',
      { receivedOn: '2026-03-02', consultations: [{ sentOn: '2026-03-09', repliedOn: '2026-04-02' }] },
      '2026-04-21',
      15,
    ],
    [
      'reply on the day sent: nothing paused',
      { receivedOn: '2026-03-02', consultations: [{ sentOn: '2026-03-09', repliedOn: '2026-03-09' }] },
      '2026-03-30',
      0,
    ],
    [
      'pause over 春节 pauses the make-up day 2/14',
      { receivedOn: '2026-02-09', consultations: [{ sentOn: '2026-02-13', repliedOn: '2026-02-24' }] },
      '2026-03-17',
      2,
    ],
    ['extension of 20 WD', { receivedOn: '2026-03-02', extensionWorkingDays: 20 }, '2026-04-28', 0],
    [
      '补正 + pause + 10 WD extension over 2025 国庆',
      {
        receivedOn: '2025-09-01',
        correctionReceivedOn: '2025-09-10',
        consultations: [{ sentOn: '2025-09-15', repliedOn: '2025-09-19' }],
        extensionWorkingDays: 10,
      },
      '2025-11-03',
      4,
    ],
  ];
  it.each(cases)('%s', (_label, facts, due, paused) => {
    const r = computeDueDate(cal, facts);
    expect(r.dueDate).toBe(due);
    expect(r.pausedDays).toHaveLength(paused);
  });

  it('refuses an extension beyond 20 working days or a negative one', () => {
    expect(() => computeDueDate(cal, { receivedOn: '2026-03-02', extensionWorkingDays: 21 })).toThrow(
      RangeError,
    );
    expect(() => computeDueDate(cal, { receivedOn: '2026-03-02', extensionWorkingDays: -1 })).toThrow(
      RangeError,
    );
  });

  it('explains every step in Chinese', () => {
    const r = computeDueDate(cal, {
      receivedOn: '2026-02-09',
      correctionReceivedOn: '2026-02-11',
      consultations: [{ sentOn: '2026-02-13', repliedOn: '2026-02-24' }],
      extensionWorkingDays: 5,
    });
    const text = r.lines.map((l) => l.text).join('\n');
    expect(r.lines.map((l) => l.kind)).toEqual([
      'start',
      'start',
      'limit',
      'pause',
      'extension',
      'holidays',
      'makeup',
      'due',
    ]);
    expect(text).toContain('2026-02-09 收到申请');
    expect(text).toContain('民法典第二百零一条');
    expect(text).toContain('2026-02-11 收到补正后的申请');
    expect(text).toContain('2026-02-13 发出征求意见函，2026-02-24 收到意见；2026-02-14 至 2026-02-24');
    expect(text).toContain('经批准延长 5 个工作日');
    expect(text).toContain('跳过法定节假日（工作日）：2026-02-16、2026-02-17');
    expect(text).toContain(`第 25 个计入的工作日为 ${r.dueDate}，另有 2 个工作日暂停计时`);
  });

  it('warns when a year has no calendar data', () => {
    const r = computeDueDate(cal, { receivedOn: '2027-12-20' });
    expect(r.missingYears).toEqual([2027, 2028]);
    expect(r.lines.some((l) => l.kind === 'warning' && l.text.includes('2027 年节假日安排尚未录入'))).toBe(
      true,
    );
  });
});

describe('consultation pause end and 补正 notice deadline', () => {
  it.each([
    ['2026-03-09', '2026-03-13', '2026-03-13'],
    ['2026-03-09', null, '2026-03-30'],
    ['2026-03-09', '2026-04-30', '2026-03-30'],
  ])('sent %s, reply %s → pause ends %s', (sentOn, repliedOn, end) => {
    expect(consultationPauseEnd(cal, { sentOn, repliedOn })).toBe(end);
  });

  it.each([
    ['2024-02-07', '2024-02-22'],
    ['2025-09-30', '2025-10-16'],
    ['2025-12-29', '2026-01-08'],
    ['2026-03-02', '2026-03-11'],
  ])('补正 notice for receipt %s is due by %s (7 WD, 第三十条)', (receivedOn, deadline) => {
    expect(correctionNoticeDeadline(cal, receivedOn)).toBe(deadline);
  });
});

describe('clockStatus: 正常 / 临期 / 超期', () => {
  it.each([
    ['2026-03-09', '2026-03-13', 4, 'normal'],
    ['2026-03-10', '2026-03-13', 3, 'due_soon'],
    ['2026-03-13', '2026-03-13', 0, 'due_soon'],
    ['2026-03-14', '2026-03-13', 0, 'overdue'],
    ['2026-03-16', '2026-03-13', -1, 'overdue'],
    // 12 calendar days but only 3 working days left across 春节 (2/14 make-up, 2/24, 2/25)
    ['2026-02-13', '2026-02-25', 3, 'due_soon'],
  ])('today %s, due %s → %i WD left, %s', (today, due, left, status) => {
    expect(workingDaysLeft(cal, today, due)).toBe(left);
    expect(clockStatus(cal, today, due)).toBe(status);
  });
});
