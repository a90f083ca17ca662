/** HTTP: the check settings page (/admin/publishing/checks) — permission, CSRF, validation, saving. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, PASSWORD } from '../../../../test/support/factories.ts';
import { Browser, startTestServer } from '../../../../test/support/http.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../../test/support/test-app.ts';
import { seedDemo } from '../../../db/seeds/demo.ts';
import { DEMO_PASSWORD } from '../../../db/seeds/demo-units.ts';
import { configToForm, severityField } from './check-settings.service.ts';
import { DEFAULT_PRE_PUBLICATION_CONFIG } from './pre-publication-checks.ts';

const PATH = '/admin/publishing/checks';

describe(`HTTP: check settings on ${ENGINE}`, () => {
  let app: TestApp;
  let server: FastifyInstance;
  const users: Record<string, Browser> = {};

  /** The default form as a browser posts it (repeated checkboxes as one string each). */
  const fields = (over: Record<string, string> = {}) => {
    const { requiredMetadata: _r, ...rest } = configToForm(DEFAULT_PRE_PUBLICATION_CONFIG) as Record<
      string,
      string
    >;
    return { ...rest, requiredMetadata: 'title', ...over };
  };

  beforeAll(async () => {
    app = await createTestApp();
    await seedDemo(app, () => {}, { '*': false, requests: true, policies: true, reports: true });
    server = await startTestServer(app);
    for (const name of ['clerk', 'reviewer', 'gkadmin']) {
      users[name] = new Browser(server);
      expect((await users[name].login(name, DEMO_PASSWORD)).statusCode).toBe(303);
    }
  });
  afterAll(async () => {
    await server?.close();
    await app?.destroy();
  });

  it('shows the form with the configuration in force, linked from the navigation', async () => {
    const page = await users.gkadmin!.get(PATH);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>发布前检查设置</h1>');
    expect(page.body).toContain(`<a href="${PATH}"`);
    // 密级标志 blocks by default: its select shows 阻止发布 chosen.
    expect(page.body).toMatch(
      /name="severity-secrecy-mark"[^>]*>(?:<option[^>]*>[^<]*<\/option>)*?<option value="block" selected[^>]*>阻止发布/,
    );
    expect(page.body).toContain('站内链接失效');
    expect(page.body).toContain('北朝鲜');
  });

  it('refuses normal editors and reviewers, and a POST without the CSRF token', async () => {
    for (const name of ['clerk', 'reviewer']) {
      expect((await users[name]!.get(PATH)).statusCode).toBe(403);
      const post = await users[name]!.post(PATH, fields(), { csrfFrom: '/admin' });
      expect(post.statusCode).toBe(403);
    }
    const noToken = await users.gkadmin!.post(PATH, fields(), { csrf: null });
    expect(noToken.statusCode).toBe(403);
    expect(await app.auditRepo.list({ action: 'publishing.check_settings' }, 5)).toEqual([]);
  });

  it('a 政务公开管理员 of a department neither sees nor opens the site-wide settings', async () => {
    const dept = await app.unitRepo.findByName('县发展和改革局');
    if (!dept) throw new Error('demo data missing');
    const deptAdmin = await buildUser(app, dept, ['disclosure_admin']);
    const b = new Browser(server);
    expect((await b.login(deptAdmin.username, PASSWORD)).statusCode).toBe(303);
    const home = await b.get('/admin');
    expect(home.body).toContain('href="/admin/columns"'); // manages its own columns
    expect(home.body).not.toContain(`href="${PATH}"`);
    expect(home.body).not.toContain('href="/admin/topics"');
    expect((await b.get(PATH)).statusCode).toBe(403);
    expect((await users.gkadmin!.get('/admin')).body).toContain('href="/admin/topics"');
  });

  it('shows every problem with the field named, keeping what was typed', async () => {
    const res = await users.gkadmin!.post(
      PATH,
      fields({ [severityField('typo')]: 'later', typos: '布署 部署\n截止目前', allowedHosts: '192.168.0.1' }),
      { csrfFrom: PATH },
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('请选择“常见错别字”的处理方式');
    expect(res.body).toContain('常见错别字第 2 行：须写成“错误写法 正确写法”');
    expect(res.body).toContain('允许链接的网站第 1 行：“192.168.0.1”不是有效的域名');
    expect(res.body).toContain('href="#f-typos"');
    expect(res.body).toContain('布署 部署\n截止目前</textarea>');
    expect(await app.publishing.checkSettings.load()).toBe(DEFAULT_PRE_PUBLICATION_CONFIG);
  });

  it('saves, audits and shows the saved values', async () => {
    const res = await users.gkadmin!.post(
      PATH,
      fields({ [severityField('internal-link')]: 'block', sensitiveWords: '甲乙\n丙丁' }),
      { csrfFrom: PATH },
    );
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${PATH}?done=1`);
    const config = await app.publishing.checkSettings.load();
    expect(config.severity['internal-link']).toBe('block');
    expect(config.sensitiveWords).toEqual(['甲乙', '丙丁']);
    expect(config.requiredMetadata).toEqual(['title']);
    const page = await users.gkadmin!.get(`${PATH}?done=1`);
    expect(page.body).toContain('发布前检查设置已保存');
    expect(page.body).toContain('甲乙\n丙丁</textarea>');
    expect(await app.auditRepo.list({ action: 'publishing.check_settings' }, 5)).toHaveLength(1);
  });
});
