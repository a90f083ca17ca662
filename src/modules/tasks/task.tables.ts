/**
 * Persisted shape of the 工作要点 / 任务分工台账 tables (see src/db/migrations/0003-tasks.ts, 0016-task-unit-parts.ts).
 * Dates are 'YYYY-MM-DD' text, timestamps ISO-8601 UTC text, booleans 0/1. Renaming a column needs a
 * migration; the status and state words are the codes in task-status.ts and task-report.workflow.ts.
 */
import type { ColumnType, Generated } from 'kysely';

/** A remembered mapping, set once by a 政务公开管理员: how plans of `scope_unit_id` write a unit. */
export interface TaskUnitAliasTable {
  id: Generated<number>;
  scope_unit_id: number;
  alias: string;
  unit_id: number;
  created_by: number | null;
  created_at: string;
}

/** A 工作要点 of one unit for one year; `implements_plan_id` is the upper plan it carries out (贯彻落实). */
export interface TaskPlanTable {
  id: Generated<number>;
  unit_id: number;
  year: number;
  title: string;
  /** The uploaded file name, or a URL / document reference. */
  source: string;
  implements_plan_id: number | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** One line of the ledger. At most one of due_date / recurrence / deadline_text is set. */
export interface TaskTable {
  id: Generated<number>;
  plan_id: number;
  sort_order: number;
  number: string;
  /** JSON array of the enclosing headings. */
  path_json: string;
  title: string;
  content: string;
  due_date: string | null;
  recurrence: string | null;
  deadline_text: string | null;
  status: string;
  /** Report date of the accepted report that marked the task done. */
  done_on: string | null;
  upper_task_id: number | null;
  /** 回头看: the unfinished task of last year's plan this one carries on (its history stays there). */
  carried_from_task_id: number | null;
  created_at: string;
  updated_at: string;
}

/**
 * A responsible unit of a task, 'lead' (牵头) or 'co' (责任/配合), and that unit's PART of the task
 * (0016-task-unit-parts): done when a report of this unit marked 完成 is accepted, or 不适用 with a
 * reason. All part columns default to null (an open part). Rules: docs/workflows/tasks.md.
 */
export interface TaskUnitTable {
  task_id: number;
  unit_id: number;
  role: string;
  /** Report date of this unit's accepted 完成 report. */
  done_on: ColumnType<string | null, string | null | undefined, string | null>;
  done_report_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** 不适用: why this unit has nothing to do on the task, who said so and when (ISO UTC). */
  not_applicable_reason: ColumnType<string | null, string | null | undefined, string | null>;
  not_applicable_by: ColumnType<number | null, number | null | undefined, number | null>;
  not_applicable_at: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A progress report by one responsible unit. */
export interface TaskReportTable {
  id: Generated<number>;
  task_id: number;
  unit_id: number;
  report_date: string;
  text: string;
  /** JSON array of links (URLs or internal paths). */
  evidence_json: string;
  marks_done: number;
  state: string;
  submitted_by: number | null;
  submitted_at: string;
  reviewed_by: number | null;
  reviewed_at: string | null;
  /** The review date in China, for quarterly counts. */
  reviewed_on: string | null;
  review_comment: string | null;
}

/** One reminder per task per day, written by the daily supervision job. */
export interface TaskReminderTable {
  id: Generated<number>;
  task_id: number;
  reminder_date: string;
  /** 'overdue' or 'due_soon'. */
  kind: string;
  due_date: string;
  created_at: string;
}

/** A column whose publishing record is evidence for a task (0008-task-evidence). */
export interface TaskColumnTable {
  task_id: number;
  column_id: number;
  created_at: string;
}

/** A catalogue item (主动公开目录事项) whose columns are evidence for a task (0017-task-catalogue-items). */
export interface TaskCatalogueItemTable {
  task_id: number;
  item_id: number;
  created_at: string;
}

/** The publishing draft a quarterly bulletin was filed as, one per (assessing unit, year, quarter). */
export interface TaskBulletinDocumentTable {
  owner_unit_id: number;
  year: number;
  quarter: number;
  document_id: number;
  created_by: number | null;
  created_at: string;
}

/** A file attached to a progress report; the bytes live under DATA_DIR/files by SHA-256. */
export interface TaskReportAttachmentTable {
  id: Generated<number>;
  report_id: number;
  file_name: string;
  kind: string;
  size: number;
  sha256: string;
  created_at: string;
}

export interface TaskTables {
  task_unit_aliases: TaskUnitAliasTable;
  task_plans: TaskPlanTable;
  tasks: TaskTable;
  task_units: TaskUnitTable;
  task_reports: TaskReportTable;
  task_reminders: TaskReminderTable;
  task_columns: TaskColumnTable;
  task_catalogue_items: TaskCatalogueItemTable;
  task_bulletin_documents: TaskBulletinDocumentTable;
  task_report_attachments: TaskReportAttachmentTable;
}

// Joins these tables into the database type (src/db/schema.ts knows no module).
declare module '../../db/schema.ts' {
  interface DB extends TaskTables {}
}
