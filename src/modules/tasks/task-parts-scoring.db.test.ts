/**
 * Issue 10: the bulletin and the 年度考核 count each unit's OWN parts. A fixture with hand-computed
 * numbers (the arithmetic is in the comments), on both engines.
 *
 * Plan 2026 of 示范县人民政府:
 *   A due 06-30: 县发改局 (lead) done 06-10 on time; 县财政局 done 07-15 late; 县税务局 never reports.
 *   B due 09-30: 县财政局 returned once (09-10), then done 09-20; 县卫健局 不适用.
 *   C 每季度: 县卫健局 reports 02-10 (Q1 met) and 08-05 (Q3 met); nothing in Q2 or Q4.
 *   D due 12-31: 县发改局 done 12-20 (after the 1 December view).
 */
import mammoth from 'mammoth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildUser } from '../../../test/support/factories.ts';
import { demoCounty, taskServices } from '../../../test/support/tasks.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import { buildBulletinDocx } from './task-bulletin-docx.ts';
import { buildLedgerMatrix } from './task-ledger.presenter.ts';

/** 10:00 in Shanghai on `date`. */
const at = (date: string) => new Date(`${date}T02:00:00Z`);

describe(`per-unit bulletin and scores on ${ENGINE}`, () => {
  let app: TestApp;
  let s: ReturnType<typeof taskServices>;
  let c: Awaited<ReturnType<typeof demoCounty>>;
  let ids: { A: number; B: number; C: number; D: number };
  let planId: number;
  const names = { fgj: '县发展和改革局', czj: '县财政局', swj: '县税务局', wjj: '县卫生健康局' };

  beforeEach(async () => {
    app = await createTestApp({ now: '2026-01-05T02:00:00Z' });
    s = taskServices(app);
    c = await demoCounty(app);
    const swj = await c.unit(names.swj);
    const wjj = await c.unit(names.wjj);
    const wjjClerk = await buildUser(app, wjj, ['clerk']);
    const r = await s.plans.confirmImport(c.admin.ctx, {
      ...{ unitId: c.county.id, year: 2026, title: '示范县2026年政务公开工作要点', source: '测试' },
      tasks: [
        {
          ...{ number: '1', title: 'A', deadline: { date: '2026-06-30' } },
          ...{ leadUnitIds: [c.fgj.id], unitIds: [c.czj.id, swj.id] },
        },
        { number: '2', title: 'B', deadline: { date: '2026-09-30' }, unitIds: [c.czj.id, wjj.id] },
        { number: '3', title: 'C', deadline: { recurrence: 'quarterly' }, unitIds: [wjj.id] },
        { number: '4', title: 'D', deadline: { date: '2026-12-31' }, unitIds: [c.fgj.id] },
      ],
    });
    planId = r.planId;
    const [A, B, C, D] = r.taskIds as [number, number, number, number];
    ids = { A, B, C, D };
    await app.tasks.parts.markNotApplicable(c.admin.ctx, B, { unitId: wjj.id, reason: '本单位无此职能' });
    const who = { fgj: c.fgjClerk, czj: c.czjClerk, wjj: wjjClerk };
    const unitOf = { fgj: c.fgj.id, czj: c.czj.id, wjj: wjj.id };
    const report = async (u: keyof typeof who, task: number, on: string, done: boolean, accept = true) => {
      app.clock.set(at(on));
      const id = await s.reporting.submitReport(who[u].ctx, task, {
        ...{ unitId: unitOf[u], reportDate: on, text: '已公开', done },
      });
      app.clock.set(
        at(on.replace(/-(\d\d)$/, (_m, d: string) => `-${String(Number(d) + 1).padStart(2, '0')}`)),
      );
      if (accept) await s.reporting.acceptReport(c.admin.ctx, id);
      else await s.reporting.returnReport(c.admin.ctx, id, { comment: '佐证不足' });
    };
    await report('wjj', C, '2026-02-10', false);
    await report('fgj', A, '2026-06-10', true);
    await report('czj', A, '2026-07-15', true);
    await report('wjj', C, '2026-08-05', false);
    await report('czj', B, '2026-09-10', true, false);
    await report('czj', B, '2026-09-20', true);
  });
  afterEach(async () => app.destroy());

  const line = (u: {
    unitName: string;
    assigned: number;
    done: number;
    overdue: number;
    lateDone: number;
    acceptedReports: number;
  }) => [u.unitName, u.assigned, u.done, u.overdue, u.lateDone, u.acceptedReports];

  it('Q3, after the quarter: each unit’s own parts; the unit that never reported is not praised', async () => {
    app.clock.set(at('2026-10-08'));
    const doc = await app.tasks.bulletins.document(c.county.id, 2026, 3);
    const b = doc.bulletin;
    expect(b).toMatchObject({ asOf: '2026-09-30', ended: true, asOfNote: null });
    // 县发改局: A ✓ on time (D is due later) → 1, 1; reviewed in Q3: none (A's on 06-11).
    // 县财政局: A ✓ late (07-15 > 06-30), B ✓ → 2, 2, late 1; reviewed in Q3: 07-16, 09-21 → 2.
    // 县税务局: A ✗ → 1, 0, 逾期 1.
    // 县卫健局: B 不适用 (not counted); C Q1 ✓, Q2 ✗, Q3 ✓ → 3, 2, 逾期 1; reviewed in Q3: 08-06 → 1.
    expect(b.units.map(line)).toEqual([
      [names.fgj, 1, 1, 0, 0, 0],
      [names.czj, 2, 2, 0, 1, 2],
      [names.swj, 1, 0, 1, 0, 0],
      [names.wjj, 3, 2, 1, 0, 1],
    ]);
    expect(b.units.map((u) => u.rateText)).toEqual([
      '1 ÷ 1 = 100.0%',
      '2 ÷ 2 = 100.0%',
      '0 ÷ 1 = 0.0%',
      '2 ÷ 3 = 66.7%',
    ]);
    // 表扬: only 县发改局 (县财政局 was late; 县税务局 did nothing).
    expect(b.goodCases).toEqual([{ unitName: names.fgj, reason: '到期任务 1 项全部按时完成' }]);
    expect(b.poorCases.map((p) => p.unitName)).toEqual([names.swj, names.wjj]);
    expect(b.overdueTasks.map((t) => [t.taskId, t.occurrence, t.units])).toEqual([
      [ids.A, null, [names.swj]],
      [ids.C, '2026年第二季度', [names.wjj]],
    ]);
    // 久未报送: 县税务局's part of A is open and it sent nothing in Q3; 县卫健局 reported on 08-05.
    expect(doc.stale.map((x) => [x.unitName, x.taskNumbers])).toEqual([[names.swj, ['1']]]);
  });

  it('Q4 seen on 1 December: tasks due 31 December are not yet due, and the page and .docx say so', async () => {
    app.clock.set(at('2026-12-01'));
    const doc = await app.tasks.bulletins.document(c.county.id, 2026, 4);
    const b = doc.bulletin;
    expect(b).toMatchObject({ asOf: '2026-12-01', ended: false });
    expect(b.asOfNote).toBe('本季度尚未结束，数据截至2026年12月1日');
    // Overdue as of 1 December: A (县税务局) and C's second quarter only — not D, not C's fourth.
    expect(b.overdueTasks.map((t) => [t.taskId, t.occurrence])).toEqual([
      [ids.A, null],
      [ids.C, '2026年第二季度'],
    ]);
    expect(b.notYetDue.map((t) => [t.taskId, t.occurrence, t.dueDate, t.units])).toEqual([
      [ids.D, null, '2026-12-31', [names.fgj]],
      [ids.C, '2026年第四季度', '2026-12-31', [names.wjj]],
    ]);
    // 县发改局: A ✓, D not yet due → 1, 1, 逾期 0.
    expect(b.units.find((u) => u.unitName === names.fgj)).toMatchObject({ assigned: 1, done: 1, overdue: 0 });
    const { value } = await mammoth.extractRawText({ buffer: await buildBulletinDocx(doc) });
    expect(value).toContain('本季度尚未结束，数据截至2026年12月1日');
    expect(value).toContain('本季度内尚未到期的任务');
    const overdueSection = value.slice(
      value.indexOf('二、逾期未完成任务'),
      value.indexOf('本季度内尚未到期'),
    );
    expect(overdueSection).toContain('1 A');
    expect(overdueSection).not.toContain('4 D');
  });

  it('年度考核: hand-computed scores per unit; no perfect score for doing nothing', async () => {
    app.clock.set(at('2026-12-20'));
    const d = await s.reporting.submitReport(c.fgjClerk.ctx, ids.D, {
      ...{ unitId: c.fgj.id, reportDate: '2026-12-20', text: '已公开', done: true },
    });
    await s.reporting.acceptReport(c.admin.ctx, d);
    app.clock.set(at('2027-01-05'));
    const { scores } = await app.tasks.assessment.yearScores(c.county.id, 2026);
    const by = (n: string) => scores.find((x) => x.unitName === n)!;
    // 县发改局: 完成 2 ÷ 2, 按时 2 ÷ 2, 采纳 2 ÷ 2 → 50×100% + 30×100% + 20×100% = 100 (earned).
    expect(by(names.fgj).counts).toEqual({ completion: '2 ÷ 2', timeliness: '2 ÷ 2', quality: '2 ÷ 2' });
    expect(by(names.fgj).score).toBeCloseTo(100, 5);
    // 县财政局: 完成 2 ÷ 2, 按时 1 ÷ 2 (A late), 采纳 2 ÷ 3 (B returned once)
    //   → 50×1 + 30×0.5 + 20×0.6667 = 50 + 15 + 13.333 = 78.333; × 4% = 3.13.
    expect(by(names.czj).counts).toEqual({ completion: '2 ÷ 2', timeliness: '1 ÷ 2', quality: '2 ÷ 3' });
    expect(by(names.czj).score).toBeCloseTo(78.333, 2);
    expect(by(names.czj).formula).toBe(
      '50×100.0% + 30×50.0% + 20×66.7% = 78.3 分；折合绩效考核 78.3 × 4% = 3.13 分',
    );
    // 县卫健局: C four quarters, Q1 and Q3 met → 完成 2 ÷ 4, 按时 2 ÷ 4, 采纳 2 ÷ 2; B 不适用 not counted
    //   → 50×0.5 + 30×0.5 + 20×1 = 25 + 15 + 20 = 60.
    expect(by(names.wjj).counts).toEqual({ completion: '2 ÷ 4', timeliness: '2 ÷ 4', quality: '2 ÷ 2' });
    expect(by(names.wjj).score).toBeCloseTo(60, 5);
    // 县税务局: 完成 0 ÷ 1, 按时 0 ÷ 1, no reviewed report (quality left out, 80 scaled to 100) → 0.
    expect(by(names.swj).rates).toEqual({ completion: 0, timeliness: 0, quality: null });
    expect(by(names.swj).score).toBe(0);
    expect(by(names.swj).formula).toBe(
      '50×0.0% + 30×0.0%（按 80 折算为 100） = 0.0 分；折合绩效考核 0.0 × 4% = 0.00 分',
    );
  });

  it('the ledger matrix shows each unit’s own part in its cell, and completion per unit', async () => {
    app.clock.set(at('2026-10-08'));
    const { tasks } = await s.plans.getPlan(planId);
    const states = await app.tasks.ledger.reportStates(tasks.map((t) => t.id));
    const m = buildLedgerMatrix(tasks, states, {}, '2026-10-08', '2026-10-15');
    const row = (id: number) =>
      m.rows.find((r) => r.id === id)!.cells.map((cell, i) => [m.columns[i]?.name, cell.part]);
    expect(row(ids.A)).toEqual([
      [names.fgj, 'done'],
      [names.czj, 'done'],
      [names.swj, 'overdue'],
      [names.wjj, null],
    ]);
    expect(row(ids.B).filter(([, p]) => p !== null)).toEqual([
      [names.czj, 'done'],
      [names.wjj, 'not_applicable'],
    ]);
    expect((await s.tasks.findTask(ids.A))?.status).toBe('overdue');
    expect(m.completion.map((x) => [x.unitName, x.done, x.total])).toEqual([
      [names.fgj, 1, 2],
      [names.czj, 2, 2],
      [names.swj, 0, 1],
      [names.wjj, 0, 1],
    ]);
  });
});
