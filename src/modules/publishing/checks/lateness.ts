import type { WorkingDayCalendar } from '../../../lib/calendar/index.ts';
import type { RawFinding } from './finding.ts';

/**
 * 条例 第二十六条: information to be proactively disclosed is published within 20 working days of the day
 * it was formed or changed (the day itself not counted: 民法典 第二百零一条, as in WorkingDayCalendar).
 */
export const PROACTIVE_DISCLOSURE_WORKING_DAYS = 20;

/**
 * A finding when `publishOn` is later than the 20th working day after `formedOn` (信息形成或者变更日期).
 * Nothing when either date is absent (required-metadata reports a missing 信息形成日期).
 */
export function checkLateness(
  formedOn: string | undefined,
  publishOn: string | undefined,
  calendar: WorkingDayCalendar,
): RawFinding[] {
  if (!formedOn || !publishOn) return [];
  const due = calendar.addWorkingDays(formedOn, PROACTIVE_DISCLOSURE_WORKING_DAYS);
  if (publishOn <= due) return [];
  const late = calendar.countWorkingDays(due, publishOn);
  return [
    {
      message:
        `发布日期 ${publishOn} 超过法定时限：信息形成于 ${formedOn}，最迟应于 ${due} 公开` +
        `（条例第二十六条：${PROACTIVE_DISCLOSURE_WORKING_DAYS}个工作日），已超过${late}个工作日`,
    },
  ];
}
