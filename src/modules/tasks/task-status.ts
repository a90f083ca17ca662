/**
 * Task status (任务状态) is derived, never typed in: it follows from the deadline, today's date and the
 * PARTS of the task — one per responsible unit, each done by that unit's own accepted 完成 report or
 * marked 不适用 — so recomputing it is always safe (the daily job, every accepted report and every
 * 不适用 change do). Rules and the transition tables: docs/workflows/tasks.md.
 */
import type { Deadline, Recurrence } from './plan-parser/index.ts';

export const TASK_STATUSES = ['not_started', 'in_progress', 'done', 'overdue', 'ongoing'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  not_started: '未开始',
  in_progress: '推进中',
  done: '已完成',
  overdue: '逾期',
  ongoing: '持续推进',
};

/** Statuses of tasks that still need work: the supervision lists and the daily job look at these. */
export const OPEN_STATUSES: readonly TaskStatus[] = ['not_started', 'in_progress', 'overdue', 'ongoing'];

/** The facts a status is computed from. */
export interface StatusFacts {
  dueDate: string | null;
  recurrence: string | null;
  /** Every required part (not 不适用) has an accepted report marked 完成 (see `partFacts`). */
  doneAccepted: boolean;
  /** At least one required part is done or has an accepted report. */
  progressAccepted: boolean;
  /** Today in China ('YYYY-MM-DD'). */
  today: string;
}

/**
 * 已完成 once every required part is done; else 逾期 after the due date (the due date itself is still
 * in time); else 持续推进 for a recurring duty (实时/每月/每季度/每年/持续推进 have no single end);
 * else 推进中 once any part progressed; else 未开始.
 */
export function computeTaskStatus(f: StatusFacts): TaskStatus {
  if (f.doneAccepted) return 'done';
  if (f.dueDate !== null && f.today > f.dueDate) return 'overdue';
  if (f.recurrence !== null) return 'ongoing';
  return f.progressAccepted ? 'in_progress' : 'not_started';
}

/** A unit's part of a task (task_units row, 0016-task-unit-parts) as the status rules see it. */
export interface PartFacts {
  /** Report date of the unit's accepted 完成 report, null while open. */
  doneOn: string | null;
  /** Marked 不适用 by the 政务公开办: the part is not required. */
  notApplicable: boolean;
  /** The unit has at least one accepted report on the task. */
  progressAccepted: boolean;
}

/** The status of one part: the task words plus 不适用. */
export type PartStatus = TaskStatus | 'not_applicable';

export const PART_STATUS_LABELS: Record<PartStatus, string> = {
  ...TASK_STATUS_LABELS,
  not_applicable: '不适用',
};

/**
 * The task facts that follow from its parts: done when every required part (not 不适用) is done —
 * never when no part is required — with done_on the last part's date; progress when any required part
 * is done or has an accepted report.
 */
export function partFacts(parts: PartFacts[]): {
  doneAccepted: boolean;
  progressAccepted: boolean;
  doneOn: string | null;
} {
  const required = parts.filter((p) => !p.notApplicable);
  const done = required.length > 0 && required.every((p) => p.doneOn !== null);
  const dates = required.map((p) => p.doneOn ?? '').sort();
  return {
    doneAccepted: done,
    progressAccepted: required.some((p) => p.doneOn !== null || p.progressAccepted),
    doneOn: done ? (dates.at(-1) ?? null) : null,
  };
}

/** One part's status, by the same order as the task's (不适用 first). */
export function computePartStatus(
  task: { dueDate: string | null; recurrence: string | null; today: string },
  part: PartFacts,
): PartStatus {
  if (part.notApplicable) return 'not_applicable';
  return computeTaskStatus({
    ...task,
    doneAccepted: part.doneOn !== null,
    progressAccepted: part.progressAccepted,
  });
}

/** The deadline columns for a parsed deadline. */
export function deadlineColumns(d: Deadline): {
  due_date: string | null;
  recurrence: Recurrence | null;
  deadline_text: string | null;
} {
  return {
    due_date: d && 'date' in d ? d.date : null,
    recurrence: d && 'recurrence' in d ? d.recurrence : null,
    deadline_text: d && 'text' in d ? d.text : null,
  };
}

/** The part facts of a task_units row (as TaskRepository#taskUnits returns it). */
export function toPartFacts(row: {
  done_on: string | null;
  not_applicable_at: string | null;
  accepted_reports: number | string;
}): PartFacts {
  return {
    doneOn: row.done_on,
    notApplicable: row.not_applicable_at !== null,
    progressAccepted: Number(row.accepted_reports) > 0,
  };
}
