/** Test factories built on the real services (and the demo seed), so tests exercise real code paths. */

import type { Unit } from '../../src/db/schema.ts';
import { type CallContext, NO_REQUEST, systemActor, type UserActor } from '../../src/lib/actor.ts';
import type { TestApp } from './test-app.ts';

export const SYSTEM: CallContext = { actor: systemActor('测试'), meta: NO_REQUEST };
export const PASSWORD = 'Test@2026pw';

export async function buildUnit(
  app: TestApp,
  parent: Unit | null,
  input: Partial<Record<string, unknown>> = {},
): Promise<Unit> {
  return app.units.createUnit(SYSTEM, parent?.id ?? null, {
    kind: parent ? 'department' : 'government',
    name: `单位${Math.random().toString(36).slice(2, 8)}`,
    ...input,
  });
}

/** A user with the given roles on `unit`, and the actor as the services see it. */
export async function buildUser(
  app: TestApp,
  unit: Unit,
  roles: string[],
  username = `u${Math.random().toString(36).slice(2, 9)}`,
): Promise<{ id: number; username: string; actor: UserActor; ctx: CallContext }> {
  const { id } = await app.users.createUser(
    SYSTEM,
    { username, displayName: '测试用户', unitId: unit.id },
    { password: PASSWORD, mustChange: false },
  );
  for (const role of roles) await app.users.grantRole(SYSTEM, id, { role, unitId: unit.id });
  const actor = await app.auth.buildActor(id);
  return { id, username, actor, ctx: { actor, meta: { ip: '127.0.0.1', userAgent: 'vitest' } } };
}

/** A county with two departments, for most service tests. */
export async function buildCounty(app: TestApp) {
  const county = await buildUnit(app, null, { name: '测试县人民政府', kind: 'government' });
  const dept = await buildUnit(app, county, { name: '测试县发展和改革局' });
  const other = await buildUnit(app, county, { name: '测试县财政局' });
  return { county, dept, other };
}
