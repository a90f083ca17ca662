/**
 * The 年度报告 dashboard, the subtree totals and the deadlines settings in the browser, without
 * JavaScript-only controls (GET forms and links): filter by status, follow a unit to its editor, open the
 * county's totals and a number's records, and refuse a bad date with an error summary — axe-clean.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../../src/main.ts';
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
let running: Running;
let browser: Browser;

beforeAll(async () => {
  site = await startTestSite('reports');
  running = site.running;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

describe('年度报告总览 in the browser', () => {
  it('lists the units with counts, filters by status and links to the editor', async () => {
    const page = await newPage(browser);
    await login(page, running.url, 'gkadmin', 'Demo@2026');
    await page.goto(`${running.url}/admin/reports`);
    const year = running.app.reports.reports.latestYear();
    expect(await page.locator('h1').textContent()).toBe(`${year}年度政府信息公开工作年度报告总览`);
    await expectNoAxeViolations(page);
    const table = page.locator('table').first();
    expect(await table.textContent()).toContain('示范县人民政府');
    // The demo county's 县发展和改革局 has a draft for the year that ended (src/db/seeds/demo-reports.data.ts).
    await page.getByLabel('状态').selectOption('draft');
    await Promise.all([page.waitForURL(/status=draft/), page.getByRole('button', { name: '筛选' }).click()]);
    expect(await page.locator('caption').first().textContent()).toMatch(/^草稿单位（\d+ 个）$/);
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: /^县发展和改革局\s*（打开/ }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('h1').textContent()).toContain('发展和改革局');
  });

  it('shows the county totals and the records behind a total', async () => {
    const page = await newPage(browser);
    await login(page, running.url, 'gkadmin', 'Demo@2026');
    await page.goto(`${running.url}/admin/reports`);
    await page.getByRole('link', { name: /本级及下属汇总\s*：示范县人民政府/ }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('h1').textContent()).toContain('示范县人民政府及下属单位');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: /本年新收政府信息公开申请数量 · 总计的来源/ }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('h1').textContent()).toContain('示范县人民政府及下属单位');
    await expectNoAxeViolations(page);
  });

  it('refuses 2月30日 with an error summary keeping the text, then saves the township date', async () => {
    const page = await newPage(browser);
    await login(page, running.url, 'gkadmin', 'Demo@2026');
    await page.goto(`${running.url}/admin/reports/settings`);
    await expectNoAxeViolations(page);
    const field = page.getByLabel('乡镇（街道）年度报告期限');
    await field.fill('2月30日');
    expect(await submitForm(page, '保存设置')).toBe(422);
    expect(await page.locator('.error-summary').textContent()).toContain('乡镇（街道）年度报告期限');
    expect(await page.getByLabel('乡镇（街道）年度报告期限').inputValue()).toBe('2月30日');
    await expectNoAxeViolations(page);
    await page.getByLabel('乡镇（街道）年度报告期限').fill('2月10日');
    expect(await submitForm(page, '保存设置')).toBe(303);
    expect(await page.locator('main').textContent()).toContain('乡镇（街道）2月10日');
  });
});
