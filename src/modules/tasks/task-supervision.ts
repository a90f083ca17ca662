/**
 * Supervision (督查) arithmetic, pure: quarter ranges and the quarterly bulletin (一季度一通报) computed
 * per unit from the units' own PARTS of tasks and their accepted reports. Definitions (also in
 * docs/workflows/tasks.md):
 * - the bulletin is computed AS OF min(quarter end, today in China); a quarter that has not ended says
 *   so, and tasks due after the as-of date are "not yet due", never 逾期;
 * - a unit's ITEMS: each part (not 不适用) of a dated task; each OCCURRENCE (task-occurrence.ts) of a
 *   每月/每季度/每年 duty, met by an accepted report dated in its period; each part of any other task
 *   (实时/持续推进/free text), which counts only once finished;
 * - 应完成: items due by the as-of date (a due date is still in time on that day while the quarter
 *   runs), plus items finished by then although due later; 已完成: finished on or before the as-of date;
 * - 完成率 = 已完成 ÷ 应完成 (none when nothing was due); 逾期: counted and not finished;
 *   按期后完成 (lateDone): finished after the due date;
 * - good case (表扬): at least one item due, all finished, none late — a unit that did nothing is never
 *   praised; poor case (批评): at least one item overdue.
 */
import { addDays } from '../../lib/calendar/index.ts';
import { metOn, occurrencesOf } from './task-occurrence.ts';

/** One responsible unit's part of one task, with the facts the bulletin needs. */
export interface BulletinAssignment {
  taskId: number;
  number: string;
  title: string;
  dueDate: string | null;
  recurrence: string | null;
  /** The unit's part: its accepted 完成 report date. */
  doneOn: string | null;
  notApplicable: boolean;
  unitId: number;
  unitName: string;
}

/** An accepted report: who, on which task, dated and reviewed when. */
export interface AcceptedReport {
  taskId: number;
  unitId: number;
  reportDate: string;
  reviewedOn: string | null;
}

/** One thing a unit owes: a dated part, an occurrence of a recurring duty, or an undated part. */
export interface BulletinItem {
  taskId: number;
  number: string;
  title: string;
  /** "2026年3月" for an occurrence. */
  occurrence: string | null;
  dueDate: string | null;
  doneOn: string | null;
  unitId: number;
  unitName: string;
}

export interface BulletinUnitLine {
  unitId: number;
  unitName: string;
  assigned: number;
  done: number;
  /** done / assigned, 0–1; null when nothing was due. */
  rate: number | null;
  /** The formula with this unit's numbers, e.g. "3 ÷ 4 = 75.0%". */
  rateText: string;
  overdue: number;
  /** Finished after the due date. */
  lateDone: number;
  acceptedReports: number;
}

export interface BulletinTask {
  taskId: number;
  number: string;
  title: string;
  occurrence: string | null;
  dueDate: string;
  units: string[];
}

export interface BulletinCase {
  unitName: string;
  reason: string;
}

export interface QuarterlyBulletin {
  year: number;
  quarter: number;
  start: string;
  end: string;
  /** min(end, today in China): the day the numbers are as of. */
  asOf: string;
  /** False while the quarter runs (today ≤ end). */
  ended: boolean;
  /** The last due date that counts as due: `end` once the quarter is over, else the day before today. */
  dueBy: string;
  /** "本季度尚未结束，数据截至 2026年12月1日" while the quarter runs, else null. */
  asOfNote: string | null;
  formula: string;
  units: BulletinUnitLine[];
  overdueTasks: BulletinTask[];
  /** Items due inside the quarter but after the as-of date, unfinished: not yet due, never 逾期. */
  notYetDue: BulletinTask[];
  goodCases: BulletinCase[];
  poorCases: BulletinCase[];
}

const COMPLETION_FORMULA =
  '完成率 = 已完成任务数 ÷ 应完成任务数（截至统计日已到期或已完成的本单位任务，周期性任务按每期计）';

/**
 * 一季度一通报: the seeds' 工作要点 (seed 000, 三、加大力度: 实行"一季度一通报"工作机制) require one
 * supervision bulletin per quarter, so a year has four bulletin periods of three months each.
 */
export const BULLETINS_PER_YEAR = 4;
/** Months covered by one bulletin (一季度一通报). */
const MONTHS_PER_BULLETIN = 12 / BULLETINS_PER_YEAR;

const QUARTER_END = ['03-31', '06-30', '09-30', '12-31'];

/** The bulletin quarter (1–4, 一季度一通报) that a 'YYYY-MM-DD' date falls in. */
export function bulletinQuarterOf(date: string): number {
  return Math.floor((Number(date.slice(5, 7)) - 1) / MONTHS_PER_BULLETIN) + 1;
}

/** First and last day of a quarter ('YYYY-MM-DD'). */
export function quarterRange(year: number, quarter: number): { start: string; end: string } {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > BULLETINS_PER_YEAR)
    throw new RangeError(`quarter ${quarter}`);
  const month = String((quarter - 1) * MONTHS_PER_BULLETIN + 1).padStart(2, '0');
  return { start: `${year}-${month}-01`, end: `${year}-${QUARTER_END[quarter - 1]}` };
}

/** 'YYYY-MM-DD' → 'YYYY年M月D日'. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * The as-of date of a quarter's bulletin on `today`: min(end, today). `dueBy` is the last due date
 * that counts as due: the quarter's end once it is over, else yesterday (today's due date is still in
 * time).
 */
export function bulletinAsOf(year: number, quarter: number, today: string) {
  const { start, end } = quarterRange(year, quarter);
  const ended = today > end;
  const asOf = ended ? end : today;
  return { start, end, asOf, ended, dueBy: ended ? end : addDays(today, -1) };
}

