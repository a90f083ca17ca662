/** Gathers what the ledger pages show (from services and repositories), for thin route handlers. */
import type { FastifyRequest } from 'fastify';
import { viewContext } from '../../http/request-context.ts';
import { emptyForm, type FormState } from '../../http/view-context.ts';
import { can } from '../../kernel/permissions.ts';
import type { Actor } from '../../lib/actor.ts';
import { todayInShanghai } from '../../lib/calendar/index.ts';
import { AppError, type FieldProblem } from '../../lib/errors.ts';
import type { Registry } from '../../platform/module.ts';
import type { TaskUnitRow } from './task.repository.ts';
import { itemLabel } from './task-evidence.service.ts';
import { buildLedgerMatrix } from './task-ledger.presenter.ts';
import { occurrenceState, occurrencesOf } from './task-occurrence.ts';
import { computePartStatus, toPartFacts } from './task-status.ts';
import { DUE_SOON_WORKING_DAYS } from './task-supervision.service.ts';
import { queryInt } from './views/task-ui.tsx';

/** The unit whose plans the office manages: the current unit if managed, else the first managed one. */
export function officeUnitId(actor: Actor, currentUnitId: number | null | undefined): number {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', '请先登录');
  const grants = actor.grants.filter((g) => can(actor, 'task.manage', g.unitPath));
  const chosen = grants.find((g) => g.unitId === currentUnitId) ?? grants[0];
  if (!chosen) throw AppError.forbidden();
  return chosen.unitId;
}

export async function ledgerPageData(app: Registry, req: FastifyRequest) {
  const ctx = await viewContext(app, req);
  const owner = officeUnitId(req.ctx.actor, ctx.currentUnitId);
  const x = app.tasks;
  const plans = await app.tasks.repo.listPlans(owner);
  const planId = queryInt(req.query, 'plan');
  const plan = plans.find((p) => p.id === planId) ?? [...plans].sort((a, b) => b.id - a.id)[0] ?? null;
  const q = req.query as Record<string, string | undefined>;
  const filters = { status: q.status || undefined, unitId: queryInt(req.query, 'unit') };
  let matrix = null;
  if (plan) {
    const { tasks } = await app.tasks.plans.getPlan(plan.id);
    const today = todayInShanghai(app.clock.now());
    const limit = (await app.calendar.calendar()).addWorkingDays(today, DUE_SOON_WORKING_DAYS);
    const states = await x.ledger.reportStates(tasks.map((t) => t.id));
    matrix = buildLedgerMatrix(tasks, states, filters, today, limit);
  }
  const pending = await x.ledger.pendingReports(owner);
  return { ctx, plans, plan, filters, matrix, pending, done: q.done };
}

export async function myTasksData(app: Registry, req: FastifyRequest) {
  const ctx = await viewContext(app, req);
  const unitId = ctx.currentUnitId ?? null;
  const unit = unitId ? await app.units.get(unitId) : null;
  if (!unit || !can(req.ctx.actor, 'task.report', unit.path))
    return { ctx, unitName: null, tasks: [], overdue: [], dueSoon: [] };
  const x = app.tasks;
  const tasks = await x.ledger.unitTasks(unit.id);
  const states = await x.ledger.reportStates(tasks.map((t) => t.id));
  const latest = new Map(states.filter((s) => s.unit_id === unit.id).map((s) => [s.task_id, s.state]));
  // The unit's own part of each task (a shared task can be done for this unit and open for others).
  const today = todayInShanghai(app.clock.now());
  const parts = new Map(
    (await x.repo.taskUnits(tasks.map((t) => t.id)))
      .filter((u) => u.unit_id === unit.id)
      .map((u) => [u.task_id, u]),
  );
  const asTask = (t: {
    id: number;
    number: string;
    title: string;
    status: string;
    due_date: string | null;
  }) => ({
    ...t,
    recurrence: null,
    deadline_text: null,
    units: [],
  });
  return {
    ctx,
    unitName: unit.name,
    tasks: tasks.map((t) => {
      const own = parts.get(t.id);
      const part = own
        ? computePartStatus({ dueDate: t.due_date, recurrence: t.recurrence, today }, toPartFacts(own))
        : t.status;
      return { ...t, units: [], state: latest.get(t.id) ?? null, part };
    }),
    overdue: (await app.tasks.supervision.listOverdue(unit.id)).map(asTask),
    dueSoon: (await app.tasks.supervision.listDueSoon(unit.id)).map(asTask),
  };
}

