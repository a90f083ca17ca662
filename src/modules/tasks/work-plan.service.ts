/**
 * Work plans (工作要点): import a plan as a draft (parse + match units, nothing saved), confirm the
 * corrected draft (plan + tasks + remembered aliases in one transaction with one audit event), and
 * remember how plans write a unit. Only a 政务公开管理员 ('task.manage') of the owner unit may do this.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB, Unit } from '../../db/schema.ts';
import { can } from '../../kernel/permissions.ts';
import type { CallContext } from '../../lib/actor.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import { todayInShanghai } from '../../lib/calendar/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, type FieldProblem } from '../../lib/errors.ts';
import { parseInput, requiredText } from '../../lib/validation.ts';
import type { UnitService } from '../orgs/unit.service.ts';
import type { UnitDirectory } from '../orgs/unit-directory.ts';
import {
  type Deadline,
  type ParsedPlan,
  type ParsedTask,
  parsePlanFile,
  parsePlanText,
} from './plan-parser/index.ts';
import type { TaskRepository } from './task.repository.ts';
import { buildLedgerWorkbook } from './task-ledger-export.ts';
import { computeTaskStatus, deadlineColumns } from './task-status.ts';
import { buildUnitIndex, matchUnitNames, type UnitIndex, type UnitMatchResult } from './unit-matcher.ts';
import {
  type ConfirmPlan,
  type ConfirmPlans,
  confirmPlanSchema,
  confirmPlansSchema,
  importPlanSchema,
  planHeadSchema,
} from './work-plan.schemas.ts';

export interface WorkPlanServiceDeps {
  db: Kysely<DB>;
  tasks: TaskRepository;
  audit: AuditLog;
  clock: Clock;
  units: UnitService;
  unitDirectory: UnitDirectory;
}

/** Kinds of unit that 各单位 (every unit) stands for: the departments and the townships (乡镇街道). */
export const EVERY_UNIT_KINDS: readonly string[] = ['department', 'township'];

/** Matching for the review page of a draft: the plan unit's active subtree and its remembered names. */
export interface DraftMatcher {
  owner: Unit;
  /** Active units of the owner's subtree, owner first. */
  units: Unit[];
  /** The units 各单位 expands to. */
  everyone: number[];
  /** Matches with the remembered aliases and the draft's one-off mapping. */
  match(names: readonly string[]): UnitMatchResult;
  /** Matches with the remembered aliases only (which names still need a mapping). */
  matchPlain(names: readonly string[]): UnitMatchResult;
}

/** One task of a draft: the parsed task with its units matched. Confirmable as it is. */
export interface DraftTask {
  number: string;
  path: string[];
  title: string;
  content: string;
  deadline: Deadline;
  uncertain: string[];
  leadUnitIds: number[];
  unitIds: number[];
  upperTaskId: number | null;
  leadMatch: UnitMatchResult;
  unitMatch: UnitMatchResult;
}

/** A name no unit was found for, with the tasks that use it. */
export interface UnmatchedName {
  name: string;
  reason: string;
  taskNumbers: string[];
}

/** The result of `importPlan`: nothing is saved until `confirmImport`. */
export interface PlanDraft {
  unitId: number;
  year: number;
  title: string;
  source: string;
  implementsPlanId: number | null;
  tasks: DraftTask[];
  unmatched: UnmatchedName[];
  warnings: string[];
}

const setAliasSchema = z.object({
  alias: requiredText('单位简称', 100),
  unitId: z.number({ message: '请选择对应单位' }).int().positive('请选择对应单位'),
});

/** The units 各单位 stands for: every active department and township below `owner`. */
function everyUnitOf(owner: Unit, scope: Unit[]): number[] {
  return scope.filter((u) => u.depth > owner.depth && EVERY_UNIT_KINDS.includes(u.kind)).map((u) => u.id);
}

/** Ids in a materialised path ('/1/4/' → [1, 4]): the unit and its ancestors. */
function pathIds(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number);
}

function draftTask(index: UnitIndex, t: ParsedTask): DraftTask {
  const leadMatch = matchUnitNames(index, t.leadUnits);
  const unitMatch = matchUnitNames(index, t.units);
  const { number, path, title, content, deadline, uncertain } = t;
  return {
    number,
    path,
    title,
    content,
    deadline,
    uncertain,
    leadUnitIds: leadMatch.unitIds,
    unitIds: unitMatch.unitIds.filter((id) => !leadMatch.unitIds.includes(id)),
    upperTaskId: null,
    leadMatch,
    unitMatch,
  };
}

