/**
 * Year-end assessment scores (年度考核) with weights per assessing unit (a unit setting, lib/settings), and
 * 回头看: carrying the unfinished tasks of a plan into the next year's plan, each new task linking back
 * to the one it continues (whose reports and history stay where they were).
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB, Unit } from '../../db/schema.ts';
import { can } from '../../kernel/permissions.ts';
import type { CallContext } from '../../lib/actor.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import { todayInShanghai } from '../../lib/calendar/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { parseSettingsForm, SettingsStore } from '../../lib/settings/index.ts';
import { optionalIntField, parseInput } from '../../lib/validation.ts';
import type { UnitService } from '../orgs/unit.service.ts';
import type { TaskRepository } from './task.repository.ts';
import {
  ASSESSMENT_SETTINGS,
  type AssessmentWeights,
  computeScores,
  DEFAULT_WEIGHTS,
  type UnitScore,
} from './task-assessment.ts';
import type { TaskLedgerRepository } from './task-ledger.repository.ts';
import {
  computePartStatus,
  computeTaskStatus,
  OPEN_STATUSES,
  type PartStatus,
  toPartFacts,
} from './task-status.ts';
import type { TaskSupervisionService } from './task-supervision.service.ts';

export interface TaskAssessmentServiceDeps {
  db: Kysely<DB>;
  tasks: TaskRepository;
  ledger: TaskLedgerRepository;
  supervision: TaskSupervisionService;
  audit: AuditLog;
  clock: Clock;
  units: UnitService;
  /** The settings store (built from db, audit and clock when not given). */
  settings?: SettingsStore;
}

const carryOverSchema = z.object({ targetPlanId: optionalIntField('转入的工作要点', { min: 1 }) });

export class TaskAssessmentService {
  private readonly settings: SettingsStore;

  constructor(private readonly d: TaskAssessmentServiceDeps) {
    this.settings = d.settings ?? new SettingsStore(d);
  }

  /** The weights an assessing unit set, or the defaults. */
  async getWeights(ownerUnitId: number): Promise<AssessmentWeights> {
    return this.settings.read(ASSESSMENT_SETTINGS.weights, { unitId: ownerUnitId });
  }

  /** Stores the weights (政务公开管理员 of the unit), audited with before and after. */
  async setWeights(ctx: CallContext, ownerUnitId: number, raw: unknown): Promise<AssessmentWeights> {
    this.requireManage(ctx, await this.d.units.get(ownerUnitId));
    const weights = parseSettingsForm(ASSESSMENT_SETTINGS, raw).weights ?? DEFAULT_WEIGHTS;
    const before = await this.getWeights(ownerUnitId);
    await this.settings.write(
      ctx,
      ASSESSMENT_SETTINGS,
      { weights },
      {
        unitId: ownerUnitId,
        audit: {
          action: 'task.assessment_weights',
          targetType: 'unit',
          targetId: ownerUnitId,
          summary: `设置年度考核权重：完成率 ${weights.completion}、按时完成率 ${weights.timeliness}、报送质量 ${weights.quality}，占绩效考核 ${weights.share}%`,
          before: { ...before },
          after: { ...weights },
        },
      },
    );
    return weights;
  }

  /**
   * A unit's parts of the tasks of `year`'s plans of OTHER units (the upper 工作要点 it carries out), with
   * each part's status on 31 December of that year (or today, while the year runs): a part done later is
   * open then. 不适用 parts are left out. For the 年度报告 (section 六), which checks its own rights.
   */
  async yearParts(
    unitId: number,
    year: number,
  ): Promise<{ taskId: number; number: string; title: string; status: PartStatus; progressed: boolean }[]> {
    const today = todayInShanghai(this.d.clock.now());
    const asOf = today < `${year}-12-31` ? today : `${year}-12-31`;
    const tasks = (await this.d.ledger.unitTasks(unitId)).filter((t) => t.year === year);
    const owners = new Map<number, number | undefined>();
    for (const planId of new Set(tasks.map((t) => t.plan_id)))
      owners.set(planId, (await this.d.tasks.findPlan(planId))?.unit_id);
    const upper = tasks.filter((t) => owners.get(t.plan_id) !== unitId);
    const parts = new Map(
      (await this.d.tasks.taskUnits(upper.map((t) => t.id)))
        .filter((u) => u.unit_id === unitId)
        .map((u) => [u.task_id, toPartFacts(u)]),
    );
    return upper.flatMap((t) => {
      const facts = parts.get(t.id);
      if (!facts || facts.notApplicable) return [];
      const part = { ...facts, doneOn: facts.doneOn !== null && facts.doneOn <= asOf ? facts.doneOn : null };
      const status = computePartStatus({ dueDate: t.due_date, recurrence: t.recurrence, today: asOf }, part);
      return [{ taskId: t.id, number: t.number, title: t.title, status, progressed: part.progressAccepted }];
    });
  }

