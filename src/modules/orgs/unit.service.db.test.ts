import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCounty, buildUnit, buildUser, SYSTEM } from '../../../test/support/factories.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import { AppError } from '../../lib/errors.ts';

describe(`units on ${ENGINE}`, () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp();
  });
  afterEach(async () => app.destroy());

  const auditActions = async () =>
    (await app.auditRepo.list({ action: 'unit.' }, 100)).map((e) => e.action).reverse();

  it('creates a tree with materialised paths and audits each creation', async () => {
    const { county, dept } = await buildCounty(app);
    const village = await buildUnit(app, dept, { name: '某村', kind: 'village' });
    expect(county.path).toBe(`/${county.id}/`);
    expect(dept.path).toBe(`/${county.id}/${dept.id}/`);
    expect(village.path).toBe(`${dept.path}${village.id}/`);
    expect(village.depth).toBe(2);
    expect(await auditActions()).toEqual(['unit.create', 'unit.create', 'unit.create', 'unit.create']);
  });

  it('validates every field at once, naming each, and writes nothing', async () => {
    const { county } = await buildCounty(app);
    const before = (await app.unitRepo.listAll()).length;
    const err = await app.units
      .createUnit(SYSTEM, county.id, {
        kind: 'nope',
        name: '',
        creditCode: '91350100M000100Y44',
        email: 'bad',
        postcode: '12',
        website: 'ftp://x',
      })
      .catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).problems.map((p) => p.field).sort()).toEqual([
      'creditCode',
      'email',
      'kind',
      'name',
      'postcode',
      'website',
    ]);
    expect((err as AppError).problems.find((p) => p.field === 'creditCode')!.message).toMatch(
      /统一社会信用代码/,
    );
    expect((await app.unitRepo.listAll()).length).toBe(before);
  });

  it('accepts and flags a legacy 9-character organisation code; refuses duplicate codes', async () => {
    const { county } = await buildCounty(app);
    const legacy = await buildUnit(app, county, { name: '老单位', creditCode: 'D2143569-X' });
    expect(legacy.credit_code_legacy).toBe(1);
    const modern = await buildUnit(app, county, { name: '新单位', creditCode: '91350100M000100Y43' });
    expect(modern.credit_code).toBe('91350100M000100Y43');
    expect(modern.credit_code_legacy).toBe(0);
    await expect(buildUnit(app, county, { name: '重复', creditCode: '91350100M000100Y43' })).rejects.toThrow(
      AppError,
    );
  });

  it('moves a subtree, rewriting the paths below it, and refuses cycles', async () => {
    const { county, dept, other } = await buildCounty(app);
    const child = await buildUnit(app, dept, { name: '下属单位', kind: 'institution' });
    await app.units.moveUnit(SYSTEM, dept.id, other.id);
    const moved = await app.units.get(dept.id);
    expect(moved.parent_id).toBe(other.id);
    expect(moved.path).toBe(`/${county.id}/${other.id}/${dept.id}/`);
    expect((await app.units.get(child.id)).path).toBe(`${moved.path}${child.id}/`);
    expect((await app.units.get(child.id)).depth).toBe(3);
    await expect(app.units.moveUnit(SYSTEM, other.id, child.id)).rejects.toMatchObject({
      code: 'validation',
    });
  });

  it('deactivates only leaves, never deletes, and hides inactive units from public lists', async () => {
    const { dept } = await buildCounty(app);
    const child = await buildUnit(app, dept, { name: '下属单位', kind: 'institution' });
    await expect(app.units.setActive(SYSTEM, dept.id, false)).rejects.toMatchObject({ code: 'conflict' });
    await app.units.setActive(SYSTEM, child.id, false);
    await app.units.setActive(SYSTEM, dept.id, false);
    expect((await app.unitRepo.listActive()).map((u) => u.id)).not.toContain(dept.id);
    expect((await app.unitRepo.listAll()).map((u) => u.id)).toContain(dept.id);
  });

  it("the cached list of active units follows this process's changes at once", async () => {
    const { dept } = await buildCounty(app);
    expect((await app.units.activeUnits()).map((u) => u.id)).toContain(dept.id);
    await app.units.setActive(SYSTEM, dept.id, false);
    expect((await app.units.activeUnits()).map((u) => u.id)).not.toContain(dept.id);
    const added = await buildUnit(app, null, { name: '新顶级单位' });
    expect((await app.units.activeUnits()).map((u) => u.id)).toContain(added.id);
    await app.units.updateUnit(SYSTEM, added.id, { kind: 'government', name: '改名顶级单位' });
    expect((await app.units.activeUnits()).find((u) => u.id === added.id)?.name).toBe('改名顶级单位');
  });

  it('only a 系统管理员 of an enclosing unit may manage a unit', async () => {
    const { county, dept, other } = await buildCounty(app);
    const deptAdmin = await buildUser(app, dept, ['system_admin']);
    const security = await buildUser(app, county, ['security_admin']);
    await app.units.updateUnit(deptAdmin.ctx, dept.id, { kind: 'department', name: '改名后的发改局' });
    expect((await app.units.get(dept.id)).name).toBe('改名后的发改局');
    await expect(
      app.units.updateUnit(deptAdmin.ctx, other.id, { kind: 'department', name: 'x' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      app.units.createUnit(security.ctx, county.id, { kind: 'department', name: 'x' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const last = (await app.auditRepo.list({ action: 'unit.update' }, 1))[0]!;
    expect(JSON.parse(last.after_json!)).toEqual({ name: '改名后的发改局' });
    expect(last.actor_user_id).toBe(deptAdmin.id);
  });

  it('adds and removes leaders (领导信息)', async () => {
    const { county } = await buildCounty(app);
    await app.units.addLeader(SYSTEM, county.id, { name: '张三', title: '县长', duties: '主持全面工作' });
    const [leader] = await app.unitRepo.leaders(county.id);
    expect(leader).toMatchObject({ name: '张三', title: '县长' });
    await expect(app.units.addLeader(SYSTEM, county.id, { name: '', title: '' })).rejects.toMatchObject({
      problems: [{ field: 'name' }, { field: 'title' }],
    });
    await app.units.removeLeader(SYSTEM, leader!.id);
    expect(await app.unitRepo.leaders(county.id)).toEqual([]);
  });

  it('rolls back the change when a created-hook fails: nothing half-written, no audit row', async () => {
    const { county } = await buildCounty(app);
    const auditBefore = await app.auditRepo.count({});
    app.units.onUnitCreated(async () => {
      throw new Error('boom');
    });
    await expect(buildUnit(app, county, { name: '失败的单位' })).rejects.toThrow('boom');
    expect((await app.unitRepo.listAll()).map((u) => u.name)).not.toContain('失败的单位');
    expect(await app.auditRepo.count({})).toBe(auditBefore);
    expect(await app.auditRepo.verify()).toBeNull();
  });
});
