/**
 * Section 六's sentence on the 工作要点 tasks a unit carried for its upper unit in the year, from the task
 * ledger (module tasks, when installed): each part counts once — 已完成, else 推进中 when an accepted report
 * shows progress, else 未开展; 逾期 counts the open parts past their due date (within the other two).
 */

/** One part of a task as the tasks module reports it (TaskAssessmentService.yearParts). */
export interface YearPart {
  status: string;
  progressed: boolean;
}

export interface TaskPartsReader {
  yearParts(unitId: number, year: number): Promise<YearPart[]>;
}

/** The sentence, or null when the unit carried no task that year. */
export function taskSummarySentence(parts: readonly YearPart[]): string | null {
  if (!parts.length) return null;
  const done = parts.filter((p) => p.status === 'done').length;
  const inProgress = parts.filter((p) => p.status !== 'done' && p.progressed).length;
  const notStarted = parts.length - done - inProgress;
  const overdue = parts.filter((p) => p.status === 'overdue').length;
  return `本年度承担上级政务公开工作要点任务${parts.length}项，已完成${done}项，推进中${inProgress}项，未开展${notStarted}项（逾期${overdue}项）。`;
}

/** The `taskSummary` dependency of ReportService, reading the tasks module. */
export function taskSummaryFrom(
  tasks: TaskPartsReader,
): (unitId: number, year: number) => Promise<string | null> {
  return async (unitId, year) => taskSummarySentence(await tasks.yearParts(unitId, year));
}
