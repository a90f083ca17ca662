import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoCounty, taskServices } from '../../../test/support/tasks.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import type { App } from '../../app.ts';
import type { AppError } from '../../lib/errors.ts';
import { DEFAULT_WEIGHTS } from './task-assessment.ts';

const at = (date: string) => new Date(`${date}T02:00:00Z`);

describe(`assessment scores and 回头看 on ${ENGINE}`, () => {
  let app: TestApp;
  let s: ReturnType<typeof taskServices>;
  let x: App['tasks'];
  let c: Awaited<ReturnType<typeof demoCounty>>;
  let taskIds: number[];
  let planId: number;
  beforeEach(async () => {
    app = await createTestApp({ now: '2026-01-05T02:00:00Z' });
    s = taskServices(app);
    x = app.tasks;
    c = await demoCounty(app);
    ({ planId, taskIds } = await s.plans.confirmImport(c.admin.ctx, {
      ...{
        unitId: c.county.id,
        year: 2026,
        title: '示范县2026年政务公开工作要点',
        source: '示范政办发〔2026〕1号',
      },
      tasks: [
        { number: '1', title: '按时完成', deadline: { date: '2026-06-30' }, unitIds: [c.fgj.id] },
        { number: '2', title: '逾期后完成', deadline: { date: '2026-03-31' }, unitIds: [c.fgj.id] },
        { number: '3', title: '未完成', deadline: { date: '2026-09-30' }, unitIds: [c.fgj.id, c.czj.id] },
        { number: '4', title: '常态化', deadline: { recurrence: 'monthly' }, unitIds: [c.czj.id] },
      ],
    }));
    const report = async (taskId: number, on: string, done: boolean, accept = true) => {
      app.clock.set(at(on));
      const id = await s.reporting.submitReport(c.fgjClerk.ctx, taskId, {
        ...{ unitId: c.fgj.id, reportDate: on, text: '已公开', done },
      });
      if (accept) await s.reporting.acceptReport(c.admin.ctx, id);
      else await s.reporting.returnReport(c.admin.ctx, id, { comment: '佐证不足' });
    };
    await report(taskIds[0]!, '2026-05-10', true);
    await report(taskIds[1]!, '2026-04-10', false, false);
    await report(taskIds[1]!, '2026-04-15', true);
    app.clock.set(at('2026-12-31'));
  });
  afterEach(async () => app.destroy());

  it('scores each unit with the stored weights and shows the formula', async () => {
    const { weights, scores } = await x.assessment.yearScores(c.county.id, 2026);
    expect(weights).toEqual(DEFAULT_WEIGHTS);
    const fgj = scores.find((u) => u.unitId === c.fgj.id)!;
    // 完成 2 ÷ 3, 按时 1 ÷ 3, 采纳 2 ÷ 3 → 50×66.7% + 30×33.3% + 20×66.7% = 56.7
    expect(fgj.counts).toEqual({ completion: '2 ÷ 3', timeliness: '1 ÷ 3', quality: '2 ÷ 3' });
    expect(fgj.score).toBeCloseTo(56.667, 2);
    expect(fgj.points).toBeCloseTo(2.267, 2);
    expect(fgj.formula).toBe('50×66.7% + 30×33.3% + 20×66.7% = 56.7 分；折合绩效考核 56.7 × 4% = 2.27 分');
    const czj = scores.find((u) => u.unitId === c.czj.id)!;
    // No report was reviewed: quality is left out and the other weights scale to 100.
    expect(czj.rates).toEqual({ completion: 0, timeliness: 0, quality: null });
    expect(czj.formula).toContain('（按 80 折算为 100）');

    await x.assessment.setWeights(c.admin.ctx, c.county.id, {
      ...{ completion: '60', timeliness: '20', quality: '20', share: '5' },
    });
    const again = await x.assessment.yearScores(c.county.id, 2026);
    expect(again.weights).toEqual({ completion: 60, timeliness: 20, quality: 20, share: 5 });
    expect(again.scores.find((u) => u.unitId === c.fgj.id)?.score).toBeCloseTo(60, 5);
    const audit = await app.auditRepo.list({ action: 'task.assessment_weights' }, 5);
    expect(audit).toHaveLength(1);
  });

  it('refuses weights that do not add up, a share below 4 % and a clerk', async () => {
    const err = (await x.assessment
      .setWeights(c.admin.ctx, c.county.id, { completion: 50, timeliness: 30, quality: 30, share: 3 })
      .catch((e) => e)) as AppError;
    expect(err.problems.map((p) => p.message)).toEqual([
      '政务公开占绩效考核的比例不得低于 4%',
      '三项权重之和必须等于 100',
    ]);
    await expect(
      x.assessment.setWeights(c.fgjClerk.ctx, c.county.id, { ...DEFAULT_WEIGHTS }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('回头看 carries unfinished tasks into next year with a link back, once', async () => {
    const r = await x.assessment.carryOver(c.admin.ctx, planId);
    expect(r.taskIds).toHaveLength(2);
    const next = await s.plans.getPlan(r.planId);
    expect(next.plan).toMatchObject({ year: 2027, unit_id: c.county.id });
    expect(next.tasks.map((t) => [t.title, t.carried_from_task_id, t.due_date, t.recurrence])).toEqual([
      ['未完成', taskIds[2], '2027-12-31', null],
      ['常态化', taskIds[3], null, 'monthly'],
    ]);
    expect(next.tasks[0]?.units.map((u) => u.unit_id)).toEqual([c.fgj.id, c.czj.id]);
    const err = (await x.assessment.carryOver(c.admin.ctx, planId).catch((e) => e)) as AppError;
    expect(err.problems[0]?.message).toBe('该工作要点没有需要转入下一年度的未完成任务');
    expect(await app.auditRepo.list({ action: 'task_plan.carry_over' }, 5)).toHaveLength(1);
    await expect(x.assessment.carryOver(c.fgjClerk.ctx, planId)).rejects.toMatchObject({ code: 'forbidden' });
    const wrong = (await x.assessment
      .carryOver(c.admin.ctx, planId, { targetPlanId: String(planId) })
      .catch((e) => e)) as AppError;
    expect(wrong.problems[0]?.field).toBe('targetPlanId');
  });
});
