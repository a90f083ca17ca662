/**
 * The statutory clock of an application for disclosure (依申请公开): pure arithmetic over the official
 * working-day calendar. Every due date comes with the Chinese explanation of how it was reached, so
 * staff and applicants can check it by hand. Pause boundaries are documented in
 * docs/workflows/info-requests.md ("The clock").
 */
import type { DayKind, WorkingDayCalendar } from '../../lib/calendar/calendar.ts';
import { addDays } from '../../lib/calendar/dates.ts';

/** 条例 第三十三条第二款: answer within 20 working days from the date of receipt. */
export const ANSWER_WORKING_DAYS = 20;
/** 条例 第三十三条第二款: an approved extension adds at most 20 working days, once. */
export const MAX_EXTENSION_WORKING_DAYS = 20;
/** 条例 第三十条: the 补正 notice must be sent within 7 working days of receipt. */
export const CORRECTION_NOTICE_WORKING_DAYS = 7;
/** 条例 第三十二条、第三十四条: a consulted third party or agency answers within 15 working days. */
export const CONSULTATION_WORKING_DAYS = 15;
/** A case is 临期 when at most this many working days are left (issue 4; house rule, not statute). */
export const DUE_SOON_WORKING_DAYS = 3;

/** A consultation (征求意见): the clock is paused on the working days in (sentOn, end]. */
export interface ConsultationPause {
  /** The day the consultation letter was sent; itself still counts towards the limit. */
  sentOn: string;
  /** The day the reply arrived, or null while none has (the pause then runs to the 15-WD limit). */
  repliedOn: string | null;
}

/** The facts of one case that move its due date. */
export interface ClockFacts {
  /** 收到申请之日 as fixed by 条例 第三十一条. */
  receivedOn: string;
  /** The day the 补正 (corrected application) arrived; restarts the 20 working days (第三十条). */
  correctionReceivedOn?: string | null;
  consultations?: readonly ConsultationPause[];
  /** Working days of an approved extension (0 = none). */
  extensionWorkingDays?: number;
}

/** One line of the explanation shown next to a due date. */
export interface ClockLine {
  kind: 'start' | 'limit' | 'holidays' | 'makeup' | 'pause' | 'extension' | 'due' | 'warning';
  text: string;
}

/** A due date and the arithmetic behind it. */
export interface DueDateExplanation {
  dueDate: string;
  /** The day the count starts after (receipt, or receipt of the 补正). */
  startedAfter: string;
  /** 20 + extension: the working days that count towards the limit. */
  countedWorkingDays: number;
  /** Working days not counted because a consultation was running. */
  pausedDays: string[];
  skippedHolidays: string[];
  makeupDays: string[];
  missingYears: number[];
  lines: ClockLine[];
}

/** 正常 / 临期 / 超期 of a case on a given day. */
export type ClockStatus = 'normal' | 'due_soon' | 'overdue';

export const CLOCK_STATUS_LABELS: Record<ClockStatus, string> = {
  normal: '正常',
  due_soon: '临期',
  overdue: '超期',
};

/**
 * The last day of a consultation pause: the reply day, but never later than the end of the
 * 15-working-day consultation period (after it the agency decides alone; for co-produced information
 * silence counts as consent, 第三十四条).
 */
export function consultationPauseEnd(calendar: WorkingDayCalendar, c: ConsultationPause): string {
  const limit = calendar.addWorkingDays(c.sentOn, CONSULTATION_WORKING_DAYS);
  if (c.repliedOn === null) return limit;
  return c.repliedOn < limit ? c.repliedOn : limit;
}

/** The latest day a 补正 notice may be sent: 7 working days after receipt (第三十条). */
export function correctionNoticeDeadline(calendar: WorkingDayCalendar, receivedOn: string): string {
  return calendar.addWorkingDays(receivedOn, CORRECTION_NOTICE_WORKING_DAYS);
}

function assertExtension(days: number): void {
  if (!Number.isInteger(days) || days < 0 || days > MAX_EXTENSION_WORKING_DAYS) {
    throw new RangeError(`Extension must be 0–${MAX_EXTENSION_WORKING_DAYS} working days: ${days}`);
  }
}

/** Pause intervals (exclusive start, inclusive end) as a predicate on a date. */
function pausePredicate(calendar: WorkingDayCalendar, facts: ClockFacts) {
  const intervals = (facts.consultations ?? []).map((c) => ({
    from: c.sentOn,
    to: consultationPauseEnd(calendar, c),
  }));
  return (d: string) => intervals.some((i) => d > i.from && d <= i.to);
}

interface Walk {
  due: string;
  pausedDays: string[];
  skippedHolidays: string[];
  makeupDays: string[];
  missingYears: number[];
}

