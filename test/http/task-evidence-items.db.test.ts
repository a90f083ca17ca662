import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/db/seeds/demo.ts';
import { DEMO_PASSWORD } from '../../src/db/seeds/demo-units.ts';
import { NO_REQUEST, systemActor } from '../../src/lib/actor.ts';
import { Browser, startTestServer } from '../support/http.ts';
import { createTestApp, ENGINE, type TestApp } from '../support/test-app.ts';

describe(`HTTP: catalogue items tied to a task on ${ENGINE}`, () => {
  let app: TestApp;
  let server: FastifyInstance;
  let office: Browser;
  let taskId: number;
  let itemId: number;
  beforeAll(async () => {
    app = await createTestApp({ now: '2026-11-23T02:00:00Z' });
    await seedDemo(app, undefined, { '*': false, tasks: true, reports: true });
    server = await startTestServer(app);
    office = new Browser(server);
    await office.login('gkadmin', DEMO_PASSWORD);
    const county = (await app.unitRepo.findByName('示范县人民政府'))!;
    const plan = (await app.tasks.repo.listPlans(county.id)).at(-1)!;
    taskId = (await app.tasks.repo.listTasks(plan.id))[0]!.id;
    const admin = { actor: systemActor('测试'), meta: NO_REQUEST };
    itemId = await app.catalogue.addItem(admin, county.id, {
      level1: '政策文件',
      level2: '县政府规范性文件',
      content: '县政府及办公室制发的行政规范性文件',
      publisher: '示范县人民政府',
      channels: ['政府网站'],
      audiences: ['全社会'],
      ways: ['主动'],
      levels: ['县级'],
    });
  });
  afterAll(async () => {
    await server.close();
    await app.destroy();
  });

  it('the office ties an item by form without JavaScript; a bad choice is named and nothing changes', async () => {
    const page = await office.get(`/admin/tasks/${taskId}`);
    expect(page.body).toContain('关联佐证目录事项');
    expect(page.body).toContain('政策文件 › 县政府规范性文件');
    const bad = await office.post(
      `/admin/tasks/${taskId}/catalogue-items`,
      { itemId: '' },
      { csrfFrom: `/admin/tasks/${taskId}` },
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('请选择目录事项');
    expect(await app.tasks.evidence.itemEvidence(taskId)).toEqual([]);
    const ok = await office.post(
      `/admin/tasks/${taskId}/catalogue-items`,
      { itemId: String(itemId) },
      { csrfFrom: `/admin/tasks/${taskId}` },
    );
    expect(ok.statusCode).toBe(303);
    const after = await office.get(`/admin/tasks/${taskId}`);
    expect(after.body).toContain('未关联发布栏目，无法核验');
    const unlink = await office.post(
      `/admin/tasks/${taskId}/catalogue-items/${itemId}/unlink`,
      {},
      { csrfFrom: `/admin/tasks/${taskId}` },
    );
    expect(unlink.statusCode).toBe(303);
    expect(await app.tasks.evidence.itemEvidence(taskId)).toEqual([]);
  });
});
