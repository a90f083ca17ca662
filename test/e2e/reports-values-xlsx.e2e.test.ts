import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/seeds/demo-units.ts';
import {
  expectNoAxeViolations,
  launchBrowser,
  login,
  newPage,
  startTestSite,
  submitForm,
  type TestSite,
} from '../support/browser.ts';

let site: TestSite;
let browser: Browser;

beforeAll(async () => {
  site = await startTestSite('report-values', { tasks: false, documents: false, requests: false });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

describe('年度报告 figures from a spreadsheet in the browser', () => {
  it('a clerk uploads a bad file (problems listed), then a filled sheet (saved); the pages pass axe', async () => {
    const unit = await site.running.app.unitRepo.findByName('县发展和改革局');
    const year = Number(new Date().toISOString().slice(0, 4)) - 1;
    const base = `${site.running.url}/admin/reports/units/${unit!.id}/${year}`;
    const page = await newPage(browser);
    await login(page, site.running.url, 'clerk', DEMO_PASSWORD);
    await page.goto(`${base}/values/xlsx`);
    await expectNoAxeViolations(page);
    await page.getByLabel('数字表格（.xlsx）').setInputFiles({
      name: '数字.xlsx',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('not a spreadsheet'),
    });
    expect(await submitForm(page, '导入数字')).toBe(422);
    expect(await page.locator('.error-summary').textContent()).toContain('数字表格：');
    await expectNoAxeViolations(page);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('数字');
    ws.addRow(['数字项', '数字', '代码（请勿修改）']);
    ws.addRow(['表二 行政许可（本年处理决定数量）', 21, 'table2.行政许可']);
    await page.getByLabel('数字表格（.xlsx）').setInputFiles({
      name: '数字.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await wb.xlsx.writeBuffer()),
    });
    expect(await submitForm(page, '导入数字')).toBe(303);
    expect(page.url()).toContain(`${base}?done=values`);
  });
});
