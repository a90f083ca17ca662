/**
 * Adding a module = its manifest + a line in the module list (+ its migrations): the example module
 * (src/modules/example) is added here to the list, and its route, menu entry, permission action, daily
 * job and demo-data part all work without any other file knowing about it.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/db/seeds/demo.ts';
import { DEMO_PASSWORD } from '../../src/db/seeds/demo-units.ts';
import { can } from '../../src/kernel/permissions.ts';
import { exampleModule } from '../../src/modules/example/example.module.tsx';
import { MODULES } from '../../src/modules.ts';
import { Browser, startTestServer } from '../support/http.ts';
import { createTestApp, ENGINE, type TestApp } from '../support/test-app.ts';

describe(`a module added by its manifest alone, on ${ENGINE}`, () => {
  let app: TestApp;
  let server: FastifyInstance;
  let seeded: string[];
  beforeAll(async () => {
    app = await createTestApp({ modules: [...MODULES, exampleModule] });
    seeded = [];
    await seedDemo(app, (m) => seeded.push(m), {
      tasks: false,
      documents: false,
      requests: false,
      policies: false,
    });
    server = await startTestServer(app);
  });
  afterAll(async () => {
    await server.close();
    await app.destroy();
  });

  it('serves its page to the role its action names, with its menu entry', async () => {
    const b = new Browser(server);
    await b.login('gkadmin', DEMO_PASSWORD);
    const res = await b.get('/admin/example/contacts');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('单位联系方式一览');
    expect(res.body).toContain('示范县人民政府');
    expect(res.body).toContain('href="/admin/example/contacts"');
  });

  it('refuses everyone else and hides the entry from them', async () => {
    const b = new Browser(server);
    await b.login('clerk', DEMO_PASSWORD);
    expect((await b.get('/admin/example/contacts')).statusCode).toBe(403);
    expect((await b.get('/admin')).body).not.toContain('/admin/example/contacts');
    const auditor = await app.auth.buildActor((await app.accounts.findUserByUsername('auditor'))!.id);
    expect(can(auditor, 'example.view')).toBe(false);
  });

  it('runs its daily job once a day under one id', async () => {
    expect(app.scheduler.list().filter((j) => j.name === 'example.daily-check')).toHaveLength(1);
    const first = await app.scheduler.runDue({ name: 'example.daily-check', ignoreHour: true });
    const again = await app.scheduler.runDue({ name: 'example.daily-check', ignoreHour: true });
    expect(first).toEqual([
      { name: 'example.daily-check', ran: true, result: { withoutPhone: expect.any(Number) } },
    ]);
    expect(again).toEqual([{ name: 'example.daily-check', ran: false }]);
    expect(await app.auditRepo.list({ action: 'example.daily_check' }, 5)).toHaveLength(1);
  });

  it('loads its part of the demo data after the units', () => {
    expect(seeded.at(-1)).toMatch(/^示例模块：\d+ 个单位的联系方式$/);
  });

  it('exists only where it is listed', async () => {
    const plain = await createTestApp();
    const s = await startTestServer(plain);
    try {
      expect((await new Browser(s).get('/admin/example/contacts')).statusCode).toBe(404);
      expect(plain.scheduler.list().map((j) => j.name)).not.toContain('example.daily-check');
    } finally {
      await s.close();
      await plain.destroy();
    }
  });
});
