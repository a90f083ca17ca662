/**
 * The reply clock of a letter: pure arithmetic over the working-day calendar (holidays and 调休 counted as
 * the 国务院办公厅 notice sets them). The limit is the box's own, else the settings' limit for the type
 * (找错) — and a letter marked 简单咨询 takes the shorter simple limit, counted from the same start. A
 * transfer does not restart the clock unless the setting says so; a follow-up starts round 2 from its day.
 * Every due date comes with its explanation, line by line (docs/interaction-letters.md "The clock").
 */
import type { WorkingDayCalendar } from '../../lib/calendar/calendar.ts';
import { todayInShanghai } from '../../lib/calendar/dates.ts';
import type { LetterLimits } from './letter-settings.ts';

/** Why the clock counts from its start day. */
export type ClockStart = 'received' | 'transfer' | 'follow_up';

/** Where the limit comes from. */
export type LimitSource = 'channel' | 'default' | 'site_error' | 'simple';

export interface LetterLimit {
  days: number;
  source: LimitSource;
  /** The sentence shown in the explanation, with its basis. */
  text: string;
}

/** The limit of a letter: the box's own, else by type; 简单咨询 takes the shorter simple limit. */
export function limitFor(
  letter: { type: string; simple: boolean },
  channel: { name: string; reply_working_days: number | null },
  limits: LetterLimits,
): LetterLimit {
  const base: LetterLimit =
    channel.reply_working_days !== null
      ? {
          days: channel.reply_working_days,
          source: 'channel',
          text: `${channel.name}规定的答复期限 ${channel.reply_working_days} 个工作日`,
        }
      : letter.type === 'site_error'
        ? {
            days: limits.siteErrorReplyWorkingDays,
            source: 'site_error',
            text: `网站找错答复期限 ${limits.siteErrorReplyWorkingDays} 个工作日（“我为政府网站找错”平台要求；系统设置）`,
          }
        : {
            days: limits.replyWorkingDays,
            source: 'default',
            text: `来信答复期限 ${limits.replyWorkingDays} 个工作日（江西省2023年政务公开工作要点（十三）；系统设置）`,
          };
  if (letter.simple && limits.simpleReplyWorkingDays < base.days) {
    return {
      days: limits.simpleReplyWorkingDays,
      source: 'simple',
      text: `已标记为简单咨询，答复期限 ${limits.simpleReplyWorkingDays} 个工作日（“简单问题在3日内完成答复”；系统设置），自同一起算日计算`,
    };
  }
  return base;
}

export interface LetterDue {
  dueOn: string;
  startedOn: string;
  limit: LetterLimit;
  skippedHolidays: string[];
  makeupDays: string[];
  missingYears: number[];
  lines: string[];
}

const START_TEXT: Record<ClockStart, (d: string) => string> = {
  received: (d) => `${d} 收到来信；收到之日不计入，期限自次日起算（民法典第二百零一条）`,
  transfer: (d) => `${d} 转办至承办单位；按系统设置，转办后重新计算答复期限，转办之日不计入`,
  follow_up: (d) => `${d} 来信人追问，第二轮答复期限自追问之日的次日起算`,
};

/** The due date: `limit.days` working days after `startedOn`, with the explanation. */
export function computeLetterDue(
  calendar: WorkingDayCalendar,
  startedOn: string,
  start: ClockStart,
  limit: LetterLimit,
): LetterDue {
  const w = calendar.explainAddWorkingDays(startedOn, limit.days);
  const lines = [START_TEXT[start](startedOn), limit.text];
  if (w.skippedHolidays.length) lines.push(`跳过法定节假日（工作日）：${w.skippedHolidays.join('、')}`);
  if (w.makeupDays.length) lines.push(`计入调休上班日：${w.makeupDays.join('、')}`);
  for (const y of w.missingYears)
    lines.push(`注意：${y} 年节假日安排尚未录入，暂按周一至周五计算，日期可能有误`);
  lines.push(`第 ${limit.days} 个工作日为 ${w.result}，即答复期限届满日`);
  return {
    dueOn: w.result,
    startedOn,
    limit,
    skippedHolidays: w.skippedHolidays,
    makeupDays: w.makeupDays,
    missingYears: w.missingYears,
    lines,
  };
}

/** 正常 / 临期 / 超期 while open; 按期办结 / 超期办结 once answered or closed. */
export type LetterClockState = 'normal' | 'due_soon' | 'overdue' | 'done_on_time' | 'done_late';

export const LETTER_CLOCK_STATE_LABELS: Record<LetterClockState, string> = {
  normal: '正常',
  due_soon: '临期',
  overdue: '超期',
  done_on_time: '按期办结',
  done_late: '超期办结',
};

/**
 * The clock's state on `today`. A letter is done on the day its reply was sent (answered) or it was
 * closed; done by its due day = 按期. Open: 超期 after the due day, 临期 when at most `dueSoonDays`
 * working days are left (today not counted, the due day counted), else 正常.
 */
export function letterClockState(
  calendar: WorkingDayCalendar,
  letter: { dueOn: string; doneOn: string | null },
  today: string,
  dueSoonDays: number,
): LetterClockState {
  if (letter.doneOn !== null) return letter.doneOn <= letter.dueOn ? 'done_on_time' : 'done_late';
  if (today > letter.dueOn) return 'overdue';
  return calendar.countWorkingDays(today, letter.dueOn) <= dueSoonDays ? 'due_soon' : 'normal';
}

/** The day a letter counts as done, from its row (null while open). */
export function doneOn(row: {
  status: string;
  answered_on: string | null;
  closed_at: string | null;
}): string | null {
  if (row.status === 'answered') return row.answered_on;
  if (row.status === 'closed') return row.closed_at ? todayInShanghai(new Date(row.closed_at)) : null;
  return null;
}
