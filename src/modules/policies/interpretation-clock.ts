/**
 * The 解读 clock (三同步): when a policy's 解读 is due and where it stands. Pure — the caller gives the
 * dates and the calendar. Due = the policy's first publication day + N working days (the day of
 * publication not counted; N = 0: the same day). Setting INTERPRETATION_DUE_WORKING_DAYS (policy-settings.ts)
 * — “三同步”, most provinces: within 3 working days of the policy's publication (regulations §6).
 */
import { dayOfWeek, type WorkingDayCalendar } from '../../lib/calendar/index.ts';

export const CLOCK_STATES = [
  'not_required', // 无需解读: a reason is recorded, or the kind does not require one
  'policy_unpublished', // the policy is not public yet: no clock
  'synchronous', // 同步发布: a 解读 published the same day as the policy or before
  'on_time', // 按时: within the limit
  'late', // 逾期发布: published after the due day
  'pending', // 未发布, due day not passed
  'overdue', // 未发布, due day passed
] as const;
export type ClockState = (typeof CLOCK_STATES)[number];

/** States a 解读 is still missing in (the late and missing list, the reminders). */
export const MISSING_STATES: readonly ClockState[] = ['pending', 'overdue'];

export interface InterpretationClockInput {
  /** Whether the policy's kind requires a 解读 (setting KINDS_REQUIRING_INTERPRETATION). */
  required: boolean;
  /** 无需解读的理由 recorded on the policy. */
  noInterpretationReason: string | null;
  /** The policy's first publication day; null while it was never published. */
  publishedOn: string | null;
  /** Publication days of its published 解读s (any order). */
  interpretationDates: readonly string[];
  dueWorkingDays: number;
  today: string;
}

export interface InterpretationClock {
  state: ClockState;
  /** Short Chinese label (同步发布, 未发布·剩余2个工作日 …). */
  label: string;
  dueOn: string | null;
  /** How the due day was computed: “公开日 2026-03-02（周一）起第3个工作日 2026-03-05”. */
  explanation: string | null;
  /** The first 解读's publication day, when there is one. */
  interpretedOn: string | null;
  /** Working days left (pending) or past the due day (overdue, late). */
  workingDays: number | null;
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const withWeekday = (date: string) => `${date}（${WEEKDAYS[dayOfWeek(date)]}）`;

/** The due day of a 解读 and the sentence explaining it. */
export function interpretationDue(
  publishedOn: string,
  dueWorkingDays: number,
  calendar: WorkingDayCalendar,
): { dueOn: string; explanation: string } {
  const dueOn = calendar.addWorkingDays(publishedOn, dueWorkingDays);
  const explanation =
    dueWorkingDays === 0
      ? `公开日 ${withWeekday(publishedOn)}当日`
      : `公开日 ${withWeekday(publishedOn)}起第${dueWorkingDays}个工作日 ${withWeekday(dueOn)}`;
  return { dueOn, explanation };
}

/** Where the 解读 of one policy stands on `today`. */
export function interpretationClock(
  input: InterpretationClockInput,
  calendar: WorkingDayCalendar,
): InterpretationClock {
  const interpretedOn = [...input.interpretationDates].sort()[0] ?? null;
  const none = { dueOn: null, explanation: null, interpretedOn, workingDays: null };
  const exempt = !input.required || Boolean(input.noInterpretationReason?.trim());
  if (!interpretedOn && exempt) return { state: 'not_required', label: '无需解读', ...none };
  if (!input.publishedOn) {
    const label = interpretedOn ? `解读已发布（${interpretedOn}），文件尚未公开` : '文件尚未公开';
    return { state: 'policy_unpublished', label, ...none };
  }
  const { dueOn, explanation } = interpretationDue(input.publishedOn, input.dueWorkingDays, calendar);
  const at = { dueOn, explanation, interpretedOn };
  if (interpretedOn) {
    if (interpretedOn <= input.publishedOn)
      return { state: 'synchronous', label: '同步发布', ...at, workingDays: null };
    if (interpretedOn <= dueOn) return { state: 'on_time', label: '按时发布', ...at, workingDays: null };
    const late = calendar.countWorkingDays(dueOn, interpretedOn);
    return { state: 'late', label: `逾期发布（逾期${late}个工作日）`, ...at, workingDays: late };
  }
  if (input.today <= dueOn) {
    const left = calendar.countWorkingDays(input.today, dueOn);
    const label = left === 0 ? '未发布·今日到期' : `未发布·剩余${left}个工作日`;
    return { state: 'pending', label, ...at, workingDays: left };
  }
  const over = calendar.countWorkingDays(dueOn, input.today);
  const label = over === 0 ? '未发布·已逾期（不足1个工作日）' : `未发布·已逾期${over}个工作日`;
  return { state: 'overdue', label, ...at, workingDays: over };
}

/** Due soon: still missing with at most this many working days left (the daily reminders). */
export const DUE_SOON_WORKING_DAYS = 1;

/** Whether the daily job reminds about this clock (due soon or overdue). */
export function needsReminder(clock: InterpretationClock): boolean {
  return (
    clock.state === 'overdue' ||
    (clock.state === 'pending' && (clock.workingDays ?? 0) <= DUE_SOON_WORKING_DAYS)
  );
}