function collectUnmatched(tasks: DraftTask[]): UnmatchedName[] {
  const byName = new Map<string, UnmatchedName>();
  for (const t of tasks) {
    for (const miss of [...t.leadMatch.unmatched, ...t.unitMatch.unmatched]) {
      const entry = byName.get(miss.name) ?? { ...miss, taskNumbers: [] };
      if (!entry.taskNumbers.includes(t.number)) entry.taskNumbers.push(t.number);
      byName.set(miss.name, entry);
    }
  }
  return [...byName.values()];
}

export class WorkPlanService {
  constructor(private readonly d: WorkPlanServiceDeps) {}

  /**
   * Parses the text (or takes `parsedPlan`, which must come from the parser on the server, never from
   * a request body) and matches its units; saves nothing.
   */
  async importPlan(ctx: CallContext, raw: unknown): Promise<PlanDraft> {
    const input = parseInput(importPlanSchema, raw);
    const owner = await this.d.units.get(input.unitId);
    this.requireManage(ctx, owner);
    const problems = await this.upperPlanProblems(input.implementsPlanId ?? null, []);
    if (problems.length) throw AppError.validation(problems);
    const parsed =
      (input.parsedPlan as ParsedPlan | undefined) ?? parsePlanText(input.text ?? '', { year: input.year });
    const index = await this.unitIndex(owner, Object.entries(input.mapping));
    const tasks = parsed.tasks.map((t) => draftTask(index, t));
    return {
      unitId: owner.id,
      year: input.year,
      title: input.title,
      source: input.source,
      implementsPlanId: input.implementsPlanId ?? null,
      tasks,
      unmatched: collectUnmatched(tasks),
      warnings: parsed.warnings,
    };
  }

  /**
   * Like `importPlan` for an uploaded .txt/.md/.docx/.xlsx file; the plan year completes deadlines
   * written without one ("年底前"). The caller deletes the file.
   */
  async importPlanFile(ctx: CallContext, raw: unknown, filePath: string): Promise<PlanDraft> {
    const head = parseInput(planHeadSchema, raw);
    this.requireManage(ctx, await this.d.units.get(head.unitId));
    const parsedPlan = await parsePlanFile(filePath, { year: head.year });
    return this.importPlan(ctx, { ...(raw as object), parsedPlan });
  }

  /** Saves a (corrected) draft: the plan, its tasks and units, and the aliases to remember. */
  async confirmImport(ctx: CallContext, raw: unknown): Promise<{ planId: number; taskIds: number[] }> {
    const input = parseInput(confirmPlanSchema, raw);
    const { title, tasks, ...facts } = input;
    const saved = await this.savePlans(ctx, { ...facts, plans: [{ title, tasks }] }, () => 'tasks');
    return { planId: saved.planIds[0] as number, taskIds: saved.taskIds[0] ?? [] };
  }

  /**
   * Saves the plans of one document (a notice may carry several) in one transaction, with one audit
   * event per plan; problems name `plans.<p>.tasks.<i>.<field>`.
   */
  async confirmImportPlans(
    ctx: CallContext,
    raw: unknown,
  ): Promise<{ planIds: number[]; taskIds: number[][] }> {
    return this.savePlans(ctx, parseInput(confirmPlansSchema, raw), (p) => `plans.${p}.tasks`);
  }

  private async savePlans(
    ctx: CallContext,
    input: ConfirmPlans,
    tasksField: (plan: number) => string,
  ): Promise<{ planIds: number[]; taskIds: number[][] }> {
    const owner = await this.d.units.get(input.unitId);
    this.requireManage(ctx, owner);
    const scope = (await this.d.unitDirectory.listSubtree(owner.path)).filter((u) => u.active === 1);
    const problems = await this.confirmProblems(owner, scope, input, tasksField);
    if (problems.length) throw AppError.validation(problems);
    const everyone = everyUnitOf(owner, scope);
    const now = this.d.clock.now().toISOString();
    const createdBy = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
    return this.d.db.transaction().execute(async (trx) => {
      const planIds: number[] = [];
      const taskIds: number[][] = [];
      for (const [p, plan] of input.plans.entries()) {
        const planId = await this.d.tasks.insertPlan(trx, {
          ...{ unit_id: owner.id, year: input.year, title: plan.title, source: input.source },
          ...{ implements_plan_id: input.implementsPlanId ?? null, created_by: createdBy },
          ...{ created_at: now, updated_at: now },
        });
        const ids = await this.insertTasks(trx, planId, plan.tasks, everyone, now);
        const aliases = p === 0 ? input.rememberAliases : [];
        await this.d.audit.record(trx, ctx, {
          action: 'task_plan.import',
          targetType: 'task_plan',
          targetId: planId,
          summary: `导入${owner.name}${input.year}年工作要点“${plan.title}”，共 ${ids.length} 项任务`,
          after: { unitId: owner.id, year: input.year, tasks: ids.length, aliases },
        });
        planIds.push(planId);
        taskIds.push(ids);
      }
      for (const a of input.rememberAliases)
        await this.d.tasks.upsertAlias(trx, {
          ...{ scope_unit_id: owner.id, alias: a.alias, unit_id: a.unitId },
          ...{ created_by: createdBy, created_at: now },
        });
      return { planIds, taskIds };
    });
  }

