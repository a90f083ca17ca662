import { describe, expect, it } from 'vitest';
import { parseSettingsForm } from '../../lib/settings/settings-form.ts';
import { deadlineOf, isOverdue, reminderDue, reminderText } from './report-deadlines.ts';
import { REPORT_SETTINGS, type ReportSettingsValues } from './report-settings.ts';

const DEFAULTS: ReportSettingsValues = {
  departmentDeadline: REPORT_SETTINGS.departmentDeadline.default,
  governmentDeadline: REPORT_SETTINGS.governmentDeadline.default,
  townshipDeadline: REPORT_SETTINGS.townshipDeadline.default,
  reminderDays: REPORT_SETTINGS.reminderDays.default,
};

describe('deadlineOf', () => {
  it.each([
    ['department', 2026, '2027-01-31'],
    ['government', 2026, '2027-03-31'],
    ['township', 2026, '2027-01-31'],
    ['village', 2025, '2026-01-31'],
    ['institution', 2026, '2027-01-31'],
    ['public_enterprise', 2026, '2027-01-31'],
  ])('%s, report of %i → %s (the legal defaults)', (kind, year, due) => {
    expect(deadlineOf(kind, year, DEFAULTS)).toBe(due);
  });

  it('takes the configured local date of townships and villages, not of departments', () => {
    const s = { ...DEFAULTS, townshipDeadline: '02-15' };
    expect(deadlineOf('township', 2026, s)).toBe('2027-02-15');
    expect(deadlineOf('village', 2026, s)).toBe('2027-02-15');
    expect(deadlineOf('department', 2026, s)).toBe('2027-01-31');
  });
});

describe('reminders and 逾期', () => {
  it.each([
    ['2027-01-21', 'before_10'],
    ['2027-01-28', 'before_3'],
    ['2027-01-30', 'before_1'],
    ['2027-01-31', null],
    ['2027-01-25', null],
    ['2027-02-01', 'overdue'],
    ['2027-03-15', 'overdue'],
  ])('on %s: %s', (today, kind) => {
    expect(reminderDue('2027-01-31', today, [10, 3, 1])?.kind ?? null).toBe(kind);
  });

  it('is overdue after the deadline day only while not published', () => {
    expect(isOverdue('2027-01-31', '2027-01-31', false)).toBe(false);
    expect(isOverdue('2027-01-31', '2027-02-01', false)).toBe(true);
    expect(isOverdue('2027-01-31', '2027-02-01', true)).toBe(false);
  });

  it('words a reminder', () => {
    expect(reminderText({ kind: 'before_3', day: '2027-01-28' }, '2027-01-31')).toBe(
      '已于 2027-01-28 提醒：距期限（2027-01-31）还有 3 天',
    );
    expect(reminderText({ kind: 'overdue', day: '2027-02-03' }, '2027-01-31')).toContain('3 天');
  });
});

describe('the settings form', () => {
  it('reads 1月31日 and a list of days; blank means inherited', () => {
    const v = parseSettingsForm(REPORT_SETTINGS, {
      departmentDeadline: '1月31日',
      governmentDeadline: '',
      townshipDeadline: '2-5',
      reminderDays: '3，10, 1',
    });
    expect(v).toEqual({
      departmentDeadline: '01-31',
      governmentDeadline: null,
      townshipDeadline: '02-05',
      reminderDays: [10, 3, 1],
    });
  });

  it('refuses 2月30日 and a day that is not a number, naming each field', () => {
    try {
      parseSettingsForm(REPORT_SETTINGS, { townshipDeadline: '2月30日', reminderDays: '10, x' });
      expect.unreachable();
    } catch (e) {
      const problems = (e as { problems: { field: string; message: string }[] }).problems;
      expect(problems.map((p) => p.field)).toEqual(['townshipDeadline', 'reminderDays']);
      expect(problems[0]!.message).toContain('乡镇（街道）年度报告期限');
      expect(problems[1]!.message).toContain('提前提醒天数');
    }
  });
});
