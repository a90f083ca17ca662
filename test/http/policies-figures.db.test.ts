/**
 * HTTP: the table 二 page links each figure to its list, the 解读 rates page shows the arithmetic and the
 * cases, and bad query values name the field (422) while keeping what was typed. Library of
 * test/support/policy-figures-fixture.ts (arithmetic there).
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCounty, buildUnit, buildUser, PASSWORD } from '../support/factories.ts';
import { Browser, startTestServer } from '../support/http.ts';
import { buildFiguresFixture, type FiguresFixture } from '../support/policy-figures-fixture.ts';
import { createTestApp, ENGINE, type TestApp } from '../support/test-app.ts';

describe(`HTTP: policy figures and 解读 rates on ${ENGINE}`, () => {
  let app: TestApp;
  let server: FastifyInstance;
  let reader: Browser;
  let f: FiguresFixture;
  beforeAll(async () => {
    app = await createTestApp({ now: '2026-01-01T02:00:00Z' });
    const { county, dept } = await buildCounty(app);
    f = await buildFiguresFixture(app, county, dept);
    const user = await buildUser(app, county, ['reviewer']);
    server = await startTestServer(app);
    reader = new Browser(server);
    await reader.login(user.username, PASSWORD);
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await app.destroy();
  });

  const base = () => `unit=${f.county.id}&year=2026`;

  it('table 二 shows the figures, each linking to its list of documents', async () => {
    const page = await reader.get(`/admin/policies/figures?${base()}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('本年制发件数');
    expect(page.body).toContain(
      `href="/admin/policies/figures/list?unit=${f.county.id}&amp;year=2026&amp;kind=normative&amp;figure=in_force"`,
    );
    expect(page.body).toMatch(/figure=issued">4<span/);
    const list = await reader.get(`/admin/policies/figures/list?${base()}&kind=normative&figure=repealed`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('行政规范性文件本年废止件数：1 件');
    expect(list.body).toContain(`href="/admin/documents/${f.ids.N2}"`);
    expect(list.body).toContain('2026-12-31 废止');
    const inForce = await reader.get(`/admin/policies/figures/list?${base()}&kind=normative&figure=in_force`);
    expect(inForce.body).toContain('推定');
  });

  it('the rates page shows each figure with its arithmetic, target and cases', async () => {
    const page = await reader.get(
      `/admin/policies/interpretation-rates?unit=${f.county.id}&from=2026-01-01&to=2026-12-31`,
    );
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('3 ÷ 4 = 75.0%');
    expect(page.body).toContain('不低于 90%');
    expect(page.body).toContain('未达标');
    expect(page.body).toContain('show=timeliness');
    const late = await reader.get(
      `/admin/policies/interpretation-rates?unit=${f.county.id}&from=2026-01-01&to=2026-12-31&show=timeliness`,
    );
    expect(late.body).toContain('计入“解读及时率”的文件');
    expect(late.body).toContain(`href="/admin/documents/${f.ids.N3}"`);
    expect(late.body).not.toContain(`href="/admin/documents/${f.ids.N2}"`);
    const quarter = await reader.get(
      `/admin/policies/interpretation-rates?unit=${f.county.id}&year=2026&quarter=1`,
    );
    expect(quarter.statusCode).toBe(200);
    expect(quarter.body).toContain('2 ÷ 3 = 66.7%');
  });

  it('bad dates and years name the field and keep what was typed', async () => {
    const bad = await reader.get(
      `/admin/policies/interpretation-rates?unit=${f.county.id}&from=2026-02-30&to=x`,
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('开始日期应为有效日期');
    expect(bad.body).toContain('结束日期应为有效日期');
    expect(bad.body).toContain('value="2026-02-30"');
    const reversed = await reader.get(
      `/admin/policies/interpretation-rates?unit=${f.county.id}&from=2026-03-01&to=2026-01-01`,
    );
    expect(reversed.statusCode).toBe(422);
    expect(reversed.body).toContain('结束日期不能早于开始日期');
    const year = await reader.get(`/admin/policies/figures?unit=${f.county.id}&year=20x6`);
    expect(year.statusCode).toBe(422);
    expect(year.body).toContain('年度必须是整数');
    expect(year.body).toContain('value="20x6"');
  });

  it('a unit outside the reader’s grants is refused', async () => {
    const elsewhere = await buildUnit(app, null, { name: '另一县人民政府', kind: 'government' });
    const res = await reader.get(`/admin/policies/figures?unit=${elsewhere.id}&year=2026`);
    expect(res.statusCode).toBe(403);
  });
});
