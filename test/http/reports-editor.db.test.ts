/**
 * HTTP: a clerk opens the unit's report for a year, starts it, saves the sections (an old revision is
 * refused and keeps what was typed), enters the figures no module holds (a bad number names the cell and
 * changes nothing), and follows a number to the records behind it.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCounty, buildUser, PASSWORD } from '../support/factories.ts';
import { Browser, startTestServer } from '../support/http.ts';
import { createTestApp, ENGINE, type TestApp } from '../support/test-app.ts';

describe(`HTTP: the annual report editor on ${ENGINE}`, () => {
  let app: TestApp;
  let server: FastifyInstance;
  let clerk: Browser;
  let unitId: number;
  const page = () => `/admin/reports/units/${unitId}/2026`;

  beforeAll(async () => {
    app = await createTestApp({ now: '2027-01-05T02:00:00Z' });
    const { dept } = await buildCounty(app);
    unitId = dept.id;
    const user = await buildUser(app, dept, ['clerk']);
    server = await startTestServer(app);
    clerk = new Browser(server);
    await clerk.login(user.username, PASSWORD);
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await app.destroy();
  });

  it('shows a preview before the report is started, then starts it once', async () => {
    const before = await clerk.get(page());
    expect(before.statusCode).toBe(200);
    expect(before.body).toContain('测试县发展和改革局2026年政府信息公开工作年度报告');
    expect(before.body).toContain('开始编制');
    const created = await clerk.post(`${page()}/create`, {}, { csrfFrom: page() });
    expect(created.statusCode).toBe(303);
    const again = await clerk.post(`${page()}/create`, {}, { csrfFrom: page() });
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('已经开始编制');
    const after = await clerk.get(page());
    expect(after.body).toContain('一、总体情况');
    expect(after.body).toMatch(/全年新收政府信息公开申请0件/);
  });

  it('saves the sections; a form from an older revision is refused and keeps what was typed', async () => {
    const form = await clerk.get(page());
    const revision = /name="revision" value="(\d+)"/.exec(form.body)?.[1] ?? '';
    const sections = {
      overview: '总体情况正文。',
      proactive: '',
      requests: '',
      appeals: '',
      problems: '存在的问题：键盘输入的内容。',
      other: '其他事项。',
    };
    const saved = await clerk.post(`${page()}/sections`, { ...sections, revision }, { csrfFrom: page() });
    expect(saved.statusCode).toBe(303);
    const stale = await clerk.post(
      `${page()}/sections`,
      { ...sections, problems: '另一个人的修改', revision },
      { csrfFrom: page() },
    );
    expect(stale.statusCode).toBe(422);
    expect(stale.body).toContain('已被他人修改');
    expect(stale.body).toContain('另一个人的修改');
    const shown = await clerk.get(page());
    expect(shown.body).toContain('存在的问题：键盘输入的内容。');
  });

  it('enters 行政许可 and refuses a bad 收费 naming the cell, changing nothing', async () => {
    const bad = await clerk.post(
      `${page()}/values`,
      { 'v.table2.行政许可': '12', 'v.table2.行政事业性收费': '1.23456' },
      { csrfFrom: `${page()}/values` },
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain(
      '表二 行政事业性收费（本年收费金额，万元）：请填写不小于 0 的数字（最多 4 位小数）',
    );
    expect(bad.body).toContain('value="1.23456"');
    expect((await clerk.get(page())).body).not.toMatch(/>12<span class="visually-hidden">（表二 行政许可/);
    const ok = await clerk.post(
      `${page()}/values`,
      { 'v.table2.行政许可': '12', 'v.table2.行政事业性收费': '3.5' },
      { csrfFrom: `${page()}/values` },
    );
    expect(ok.statusCode).toBe(303);
    expect((await clerk.get(page())).body).toMatch(/>12<span class="visually-hidden">（表二 行政许可/);
    const cell = await clerk.get(`${page()}/cells/${encodeURIComponent('table2.行政许可')}`);
    expect(cell.statusCode).toBe(200);
    expect(cell.body).toContain('测试用户于 2027-01-05 填写');
  });

  it('refuses to compute figures that come from the cases by hand', async () => {
    const r = await clerk.post(
      `${page()}/values`,
      { 'v.table3.一.total': '5' },
      { csrfFrom: `${page()}/values` },
    );
    expect(r.statusCode).toBe(422);
    expect(r.body).toContain('由系统根据记录计算，不能手工填写');
  });
});
