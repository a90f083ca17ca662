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
  site = await startTestSite('cat');
  running = site.running;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

describe('主动公开目录 in the browser', () => {
  it('the office adds an item by keyboard-usable checkboxes; editor, errors and the public table pass axe', async () => {
    const page = await newPage(browser);
    await login(page, running.url, 'gkadmin', 'Demo@2026');
    await page.goto(`${running.url}/admin/catalogue`);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '添加', exact: true }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('.error-summary a').count()).toBeGreaterThan(2);
    await expectNoAxeViolations(page);
    await page.getByLabel('一级事项').fill('政务公开');
    await page.getByLabel('公开内容（要素）').fill('政府信息公开指南和制度');
    await page.getByLabel('公开主体').fill('县人民政府办公室');
    await page.getByLabel('政府网站', { exact: true }).check();
    await page.getByLabel('全社会').check();
    await page.getByLabel('主动', { exact: true }).check();
    await page.getByLabel('县级').check();
    await page.getByRole('button', { name: '添加', exact: true }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('.notice').textContent()).toContain('目录条目已添加');
    await page.getByRole('link', { name: '查看公开页面' }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('table.catalogue').textContent()).toContain('政府信息公开指南和制度');
    await expectNoAxeViolations(page);
  });
});