  /**
   * Parses a stored source file for a new draft (the plan unit's 政务公开管理员 only); the plan year
   * completes deadlines written without one.
   */
  async parsePlanSource(ctx: CallContext, raw: unknown, filePath: string) {
    const head = parseInput(planHeadSchema, raw);
    this.requireManage(ctx, await this.d.units.get(head.unitId));
    const problems = await this.upperPlanProblems(head.implementsPlanId ?? null, []);
    if (problems.length) throw AppError.validation(problems);
    return { head, parsed: await parsePlanFile(filePath, { year: head.year }) };
  }

  /** The matcher of a draft of `unitId` with its one-off `mapping` (name as written → unit). */
  async draftMatcher(
    ctx: CallContext,
    unitId: number,
    mapping: Record<string, number>,
  ): Promise<DraftMatcher> {
    const owner = await this.d.units.get(unitId);
    this.requireManage(ctx, owner);
    const units = (await this.d.unitDirectory.listSubtree(owner.path)).filter((u) => u.active === 1);
    const plain = await this.unitIndex(owner, []);
    const mapped = await this.unitIndex(
      owner,
      Object.entries(mapping).map(([name, id]) => [name, [id]]),
    );
    return {
      owner,
      units,
      everyone: everyUnitOf(owner, units),
      match: (names) => matchUnitNames(mapped, names),
      matchPlain: (names) => matchUnitNames(plain, names),
    };
  }

