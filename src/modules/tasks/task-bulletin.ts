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
  /** 政策解读 per unit for the quarter; absent when the site runs without the policies module. */
  interpretation?: BulletinInterpretation;
}

// ── 政策解读 (issue 11 §9): read from the policies module when it is present ──

/** One figure as the policies module reports it (structurally its RateFigure). */
export interface InterpretationFigureReading {
  key: string;
  text: string;
  rule: string;
  target: string | null;
  met: boolean | null;
  denominator: number;
}

/**
 * What the bulletin reads from the 政策解读 statistics. Optional (tasks comes after policies in the module
 * list but does not need it): a site built without the policies module still files its bulletins.
 */
export interface InterpretationRatesReader {
  ratesOfUnits(
    unitIds: readonly number[],
    from: string,
    to: string,
  ): Promise<{ unitId: number; unitName: string; figures: InterpretationFigureReading[] }[]>;
}

export interface BulletinInterpretationLine {
  unitId: number;
  unitName: string;
  /** Policies requiring 解读 published in the quarter. */
  policies: number;
  rateText: string;
  rateMet: boolean | null;
  timelinessText: string;
}

export interface BulletinInterpretation {
  /** The rules of 解读率 and 及时率, in words. */
  rules: string[];
  target: string | null;
  /** Units with at least one policy requiring 解读 in the quarter. */
  lines: BulletinInterpretationLine[];
}

/** The bulletin's 政策解读 section from the readings of the owner and the units of the plan. */
export function bulletinInterpretation(
  readings: Awaited<ReturnType<InterpretationRatesReader['ratesOfUnits']>>,
): BulletinInterpretation {
  const fig = (r: (typeof readings)[number], key: string) => r.figures.find((f) => f.key === key);
  const first = readings[0];
  const rate = first && fig(first, 'rate');
  const timeliness = first && fig(first, 'timeliness');
  return {
    rules: [rate, timeliness].flatMap((f) => (f ? [f.rule] : [])),
    target: rate?.target ?? null,
    lines: readings
      .filter((r) => (fig(r, 'rate')?.denominator ?? 0) > 0)
      .map((r) => ({
        unitId: r.unitId,
        unitName: r.unitName,
        policies: fig(r, 'rate')?.denominator ?? 0,
        rateText: fig(r, 'rate')?.text ?? '—',
        rateMet: fig(r, 'rate')?.met ?? null,
        timelinessText: fig(r, 'timeliness')?.text ?? '—',
      })),
  };
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