  /** Each responsible unit's score for a year, with the weights used. */
  async yearScores(
    ownerUnitId: number,
    year: number,
  ): Promise<{ weights: AssessmentWeights; scores: UnitScore[] }> {
    const weights = await this.getWeights(ownerUnitId);
    const bulletin = await this.d.supervision.quarterlyBulletin(ownerUnitId, year, 4);
    const reviewed = await this.d.ledger.reviewedReports(ownerUnitId, year);
    return { weights, scores: computeScores(bulletin.units, reviewed, weights) };
  }

  /**
   * 回头看: copies the unfinished tasks of a plan (not yet carried) into `targetPlanId` — a plan of the
   * same unit for the next year — or into a new plan created for it. Dated tasks become due at the end
   * of the next year; content and recurrence are kept, and the units whose parts are still open. One transaction, one audit event.
   */
  async carryOver(ctx: CallContext, planId: number, raw: unknown = {}) {
    const plan = await this.d.tasks.findPlan(planId);
    if (!plan) throw AppError.notFound('工作要点');
    const owner = await this.d.units.get(plan.unit_id);
    this.requireManage(ctx, owner);
    const { targetPlanId } = parseInput(carryOverSchema, raw);
    const year = plan.year + 1;
    const targets = await this.d.ledger.plansOf(owner.id, year);
    if (targetPlanId !== undefined && !targets.some((t) => t.id === targetPlanId))
      throw AppError.validation([
        { field: 'targetPlanId', message: `转入的工作要点必须是本单位 ${year} 年的工作要点` },
      ]);
    const open = (await this.d.tasks.listTasks(planId)).filter((t) =>
      (OPEN_STATUSES as readonly string[]).includes(t.status),
    );
    const carried = new Set(
      (await this.d.ledger.carriedFrom(open.map((t) => t.id))).map((c) => c.carried_from_task_id),
    );
    const todo = open.filter((t) => !carried.has(t.id));
    if (todo.length === 0)
      throw AppError.validation([{ field: '_', message: '该工作要点没有需要转入下一年度的未完成任务' }]);
    const units = await this.d.tasks.taskUnits(todo.map((t) => t.id));
    const now = this.d.clock.now().toISOString();
    const today = todayInShanghai(this.d.clock.now());
    return this.d.db.transaction().execute(async (trx) => {
      const target =
        targetPlanId ??
        (await this.d.tasks.insertPlan(trx, {
          ...{ unit_id: owner.id, year, title: `${year}年回头看整改任务（接续“${plan.title}”）` },
          ...{ source: `回头看：${plan.title}`, implements_plan_id: null },
          ...{
            created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
            created_at: now,
            updated_at: now,
          },
        }));
      const start = (await this.d.tasks.taskIdsOfPlan(target, trx)).length;
      const taskIds: number[] = [];
      for (const [i, t] of todo.entries()) {
        const due_date = t.due_date === null ? null : `${year}-12-31`;
        const status = computeTaskStatus({
          ...{ dueDate: due_date, recurrence: t.recurrence, today },
          ...{ doneAccepted: false, progressAccepted: false },
        });
        const id = await this.d.tasks.insertTask(trx, {
          ...{ plan_id: target, sort_order: start + i + 1, number: t.number, path_json: t.path_json },
          ...{ title: t.title, content: t.content, due_date, recurrence: t.recurrence },
          ...{ deadline_text: t.deadline_text, status, done_on: null, upper_task_id: null },
          ...{ carried_from_task_id: t.id, created_at: now, updated_at: now },
        });
        await this.d.tasks.insertTaskUnits(
          trx,
          units
            // Only the parts still open move on: a unit that finished (or was 不适用) owes nothing.
            .filter((u) => u.task_id === t.id && u.done_on === null && u.not_applicable_at === null)
            .map((u) => ({ task_id: id, unit_id: u.unit_id, role: u.role })),
        );
        taskIds.push(id);
      }
      await this.d.audit.record(trx, ctx, {
        action: 'task_plan.carry_over',
        targetType: 'task_plan',
        targetId: target,
        summary: `回头看：将“${plan.title}”的 ${taskIds.length} 项未完成任务转入 ${year} 年工作要点`,
        after: { fromPlanId: plan.id, taskIds, fromTaskIds: todo.map((t) => t.id) },
      });
      return { planId: target, taskIds };
    });
  }

  private requireManage(ctx: CallContext, unit: Unit): void {
    if (ctx.actor.kind === 'system') return;
    if (!can(ctx.actor, 'task.manage', unit.path))
      throw AppError.forbidden('只有政务公开管理员可以设置考核和开展回头看');
  }
}
