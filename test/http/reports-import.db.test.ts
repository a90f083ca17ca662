/**
 * HTTP: importing last year's published report — a file checked by content (a picture named .txt is
 * refused, naming the field), what was read shown before anything is written, confirmed once; the
 * imported year then meets this year's report in the year-over-year check.
 * The report text is synthetic (test/fixtures/reports/synthetic-2025-bordered.txt), not a corpus page.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCounty, buildUser, PASSWORD } from '../support/factories.ts';
import { Browser, startTestServer } from '../support/http.ts';
import { createTestApp, ENGINE, type TestApp } from '../support/test-app.ts';

const REPORT = readFileSync('test/fixtures/reports/synthetic-2025-bordered.txt');
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex');

describe(`HTTP: importing a published annual report on ${ENGINE}`, () => {
  let app: TestApp;
  let server: FastifyInstance;
  let clerk: Browser;
  let unitId: number;
  let previewUrl = '';

  async function upload(file: { name: string; content: Buffer } | null, fields: Record<string, string>) {
    const fd = new FormData();
    fd.append('_csrf', await clerk.csrf('/admin/reports/import'));
    for (const [k, v] of Object.entries(fields)) fd.append(k, v);
    if (file) fd.append('file', new Blob([new Uint8Array(file.content)]), file.name);
    const r = new Response(fd);
    return server.inject({
      method: 'POST',
      url: '/admin/reports/import',
      payload: Buffer.from(await r.arrayBuffer()),
      headers: { 'content-type': r.headers.get('content-type')!, cookie: clerk.cookieHeader() },
    });
  }
  const values = () =>
    app.db.selectFrom('annual_report_values').selectAll().where('unit_id', '=', unitId).execute();

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

  it('refuses a picture named .txt and nothing at all, naming the field and keeping the year', async () => {
    const pic = await upload({ name: '年报.txt', content: PNG }, { unitId: String(unitId), year: '2025' });
    expect(pic.statusCode).toBe(422);
    expect(pic.body).toContain('报告文件：“年报.txt”的内容不是文本或网页');
    expect(pic.body).toMatch(/name="year"[^>]*value="2025"/);
    const none = await upload(null, { unitId: String(unitId), year: '2025' });
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain('请选择文件，或在下方粘贴报告全文');
    expect(await values()).toHaveLength(0);
  });

  it('shows what was read — the year from the title, every number by its cell — and writes nothing yet', async () => {
    const r = await upload({ name: '2025年报.txt', content: REPORT }, { unitId: String(unitId), year: '' });
    expect(r.statusCode).toBe(303);
    previewUrl = r.headers.location as string;
    const page = await clerk.get(previewUrl);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('测试县发展和改革局2025年度报告');
    expect(page.body).toMatch(/表二 行政许可（本年处理决定数量）<\/th><td class="num">120</);
    expect(page.body).toMatch(/表三 四、结转下年度继续办理 · 总计<\/th><td class="num">1</);
    expect(await values()).toHaveLength(0);
  });

  it('confirms once; the imported year meets this year’s report in the year-over-year check', async () => {
    const ok = await clerk.post(`${previewUrl}/confirm`, {}, { csrfFrom: previewUrl });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`/admin/reports/units/${unitId}/2026?done=imported`);
    const rows = await values();
    expect(rows.find((v) => v.cell === 'table2.行政许可')).toMatchObject({
      year: 2025,
      value: '120',
      origin: 'imported',
    });
    expect(rows.find((v) => v.cell === 'table3.四.total')).toMatchObject({ value: '1' });
    const again = await clerk.post(`${previewUrl}/confirm`, {}, { csrfFrom: previewUrl });
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('该导入已经确认过');
    expect(await values()).toHaveLength(rows.length);
    // 2026: no cases, so 二 is 0 while 2025's 四 (imported) is 1.
    const editor = await clerk.get(`/admin/reports/units/${unitId}/2026`);
    expect(editor.body).toContain(
      '2025年“四、结转下年度继续办理”为 1，2026年“二、上年结转政府信息公开申请数量”为 0',
    );
  });
});
