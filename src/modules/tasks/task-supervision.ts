/**
 * Supervision (督查) arithmetic, pure: quarter ranges and the quarterly bulletin (一季度一通报) computed
 * from task assignments and accepted reports. Definitions (also in docs/workflows/tasks.md):
 * - a unit's 应完成 tasks in a quarter: its tasks (牵头 or 责任) due on or before the quarter's last day,
 *   plus those it finished by then although due later; recurring or undated tasks count once finished;
 * - 已完成: finished (the accepted 完成 report's date) on or before the quarter's last day;
 * - 完成率 = 已完成 ÷ 应完成 (none when nothing was due);
 * - 逾期: due on or before the quarter's last day and not finished by then;
 * - good case: every due task finished, none late; poor case: at least one task overdue.
 */

/** One responsible unit of one task, with the facts the bulletin needs. */
export interface BulletinAssignment {
  taskId: number;
  number: string;
  title: string;
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
  formula: string;
  units: BulletinUnitLine[];
  overdueTasks: BulletinTask[];
  goodCases: BulletinCase[];
  poorCases: BulletinCase[];
}

const COMPLETION_FORMULA = '完成率 = 已完成任务数 ÷ 应完成任务数（截至季度末到期或已完成的任务）';

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

function percent(done: number, assigned: number): string {
  return assigned === 0 ? '无到期任务' : `${done} ÷ ${assigned} = ${((done / assigned) * 100).toFixed(1)}%`;
}

function unitLine(rows: BulletinAssignment[], end: string, acceptedReports: number): BulletinUnitLine {
  const first = rows[0] as BulletinAssignment;
  const finished = (r: BulletinAssignment) => r.doneOn !== null && r.doneOn <= end;
  const counted = rows.filter((r) => finished(r) || (r.dueDate !== null && r.dueDate <= end));
  const done = counted.filter(finished).length;
  return {
    unitId: first.unitId,
    unitName: first.unitName,
    assigned: counted.length,
    done,
    rate: counted.length === 0 ? null : done / counted.length,
    rateText: percent(done, counted.length),
    overdue: counted.filter((r) => !finished(r)).length,
    lateDone: counted.filter((r) => finished(r) && r.dueDate !== null && (r.doneOn as string) > r.dueDate)
      .length,
    acceptedReports,
  };
}

function overdueTasks(rows: BulletinAssignment[], end: string): BulletinTask[] {
  const byTask = new Map<number, BulletinTask>();
  for (const r of rows) {
    if (r.dueDate === null || r.dueDate > end || (r.doneOn !== null && r.doneOn <= end)) continue;
    const t = byTask.get(r.taskId) ?? {
      taskId: r.taskId,
      number: r.number,
      title: r.title,
      dueDate: r.dueDate,
      units: [],
    };
    t.units.push(r.unitName);
    byTask.set(r.taskId, t);
  }
  return [...byTask.values()];
}

/**
 * The bulletin for one quarter. `assignments` are in unit display order; `acceptedReportUnitIds` has
 * one entry per report accepted during the quarter.
 */
export function computeBulletin(
  year: number,
  quarter: number,
  assignments: BulletinAssignment[],
  acceptedReportUnitIds: number[],
): QuarterlyBulletin {
  const { start, end } = quarterRange(year, quarter);
  const byUnit = new Map<number, BulletinAssignment[]>();
  for (const a of assignments) byUnit.set(a.unitId, [...(byUnit.get(a.unitId) ?? []), a]);
  const reports = (id: number) => acceptedReportUnitIds.filter((u) => u === id).length;
  const units = [...byUnit.entries()].map(([id, rows]) => unitLine(rows, end, reports(id)));
  const goodCases = units
    .filter((u) => u.assigned > 0 && u.done === u.assigned && u.lateDone === 0)
    .map((u) => ({ unitName: u.unitName, reason: `到期任务 ${u.assigned} 项全部按时完成` }));
  const poorCases = units
    .filter((u) => u.overdue > 0)
    .sort((a, b) => b.overdue - a.overdue)
    .map((u) => ({ unitName: u.unitName, reason: `有 ${u.overdue} 项任务逾期未完成` }));
  const overdue = overdueTasks(assignments, end);
  return {
    year,
    quarter,
    start,
    end,
    formula: COMPLETION_FORMULA,
    units,
    overdueTasks: overdue,
    goodCases,
    poorCases,
  };
}
