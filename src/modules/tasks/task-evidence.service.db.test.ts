import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildUser } from '../../../test/support/factories.ts';
import { publishDocument } from '../../../test/support/publishing.ts';
import { demoCounty, taskServices } from '../../../test/support/tasks.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import type { AppError } from '../../lib/errors.ts';

describe(`automatic evidence from column freshness on ${ENGINE}`, () => {
  let app: TestApp;
  let s: ReturnType<typeof taskServices>;
  let c: Awaited<ReturnType<typeof demoCounty>>;
  let taskId: number;
  let columnId: number;
  beforeEach(async () => {
    app = await createTestApp({ now: '2026-03-02T02:00:00Z' });
    s = taskServices(app);
    c = await demoCounty(app);
    const { taskIds } = await s.plans.confirmImport(c.admin.ctx, {
      ...{
        unitId: c.county.id,
        year: 2026,
        title: '示范县2026年政务公开工作要点',
        source: '示范政办发〔2026〕1号',
      },
      tasks: [
        {
          number: '1',
          title: '设立优化营商环境专栏，每月更新',
          deadline: { recurrence: 'monthly' },
          unitIds: [c.fgj.id],
        },
      ],
    });
    taskId = taskIds[0]!;
    const column = await app.publishing.columns.createColumn(c.admin.ctx, c.fgj.id, null, {
      name: '优化营商环境',
      kind: 'list',
      updateCycle: 'monthly',
      responsibleUnitId: String(c.fgj.id),
    });
    columnId = typeof column === 'number' ? column : (column as { id: number }).id;
  });
  afterEach(async () => app.destroy());

  const staff = async () => ({
    clerk: (await buildUser(app, c.fgj, ['clerk'])).ctx,
    confidentiality: (await buildUser(app, c.fgj, ['confidentiality_reviewer'])).ctx,
    reviewer: (await buildUser(app, c.fgj, ['reviewer'])).ctx,
  });
  const reportDone = () =>
    s.reporting.submitReport(c.fgjClerk.ctx, taskId, {
      unitId: c.fgj.id,
      reportDate: '2026-03-02',
      text: '专栏已设立',
      done: true,
    });

  it('an empty column blocks acceptance as done, with the reason; after publishing it is accepted', async () => {
    await s.evidence.linkColumn(c.admin.ctx, taskId, { columnId: String(columnId) });
    expect((await s.evidence.evidence(taskId)).map((e) => e.status)).toEqual(['empty']);
    const r1 = await reportDone();
    const err = (await s.reporting.acceptReport(c.admin.ctx, r1).catch((e: unknown) => e)) as AppError;
    expect(err.code).toBe('validation');
    expect(err.problems[0]!.message).toContain('佐证栏目“优化营商环境”空栏目');
    await publishDocument(app.publishing, c.fgj, await staff(), {
      columnIds: [String(columnId)],
      title: '优化营商环境政策汇编',
    });
    const [ev] = await s.evidence.evidence(taskId);
    expect(ev).toMatchObject({ status: 'fresh', documents: 1, lastPublishedOn: '2026-03-02' });
    expect(await s.reporting.acceptReport(c.admin.ctx, r1)).toBe('done');
  });

  it('a column not updated within its cycle is stale and blocks; other reports are still accepted', async () => {
    await publishDocument(app.publishing, c.fgj, await staff(), { columnIds: [String(columnId)] });
    await s.evidence.linkColumn(c.admin.ctx, taskId, { columnId: String(columnId) });
    app.clock.set(new Date('2026-04-20T02:00:00Z'));
    const [ev] = await s.evidence.evidence(taskId);
    expect(ev!.status).toBe('stale');
    expect(ev!.explanation).toBe('最近发布 2026-03-02，距今 49 天；更新要求每月（31 天内），已超期');
    const progress = await s.reporting.submitReport(c.fgjClerk.ctx, taskId, {
      unitId: c.fgj.id,
      reportDate: '2026-04-20',
      text: '持续更新中',
    });
    expect(await s.reporting.acceptReport(c.admin.ctx, progress)).toBe('ongoing');
    const done = await s.reporting.submitReport(c.fgjClerk.ctx, taskId, {
      unitId: c.fgj.id,
      reportDate: '2026-04-20',
      text: '完成',
      done: true,
    });
    await expect(s.reporting.acceptReport(c.admin.ctx, done)).rejects.toMatchObject({ code: 'validation' });
  });

  it('only the 政务公开管理员 links columns; links are audited and validated', async () => {
    await expect(
      s.evidence.linkColumn(c.fgjClerk.ctx, taskId, { columnId: String(columnId) }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(s.evidence.linkColumn(c.admin.ctx, taskId, { columnId: '' })).rejects.toMatchObject({
      problems: [{ field: 'columnId', message: '请选择佐证栏目' }],
    });
    await s.evidence.linkColumn(c.admin.ctx, taskId, { columnId: String(columnId) });
    await expect(
      s.evidence.linkColumn(c.admin.ctx, taskId, { columnId: String(columnId) }),
    ).rejects.toMatchObject({ code: 'validation' });
    await s.evidence.unlinkColumn(c.admin.ctx, taskId, columnId);
    expect(await s.evidence.evidence(taskId)).toEqual([]);
    expect((await app.auditRepo.list({ action: 'task.' }, 5)).map((e) => e.action).slice(0, 2)).toEqual([
      'task.unlink_column',
      'task.link_column',
    ]);
  });
});
