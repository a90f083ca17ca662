import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoCounty, taskServices } from '../../../test/support/tasks.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import type { AppError } from '../../lib/errors.ts';
import { suggestedBulletinColumn } from './task-bulletin-publication.service.ts';

describe(`filing a quarterly bulletin as a 主动公开 draft on ${ENGINE}`, () => {
  let app: TestApp;
  let c: Awaited<ReturnType<typeof demoCounty>>;
  let columnId: number;
  beforeEach(async () => {
    // 1 December: the fourth quarter still runs, the third has ended.
    app = await createTestApp({ now: '2026-12-01T02:00:00Z' });
    c = await demoCounty(app);
    const s = taskServices(app);
    await s.plans.confirmImport(c.admin.ctx, {
      ...{ unitId: c.county.id, year: 2026, title: '示范县2026年政务公开工作要点', source: '测试' },
      tasks: [
        { number: '1', title: '公开预决算', deadline: { date: '2026-08-31' }, unitIds: [c.czj.id] },
        { number: '2', title: '公开惠企政策', deadline: { date: '2026-12-31' }, unitIds: [c.fgj.id] },
      ],
    });
    const col = await app.publishing.columns.createColumn(c.admin.ctx, c.county.id, null, {
      name: '政务公开工作',
      kind: 'list',
      updateCycle: 'quarterly',
    });
    columnId = (col as { id: number }).id;
  });
  afterEach(async () => app.destroy());

  const pub = () => app.tasks.bulletinPublication;
  const problemsOf = async (p: Promise<unknown>) => ((await p.catch((e: unknown) => e)) as AppError).problems;

  it('suggests the column named for bulletins or 政务公开 work, never the 主题日 one', () => {
    const cols = (...names: string[]) => names.map((name, id) => ({ id, name }));
    expect(suggestedBulletinColumn(cols('政务公开主题日', '政务公开工作', '工作通报'))).toBe(2);
    expect(suggestedBulletinColumn(cols('政务公开主题日', '政务公开工作'))).toBe(1);
    expect(suggestedBulletinColumn(cols('政务公开主题日', '政务公开'))).toBe(1);
    expect(suggestedBulletinColumn(cols('政务公开主题日', '优化营商环境'))).toBeNull();
  });

  it('files an ended quarter once: a draft 通报 in the column, linked and audited in one transaction', async () => {
    const { choices, suggested } = await pub().columnChoices(c.county.id);
    expect(suggested).toBe(columnId);
    expect(choices.map((x) => x.label)).toContain('政务公开工作');
    const id = await pub().draft(c.admin.ctx, c.county.id, 2026, 3, { columnId: String(columnId) });
    const doc = await app.publishing.documents.get(c.admin.ctx, id);
    expect(doc).toMatchObject({
      title: '示范县人民政府2026年第三季度政务公开工作要点落实情况通报',
      genre: '通报',
      state: 'draft',
    });
    expect(doc.body_html).toContain('一、各单位完成情况');
    expect(doc.body_html).toContain('县财政局');
    expect(doc.body_html).not.toContain('/admin/');
    expect(await pub().publication(c.county.id, 2026, 3)).toMatchObject({ documentId: id });
    const actions = (await app.auditRepo.list({}, 5)).map((e) => e.action);
    expect(actions.slice(0, 2).sort()).toEqual(['document.create', 'task.bulletin_draft']);
    expect(
      (await problemsOf(pub().draft(c.admin.ctx, c.county.id, 2026, 3, { columnId: String(columnId) })))[0]!
        .message,
    ).toContain('本季度通报已生成文稿');
  });

  it('refuses a quarter that still runs, a missing or foreign column, and people who are not the office', async () => {
    const count = async () =>
      Number(
        (
          await app.db
            .selectFrom('documents')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const running = await problemsOf(
      pub().draft(c.admin.ctx, c.county.id, 2026, 4, { columnId: String(columnId) }),
    );
    expect(running.map((p) => p.message)).toEqual([
      '本季度尚未结束，数据截至2026年12月1日，季度结束后才能发布本季度通报',
    ]);
    const none = await problemsOf(pub().draft(c.admin.ctx, c.county.id, 2026, 3, { columnId: '' }));
    expect(none).toEqual([{ field: 'columnId', message: '请选择通报发布的栏目' }]);
    const other = await app.publishing.columns.createColumn(c.admin.ctx, c.fgj.id, null, {
      name: '发改局栏目',
      kind: 'list',
      updateCycle: 'monthly',
    });
    const foreign = await problemsOf(
      pub().draft(c.admin.ctx, c.county.id, 2026, 3, { columnId: String((other as { id: number }).id) }),
    );
    expect(foreign).toEqual([{ field: 'columnId', message: '发布栏目：请选择本单位的信息列表栏目' }]);
    await expect(
      pub().draft(c.fgjClerk.ctx, c.county.id, 2026, 3, { columnId: String(columnId) }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await count()).toBe(before);
    expect(await pub().publication(c.county.id, 2026, 3)).toBeNull();
  });
});
