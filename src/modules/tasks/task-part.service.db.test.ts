import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoCounty, taskServices } from '../../../test/support/tasks.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import type { AppError } from '../../lib/errors.ts';

describe(`per-unit parts: 不适用 on ${ENGINE}`, () => {
  let app: TestApp;
  let s: ReturnType<typeof taskServices>;
  let c: Awaited<ReturnType<typeof demoCounty>>;
  let shared: number;
  let single: number;
  beforeEach(async () => {
    app = await createTestApp({ now: '2026-03-02T02:00:00Z' });
    s = taskServices(app);
    c = await demoCounty(app);
    const { taskIds } = await s.plans.confirmImport(c.admin.ctx, {
      ...{ unitId: c.county.id, year: 2026, title: '示范县2026年政务公开工作要点', source: '测试' },
      tasks: [
        {
          ...{ number: '1', title: '公开预决算', deadline: { date: '2026-06-30' } },
          ...{ leadUnitIds: [c.fgj.id], unitIds: [c.czj.id] },
        },
        { number: '2', title: '单一单位', deadline: { date: '2026-06-30' }, unitIds: [c.fgj.id] },
      ],
    });
    [shared, single] = taskIds as [number, number];
  });
  afterEach(async () => app.destroy());

  const parts = async (taskId: number) =>
    (await s.tasks.taskUnits([taskId])).map((u) => [u.name, u.done_on, u.not_applicable_reason]);
  const problems = async (p: Promise<unknown>) => ((await p.catch((e: unknown) => e)) as AppError).problems;
  const submit = (who: typeof c.fgjClerk, unitId: number, taskId: number, done = false) =>
    s.reporting.submitReport(who.ctx, taskId, { unitId, reportDate: '2026-03-02', text: '已公开', done });
  const status = async (id: number) => (await s.tasks.findTask(id))?.status;

  it('marks a part 不适用 with a reason, audited; the other unit’s 完成 then completes the task; undo reopens it', async () => {
    expect(
      await app.tasks.parts.markNotApplicable(c.admin.ctx, shared, {
        unitId: String(c.czj.id),
        reason: '本单位无预决算公开职能',
      }),
    ).toBe('not_started');
    expect(await parts(shared)).toEqual([
      ['县发展和改革局', null, null],
      ['县财政局', null, '本单位无预决算公开职能'],
    ]);
    const [event] = await app.auditRepo.list({ action: 'task.part_not_applicable' }, 5);
    expect(event).toMatchObject({ target_type: 'task', target_id: String(shared) });
    expect(event?.summary).toContain('县财政局不适用（本单位无预决算公开职能）');
    // A 不适用 unit has nothing to report.
    expect(await problems(submit(c.czjClerk, c.czj.id, shared))).toEqual([
      { field: 'unitId', message: '“县财政局”已标为不适用，无需报送进展' },
    ]);
    await s.reporting.acceptReport(c.admin.ctx, await submit(c.fgjClerk, c.fgj.id, shared, true));
    expect(await s.tasks.findTask(shared)).toMatchObject({ status: 'done', done_on: '2026-03-02' });

    expect(await app.tasks.parts.undoNotApplicable(c.admin.ctx, shared, { unitId: c.czj.id })).toBe(
      'in_progress',
    );
    expect(await s.tasks.findTask(shared)).toMatchObject({ status: 'in_progress', done_on: null });
    expect(await app.auditRepo.list({ action: 'task.part_applicable' }, 5)).toHaveLength(1);
    expect(
      await problems(app.tasks.parts.undoNotApplicable(c.admin.ctx, shared, { unitId: c.czj.id })),
    ).toEqual([{ field: 'unitId', message: '“县财政局”未标为不适用' }]);
  });

  it('refuses, naming the fields, every reason at once, and changes nothing', async () => {
    expect(
      await problems(app.tasks.parts.markNotApplicable(c.admin.ctx, shared, { unitId: '', reason: ' ' })),
    ).toEqual([
      { field: 'unitId', message: '请选择责任单位' },
      { field: 'reason', message: '请填写不适用的理由' },
    ]);
    const other = await c.unit('县税务局');
    expect(
      await problems(
        app.tasks.parts.markNotApplicable(c.admin.ctx, shared, { unitId: other.id, reason: '无' }),
      ),
    ).toEqual([{ field: 'unitId', message: '所选单位不是此任务的责任单位' }]);
    await s.reporting.acceptReport(c.admin.ctx, await submit(c.fgjClerk, c.fgj.id, shared, true));
    expect(
      await problems(
        app.tasks.parts.markNotApplicable(c.admin.ctx, shared, { unitId: c.fgj.id, reason: '无' }),
      ),
    ).toEqual([{ field: 'unitId', message: '“县发展和改革局”承担的部分已完成，不能标为不适用' }]);
    await submit(c.czjClerk, c.czj.id, shared);
    expect(
      await problems(
        app.tasks.parts.markNotApplicable(c.admin.ctx, shared, { unitId: c.czj.id, reason: '无' }),
      ),
    ).toEqual([{ field: 'unitId', message: '“县财政局”有待审核的进展报告，请先审核' }]);
    expect(
      await problems(
        app.tasks.parts.markNotApplicable(c.admin.ctx, single, { unitId: c.fgj.id, reason: '无' }),
      ),
    ).toEqual([{ field: 'unitId', message: '任务至少须有一个承担的责任单位，不能全部标为不适用' }]);
    await expect(
      app.tasks.parts.markNotApplicable(c.fgjClerk.ctx, shared, { unitId: c.czj.id, reason: '无' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect((await parts(shared)).map((p) => p[2])).toEqual([null, null]);
    expect(await app.auditRepo.list({ action: 'task.part_not_applicable' }, 5)).toEqual([]);
    expect(await status(single)).toBe('not_started');
  });
});
