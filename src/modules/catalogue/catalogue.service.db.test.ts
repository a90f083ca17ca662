import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCounty, buildUser, SYSTEM } from '../../../test/support/factories.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import type { CatalogueService } from './catalogue.service.ts';
import { catalogueToXlsx } from './catalogue-xlsx.ts';

const ITEM = {
  level1: '社会救助',
  level2: '最低生活保障',
  content: '低保政策、办理流程',
  publisher: '县民政局',
  channels: ['政府网站'],
  audiences: ['全社会'],
  ways: ['主动'],
  levels: ['县级'],
};

describe(`catalogue on ${ENGINE}`, () => {
  let app: TestApp;
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let service: CatalogueService;
  beforeEach(async () => {
    app = await createTestApp();
    county = await buildCounty(app);
    service = app.catalogue;
  });
  afterEach(async () => app.destroy());

  it('adds, edits and retires items, audited; only a 政务公开管理员 may', async () => {
    const admin = await buildUser(app, county.county, ['disclosure_admin']);
    const clerk = await buildUser(app, county.dept, ['clerk']);
    const id = await service.addItem(admin.ctx, county.dept.id, ITEM);
    await expect(service.addItem(clerk.ctx, county.dept.id, ITEM)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await service.updateItem(admin.ctx, id, { ...ITEM, level2: '特困人员救助供养' });
    expect((await service.list(county.dept.id)).items.map((i) => i.level2)).toEqual(['特困人员救助供养']);
    await service.retireItem(admin.ctx, id);
    expect((await service.list(county.dept.id)).items).toEqual([]);
    expect((await app.auditRepo.list({ action: 'catalogue.' }, 10)).map((e) => e.action)).toEqual([
      'catalogue.retire',
      'catalogue.update',
      'catalogue.add',
    ]);
  });

  it('validates every field at once in Chinese', async () => {
    const err = await service
      .addItem(SYSTEM, county.dept.id, { level1: '', content: '', publisher: '', channels: ['信鸽'] })
      .catch((e) => e);
    expect(err.problems.map((p: { field: string }) => p.field).sort()).toEqual([
      'audiences',
      'channels',
      'content',
      'level1',
      'levels',
      'publisher',
      'ways',
    ]);
  });

  it('imports a spreadsheet all-or-nothing and exports it back', async () => {
    await service.addItem(SYSTEM, county.dept.id, ITEM);
    const good = await catalogueToXlsx('x', [
      {
        ...ITEM,
        id: 0,
        unitId: 0,
        position: 1,
        level2: null,
        basis: null,
        timeLimit: null,
        columnIds: [],
        channels: ['政府网站'],
      } as never,
      {
        ...ITEM,
        id: 0,
        unitId: 0,
        position: 2,
        level1: '涉农补贴',
        level2: null,
        basis: null,
        timeLimit: null,
        columnIds: [],
      } as never,
    ]);
    expect(await service.importXlsx(SYSTEM, county.dept.id, good)).toBe(2);
    expect((await service.list(county.dept.id)).items.map((i) => i.level1)).toEqual(['社会救助', '涉农补贴']);
    const bad = await catalogueToXlsx('x', [
      {
        ...ITEM,
        id: 0,
        unitId: 0,
        position: 1,
        level2: null,
        basis: null,
        timeLimit: null,
        columnIds: [],
        publisher: '',
      } as never,
    ]);
    await expect(service.importXlsx(SYSTEM, county.dept.id, bad)).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringContaining('未导入'),
    });
    expect((await service.list(county.dept.id)).items).toHaveLength(2);
    const out = await service.exportXlsx(county.dept.id);
    expect(out.fileName).toBe('测试县发展和改革局主动公开目录.xlsx');
    expect(out.body.subarray(0, 2).toString()).toBe('PK');
  });

  it("links items to the unit's own columns only (created from the 政府信息公开 template)", async () => {
    const own = await service.columnsOf(county.dept.id);
    const other = await service.columnsOf(county.other.id);
    expect(own.length).toBeGreaterThan(10);
    const id = await service.addItem(SYSTEM, county.dept.id, {
      ...ITEM,
      columnIds: [String(own[0]!.id), String(own[1]!.id)],
    });
    expect((await service.getItem(id)).item.columnIds.sort()).toEqual([own[0]!.id, own[1]!.id].sort());
    await expect(
      service.addItem(SYSTEM, county.dept.id, { ...ITEM, columnIds: [String(other[0]!.id)] }),
    ).rejects.toMatchObject({
      problems: [{ field: 'columnIds' }],
    });
  });
});
