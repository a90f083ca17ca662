/**
 * Section 六 from the task ledger: the parts a unit carries in its upper unit's 工作要点 of the year, with
 * their status on 31 December. The county's 2026 plan gives 县发展和改革局 (F):
 *   1 due 06-30, F's 完成 report accepted 2026-03-02              已完成
 *   2 due 06-30, a progress report accepted; 完成 only 2027-01-10   推进中, 逾期 (open on 31 Dec)
 *   3 due 12-31, nothing                                           未开展 (the due date itself is in time)
 *   4 due 06-30, 财政局 leads, F marked 不适用                       not counted
 *   5 due 09-30, nothing                                           未开展, 逾期
 *   6 财政局 only                                                   not counted
 * plus a task of the county's 2025 plan and one of F's own 2026 plan: not counted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCounty, taskServices } from '../../../test/support/tasks.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';

describe(`the report's task summary on ${ENGINE}`, () => {
  let app: TestApp;
  let c: Awaited<ReturnType<typeof demoCounty>>;

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-03-02T02:00:00Z' });
    const s = taskServices(app);
    c = await demoCounty(app);
    const { fgj, czj, county, admin, fgjClerk } = c;
    const due = (date: string) => ({ deadline: { date } });
    const { taskIds } = await s.plans.confirmImport(admin.ctx, {
      ...{ unitId: county.id, year: 2026, title: '示范县2026年政务公开工作要点', source: '测试' },
      tasks: [
        { number: '1', title: '公开预决算', ...due('2026-06-30'), unitIds: [fgj.id] },
        { number: '2', title: '公开价格信息', ...due('2026-06-30'), unitIds: [fgj.id] },
        { number: '3', title: '年度总结', ...due('2026-12-31'), unitIds: [fgj.id] },
        { number: '4', title: '财政资金', ...due('2026-06-30'), leadUnitIds: [czj.id], unitIds: [fgj.id] },
        { number: '5', title: '项目审批公开', ...due('2026-09-30'), unitIds: [fgj.id] },
        { number: '6', title: '政府债务', ...due('2026-06-30'), unitIds: [czj.id] },
      ],
    });
    const [t1, t2, , t4] = taskIds as number[];
    await s.plans.confirmImport(admin.ctx, {
      ...{ unitId: county.id, year: 2025, title: '示范县2025年政务公开工作要点', source: '测试' },
      tasks: [{ number: '1', title: '去年的任务', ...due('2025-06-30'), unitIds: [fgj.id] }],
    });
    await s.plans.confirmImport(admin.ctx, {
      ...{ unitId: fgj.id, year: 2026, title: '县发改局2026年政务公开工作要点', source: '测试' },
      tasks: [{ number: '1', title: '本局自己的任务', ...due('2026-06-30'), unitIds: [fgj.id] }],
    });
    const report = (taskId: number, reportDate: string, done: boolean) =>
      s.reporting
        .submitReport(fgjClerk.ctx, taskId, { unitId: fgj.id, reportDate, text: '已公开', done })
        .then((id) => s.reporting.acceptReport(admin.ctx, id));
    await report(t1!, '2026-03-02', true);
    await report(t2!, '2026-03-02', false);
    await app.tasks.parts.markNotApplicable(admin.ctx, t4!, {
      unitId: String(fgj.id),
      reason: '本单位无此职能',
    });
    app.clock.set(new Date('2027-01-10T02:00:00Z'));
    await report(t2!, '2027-01-10', true);
    app.clock.set(new Date('2027-01-15T02:00:00Z'));
  }, 120_000);
  afterAll(async () => app.destroy());

  it('counts the unit’s parts of the upper plan of the year by their status on 31 December', async () => {
    const parts = await app.tasks.assessment.yearParts(c.fgj.id, 2026);
    expect(parts.map((p) => [p.number, p.status, p.progressed])).toEqual([
      ['1', 'done', true],
      ['2', 'overdue', true],
      ['3', 'not_started', false],
      ['5', 'overdue', false],
    ]);
  });

  it('writes the sentence into section 六 of a new report, or leaves the prompt when there is none', async () => {
    const sentence = '本年度承担上级政务公开工作要点任务4项，已完成1项，推进中1项，未开展2项（逾期2项）。';
    const created = await app.reports.reports.create(c.fgjClerk.ctx, c.fgj.id, 2026);
    expect(JSON.parse(created.sections).other).toContain(sentence);
    const none = await c.unit('县税务局');
    const view = await app.reports.reports.view(c.admin.ctx, none.id, 2026);
    expect(view.sections.other).toContain('【请填写：落实上级年度政务公开工作要点的情况】');
    expect(view.sections.other).not.toContain('本年度承担上级政务公开工作要点任务');
  });
});