/** Walks day by day from `start`, counting working days outside pauses until `n` are counted. */
function walk(calendar: WorkingDayCalendar, start: string, n: number, paused: (d: string) => boolean): Walk {
  const w: Walk = { due: start, pausedDays: [], skippedHolidays: [], makeupDays: [], missingYears: [] };
  let counted = 0;
  let d = start;
  while (counted < n) {
    d = addDays(d, 1);
    const kind: DayKind = calendar.dayKind(d);
    const year = Number(d.slice(0, 4));
    if (!calendar.hasYear(year) && !w.missingYears.includes(year)) w.missingYears.push(year);
    if (kind === 'holiday') w.skippedHolidays.push(d);
    if (kind !== 'working' && kind !== 'makeup-working') continue;
    if (paused(d)) {
      w.pausedDays.push(d);
      continue;
    }
    if (kind === 'makeup-working') w.makeupDays.push(d);
    counted++;
  }
  w.due = d;
  return w;
}

/**
 * The answer due date of a case with its explanation (条例 第三十条、第三十二条至第三十四条).
 * @throws RangeError on invalid dates or an extension outside 0–20 working days.
 */
export function computeDueDate(calendar: WorkingDayCalendar, facts: ClockFacts): DueDateExplanation {
  const extension = facts.extensionWorkingDays ?? 0;
  assertExtension(extension);
  const start = facts.correctionReceivedOn ?? facts.receivedOn;
  const n = ANSWER_WORKING_DAYS + extension;
  const w = walk(calendar, start, n, pausePredicate(calendar, facts));
  return {
    dueDate: w.due,
    startedAfter: start,
    countedWorkingDays: n,
    pausedDays: w.pausedDays,
    skippedHolidays: w.skippedHolidays,
    makeupDays: w.makeupDays,
    missingYears: w.missingYears,
    lines: explain(calendar, facts, w, extension),
  };
}

function explain(calendar: WorkingDayCalendar, facts: ClockFacts, w: Walk, extension: number): ClockLine[] {
  const lines: ClockLine[] = [
    {
      kind: 'start',
      text: `${facts.receivedOn} 收到申请（条例第三十一条）；收到之日不计入，期限自次日起算（民法典第二百零一条）`,
    },
  ];
  if (facts.correctionReceivedOn) {
    lines.push({
      kind: 'start',
      text: `${facts.correctionReceivedOn} 收到补正后的申请，答复期限自收到补正之日起重新计算（条例第三十条）`,
    });
  }
  lines.push({ kind: 'limit', text: `答复期限 ${ANSWER_WORKING_DAYS} 个工作日（条例第三十三条第二款）` });
  for (const c of facts.consultations ?? []) lines.push(pauseLine(calendar, c));
  if (extension > 0) {
    lines.push({ kind: 'extension', text: `经批准延长 ${extension} 个工作日（条例第三十三条第二款）` });
  }
  if (w.skippedHolidays.length) {
    lines.push({ kind: 'holidays', text: `跳过法定节假日（工作日）：${w.skippedHolidays.join('、')}` });
  }
  if (w.makeupDays.length) {
    lines.push({ kind: 'makeup', text: `计入调休上班日：${w.makeupDays.join('、')}` });
  }
  for (const y of w.missingYears) {
    lines.push({
      kind: 'warning',
      text: `注意：${y} 年节假日安排尚未录入，暂按周一至周五计算，日期可能有误`,
    });
  }
  const total = ANSWER_WORKING_DAYS + extension;
  const paused = w.pausedDays.length ? `，另有 ${w.pausedDays.length} 个工作日暂停计时` : '';
  lines.push({ kind: 'due', text: `第 ${total} 个计入的工作日为 ${w.due}${paused}，即答复期限届满日` });
  return lines;
}

function pauseLine(calendar: WorkingDayCalendar, c: ConsultationPause): ClockLine {
  const end = consultationPauseEnd(calendar, c);
  const reason =
    c.repliedOn !== null && c.repliedOn <= end
      ? `${c.repliedOn} 收到意见`
      : c.repliedOn === null
        ? `尚未收到意见，暂按 ${CONSULTATION_WORKING_DAYS} 个工作日征求意见期限届满日 ${end} 计`
        : `征求意见期限 ${CONSULTATION_WORKING_DAYS} 个工作日于 ${end} 届满`;
  return {
    kind: 'pause',
    text: `${c.sentOn} 发出征求意见函，${reason}；${addDays(c.sentOn, 1)} 至 ${end} 的工作日不计入期限（条例第三十二条、第三十四条）`,
  };
}

/** Working days left until `dueDate` as seen on `today` (0 on the due date, negative when late). */
export function workingDaysLeft(calendar: WorkingDayCalendar, today: string, dueDate: string): number {
  const n = calendar.countWorkingDays(today, dueDate);
  return n === 0 ? 0 : n; // the calendar returns -0 for an empty reversed interval
}

/** 正常 / 临期 (≤ 3 working days left) / 超期 (today is after the due date). */
export function clockStatus(calendar: WorkingDayCalendar, today: string, dueDate: string): ClockStatus {
  if (today > dueDate) return 'overdue';
  return workingDaysLeft(calendar, today, dueDate) <= DUE_SOON_WORKING_DAYS ? 'due_soon' : 'normal';
}
