import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCounty, buildUser, PASSWORD, SYSTEM } from '../../../test/support/factories.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import type { AppError } from '../../lib/errors.ts';
import { LOCKOUT_MINUTES, LOCKOUT_THRESHOLD } from './auth.service.ts';

const META = { ip: '203.0.113.9', userAgent: 'vitest' };

describe(`log-in and sessions on ${ENGINE}`, () => {
  let app: TestApp;
  let user: Awaited<ReturnType<typeof buildUser>>;
  beforeEach(async () => {
    app = await createTestApp();
    const { dept } = await buildCounty(app);
    user = await buildUser(app, dept, ['clerk'], 'clerk1');
  });
  afterEach(async () => app.destroy());

  it('logs in, resolves the session to the actor with grants, and audits the log-in', async () => {
    const { token, info } = await app.auth.login(META, 'clerk1', PASSWORD);
    expect(info.actor).toMatchObject({ kind: 'user', username: 'clerk1', grants: [{ role: 'clerk' }] });
    expect((await app.auth.resolveSession(token))?.actor.userId).toBe(user.id);
    const [event] = await app.auditRepo.list({ action: 'auth.login' }, 1);
    expect(event).toMatchObject({ actor_user_id: user.id, ip: '203.0.113.9', user_agent: 'vitest' });
  });

  it(`locks the account after ${LOCKOUT_THRESHOLD} failures for ${LOCKOUT_MINUTES} minutes, even for the right password`, async () => {
    for (let i = 1; i < LOCKOUT_THRESHOLD; i++) {
      await expect(app.auth.login(META, 'clerk1', 'wrong')).rejects.toMatchObject({
        code: 'unauthenticated',
      });
    }
    const fifth = await app.auth.login(META, 'clerk1', 'wrong').catch((e: AppError) => e);
    expect(fifth).toMatchObject({ code: 'locked' });
    expect((fifth as AppError).message).toMatch(/连续 5 次密码错误.*锁定/);
    await expect(app.auth.login(META, 'clerk1', PASSWORD)).rejects.toMatchObject({ code: 'locked' });
    app.clock.advance(LOCKOUT_MINUTES * 60_000 + 1000);
    await expect(app.auth.login(META, 'clerk1', PASSWORD)).resolves.toBeDefined();
    const actions = (await app.auditRepo.list({ action: 'auth.' }, 20)).map((e) => e.action);
    expect(actions.filter((a) => a === 'auth.login_failed')).toHaveLength(4);
    expect(actions).toContain('auth.lockout');
    expect(actions).toContain('auth.login_locked');
  });

  it('a success resets the failure counter', async () => {
    for (let i = 0; i < LOCKOUT_THRESHOLD - 1; i++)
      await app.auth.login(META, 'clerk1', 'wrong').catch(() => {});
    await app.auth.login(META, 'clerk1', PASSWORD);
    await expect(app.auth.login(META, 'clerk1', 'wrong')).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('an administrator can unlock a locked account', async () => {
    for (let i = 0; i < LOCKOUT_THRESHOLD; i++) await app.auth.login(META, 'clerk1', 'wrong').catch(() => {});
    await app.users.unlock(SYSTEM, user.id);
    await expect(app.auth.login(META, 'clerk1', PASSWORD)).resolves.toBeDefined();
  });

  it('unknown usernames fail the same way and are audited', async () => {
    await expect(app.auth.login(META, 'nobody', 'x')).rejects.toMatchObject({
      code: 'unauthenticated',
      message: '用户名或密码不正确',
    });
    const [e] = await app.auditRepo.list({ action: 'auth.login_failed' }, 1);
    expect(e!.actor_name).toBe('nobody');
  });

  it('ends idle sessions after the configured minutes and keeps active ones alive', async () => {
    const { token } = await app.auth.login(META, 'clerk1', PASSWORD);
    app.clock.advance(29 * 60_000);
    expect(await app.auth.resolveSession(token)).not.toBeNull();
    app.clock.advance(29 * 60_000);
    expect(await app.auth.resolveSession(token)).not.toBeNull();
    app.clock.advance(31 * 60_000);
    expect(await app.auth.resolveSession(token)).toBeNull();
  });

  it('revokes sessions on log-out and when an administrator ends them', async () => {
    const a = await app.auth.login(META, 'clerk1', PASSWORD);
    await app.auth.logout({ actor: a.info.actor, meta: META }, a.info.sessionId);
    expect(await app.auth.resolveSession(a.token)).toBeNull();
    const b = await app.auth.login(META, 'clerk1', PASSWORD);
    await app.users.endSessions(SYSTEM, user.id);
    expect(await app.auth.resolveSession(b.token)).toBeNull();
  });

  it('forces a password change after an admin reset; the change enforces the policy', async () => {
    const temp = await app.users.resetPassword(SYSTEM, user.id);
    const { info } = await app.auth.login(META, 'clerk1', temp);
    expect(info.mustChangePassword).toBe(true);
    const ctx = { actor: info.actor, meta: META };
    const weak = await app.auth
      .changeOwnPassword(ctx, info.sessionId, { current: temp, next: 'short', confirm: 'other' })
      .catch((e: AppError) => e);
    expect((weak as AppError).problems.map((p) => p.field)).toEqual(
      expect.arrayContaining(['next', 'confirm']),
    );
    await app.auth.changeOwnPassword(ctx, info.sessionId, {
      current: temp,
      next: 'N3w-Passw0rd',
      confirm: 'N3w-Passw0rd',
    });
    expect((await app.auth.login(META, 'clerk1', 'N3w-Passw0rd')).info.mustChangePassword).toBe(false);
  });

  it('a deactivated account cannot log in', async () => {
    await app.users.setActive(SYSTEM, user.id, false);
    await expect(app.auth.login(META, 'clerk1', PASSWORD)).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});
