import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildUser } from '../../../test/support/factories.ts';
import { publishDocument } from '../../../test/support/publishing.ts';
import { demoCounty, taskServices } from '../../../test/support/tasks.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import type { AppError } from '../../lib/errors.ts';

const ITEM = {
  level1: '优化营商环境',
  level2: '惠企政策',
  content: '惠企政策文件及解读',
  timeLimit: '信息形成或者变更之日起20个工作日内',
  publisher: '县发改局',
  channels: ['政府网站'],
  audiences: ['全社会'],
  ways: ['主动'],
  levels: ['县级'],
};

describe(`catalogue items as task evidence on ${ENGINE}`, () => {
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
      tasks: [{ number: '1', title: '公开惠企政策', deadline: { date: '2026-12-31' }, unitIds: [c.fgj.id] }],
    });
    taskId = taskIds[0]!;
    const column = await app.publishing.columns.createColumn(c.admin.ctx, c.fgj.id, null, {
      name: '惠企政策',
      kind: 'list',
      updateCycle: 'monthly',
      responsibleUnitId: String(c.fgj.id),
    });
    columnId = typeof column === 'number' ? column : (column as { id: number }).id;
  });
  afterEach(async () => app.destroy());

  const addItem = (columnIds: number[]) =>
    app.catalogue.addItem(c.admin.ctx, c.fgj.id, { ...ITEM, columnIds: columnIds.map(String) });
  const reportDone = () =>
    s.reporting.submitReport(c.fgjClerk.ctx, taskId, {
      unitId: c.fgj.id,
      reportDate: '2026-03-02',
      text: '惠企政策已公开',
      done: true,
    });
  const acceptError = async (reportId: number) =>
    (await s.reporting.acceptReport(c.admin.ctx, reportId).catch((e: unknown) => e)) as AppError;

  it('an item without a column blocks acceptance as done: nothing shows it is published', async () => {
    const itemId = await addItem([]);
    await s.evidence.linkItem(c.admin.ctx, taskId, { itemId: String(itemId) });
    const [ev] = await s.evidence.itemEvidence(taskId);
    expect(ev).toMatchObject({ itemId, label: '优化营商环境 › 惠企政策', active: true, columns: [] });
    const err = await acceptError(await reportDone());
    expect(err.code).toBe('validation');
    expect(err.problems.map((p) => p.message).join()).toContain(
      '佐证目录事项“优化营商环境 › 惠企政策”未关联发布栏目',
    );
  });

  it("the item's columns must be fresh: empty blocks, after publishing the report is accepted", async () => {
    const itemId = await addItem([columnId]);
    await s.evidence.linkItem(c.admin.ctx, taskId, { itemId: String(itemId) });
    expect((await s.evidence.itemEvidence(taskId))[0]!.columns.map((x) => x.status)).toEqual(['empty']);
    const report = await reportDone();
    expect((await acceptError(report)).problems[0]!.message).toContain('的栏目“惠企政策”空栏目');
    const staff = {
      clerk: (await buildUser(app, c.fgj, ['clerk'])).ctx,
      confidentiality: (await buildUser(app, c.fgj, ['confidentiality_reviewer'])).ctx,
      reviewer: (await buildUser(app, c.fgj, ['reviewer'])).ctx,
    };
    await publishDocument(app.publishing, c.fgj, staff, {
      columnIds: [String(columnId)],
      title: '惠企政策汇编',
    });
    expect((await s.evidence.itemEvidence(taskId))[0]!.columns[0]).toMatchObject({
      status: 'fresh',
      documents: 1,
    });
    expect(await s.evidence.doneBlockers(taskId)).toEqual([]);
    await s.reporting.acceptReport(c.admin.ctx, report);
    expect((await app.tasks.repo.findTask(taskId))!.status).toBe('done');
  });

  it('a retired item no longer counts; linking is validated, audited and only for the office', async () => {
    const itemId = await addItem([]);
    await expect(
      s.evidence.linkItem(c.fgjClerk.ctx, taskId, { itemId: String(itemId) }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(s.evidence.linkItem(c.admin.ctx, taskId, { itemId: '' })).rejects.toMatchObject({
      problems: [{ field: 'itemId', message: '请选择目录事项' }],
    });
    await expect(s.evidence.linkItem(c.admin.ctx, taskId, { itemId: '999' })).rejects.toMatchObject({
      problems: [{ field: 'itemId', message: '佐证目录事项：事项不存在或已停用' }],
    });
    await s.evidence.linkItem(c.admin.ctx, taskId, { itemId: String(itemId) });
    await expect(s.evidence.linkItem(c.admin.ctx, taskId, { itemId: String(itemId) })).rejects.toMatchObject({
      problems: [{ field: 'itemId', message: '佐证目录事项：已关联该事项' }],
    });
    expect(await s.evidence.doneBlockers(taskId)).toHaveLength(1);
    await app.catalogue.retireItem(c.admin.ctx, itemId);
    expect((await s.evidence.itemEvidence(taskId))[0]!.active).toBe(false);
    expect(await s.evidence.doneBlockers(taskId)).toEqual([]);
    await s.evidence.unlinkItem(c.admin.ctx, taskId, itemId);
    expect(await s.evidence.itemEvidence(taskId)).toEqual([]);
    expect((await app.auditRepo.list({ action: 'task.' }, 5)).map((e) => e.action).slice(0, 2)).toEqual([
      'task.unlink_catalogue_item',
      'task.link_catalogue_item',
    ]);
  });
});