/** Expands parts into the items a unit owes (不适用 parts owe nothing). */
export function bulletinItems(
  year: number,
  assignments: BulletinAssignment[],
  accepted: AcceptedReport[],
  asOf: string,
): BulletinItem[] {
  const out: BulletinItem[] = [];
  for (const a of assignments) {
    if (a.notApplicable) continue;
    const base = {
      taskId: a.taskId,
      number: a.number,
      title: a.title,
      unitId: a.unitId,
      unitName: a.unitName,
    };
    const periods = occurrencesOf(a.recurrence, year);
    if (periods.length === 0) {
      out.push({ ...base, occurrence: null, dueDate: a.dueDate, doneOn: a.doneOn });
      continue;
    }
    const dates = accepted
      .filter((r) => r.taskId === a.taskId && r.unitId === a.unitId && r.reportDate <= asOf)
      .map((r) => r.reportDate);
    for (const o of periods) {
      const met = metOn(o, dates);
      // A duty the unit closed with 完成 owes nothing for periods that begin afterwards.
      if (met === null && a.doneOn !== null && o.start > a.doneOn) continue;
      out.push({ ...base, occurrence: o.label, dueDate: o.end, doneOn: met });
    }
  }
  return out;
}

function percent(done: number, assigned: number): string {
  return assigned === 0 ? '无到期任务' : `${done} ÷ ${assigned} = ${((done / assigned) * 100).toFixed(1)}%`;
}

interface Cut {
  asOf: string;
  dueBy: string;
}

const finished = (r: BulletinItem, c: Cut) => r.doneOn !== null && r.doneOn <= c.asOf;
const counted = (r: BulletinItem, c: Cut) => finished(r, c) || (r.dueDate !== null && r.dueDate <= c.dueBy);

function unitLine(
  unit: { unitId: number; unitName: string },
  rows: BulletinItem[],
  c: Cut,
  acceptedReports: number,
): BulletinUnitLine {
  const due = rows.filter((r) => counted(r, c));
  const done = due.filter((r) => finished(r, c)).length;
  return {
    ...unit,
    assigned: due.length,
    done,
    rate: due.length === 0 ? null : done / due.length,
    rateText: percent(done, due.length),
    overdue: due.filter((r) => !finished(r, c)).length,
    lateDone: due.filter((r) => finished(r, c) && r.dueDate !== null && (r.doneOn as string) > r.dueDate)
      .length,
    acceptedReports,
  };
}

/** Items matching `keep`, grouped per task (and occurrence) with the units concerned. */
function taskLines(rows: BulletinItem[], keep: (r: BulletinItem) => boolean): BulletinTask[] {
  const byTask = new Map<string, BulletinTask>();
  for (const r of rows) {
    if (r.dueDate === null || !keep(r)) continue;
    const key = `${r.taskId}:${r.occurrence ?? ''}`;
    const t = byTask.get(key) ?? {
      ...{ taskId: r.taskId, number: r.number, title: r.title, occurrence: r.occurrence },
      ...{ dueDate: r.dueDate, units: [] },
    };
    t.units.push(r.unitName);
    byTask.set(key, t);
  }
  return [...byTask.values()].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
}

/**
 * The bulletin for one quarter as of `today` (China). `assignments` are in unit display order;
 * `accepted` holds the year's accepted reports.
 */
export function computeBulletin(p: {
  year: number;
  quarter: number;
  today: string;
  assignments: BulletinAssignment[];
  accepted: AcceptedReport[];
}): QuarterlyBulletin {
  const cut = bulletinAsOf(p.year, p.quarter, p.today);
  const items = bulletinItems(p.year, p.assignments, p.accepted, cut.asOf);
  const unitsInOrder = new Map<number, string>();
  for (const a of p.assignments) if (!a.notApplicable) unitsInOrder.set(a.unitId, a.unitName);
  const reports = (id: number) =>
    p.accepted.filter(
      (r) =>
        r.unitId === id && r.reviewedOn !== null && r.reviewedOn >= cut.start && r.reviewedOn <= cut.asOf,
    ).length;
  const units = [...unitsInOrder.entries()].map(([unitId, unitName]) =>
    unitLine(
      { unitId, unitName },
      items.filter((i) => i.unitId === unitId),
      cut,
      reports(unitId),
    ),
  );
  const goodCases = units
    .filter((u) => u.assigned > 0 && u.done === u.assigned && u.lateDone === 0)
    .map((u) => ({ unitName: u.unitName, reason: `到期任务 ${u.assigned} 项全部按时完成` }));
  const poorCases = units
    .filter((u) => u.overdue > 0)
    .sort((a, b) => b.overdue - a.overdue)
    .map((u) => ({ unitName: u.unitName, reason: `有 ${u.overdue} 项任务逾期未完成` }));
  return {
    ...{ year: p.year, quarter: p.quarter, start: cut.start, end: cut.end, asOf: cut.asOf },
    ended: cut.ended,
    dueBy: cut.dueBy,
    asOfNote: cut.ended ? null : `本季度尚未结束，数据截至${chineseDate(cut.asOf)}`,
    formula: COMPLETION_FORMULA,
    units,
    overdueTasks: taskLines(items, (r) => counted(r, cut) && !finished(r, cut)),
    notYetDue: taskLines(
      items,
      (r) => !finished(r, cut) && (r.dueDate as string) > cut.dueBy && (r.dueDate as string) <= cut.end,
    ),
    goodCases,
    poorCases,
  };
}
