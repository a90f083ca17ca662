import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildUser } from '../../../test/support/factories.ts';
import { demoCounty, taskServices } from '../../../test/support/tasks.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import type { Deadline } from './plan-parser/index.ts';

/** 10:00 in Shanghai on `date`. */
const at = (date: string) => new Date(`${date}T02:00:00Z`);

describe(`supervision on ${ENGINE}`, () => {
  let app: TestApp;
  let s: ReturnType<typeof taskServices>;
  let c: Awaited<ReturnType<typeof demoCounty>>;
  beforeEach(async () => {
    app = await createTestApp({ now: '2026-01-05T02:00:00Z' });
    s = taskServices(app);
    c = await demoCounty(app);
  });
  afterEach(async () => app.destroy());

  type Spec = { title: string; deadline: Deadline; lead?: number[]; units?: number[] };
  const plan = async (specs: Spec[]) => {
    const { taskIds } = await s.plans.confirmImport(c.admin.ctx, {
      ...{
        unitId: c.county.id,
        year: 2026,
        title: '示范县2026年政务公开工作要点',
        source: '示范政办发〔2026〕1号',
      },
      tasks: specs.map((t, i) => ({
        ...{ number: String(i + 1), title: t.title, deadline: t.deadline },
        ...{ leadUnitIds: t.lead ?? [], unitIds: t.units ?? [] },
      })),
    });
    return taskIds;
  };
  /** Submits on `on` and accepts on `acceptOn` (clock moved for each). */
  const reportAndAccept = async (
    who: { ctx: Parameters<typeof s.reporting.submitReport>[0] },
    unitId: number,
    taskId: number,
    on: string,
    acceptOn: string,
    done: boolean,
  ) => {
    app.clock.set(at(on));
    const id = await s.reporting.submitReport(who.ctx, taskId, {
      unitId,
      reportDate: on,
      text: '已完成相关公开',
      done,
    });
    app.clock.set(at(acceptOn));
    await s.reporting.acceptReport(c.admin.ctx, id);
  };

  it('lists a unit’s unfinished overdue and due-soon tasks in working days', async () => {
    const ids = await plan([
      { title: '逾期任务', deadline: { date: '2026-03-31' }, units: [c.fgj.id] },
      { title: '清明后到期', deadline: { date: '2026-04-09' }, units: [c.fgj.id] },
      { title: '稍后到期', deadline: { date: '2026-04-10' }, units: [c.fgj.id] },
      { title: '别的单位', deadline: { date: '2026-04-02' }, units: [c.czj.id] },
      { title: '每月更新', deadline: { recurrence: 'monthly' }, units: [c.fgj.id] },
      { title: '已办结逾期', deadline: { date: '2026-03-20' }, units: [c.fgj.id] },
      { title: '已办结将到期', deadline: { date: '2026-04-03' }, units: [c.fgj.id] },
    ]);
    for (const id of ids.slice(5))
      await reportAndAccept(c.fgjClerk, c.fgj.id, id, '2026-03-10', '2026-03-10', true);
    app.clock.set(at('2026-04-01'));
    // The monthly duty with no accepted report missed January to March (issue 10: occurrences).
    expect((await s.supervision.listOverdue(c.fgj.id)).map((t) => [t.title, t.due_date])).toEqual([
      ['每月更新（2026年1月）', '2026-01-31'],
      ['每月更新（2026年2月）', '2026-02-28'],
      ['逾期任务', '2026-03-31'],
      ['每月更新（2026年3月）', '2026-03-31'],
    ]);
    // 5 working days after 1 April skip the 清明 holiday (4–6 April): the limit is 9 April.
    expect((await s.supervision.listDueSoon(c.fgj.id)).map((t) => t.title)).toEqual(['清明后到期']);
    expect((await s.supervision.listDueSoon(c.fgj.id, 6)).map((t) => t.title)).toEqual([
      '清明后到期',
      '稍后到期',
    ]);
  });

  it('the daily job marks overdue tasks and reminds once per task per day, even run twice or concurrently', async () => {
    const [overdue, soon, later] = await plan([
      { title: '已过期', deadline: { date: '2026-03-20' }, units: [c.fgj.id] },
      { title: '快到期', deadline: { date: '2026-03-27' }, units: [c.fgj.id] },
      { title: '不急', deadline: { date: '2026-04-30' }, units: [c.fgj.id] },
      { title: '持续', deadline: { recurrence: 'continuous' }, units: [c.fgj.id] },
    ]);
    app.clock.set(at('2026-03-23'));
    expect(await s.supervision.runDailySweep()).toEqual({
      date: '2026-03-23',
      markedOverdue: 1,
      reminders: 2,
    });
    expect(await s.supervision.runDailySweep()).toBeNull();
    expect((await s.reports.listReminders('2026-03-23')).map((r) => [r.task_id, r.kind])).toEqual([
      [overdue, 'overdue'],
      [soon, 'due_soon'],
    ]);
    expect((await s.tasks.findTask(overdue as number))?.status).toBe('overdue');
    expect((await s.tasks.findTask(later as number))?.status).toBe('not_started');

    app.clock.set(at('2026-03-24'));
    const runs = await Promise.all([s.supervision.runDailySweep(), s.supervision.runDailySweep()]);
    expect(runs.filter((r) => r !== null)).toEqual([{ date: '2026-03-24', markedOverdue: 0, reminders: 2 }]);
    expect(await s.reports.listReminders('2026-03-24')).toHaveLength(2);
    const sweeps = (await app.auditRepo.list({}, 50)).filter((e) => e.action === 'task.daily_sweep');
    expect(sweeps.map((e) => e.actor_name)).toEqual(['任务督办定时任务', '任务督办定时任务']);
  });

  it('computes the quarterly bulletin against a hand-computed fixture', async () => {
    const swj = await c.unit('县税务局');
    const wjj = await c.unit('县卫生健康局');
    const swjClerk = await buildUser(app, swj, ['clerk']);
    const wjjClerk = await buildUser(app, wjj, ['clerk']);
    const [t1, t2, t3, t4, t5, t6, t7] = (await plan([
      { title: 'T1', deadline: { date: '2026-03-20' }, lead: [c.fgj.id], units: [c.czj.id] },
      { title: 'T2', deadline: { date: '2026-03-31' }, units: [c.fgj.id] },
      { title: 'T3', deadline: { date: '2026-06-30' }, units: [c.czj.id] },
      { title: 'T4', deadline: { date: '2026-02-27' }, units: [c.czj.id] },
      { title: 'T5', deadline: { recurrence: 'monthly' }, units: [c.fgj.id] },
      { title: 'T6', deadline: { date: '2026-03-31' }, units: [swj.id] },
      { title: 'T7', deadline: { date: '2026-03-31' }, units: [wjj.id] },
    ])) as [number, number, number, number, number, number, number];
    await reportAndAccept(c.fgjClerk, c.fgj.id, t5, '2026-03-05', '2026-03-06', false);
    await reportAndAccept(c.czjClerk, c.czj.id, t4, '2026-03-05', '2026-03-06', true); // late
    await reportAndAccept(c.fgjClerk, c.fgj.id, t5, '2026-03-10', '2026-03-10', false);
    await reportAndAccept(c.fgjClerk, c.fgj.id, t1, '2026-03-18', '2026-03-19', true);
    await reportAndAccept(c.czjClerk, c.czj.id, t3, '2026-03-25', '2026-03-26', true); // early
    await reportAndAccept(wjjClerk, wjj.id, t7, '2026-03-30', '2026-03-31', true);
    await reportAndAccept(swjClerk, swj.id, t6, '2026-04-02', '2026-04-03', true); // after the quarter
    app.clock.set(at('2026-03-12'));
    const returned = await s.reporting.submitReport(c.fgjClerk.ctx, t2, {
      unitId: c.fgj.id,
      reportDate: '2026-03-12',
      text: '草稿',
    });
    await s.reporting.returnReport(c.admin.ctx, returned, { comment: '请附链接' });

    // Issue 10: counted per unit over its own parts, and the monthly T5 per month. Hand-computed, Q1
    // seen after the quarter (as of 31 March):
    // 县发改局: T1 done 03-18 on time ✓, T2 open ✗, T5 January ✗ February ✗ March ✓ (reports 03-05,
    //   03-10) → 应完成 5, 已完成 2, 逾期 3; reports reviewed in Q1: 03-06, 03-10, 03-19 → 3.
    // 县财政局: T1 (its own part, never reported) ✗, T3 done early ✓, T4 done late ✓ → 3, 2, 逾期 1,
    //   late 1; reviewed 03-06, 03-26 → 2. (The old whole-task rule gave it 3 ÷ 3 for T1.)
    // 县税务局: T6 done 04-02, after the quarter → 1, 0, 逾期 1. 县卫健局: T7 done 03-30 → 1, 1.
    app.clock.set(at('2026-07-01'));
    const q1 = await s.supervision.quarterlyBulletin(c.county.id, 2026, 1);
    expect(q1).toMatchObject({ start: '2026-01-01', end: '2026-03-31', asOf: '2026-03-31', asOfNote: null });
    expect(q1.formula).toContain('已完成任务数 ÷ 应完成任务数');
    expect(
      q1.units.map((u) => [
        u.unitName,
        u.assigned,
        u.done,
        u.rateText,
        u.overdue,
        u.lateDone,
        u.acceptedReports,
      ]),
    ).toEqual([
      ['县发展和改革局', 5, 2, '2 ÷ 5 = 40.0%', 3, 0, 3],
      ['县财政局', 3, 2, '2 ÷ 3 = 66.7%', 1, 1, 2],
      ['县税务局', 1, 0, '0 ÷ 1 = 0.0%', 1, 0, 0],
      ['县卫生健康局', 1, 1, '1 ÷ 1 = 100.0%', 0, 0, 1],
    ]);
    expect(q1.overdueTasks.map((t) => [t.taskId, t.occurrence, t.units])).toEqual([
      [t5, '2026年1月', ['县发展和改革局']],
      [t5, '2026年2月', ['县发展和改革局']],
      [t1, null, ['县财政局']],
      [t2, null, ['县发展和改革局']],
      [t6, null, ['县税务局']],
    ]);
    expect(q1.goodCases).toEqual([{ unitName: '县卫生健康局', reason: '到期任务 1 项全部按时完成' }]);
    expect(q1.poorCases.map((p) => p.unitName)).toEqual(['县发展和改革局', '县财政局', '县税务局']);

    // Q2 (as of 30 June): 县税务局 T6 done late; 县发改局 adds April–June of T5, all missed → 8, 2, 6.
    const q2 = await s.supervision.quarterlyBulletin(c.county.id, 2026, 2);
    const swjLine = q2.units.find((u) => u.unitName === '县税务局');
    expect(swjLine).toMatchObject({ assigned: 1, done: 1, lateDone: 1, acceptedReports: 1, overdue: 0 });
    expect(q2.units.find((u) => u.unitName === '县发展和改革局')).toMatchObject({
      assigned: 8,
      done: 2,
      overdue: 6,
    });
  });
});
