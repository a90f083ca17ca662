/**
 * 0016-task-unit-parts on existing data: a task the old rule marked 已完成 after ONE unit's accepted 完成
 * report keeps only that unit's part done; its other parts open and its status recomputed.
 * The old data is made by running 0016 down (which writes the old whole-task rule back and drops the
 * part columns). Due dates are far in the past or future, so the migration's real "today" cannot
 * change the result.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrateDown, migrateUp, migrationStatus } from '../../src/db/migrator.ts';
import { demoCounty, taskServices } from '../support/tasks.ts';
import { createTestApp, ENGINE, type TestApp } from '../support/test-app.ts';

describe(`migration 0016-task-unit-parts on ${ENGINE}`, () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ now: '2026-03-02T02:00:00Z' });
  });
  afterEach(async () => app.destroy());

  it('gives each accepted 完成 report to its own unit only, and reopens tasks other units never finished', async () => {
    const s = taskServices(app);
    const c = await demoCounty(app);
    const both = { leadUnitIds: [c.fgj.id], unitIds: [c.czj.id] };
    const { taskIds } = await s.plans.confirmImport(c.admin.ctx, {
      ...{ unitId: c.county.id, year: 2026, title: '示范县2026年政务公开工作要点', source: '测试' },
      tasks: [
        { number: '1', title: '过期', deadline: { date: '2020-06-30' }, ...both },
        { number: '2', title: '远期', deadline: { date: '2099-12-31' }, ...both },
        { number: '3', title: '每月', deadline: { recurrence: 'monthly' }, ...both },
        { number: '4', title: '单一单位', deadline: { date: '2099-12-31' }, unitIds: [c.fgj.id] },
        { number: '5', title: '都已完成', deadline: { date: '2099-12-31' }, ...both },
      ],
    });
    const [overdue, future, monthly, single, all] = taskIds as number[] as [
      number,
      number,
      number,
      number,
      number,
    ];
    const done = async (who: typeof c.fgjClerk, unitId: number, taskId: number, on: string) => {
      app.clock.set(new Date(`${on}T02:00:00Z`));
      const id = await s.reporting.submitReport(who.ctx, taskId, {
        unitId,
        reportDate: on,
        text: '已完成',
        done: true,
      });
      await s.reporting.acceptReport(c.admin.ctx, id);
    };
    for (const t of [overdue, future, monthly, single, all])
      await done(c.fgjClerk, c.fgj.id, t, '2026-03-02');
    await done(c.czjClerk, c.czj.id, all, '2026-03-04');
    const db = app.database.db;
    const applied = async () =>
      (await migrationStatus(db)).find((m) => m.name === '0016-task-unit-parts')?.executedAt;

    // Later migrations come off first, then 0016 itself.
    const total = Object.keys(MIGRATIONS).length;
    for (let i = 0; i < total && (await applied()); i++) await migrateDown(db);
    expect(await applied()).toBeFalsy();
    const old = await db.selectFrom('tasks').select(['id', 'status', 'done_on']).orderBy('id').execute();
    // The old rule: one accepted 完成 report finished the whole task.
    expect(old.map((t) => [t.status, t.done_on])).toEqual(Array(5).fill(['done', '2026-03-02']));
    const columns = (await db.introspection.getTables()).find((t) => t.name === 'task_units')!.columns;
    expect(columns.map((col) => col.name).sort()).toEqual(['role', 'task_id', 'unit_id']);

    await migrateUp(db);
    expect(await applied()).toBeTruthy();
    const parts = await s.tasks.taskUnits(taskIds);
    const part = (taskId: number, unitId: number) => {
      const p = parts.find((x) => x.task_id === taskId && x.unit_id === unitId)!;
      return [p.done_on, p.done_report_id !== null];
    };
    expect(part(overdue, c.fgj.id)).toEqual(['2026-03-02', true]);
    expect(part(overdue, c.czj.id)).toEqual([null, false]);
    expect(part(all, c.czj.id)).toEqual(['2026-03-04', true]);
    const now = await db.selectFrom('tasks').select(['id', 'status', 'done_on']).orderBy('id').execute();
    expect(now.map((t) => [t.status, t.done_on])).toEqual([
      ['overdue', null], // due 2020: 县财政局 never finished
      ['in_progress', null], // due 2099, one part done
      ['ongoing', null], // recurring
      ['done', '2026-03-02'], // its only unit finished
      ['done', '2026-03-04'], // both finished: the last part's date
    ]);
    // The other unit of a reopened task may report again.
    await expect(
      s.reporting.submitReport(c.czjClerk.ctx, future, {
        unitId: c.czj.id,
        reportDate: '2026-03-04',
        text: '推进中',
      }),
    ).resolves.toBeGreaterThan(0);
  });
});
