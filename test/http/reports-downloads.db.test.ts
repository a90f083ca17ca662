/**
 * HTTP: a unit's report in the official layout — the preview page, the .docx and the PDF — for its
 * editors; the public download of a report that is not published is not found.
 */
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCounty, buildUser, PASSWORD } from '../support/factories.ts';
import { Browser, startTestServer } from '../support/http.ts';
import { createTestApp, ENGINE, type TestApp } from '../support/test-app.ts';

describe(`HTTP: annual report downloads on ${ENGINE}`, () => {
  let app: TestApp;
  let server: FastifyInstance;
  let clerk: Browser;
  let outsider: Browser;
  let unitId: number;
  const page = () => `/admin/reports/units/${unitId}/2026`;

  beforeAll(async () => {
    app = await createTestApp({ now: '2027-01-05T02:00:00Z' });
    const { dept, other } = await buildCounty(app);
    unitId = dept.id;
    const user = await buildUser(app, dept, ['clerk']);
    const stranger = await buildUser(app, other, ['clerk']);
    server = await startTestServer(app);
    clerk = new Browser(server);
    await clerk.login(user.username, PASSWORD);
    outsider = new Browser(server);
    await outsider.login(stranger.username, PASSWORD);
    await clerk.post(`${page()}/create`, {}, { csrfFrom: page() });
    await clerk.post(`${page()}/values`, { 'v.table2.行政许可': '731' }, { csrfFrom: `${page()}/values` });
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await app.destroy();
  });

  it('previews the report in the official layout, with the six headings and merged header cells', async () => {
    const r = await clerk.get(`${page()}/preview`);
    expect(r.statusCode).toBe(200);
    for (const h of ['一、总体情况', '二、主动公开政府信息情况', '六、其他需要报告的事项'])
      expect(r.body).toContain(h);
    expect(r.body).toMatch(/colspan="7"[^>]*>申请人情况/);
    expect(r.body).toContain('>731<');
  });

  it('downloads the .docx with the entered number and the PDF', async () => {
    const docx = await clerk.get(`${page()}/report.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toContain(
      encodeURIComponent('测试县发展和改革局2026年政府信息公开工作年度报告.docx'),
    );
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('>731<');
    expect(xml).toContain('w:gridSpan');
    const pdf = await clerk.get(`${page()}/report.pdf`);
    // 503 with a page offering the .docx when the machine has no CJK font; a PDF otherwise.
    if (pdf.statusCode === 503) expect(pdf.body).toContain('report.docx');
    else expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses another unit’s clerk, and the public download of an unpublished report is not found', async () => {
    expect((await outsider.get(`${page()}/report.docx`)).statusCode).toBe(403);
    const row = await app.db
      .selectFrom('annual_reports')
      .select('id')
      .where('unit_id', '=', unitId)
      .executeTakeFirstOrThrow();
    expect((await new Browser(server).get(`/reports/${row.id}/report.docx`)).statusCode).toBe(404);
  });
});
