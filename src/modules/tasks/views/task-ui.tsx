/** Small building blocks of the task ledger pages: status labels, deadlines, the module stylesheet. */
import { ModuleStylesheets } from '../../../http/kit/module-stylesheet.tsx';
import type { FormState } from '../../../http/view-context.ts';
import { problemFor } from '../../../http/view-context.ts';
import type { Recurrence } from '../plan-parser/index.ts';
import { RECURRENCE_WORDS } from '../task-ledger-export.ts';
import { REPORT_STATE_LABELS, type ReportState } from '../task-report.workflow.ts';
import {
  PART_STATUS_LABELS,
  type PartStatus,
  TASK_STATUS_LABELS,
  TASK_STATUSES,
  type TaskStatus,
} from '../task-status.ts';

/** Name of the module stylesheet (views/tasks.css, served at /assets/tasks.css). */
export const TASKS_CSS = 'tasks';

/** The module's stylesheet (allowed in the body; same origin, so the CSP accepts it). */
export function TasksStyles() {
  return <ModuleStylesheets names={[TASKS_CSS]} />;
}

/** A task status: its words, with a colour that only repeats them. */
export function StatusTag({ status }: { status: string }) {
  const label = TASK_STATUS_LABELS[status as TaskStatus] ?? status;
  return <span class={`status status-${status}`}>{label}</span>;
}

/** A unit's part of a task: the task words plus 不适用. */
export function PartTag({ part }: { part: string }) {
  const label = PART_STATUS_LABELS[part as PartStatus] ?? part;
  return <span class={`status status-${part}`}>{label}</span>;
}

export function ReportStateTag({ state }: { state: string | null }) {
  if (state === null) return <span class="status status-none">未报送</span>;
  return <span class={`status status-${state}`}>{REPORT_STATE_LABELS[state as ReportState] ?? state}</span>;
}

export function StatusLegend() {
  return (
    <ul class="legend" aria-label="状态说明">
      {TASK_STATUSES.map((s) => (
        <li key={s}>
          <StatusTag status={s} />
        </li>
      ))}
    </ul>
  );
}

/** '2026-06-30' / a recurrence / the text as written. */
export function deadlineText(t: {
  due_date: string | null;
  recurrence: string | null;
  deadline_text: string | null;
}): string {
  if (t.due_date) return t.due_date;
  if (t.recurrence) return RECURRENCE_WORDS[t.recurrence as Recurrence] ?? t.recurrence;
  return t.deadline_text ?? '未规定';
}

/** A labelled checkbox that keeps its state on a rejected form. */
export function CheckboxField({ form, name, label }: { form?: FormState; name: string; label: string }) {
  const v = form?.values[name];
  const error = problemFor(form, name);
  return (
    <div class="checkbox">
      <input type="checkbox" id={`f-${name}`} name={name} value="on" checked={v === 'on' || v === true} />
      <label for={`f-${name}`}>{label}</label>
      {error ? <p class="error-message">{error}</p> : null}
    </div>
  );
}

/** A positive integer from a query string, or undefined. */
export function queryInt(query: unknown, name: string): number | undefined {
  const v = Number((query as Record<string, string | undefined>)[name]);
  return Number.isInteger(v) && v > 0 ? v : undefined;
}
