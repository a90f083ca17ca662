/**
 * Demo data, loaded on first start in demo mode (and by `gongkai seed --demo`). Uses the same
 * services as the application, acting as the system user, so every row is audited like real data.
 * The demo county's units and accounts come first; then every module's own part (its manifest's
 * `seed`), in their declared order.
 */

import { NO_REQUEST, systemActor } from '../../lib/actor.ts';
import type { ModuleManifest, Registry } from '../../platform/module.ts';
import type { Unit } from '../schema.ts';
import { DEMO_ACCOUNTS, DEMO_COUNTY, DEMO_PASSWORD } from './demo-units.ts';

const ctx = { actor: systemActor('演示数据初始化'), meta: NO_REQUEST };

type Node = typeof DEMO_COUNTY;

/** True when the database has no units yet (a fresh installation). */
export async function isEmpty(app: Registry): Promise<boolean> {
  return (await app.units.listAll()).length === 0;
}

export async function seedDemo(
  app: Registry & { modules: readonly ModuleManifest<any, any>[]; built(name: string): unknown },
  onProgress: (msg: string) => void = () => {},
  /**
   * Tests switch off the parts they do not need (each part can take seconds), by part name; `'*': false`
   * switches off every part not named `true` (so a part added later does not change such a test).
   */
  opts: Record<string, boolean | undefined> = {},
): Promise<{ units: number; users: number }> {
  let units = 0;
  const create = async (node: Node, parent: Unit | null, order: number) => {
    const { children, ...input } = node;
    const unit = await app.units.createUnit(ctx, parent?.id ?? null, { ...input, sortOrder: order });
    units++;
    for (const [i, child] of (children ?? []).entries()) await create(child as Node, unit, (i + 1) * 10);
  };
  onProgress('创建单位…');
  await create(DEMO_COUNTY, null, 0);
  const root = await app.units.findByName(DEMO_COUNTY.name);
  if (root) {
    await app.units.addLeader(ctx, root.id, { name: '张明', title: '县长', duties: '主持县政府全面工作。' });
    await app.units.addLeader(ctx, root.id, {
      name: '李华',
      title: '常务副县长',
      duties: '负责县政府常务工作，分管政务公开、发展改革、财政、税务。',
    });
  }
  onProgress(`已创建 ${units} 个单位，创建演示账户…`);
  for (const a of DEMO_ACCOUNTS) {
    const unit = await app.units.findByName(a.unit);
    if (!unit) throw new Error(`demo unit missing: ${a.unit}`);
    const { id } = await app.users.createUser(
      ctx,
      { username: a.username, displayName: a.displayName, unitId: unit.id },
      {
        password: DEMO_PASSWORD,
        mustChange: !app.config.DEMO_MODE,
      },
    );
    await app.users.grantRole(ctx, id, { role: a.role, unitId: unit.id });
  }
  onProgress(`已创建 ${DEMO_ACCOUNTS.length} 个演示账户`);
  const parts = app.modules
    .flatMap((m) => (m.seed ? [{ module: m.name, seed: m.seed }] : []))
    .sort((a, b) => a.seed.order - b.seed.order);
  for (const { module, seed } of parts) {
    if (!(opts[seed.part] ?? opts['*'] ?? true)) continue;
    onProgress(await seed.run(app.built(module), app));
  }
  return { units, users: DEMO_ACCOUNTS.length };
}
