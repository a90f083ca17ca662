import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCounty, buildUser, SYSTEM } from '../../../test/support/factories.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import type { AppError } from '../../lib/errors.ts';

describe(`accounts and roles on ${ENGINE}`, () => {
  let app: TestApp;
  let county: Awaited<ReturnType<typeof buildCounty>>;
  beforeEach(async () => {
    app = await createTestApp();
    county = await buildCounty(app);
  });
  afterEach(async () => app.destroy());

  it('a 安全管理员 creates an account with a one-time password that must be changed', async () => {
    const sec = await buildUser(app, county.county, ['security_admin']);
    const r = await app.users.createUser(sec.ctx, {
      username: 'newbie',
      displayName: '新人',
      unitId: String(county.dept.id),
    });
    expect(r.temporaryPassword).toMatch(/^.{12}$/);
    const created = await app.accounts.findUserByUsername('newbie');
    expect(created?.must_change_password).toBe(1);
    const [event] = await app.auditRepo.list({ action: 'user.create' }, 1);
    expect(event!.actor_user_id).toBe(sec.id);
    expect(event!.summary).toContain('newbie');
  });

  it('rejects bad input with a message per field and keeps nothing', async () => {
    const sec = await buildUser(app, county.county, ['security_admin']);
    const err = (await app.users
      .createUser(sec.ctx, { username: '坏 名字', displayName: '', unitId: '' })
      .catch((e) => e)) as AppError;
    expect(err.problems.map((p) => p.field).sort()).toEqual(['displayName', 'unitId', 'username']);
    expect(err.problems.find((p) => p.field === 'unitId')!.message).toBe('请选择所属单位');
    await buildUser(app, county.dept, [], 'taken');
    await expect(
      app.users.createUser(sec.ctx, { username: 'taken', displayName: 'x', unitId: county.dept.id }),
    ).rejects.toMatchObject({ problems: [{ field: 'username' }] });
  });

  it('enforces 三员分立 when granting roles', async () => {
    const sec = await buildUser(app, county.county, ['security_admin']);
    const target = await buildUser(app, county.county, ['system_admin']);
    await expect(
      app.users.grantRole(sec.ctx, target.id, { role: 'auditor', unitId: county.county.id }),
    ).rejects.toMatchObject({
      problems: [{ field: 'role', message: expect.stringContaining('三员分立') }],
    });
    const auditor = await buildUser(app, county.county, ['auditor']);
    await expect(
      app.users.grantRole(sec.ctx, auditor.id, { role: 'security_admin', unitId: county.county.id }),
    ).rejects.toMatchObject({ code: 'validation' });
    await app.users.grantRole(sec.ctx, target.id, { role: 'clerk', unitId: county.dept.id });
    expect((await app.users.grants(target.id)).map((g) => g.role)).toEqual(['system_admin', 'clerk']);
  });

  it('nobody grants roles to themselves; a 系统管理员 cannot manage accounts', async () => {
    const sec = await buildUser(app, county.county, ['security_admin']);
    await expect(
      app.users.grantRole(sec.ctx, sec.id, { role: 'clerk', unitId: county.dept.id }),
    ).rejects.toMatchObject({ code: 'validation' });
    const sys = await buildUser(app, county.county, ['system_admin']);
    await expect(
      app.users.createUser(sys.ctx, { username: 'x1234', displayName: 'x', unitId: county.dept.id }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('a department 安全管理员 sees and manages only accounts in its subtree', async () => {
    const sec = await buildUser(app, county.dept, ['security_admin']);
    const inside = await buildUser(app, county.dept, []);
    const outside = await buildUser(app, county.other, []);
    const visible = (await app.users.listVisible(sec.ctx)).map((u) => u.id);
    expect(visible).toContain(inside.id);
    expect(visible).not.toContain(outside.id);
    await expect(app.users.resetPassword(sec.ctx, outside.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      app.users.grantRole(sec.ctx, inside.id, { role: 'clerk', unitId: county.county.id }),
    ).rejects.toMatchObject({ code: 'validation' });
  });

  it('revoking a role is audited with what was removed', async () => {
    const target = await buildUser(app, county.dept, ['clerk', 'reviewer']);
    const grant = (await app.users.grants(target.id)).find((g) => g.role === 'reviewer')!;
    await app.users.revokeRole(SYSTEM, grant.id);
    expect((await app.users.grants(target.id)).map((g) => g.role)).toEqual(['clerk']);
    const [e] = await app.auditRepo.list({ action: 'role.revoke' }, 1);
    expect(JSON.parse(e!.before_json!)).toMatchObject({ role: 'reviewer', userId: target.id });
  });
});
