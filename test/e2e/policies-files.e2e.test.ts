/** The library import pages in the browser: upload → review → confirm, and the published candidates; axe on each. */
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../../src/main.ts';
import {
  expectNoAxeViolations,
  launchBrowser,
  login,
  newPage,
  startTestSite,
  type TestSite,
} from '../support/browser.ts';

let site: TestSite;
let running: Running;
let browser: Browser;

beforeAll(async () => {
  site = await startTestSite('polfiles');
  running = site.running;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

async function sheet(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('目录');
  ws.addRow(['文件名称', '文号', '类型', '公布日期', '有效性', '废止日期']);
  ws.addRow([
    '示范县旧版农村土地承包管理办法',
    '示政规〔2012〕3号',
    '规范性文件',
    '2012-03-01',
    '废止',
    '2019-12-31',
  ]);
  ws.addRow([
    '示范县村级公益事业一事一议筹资办法',
    '示政规〔2016〕8号',
    '规范性文件',
    '2016-06-01',
    '有效',
    '',
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('文件库导入 in the browser', () => {
  it('upload, review and confirm by keyboard-usable forms; every page passes axe', async () => {
    const page = await newPage(browser);
    await login(page, running.url, 'gkadmin', 'Demo@2026');
    await page.goto(`${running.url}/admin/policies/import`);
    await expectNoAxeViolations(page);
    await page.getByLabel('文件库表格').setInputFiles({
      name: '文件库.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await sheet(),
    });
    await page.getByRole('button', { name: '检查表格' }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('table').textContent()).toContain('现行有效（推定）');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: /确认导入 2 件/ }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('.notice').textContent()).toContain('已导入 2 件');
    await page.getByRole('link', { name: '逐件核对后收入文件库' }).click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
  });
});
