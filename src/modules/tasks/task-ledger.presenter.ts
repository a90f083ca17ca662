/**
 * Shapes a plan's ledger for the office's pages: the tasks × units matrix (each cell the unit's role,
 * the state of its own part and its latest report state), filters, overdue and due-soon lines, and
 * completion by unit over its own parts. Pure.
 */
import { computePartStatus, type PartStatus, type TaskStatus, toPartFacts } from './task-status.ts';

export interface LedgerTaskInput {
  id: number;
  number: string;
  title: string;
  status: string;
  due_date: string | null;
  recurrence: string | null;
  deadline_text: string | null;
  units: {
    unit_id: number;
    role: string;
    name: string;
    done_on: string | null;
    not_applicable_at: string | null;
    accepted_reports: number;
  }[];
}

export interface ReportStateInput {
  task_id: number;
  unit_id: number;
  state: string;
}

export interface LedgerFilters {
  status?: string;
  unitId?: number;
}

export interface LedgerCell {
  role: string | null;
  /** The unit's own part of the task (null when the unit is not on it). */
  part: PartStatus | null;
  /** The unit's latest report state, null when it has not reported. */
  state: string | null;
}

export interface LedgerMatrix {
  columns: { id: number; name: string }[];
  rows: (LedgerTaskInput & { cells: LedgerCell[] })[];
  overdue: LedgerTaskInput[];
  dueSoon: LedgerTaskInput[];
  completion: { unitId: number; unitName: string; total: number; done: number; rate: number }[];
}

/** Builds the matrix; `dueSoonLimit` is the last day counted as due soon (working days ahead). */
export function buildLedgerMatrix(
  tasks: LedgerTaskInput[],
  reports: ReportStateInput[],
  filters: LedgerFilters,
  today: string,
  dueSoonLimit: string,
): LedgerMatrix {
  const latest = new Map<string, string>();
  for (const r of reports) latest.set(`${r.task_id}:${r.unit_id}`, r.state);
  const allColumns = new Map<number, string>();
  for (const t of tasks) for (const u of t.units) allColumns.set(u.unit_id, u.name);
  const shown = tasks.filter(
    (t) =>
      (!filters.status || t.status === filters.status) &&
      (!filters.unitId || t.units.some((u) => u.unit_id === filters.unitId)),
  );
  const columns = [...allColumns.entries()]
    .filter(([id]) => !filters.unitId || id === filters.unitId)
    .map(([id, name]) => ({ id, name }));
  const rows = shown.map((t) => ({
    ...t,
    cells: columns.map((c) => {
      const u = t.units.find((x) => x.unit_id === c.id);
      if (!u) return { role: null, part: null, state: null };
      const deadline = { dueDate: t.due_date, recurrence: t.recurrence, today };
      return {
        role: u.role,
        part: computePartStatus(deadline, toPartFacts(u)),
        state: latest.get(`${t.id}:${c.id}`) ?? null,
      };
    }),
  }));
  const open = (t: LedgerTaskInput) => (t.status as TaskStatus) !== 'done';
  // Per unit, over its own required parts (not 不适用): done = its part accepted as done.
  const completion = columns.map((c) => {
    const parts = tasks.flatMap((t) => t.units.filter((u) => u.unit_id === c.id && !u.not_applicable_at));
    const done = parts.filter((u) => u.done_on !== null).length;
    return {
      unitId: c.id,
      unitName: c.name,
      total: parts.length,
      done,
      rate: parts.length ? done / parts.length : 0,
    };
  });
  return {
    columns,
    rows,
    overdue: shown.filter((t) => open(t) && t.due_date !== null && t.due_date < today),
    dueSoon: shown.filter(
      (t) => open(t) && t.due_date !== null && t.due_date >= today && t.due_date <= dueSoonLimit,
    ),
    completion,
  };
}
