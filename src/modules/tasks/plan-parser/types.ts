/**
 * Shapes produced by the work-plan (工作要点) parser.
 *
 * Persisted shape: `formatTasksJson` prints these fields and the tasks module stores them when a plan is
 * imported into the ledger (工作台账), so renaming a field is a data migration.
 */

/** The recurrence words a plan uses instead of a due date. */
export type Recurrence = 'realtime' | 'monthly' | 'quarterly' | 'yearly' | 'continuous';

/**
 * A task deadline: a due date, a recurrence, or the original wording when it is relative to an event
 * ("15个工作日内", "3年内") or could not be resolved (no plan year). `null` when the plan says nothing.
 */
export type Deadline = { date: string } | { recurrence: Recurrence } | { text: string } | null;

/** One task of a work plan, as found in the text. */
export interface ParsedTask {
  /** Dotted numbering path ("1.2" for 一、→（二）); unnumbered follow-on paragraphs get "1.2-2". */
  number: string;
  /** Headings of the enclosing sections, outermost first (markers stripped). */
  path: string[];
  /** The lead phrase: the heading text or the first sentence. */
  title: string;
  /** The rest of the task text, without the title and the bracketed unit tail. */
  content: string;
  /** Units that lead (…牵头). */
  leadUnits: string[];
  /** Units responsible or taking part (责任单位 / …按职责分工负责 / …落实), including carried-forward ones. */
  units: string[];
  deadline: Deadline;
  /** Human-readable Chinese notes about what was guessed, for the reviewer. */
  uncertain: string[];
  /** 完成情况 of a table row ("推进中"): reported progress, not part of the task. */
  status?: string;
  /** Units given by a statement for every later task ("以下均需…落实，不再列出"); also in `units`. */
  carriedUnits?: string[];
}

/** One plan inside a document (a notice may carry several plans). */
export interface ParsedPlanSection {
  title: string | null;
  tasks: ParsedTask[];
}

/** The whole parsed document. */
export interface ParsedPlan {
  title: string | null;
  year: number | null;
  issuer: string | null;
  docNumber: string | null;
  plans: ParsedPlanSection[];
  /** All tasks of all plans, in document order. */
  tasks: ParsedTask[];
  warnings: string[];
}

/** Options shared by the text and file entry points. */
export interface ParsePlanOptions {
  /** Plan year; when given it wins over the year found in the text. */
  year?: number;
}

/** One row of a task-allocation table, whatever its source (flattened text or a spreadsheet). */
export interface TableRow {
  number: string;
  domain: string;
  content: string;
  requirement: string;
  lead: string;
  units: string;
  deadline: string;
  /** 完成情况: progress as reported, not part of the task. */
  status?: string;
  /** 备注: may hold the deadline ("11月底前完成"). */
  remark?: string;
  /** Section headings of the table rows above this one (一、… / （一）…). */
  path?: string[];
}
