import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCounty, buildUnit, buildUser, SYSTEM } from '../../../../test/support/factories.ts';
import { publishingFor } from '../../../../test/support/publishing.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../../test/support/test-app.ts';
import { AppError } from '../../../lib/errors.ts';
import type { Publishing } from '../publishing.services.ts';
import { ARTICLE_20_ITEMS, ARTICLE_21_COUNTY_ITEMS, ARTICLE_21_TOWNSHIP_ITEMS } from './column-template.ts';

describe(`columns on ${ENGINE}`, () => {
  let app: TestApp;
  let pub: Publishing;
  beforeEach(async () => {
    app = await createTestApp();
    pub = publishingFor(app);
  });
  afterEach(async () => app.destroy());

  const topLevel = async (unitId: number) =>
    (await pub.columns.listForUnit(unitId)).filter((c) => c.parent_id === null).map((c) => c.name);
  const statutoryChildren = async (unitId: number) => {
    const all = await pub.columns.listForUnit(unitId);
    const statutory = all.find((c) => c.template_key === 'statutory')!;
    return all.filter((c) => c.parent_id === statutory.id);
  };

  it('gives every new unit the 政府信息公开 template in its creating transaction, audited', async () => {
    const { county } = await buildCounty(app);
    expect(await topLevel(county.id)).toEqual([
      '政府信息公开指南',
      '政府信息公开制度',
      '法定主动公开内容',
      '政策解读',
      '政府信息公开年报',
      '依申请公开',
    ]);
    const guide = (await pub.columns.listForUnit(county.id)).find((c) => c.template_key === 'guide')!;
    expect(guide.kind).toBe('page');
    expect(guide.responsible_unit_id).toBe(county.id);
    const children = await statutoryChildren(county.id);
    expect(children).toHaveLength(ARTICLE_20_ITEMS.length + ARTICLE_21_COUNTY_ITEMS.length);
    expect(children[0]!.path).toMatch(new RegExp(`^/\\d+/${children[0]!.id}/$`));
    const actions = (await app.auditRepo.list({}, 100)).map((e) => e.action);
    expect(actions.filter((a) => a === 'column.template_create')).toHaveLength(3);
  });

  it('gives townships the township 第二十一条 items and villages only 第二十条', async () => {
    const { county } = await buildCounty(app);
    const town = await buildUnit(app, county, { name: '某镇人民政府', kind: 'township' });
    const village = await buildUnit(app, town, { name: '某村', kind: 'village' });
    const townItems = (await statutoryChildren(town.id)).map((c) => c.name);
    expect(townItems).toContain('宅基地使用情况审核');
    expect(townItems).toHaveLength(ARTICLE_20_ITEMS.length + ARTICLE_21_TOWNSHIP_ITEMS.length);
    expect(await statutoryChildren(village.id)).toHaveLength(ARTICLE_20_ITEMS.length);
  });

  it('creates the template for units that existed before, once', async () => {
    const db = app.database.db;
    const { county } = await buildCounty(app);
    await db
      .deleteFrom('site_columns')
      .where('unit_id', '=', county.id)
      .where('parent_id', 'is not', null)
      .execute();
    await db.deleteFrom('site_columns').where('unit_id', '=', county.id).execute();
    expect(await pub.columns.createTemplatesForExistingUnits(SYSTEM)).toBe(1);
    expect(await topLevel(county.id)).toHaveLength(6);
    expect(await pub.columns.createTemplatesForExistingUnits(SYSTEM)).toBe(0);
  });

  it('adds a column the template gained later (政策解读) to a unit that has the rest, once and audited', async () => {
    const db = app.database.db;
    const { county } = await buildCounty(app);
    const before = await pub.columns.listForUnit(county.id);
    await db
      .deleteFrom('site_columns')
      .where('unit_id', '=', county.id)
      .where('template_key', '=', 'policy_interpretation')
      .execute();
    const audits = (await app.auditRepo.list({}, 500)).length;
    expect(await pub.columns.createTemplatesForExistingUnits(SYSTEM)).toBe(1);
    const after = await pub.columns.listForUnit(county.id);
    expect(after).toHaveLength(before.length);
    expect(after.filter((c) => c.template_key === 'policy_interpretation')).toHaveLength(1);
    expect(await app.auditRepo.list({}, 500)).toHaveLength(audits + 1);
    expect(await pub.columns.createTemplatesForExistingUnits(SYSTEM)).toBe(0);
  });

  it('lets only the 政务公开管理员 create, edit, move and deactivate columns, each audited', async () => {
    const { county, dept } = await buildCounty(app);
    const admin = await buildUser(app, county, ['disclosure_admin']);
    const clerk = await buildUser(app, county, ['clerk']);
    const input = {
      name: '乡村振兴',
      kind: 'list',
      updateCycle: 'monthly',
      responsibleUnitId: String(dept.id),
    };
    await expect(pub.columns.createColumn(clerk.ctx, county.id, null, input)).rejects.toMatchObject({
      code: 'forbidden',
    });
    const topic = await pub.columns.createColumn(admin.ctx, county.id, null, input);
    expect(topic).toMatchObject({
      kind: 'list',
      update_cycle: 'monthly',
      responsible_unit_id: dept.id,
      template_key: null,
    });
    const sub = await pub.columns.createColumn(admin.ctx, county.id, topic.id, {
      ...input,
      name: '政策文件',
    });
    expect(sub.path).toBe(`${topic.path}${sub.id}/`);
    const updated = await pub.columns.updateColumn(admin.ctx, topic.id, {
      ...input,
      name: '乡村振兴专栏',
      kind: 'link',
      externalUrl: 'https://www.gov.cn/',
    });
    expect(updated).toMatchObject({ name: '乡村振兴专栏', external_url: 'https://www.gov.cn/' });
    const rules = (await pub.columns.listForUnit(county.id)).find((c) => c.template_key === 'rules')!;
    await pub.columns.moveColumn(admin.ctx, topic.id, rules.id);
    const movedSub = await pub.columns.get(sub.id);
    expect(movedSub.path).toBe(`${rules.path}${topic.id}/${sub.id}/`);
    expect(movedSub.depth).toBe(2);
    await expect(pub.columns.setActive(admin.ctx, topic.id, false)).rejects.toMatchObject({
      code: 'conflict',
    });
    await pub.columns.setActive(admin.ctx, sub.id, false);
    await pub.columns.setActive(admin.ctx, topic.id, false);
    expect((await pub.columns.listActiveForUnit(county.id)).map((c) => c.id)).not.toContain(topic.id);
    const actions = (await app.auditRepo.list({}, 200)).map((e) => e.action);
    for (const a of ['column.create', 'column.update', 'column.move', 'column.deactivate'])
      expect(actions).toContain(a);
  });

  it('refuses invalid input, moves into its own subtree or another unit, listing every problem', async () => {
    const { county, dept } = await buildCounty(app);
    const admin = await buildUser(app, county, ['disclosure_admin']);
    const err = await pub.columns
      .createColumn(admin.ctx, county.id, null, { name: '', kind: 'link', updateCycle: 'x' })
      .catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).problems.map((p) => p.field).sort()).toEqual(['name', 'updateCycle']);
    const linkErr = await pub.columns
      .createColumn(admin.ctx, county.id, null, { name: '外链', kind: 'link', updateCycle: 'as_needed' })
      .catch((e) => e);
    expect((linkErr as AppError).problems.map((p) => p.field)).toEqual(['externalUrl']);
    const all = await pub.columns.listForUnit(county.id);
    const statutory = all.find((c) => c.template_key === 'statutory')!;
    const child = all.find((c) => c.parent_id === statutory.id)!;
    await expect(pub.columns.moveColumn(admin.ctx, statutory.id, child.id)).rejects.toMatchObject({
      code: 'validation',
    });
    const deptColumn = (await pub.columns.listForUnit(dept.id))[0]!;
    await expect(pub.columns.moveColumn(admin.ctx, statutory.id, deptColumn.id)).rejects.toMatchObject({
      code: 'validation',
    });
  });

  it('sanitises the text of a 单页 column', async () => {
    const { county } = await buildCounty(app);
    const admin = await buildUser(app, county, ['disclosure_admin']);
    const page = await pub.columns.createColumn(admin.ctx, county.id, null, {
      name: '机构概况',
      kind: 'page',
      updateCycle: 'as_needed',
      pageHtml: '<p onclick="x()">职能</p><script>alert(1)</script>',
    });
    expect(page.page_html).toBe('<p>职能</p>');
  });
});
