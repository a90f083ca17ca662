/**
 * When a unit's 年度报告 is due and which reminder a day calls for. Pure: the settings come in
 * (report-settings.ts), dates are 'YYYY-MM-DD' calendar days in China (the deadline is a calendar date,
 * regulations.md §1 — not working days).
 */
import type { UnitKind } from '../orgs/unit.model.ts';
import type { ReportSettingsValues } from './report-settings.ts';

/** Which deadline a unit kind follows. */
export type DeadlineClass = 'department' | 'government' | 'township';

/**
 * 条例 第四十九条 names 县级以上人民政府部门 (1月31日) and the government's own report (3月31日); 乡镇
 * follow a local date. Assumptions (docs/reports-deadlines.md): 村（居） follow their township's date;
 * 事业单位 and 公共企事业单位 that publish a report do so like a department.
 */
export const DEADLINE_CLASS_OF_KIND: Record<UnitKind, DeadlineClass> = {
  government: 'government',
  department: 'department',
  township: 'township',
  village: 'township',
  institution: 'department',
  public_enterprise: 'department',
};

export function deadlineClassOf(unitKind: string): DeadlineClass {
  return DEADLINE_CLASS_OF_KIND[unitKind as UnitKind] ?? 'department';
}

/** The day the report of `year` (1 Jan – 31 Dec) of a unit of `unitKind` is due: in year + 1. */
export function deadlineOf(unitKind: string, year: number, settings: ReportSettingsValues): string {
  const cls = deadlineClassOf(unitKind);
  const md =
    cls === 'government'
      ? settings.governmentDeadline
      : cls === 'township'
        ? settings.townshipDeadline
        : settings.departmentDeadline;
  return `${year + 1}-${md}`;
}

/** Whole days from `from` to `to` (both 'YYYY-MM-DD'); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Past the deadline and not published. */
export function isOverdue(deadline: string, today: string, published: boolean): boolean {
  return !published && today > deadline;
}

/** A reminder due on a day: `before` N days before the deadline, or `overdue` after it. */
export type ReminderDue =
  | { kind: `before_${number}`; daysLeft: number }
  | { kind: 'overdue'; daysLate: number };

/**
 * The reminder `today` calls for on a report due `deadline` that is not published: on each of the days
 * `reminderDays` before it, and every day after it; null on other days.
 */
export function reminderDue(
  deadline: string,
  today: string,
  reminderDays: readonly number[],
): ReminderDue | null {
  const left = daysBetween(today, deadline);
  if (left < 0) return { kind: 'overdue', daysLate: -left };
  if (reminderDays.includes(left)) return { kind: `before_${left}`, daysLeft: left };
  return null;
}

/** The reminder in words, as the dashboard and the editor show it. */
export function reminderText(r: { kind: string; day: string }, deadline: string): string {
  const on = r.day;
  if (r.kind === 'overdue')
    return `已于 ${on} 提醒：已超过期限（${deadline}）${daysBetween(deadline, on)} 天，尚未发布`;
  const n = Number(r.kind.replace('before_', ''));
  return `已于 ${on} 提醒：距期限（${deadline}）还有 ${n} 天`;
}
