/**
 * The quarterly bulletin (一季度一通报) as a document: the supervision numbers plus stale cases
 * (久未报送: a responsible unit whose own parts are open and that sent no progress report dated in the
 * quarter). A quarter that has not ended is shown as of today (QuarterlyBulletin.asOfNote).
 * Column freshness (栏目更新, issue §4) joins the stale cases once publishing data exists.
 */
import type { BulletinAssignment, BulletinTask, QuarterlyBulletin } from './task-supervision.ts';

export interface StaleCase {
  unitName: string;
  taskNumbers: string[];
  reason: string;
}

export interface BulletinDocument {
  ownerName: string;
  bulletin: QuarterlyBulletin;
  stale: StaleCase[];
}

export const QUARTER_LABELS = ['第一季度', '第二季度', '第三季度', '第四季度'];

/** The bulletin's title, e.g. "示范县人民政府2026年第一季度政务公开工作要点落实情况通报". */
export function bulletinTitle(ownerName: string, year: number, quarter: number): string {
  return `${ownerName}${year}年${QUARTER_LABELS[quarter - 1]}政务公开工作要点落实情况通报`;
}

/** "（2026年2月；时限 2026-02-28；县财政局、县税务局）" after a task's number and title. */
export function bulletinTaskNote(t: BulletinTask): string {
  return `（${t.occurrence ? `${t.occurrence}；` : ''}时限 ${t.dueDate}；${t.units.join('、')}）`;
}

/**
 * 久未报送: units with parts open at the as-of date (not 不适用, not done) that are already due or
 * recurring, and that sent no report dated in the quarter up to then. `reported` holds (task, unit)
 * pairs with such a report. `dueBy` is the last due date that counts as due (see bulletinAsOf).
 */
export function staleCases(
  assignments: BulletinAssignment[],
  reported: { task_id: number; unit_id: number }[],
  cut: { asOf: string; dueBy: string },
): StaleCase[] {
  const seen = new Set(reported.map((r) => `${r.task_id}:${r.unit_id}`));
  const byUnit = new Map<string, string[]>();
  for (const a of assignments) {
    if (a.notApplicable) continue;
    const finished = a.doneOn !== null && a.doneOn <= cut.asOf;
    const due = a.recurrence !== null || (a.dueDate !== null && a.dueDate <= cut.dueBy);
    if (finished || !due || seen.has(`${a.taskId}:${a.unitId}`)) continue;
    byUnit.set(a.unitName, [...(byUnit.get(a.unitName) ?? []), a.number]);
  }
  return [...byUnit.entries()].map(([unitName, taskNumbers]) => ({
    unitName,
    taskNumbers,
    reason: `${taskNumbers.length} 项到期或常态化任务本季度未报送进展（序号 ${taskNumbers.join('、')}）`,
  }));
}
