/** The demo part 'surveys': a closed survey with 60 responses and published results, and an open one. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/db/seeds/demo.ts';
import { DEMO_CLOSED_RESPONSES } from '../../src/modules/surveys/survey-demo.ts';
import { Browser, startTestServer } from '../support/http.ts';
import { createTestApp, ENGINE, type TestApp } from '../support/test-app.ts';

describe(`demo surveys on ${ENGINE}`, () => {
  let app: TestApp;
  let server: FastifyInstance;

  beforeAll(async () => {
    app = await createTestApp();
    await seedDemo(app, () => {}, {
      tasks: false,
      documents: false,
      requests: false,
      policies: false,
      reports: false,
    });
    server = await startTestServer(app);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await app?.destroy();
  });

  it('has a closed survey with its responses and published results, and an open survey', async () => {
    const rows = await app.surveys.repo.listPublic();
    expect(rows.map((r) => r.state).sort()).toEqual(['closed', 'open']);
    const closed = rows.find((r) => r.state === 'closed')!;
    expect(closed.responses).toBe(DEMO_CLOSED_RESPONSES);
    expect(closed.results_published_at).not.toBeNull();
    const page = await new Browser(server).get(`/surveys/${closed.id}/results`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`共收到 ${DEMO_CLOSED_RESPONSES} 份答卷`);
    const open = rows.find((r) => r.state === 'open')!;
    const form = await new Browser(server).get(`/surveys/${open.id}`);
    expect(form.body).toContain('提交答卷');
    expect((await app.surveys.recentPublic(2))[0]?.title).toBe(open.title);
  });
});