/** The task page's props; throws forbidden unless the actor manages the plan or reports for a unit. */
export async function taskPageData(
  app: Registry,
  req: FastifyRequest,
  taskId: number,
  forms: {
    reportForm?: FormState;
    reviewProblems?: FieldProblem[];
    evidenceForm?: FormState;
    partForm?: FormState;
    itemForm?: FormState;
  } = {},
) {
  const task = await app.tasks.repo.findTask(taskId);
  if (!task) throw AppError.notFound('任务');
  const actor = req.ctx.actor;
  const units = await app.tasks.repo.taskUnits([task.id]);
  const all = new Map((await app.units.listAll()).map((u) => [u.id, u]));
  const canReview = can(actor, 'task.manage', task.plan_unit_path);
  const mayReport = units.filter((u) => can(actor, 'task.report', all.get(u.unit_id)?.path ?? '/none/'));
  if (!canReview && mayReport.length === 0) throw AppError.forbidden('您不是此任务的责任单位');
  // Only units whose own part is still open may report.
  const reportUnits = mayReport.filter((u) => u.done_on === null && u.not_applicable_at === null);
  const plan = await app.tasks.repo.findPlan(task.plan_id);
  const reports = await app.tasks.reports.listReports(task.id);
  const names = await userNames(app, [
    ...reports.flatMap((r) => [r.submitted_by, r.reviewed_by]),
    ...units.map((u) => u.not_applicable_by),
  ]);
  const x = app.tasks;
  const from = task.carried_from_task_id
    ? await app.tasks.repo.findTask(task.carried_from_task_id)
    : undefined;
  const to = await x.ledger.carriedFrom([task.id]);
  const today = todayInShanghai(app.clock.now());
  return {
    ctx: await viewContext(app, req),
    task: {
      ...task,
      path: JSON.parse(task.path_json) as string[],
      planTitle: plan?.title ?? '',
      planId: task.plan_id,
      units,
    },
    reports: reports.map((r) => ({
      ...r,
      unitName: all.get(r.unit_id)?.name ?? '',
      submittedBy: names.get(r.submitted_by ?? 0) ?? '系统',
      reviewedBy: r.reviewed_by ? (names.get(r.reviewed_by) ?? '') : null,
    })),
    links: {
      carriedFrom: from ? { id: from.id, label: `${from.year}年 ${from.number} ${from.title}` } : null,
      carriedTo: to.map((t) => ({ id: t.id, label: t.plan_title })),
    },
    canReview,
    ...partsView(task, units, reports, names, today),
    partForm: forms.partForm ?? emptyForm(),
    evidence: await app.tasks.evidence.evidence(task.id),
    evidenceChoices: canReview
      ? await evidenceChoices(
          app,
          units.map((u) => u.unit_id),
          all,
        )
      : [],
    evidenceForm: forms.evidenceForm ?? emptyForm(),
    items: await app.tasks.evidence.itemEvidence(task.id),
    itemChoices: canReview ? await itemChoices(app, [task.plan_unit_id, ...units.map((u) => u.unit_id)]) : [],
    itemForm: forms.itemForm ?? emptyForm(),
    reportUnits: reportUnits.map((u) => ({ value: String(u.unit_id), label: u.name })),
    reportForm:
      forms.reportForm ?? emptyForm({ reportDate: today, unitId: String(reportUnits[0]?.unit_id ?? '') }),
    reviewProblems: forms.reviewProblems,
    done: (req.query as Record<string, string | undefined>).done,
  };
}

/** Each unit's part with its status, and the occurrences of a recurring duty per unit. */
function partsView(
  task: { due_date: string | null; recurrence: string | null; year: number },
  units: TaskUnitRow[],
  reports: { unit_id: number; state: string; report_date: string }[],
  names: Map<number, string>,
  today: string,
) {
  const deadline = { dueDate: task.due_date, recurrence: task.recurrence, today };
  const parts = units.map((u) => ({
    ...{ unitId: u.unit_id, name: u.name, role: u.role, doneOn: u.done_on },
    status: computePartStatus(deadline, toPartFacts(u)),
    notApplicable: u.not_applicable_at
      ? {
          reason: u.not_applicable_reason ?? '',
          by: names.get(u.not_applicable_by ?? 0) ?? '系统',
          on: todayInShanghai(new Date(u.not_applicable_at)),
        }
      : null,
  }));
  const owing = units.filter((u) => u.not_applicable_at === null);
  const dates = (unitId: number) =>
    reports.filter((r) => r.unit_id === unitId && r.state === 'accepted').map((r) => r.report_date);
  const occurrences = occurrencesOf(task.recurrence, task.year).map((o) => ({
    ...{ label: o.label, start: o.start, end: o.end },
    states: owing.map((u) => ({
      unitId: u.unit_id,
      state: occurrenceState(o, dates(u.unit_id), u.done_on, today),
    })),
  }));
  return { parts, occurrenceUnits: owing.map((u) => ({ unitId: u.unit_id, name: u.name })), occurrences };
}

async function userNames(app: Registry, ids: (number | null)[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (const id of new Set(ids.filter((i): i is number => i !== null))) {
    const u = await app.accounts.findUserById(id);
    if (u) out.set(id, u.display_name);
  }
  return out;
}

/** Columns of the task's responsible units, offered as evidence. */
async function evidenceChoices(app: Registry, unitIds: number[], units: Map<number, { name: string }>) {
  const out: { value: string; label: string }[] = [];
  for (const id of [...new Set(unitIds)]) {
    for (const c of await app.publishing.columns.listActiveForUnit(id)) {
      out.push({ value: String(c.id), label: `${units.get(id)?.name ?? ''} › ${c.name}` });
    }
  }
  return out;
}

/** Catalogue items of the plan's unit and of the task's responsible units, offered as evidence. */
async function itemChoices(app: Registry, unitIds: number[]) {
  const out: { value: string; label: string }[] = [];
  for (const id of [...new Set(unitIds)]) {
    const found = await app.catalogue.list(id).catch(() => null);
    for (const item of found?.items ?? [])
      out.push({ value: String(item.id), label: `${found?.unit.name ?? ''} › ${itemLabel(item)}` });
  }
  return out;
}
