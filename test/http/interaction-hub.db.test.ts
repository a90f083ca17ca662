/**
 * HTTP: the 互动交流 hub and the public links modules add — the main-navigation entry, footer links that
 * carry the current page, and the hub page that lists the installed 政民互动 channels.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODULES } from '../../src/modules.ts';
import { defineModule } from '../../src/platform/module.ts';
import { buildCounty } from '../support/factories.ts';
import { Browser, startTestServer } from '../support/http.ts';
import { createTestApp, ENGINE, type TestApp } from '../support/test-app.ts';

/** A module that only adds a footer link carrying the page it is on. */
const footerModule = defineModule({
  name: 'footer-probe',
  label: '页脚链接',
  needs: [],
  build: () => null,
  provides: [],
  expose: () => ({}),
  footerLinks: [{ href: '/report-error', label: '我为政府网站找错', pageParam: 'page' }],
});

describe(`HTTP: the 互动交流 hub and modules' public links on ${ENGINE}`, () => {
  let app: TestApp;
  let server: FastifyInstance;
  beforeAll(async () => {
    app = await createTestApp({ modules: [...MODULES, footerModule] });
    await buildCounty(app);
    server = await startTestServer(app);
  });
  afterAll(async () => {
    await server.close();
    await app.destroy();
  });

  it('puts 互动交流 in the main navigation of every public page, marked current on the hub', async () => {
    const b = new Browser(server);
    const home = await b.get('/units');
    expect(home.statusCode).toBe(200);
    expect(home.body).toMatch(/<a href="\/interaction">互动交流<\/a>/);
    const hub = await b.get('/interaction');
    expect(hub.statusCode).toBe(200);
    expect(hub.body).toMatch(/<a href="\/interaction" aria-current="page">互动交流<\/a>/);
    expect(hub.body).toContain('<h1>互动交流</h1>');
  });

  it("adds a module's footer link with the address of the page it is on", async () => {
    const res = await new Browser(server).get('/units');
    expect(res.body).toContain('href="/report-error?page=%2Funits"');
    const other = await new Browser(server).get('/accessibility');
    expect(other.body).toContain('href="/report-error?page=%2Faccessibility"');
  });

  it('shows every installed 政民互动 channel with a link to its own page', async () => {
    const res = await new Browser(server).get('/interaction');
    for (const [href, title] of [
      ['/consultations', '意见征集'],
      ['/surveys', '在线调查'],
      ['/interviews', '在线访谈'],
    ])
      expect(res.body).toContain(`<a href="${href}">${title}</a>`);
  });

  it('lists the hub in the sitemap', async () => {
    const res = await new Browser(server).get('/sitemap.xml');
    expect(res.body).toContain('/interaction</loc>');
  });
});

describe(`HTTP: the 互动交流 hub without channel modules on ${ENGINE}`, () => {
  let app: TestApp;
  let server: FastifyInstance;
  beforeAll(async () => {
    const channels = new Set(['letters', 'consultations', 'surveys', 'interviews', 'open-days']);
    app = await createTestApp({ modules: MODULES.filter((m) => !channels.has(m.name)) });
    await buildCounty(app);
    server = await startTestServer(app);
  });
  afterAll(async () => {
    await server.close();
    await app.destroy();
  });

  it('still has the page, and says that no channel is open', async () => {
    const res = await new Browser(server).get('/interaction');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('本网站暂未开通互动交流栏目');
    expect(res.body).not.toContain('<a href="/consultations">');
  });
});
