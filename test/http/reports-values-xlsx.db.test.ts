/**
 * HTTP: a clerk downloads the template of the figures no module holds, fills it in and uploads it; a sheet
 * with a bad row is refused naming the row and changes nothing; a file that is not an .xlsx is refused.
 * Values saved from a sheet show who loaded them and when.
 */
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCounty, buildUser, PASSWORD } from '../support/factories.ts';
import { Browser, startTestServer } from '../support/http.ts';
import { createTestApp, ENGINE, type TestApp } from '../support/test-app.ts';

describe(`HTTP: figures from a spreadsheet on ${ENGINE}`, () => {
  let app: TestApp;
  let server: FastifyInstance;
  let clerk: Browser;
  let unitId: number;
  const page = () => `/admin/reports/units/${unitId}/2026`;

  /** Posts multipart/form-data like a browser (CSRF token taken from the upload page). */
  const upload = async (file?: { name: string; content: Buffer }) => {
    const token = await clerk.csrf(`${page()}/values/xlsx`);
    const fd = new FormData();
    fd.append('_csrf', token);
    if (file) fd.append('file', new Blob([new Uint8Array(file.content)]), file.name);
    const res = new Response(fd);
    return server.inject({
      method: 'POST',
      url: `${page()}/values/xlsx`,
      payload: Buffer.from(await res.arrayBuffer()),
      headers: { 'content-type': res.headers.get('content-type')!, cookie: clerk.cookieHeader() },
    });
  };
  /** The downloaded template with `values` typed into its 数字 column, by row label. */
  const filled = async (values: Record<string, string | number>) => {
    const res = await clerk.get(`${page()}/values.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    ws.eachRow((row) => {
      const label = String(row.getCell(1).value ?? '');
      if (label in values) row.getCell(2).value = values[label]!;
    });
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
  const stored = async () =>
    (await app.reports.repo.values([unitId], 2026)).map((v) => [v.cell, Number(v.value), v.origin]);

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

  it('downloads the template of the enterable cells', async () => {
    const res = await clerk.get(`${page()}/values.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const labels: string[] = [];
    wb.worksheets[0]!.eachRow((row, n) => {
      if (n > 2) labels.push(String(row.getCell(1).value));
    });
    // No library document and no case of the unit: table 二's first block may be entered too, table 三 not.
    expect(labels).toContain('表二 行政许可（本年处理决定数量）');
    expect(labels).toContain('表二 规章（本年制发件数）');
    expect(labels.some((l) => l.startsWith('表三'))).toBe(false);
    const form = await clerk.get(`${page()}/values/xlsx`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('enctype="multipart/form-data"');
    expect(form.body).toContain(`href="${page()}/values.xlsx"`);
  });

  it('refuses a sheet with a bad row naming it, and a file that is not an .xlsx, changing nothing', async () => {
    const bad = await upload({
      name: '数字.xlsx',
      content: await filled({
        '表二 行政许可（本年处理决定数量）': 12,
        '表二 行政处罚（本年处理决定数量）': '3件',
      }),
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toMatch(/第 \d+ 行“数字”列：表二 行政处罚（本年处理决定数量）：请填写不小于 0 的整数/);
    expect(await stored()).toEqual([]);
    const notXlsx = await upload({ name: '数字.xlsx', content: Buffer.from('%PDF-1.4 not a sheet') });
    expect(notXlsx.statusCode).toBe(422);
    expect(notXlsx.body).toContain('数字表格：');
    const none = await upload();
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain('数字表格：请选择要导入的 .xlsx 文件');
    expect(await stored()).toEqual([]);
  });

  it('saves a filled sheet as values from a spreadsheet, with who and when', async () => {
    const ok = await upload({
      name: '数字.xlsx',
      content: await filled({
        '表二 行政许可（本年处理决定数量）': 12,
        '表二 行政处罚（本年处理决定数量）': 3,
        '表二 行政事业性收费（本年收费金额，万元）': '1.5',
      }),
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`${page()}?done=values`);
    expect(await stored()).toEqual([
      ['table2.行政事业性收费', 1.5, 'xlsx'],
      ['table2.行政处罚', 3, 'xlsx'],
      ['table2.行政许可', 12, 'xlsx'],
    ]);
    const events = await app.db
      .selectFrom('audit_events')
      .select(['summary', 'after_json'])
      .where('action', '=', 'report.values')
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]!.summary).toContain('从表格导入');
    const cell = await clerk.get(`${page()}/cells/${encodeURIComponent('table2.行政许可')}`);
    expect(cell.body).toContain('测试用户');
    expect(cell.body).toContain('2027-01-05');
  });
});
