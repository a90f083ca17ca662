import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/db/seeds/demo.ts';
import { DEMO_PASSWORD } from '../../src/db/seeds/demo-units.ts';
import { Browser, startTestServer } from '../support/http.ts';
import { createTestApp, ENGINE, type TestApp } from '../support/test-app.ts';

describe(`HTTP: a quarterly bulletin filed for publication on ${ENGINE}`, () => {
  let app: TestApp;
  let server: FastifyInstance;
  let office: Browser;
  beforeAll(async () => {
    app = await createTestApp({ now: '2026-12-01T02:00:00Z' });
    await seedDemo(app, undefined, {
      '*': false,
      tasks: true,
      documents: true,
      policies: true,
      reports: true,
    });
    server = await startTestServer(app);
    office = new Browser(server);
    await office.login('gkadmin', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await server.close();
    await app.destroy();
  });

  it('the running quarter cannot be filed; an ended one becomes a draft 通报 once, by form', async () => {
    const running = await office.get('/admin/tasks/bulletin?year=2026&quarter=4');
    expect(running.body).toContain('本季度尚未结束，季度结束后可将本通报生成为信息文稿');
    expect(running.body).not.toContain('生成通报文稿</button>');
    const url = '/admin/tasks/bulletin?year=2026&quarter=3';
    const page = await office.get(url);
    expect(page.body).toContain('生成通报文稿</button>');
    // The column named for 政务公开 work is suggested.
    expect(page.body).toMatch(/<option value="\d+" selected[^>]*>政务公开工作<\/option>/);
    const bad = await office.post(
      '/admin/tasks/bulletin/publish?year=2026&quarter=3',
      { columnId: '' },
      { csrfFrom: url },
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('请选择通报发布的栏目');
    const column = /<option value="(\d+)"[^>]*>政务公开工作<\/option>/.exec(page.body)![1]!;
    const ok = await office.post(
      '/admin/tasks/bulletin/publish?year=2026&quarter=3',
      { columnId: column },
      { csrfFrom: url },
    );
    expect(ok.statusCode).toBe(303);
    const docUrl = String(ok.headers.location);
    expect(docUrl).toMatch(/^\/admin\/documents\/\d+$/);
    const draft = await office.get(docUrl);
    expect(draft.statusCode).toBe(200);
    expect(draft.body).toContain('示范县人民政府2026年第三季度政务公开工作要点落实情况通报');
    const after = await office.get(url);
    expect(after.body).toContain(`href="${docUrl}"`);
    expect(after.body).not.toContain('生成通报文稿</button>');
  });
});