  /** Remembers that plans of `scopeUnitId` write `alias` for a unit (set once, used by every import). */
  async setAlias(ctx: CallContext, scopeUnitId: number, raw: unknown): Promise<void> {
    const input = parseInput(setAliasSchema, raw);
    const scope = await this.d.units.get(scopeUnitId);
    this.requireManage(ctx, scope);
    const target = await this.d.units.get(input.unitId);
    if (!target.path.startsWith(scope.path) || !target.active)
      throw AppError.validation([{ field: 'unitId', message: '对应单位必须是本单位或下级的在用单位' }]);
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.tasks.upsertAlias(trx, {
        ...{ scope_unit_id: scope.id, alias: input.alias, unit_id: target.id },
        ...{ created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null },
        created_at: this.d.clock.now().toISOString(),
      });
      await this.d.audit.record(trx, ctx, {
        action: 'task.alias_set',
        targetType: 'unit',
        targetId: target.id,
        summary: `记住单位简称：“${input.alias}”即“${target.name}”`,
        after: { scopeUnitId: scope.id, alias: input.alias, unitId: target.id },
      });
    });
  }

  /** A plan with its tasks and each task's units (lead first). */
  async getPlan(planId: number) {
    const plan = await this.d.tasks.findPlan(planId);
    if (!plan) throw AppError.notFound('工作要点');
    const tasks = await this.d.tasks.listTasks(planId);
    const units = await this.d.tasks.taskUnits(tasks.map((t) => t.id));
    return {
      plan,
      tasks: tasks.map((t) => ({
        ...t,
        path: JSON.parse(t.path_json) as string[],
        units: units.filter((u) => u.task_id === t.id),
      })),
    };
  }

  /** The plan's ledger as .xlsx (任务分工表 layout with 完成情况); for its 政务公开管理员. */
  async exportLedger(ctx: CallContext, planId: number): Promise<{ fileName: string; body: Buffer }> {
    const { plan, tasks } = await this.getPlan(planId);
    this.requireManage(ctx, await this.d.units.get(plan.unit_id));
    const names = (t: (typeof tasks)[number], role: string) =>
      t.units.filter((u) => u.role === role).map((u) => u.name);
    const body = await buildLedgerWorkbook(
      plan.title,
      tasks.map((t) => ({
        ...{ number: t.number, title: t.title, content: t.content, status: t.status },
        ...{ leadUnits: names(t, 'lead'), units: names(t, 'co'), parts: t.units },
        ...{ dueDate: t.due_date, recurrence: t.recurrence, deadlineText: t.deadline_text },
      })),
    );
    return { fileName: `${plan.title}-工作台账.xlsx`, body };
  }

  private async unitIndex(owner: Unit, mapping: [string, number[]][]): Promise<UnitIndex> {
    const units = (await this.d.unitDirectory.listSubtree(owner.path)).filter((u) => u.active === 1);
    const remembered = await this.d.tasks.listAliases(pathIds(owner.path));
    // The nearest scope wins: aliases of the owner come after those of its ancestors.
    const depthOf = (id: number) => pathIds(owner.path).indexOf(id);
    remembered.sort((a, b) => depthOf(a.scope_unit_id) - depthOf(b.scope_unit_id));
    return buildUnitIndex(units, [
      ...remembered.map((a) => [a.alias, a.unit_id] as const),
      ...mapping.map(([name, ids]) => [name, ids] as const),
    ]);
  }

  private async insertTasks(
    trx: Parameters<TaskRepository['insertTask']>[0],
    planId: number,
    tasks: ConfirmPlan['tasks'],
    everyone: number[],
    now: string,
  ): Promise<number[]> {
    const today = todayInShanghai(new Date(now));
    const ids: number[] = [];
    for (const [i, t] of tasks.entries()) {
      const cols = deadlineColumns(t.deadline);
      const status = computeTaskStatus({
        ...{ dueDate: cols.due_date, recurrence: cols.recurrence, today },
        ...{ doneAccepted: false, progressAccepted: false },
      });
      const id = await this.d.tasks.insertTask(trx, {
        ...{ plan_id: planId, sort_order: i + 1, number: t.number, path_json: JSON.stringify(t.path) },
        ...{ title: t.title, content: t.content, ...cols, status, done_on: null },
        ...{ upper_task_id: t.upperTaskId ?? null, created_at: now, updated_at: now },
      });
      const lead = [...new Set(t.leadUnitIds)];
      const co = [...new Set([...t.unitIds, ...(t.allUnits ? everyone : [])])].filter(
        (u) => !lead.includes(u),
      );
      await this.d.tasks.insertTaskUnits(trx, [
        ...lead.map((unit_id) => ({ task_id: id, unit_id, role: 'lead' })),
        ...co.map((unit_id) => ({ task_id: id, unit_id, role: 'co' })),
      ]);
      ids.push(id);
    }
    return ids;
  }

  /** Every reason the draft cannot be saved, by field. */
  private async confirmProblems(
    owner: Unit,
    scope: Unit[],
    input: ConfirmPlans,
    tasksField: (plan: number) => string,
  ): Promise<FieldProblem[]> {
    const inScope = new Set(scope.map((u) => u.id));
    const everyone = everyUnitOf(owner, scope).length;
    const problems: FieldProblem[] = [];
    const many = input.plans.length > 1;
    for (const [p, plan] of input.plans.entries())
      plan.tasks.forEach((t, i) => {
        const label = `${many ? `“${plan.title}”` : ''}第 ${i + 1} 项任务（${t.number}）`;
        const field = `${tasksField(p)}.${i}.unitIds`;
        if (t.leadUnitIds.length + t.unitIds.length + (t.allUnits ? everyone : 0) === 0)
          problems.push({ field, message: `${label}没有责任单位，请指定` });
        if ([...t.leadUnitIds, ...t.unitIds].some((id) => !inScope.has(id)))
          problems.push({ field, message: `${label}的责任单位必须是本单位或下级的在用单位` });
      });
    input.rememberAliases.forEach((a, i) => {
      if (!inScope.has(a.unitId))
        problems.push({
          field: `rememberAliases.${i}.unitId`,
          message: `“${a.alias}”对应的单位不在本单位范围内`,
        });
    });
    const uppers = input.plans.flatMap((plan) => plan.tasks.map((t) => t.upperTaskId ?? null));
    return [...problems, ...(await this.upperPlanProblems(input.implementsPlanId ?? null, uppers))];
  }

  private async upperPlanProblems(planId: number | null, upperTaskIds: (number | null)[]) {
    const problems: FieldProblem[] = [];
    const linked = upperTaskIds.some((id) => id !== null);
    if (planId === null) {
      if (linked)
        problems.push({ field: 'implementsPlanId', message: '关联上级任务前，请先选择上级工作要点' });
      return problems;
    }
    if (!(await this.d.tasks.findPlan(planId))) {
      problems.push({ field: 'implementsPlanId', message: '找不到所选的上级工作要点' });
      return problems;
    }
    const allowed = new Set(await this.d.tasks.taskIdsOfPlan(planId));
    upperTaskIds.forEach((id, i) => {
      if (id !== null && !allowed.has(id))
        problems.push({
          field: `tasks.${i}.upperTaskId`,
          message: `第 ${i + 1} 项任务关联的上级任务不属于上级工作要点`,
        });
    });
    return problems;
  }

  private requireManage(ctx: CallContext, unit: Unit): void {
    if (ctx.actor.kind === 'system') return; // demo data and scripts act as the system user
    if (!can(ctx.actor, 'task.manage', unit.path))
      throw AppError.forbidden('只有政务公开管理员可以导入和管理工作要点');
  }
}
