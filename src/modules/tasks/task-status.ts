/**
 * Task status (任务状态) is derived, never typed in: it follows from the deadline, today's date and the
 * accepted progress reports, so recomputing it is always safe (the daily job and every accepted report
 * do). Rules and the transition table: docs/workflows/tasks.md.
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
  /** An accepted report marked the task 完成. */
  doneAccepted: boolean;
  /** At least one report was accepted. */
  progressAccepted: boolean;
  /** Today in China ('YYYY-MM-DD'). */
  today: string;
}

/**
 * 已完成 once a report marked 完成 is accepted; else 逾期 after the due date (the due date itself is still
 * in time); else 持续推进 for a recurring duty (实时/每月/每季度/每年/持续推进 have no single end);
 * else 推进中 once any report was accepted; else 未开始.
 */
export function computeTaskStatus(f: StatusFacts): TaskStatus {
  if (f.doneAccepted) return 'done';
  if (f.dueDate !== null && f.today > f.dueDate) return 'overdue';
  if (f.recurrence !== null) return 'ongoing';
  return f.progressAccepted ? 'in_progress' : 'not_started';
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
