/**
 * The report's back-office pages in a browser, by keyboard-usable forms, each passing axe-core (WCAG 2.1
 * AA): the editor (also in 长者模式), a number's records, the entry of figures with a refused value, the
 * import of a published report (upload → what was read → confirm) and the preview in the official layout.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../src/lib/calendar/dates.ts';
import {
  expectNoAxeViolations,
  launchBrowser,
  login,
  newPage,
  startTestSite,
  submitForm,
  type TestSite,
} from '../support/browser.ts';

const PASSWORD = 'Demo@2026';
let site: TestSite;
let browser: Browser;
let base: string;
let unitId: number;
const year = Number(todayInShanghai(new Date()).slice(0, 4)) - 1;

beforeAll(async () => {
  site = await startTestSite('rpages', { reports: false }); // this test's own report, not the demo's
  base = site.running.url;
  unitId = (await site.running.app.unitRepo.findByName('县发展和改革局'))!.id;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

describe('annual report pages in a browser', () => {
  it('the editor, a number’s records and the entry of figures (a refused value keeps what was typed)', async () => {
    const page = await newPage(browser);
    await login(page, base, 'gkadmin', PASSWORD);
    const editor = `${base}/admin/reports/units/${unitId}/${year}`;
    await page.goto(editor);
    expect(await page.locator('h1').textContent()).toContain(
      `县发展和改革局${year}年政府信息公开工作年度报告`,
    );
    await expectNoAxeViolations(page);
    expect(await submitForm(page, '开始编制')).toBe(303);
    expect(await page.locator('textarea[name="problems"]').inputValue()).toContain('【请填写');
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: /表二 行政许可（本年处理决定数量）的来源/ }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('h1').textContent()).toBe('表二 行政许可（本年处理决定数量）');
    await expectNoAxeViolations(page);

    await page.goto(`${editor}/values`);
    await page.getByLabel('表二 行政许可（本年处理决定数量）').fill('十二');
    expect(await submitForm(page, '保存数字')).toBe(422);
    expect(await page.locator('.error-summary').textContent()).toContain('请填写不小于 0 的整数');
    expect(await page.getByLabel('表二 行政许可（本年处理决定数量）').inputValue()).toBe('十二');
    await expectNoAxeViolations(page);
    await page.getByLabel('表二 行政许可（本年处理决定数量）').fill('12');
    expect(await submitForm(page, '保存数字')).toBe(303);
    expect(await page.locator('.notice').first().textContent()).toContain('数字已保存');

    await page.goto(`${editor}/preview`);
    expect(await page.locator('table').count()).toBeGreaterThanOrEqual(3);
    await expectNoAxeViolations(page);

    const elder = await newPage(browser, { viewport: { width: 390, height: 900 } });
    await elder.context().addCookies([{ name: 'gk_elder', value: '1', url: base }]);
    await login(elder, base, 'gkadmin', PASSWORD);
    await elder.goto(editor);
    expect(await elder.locator('html.elder').count()).toBe(1);
    await expectNoAxeViolations(elder);
  });

  it('imports a published report: upload, what was read, confirm', async () => {
    const page = await newPage(browser);
    await login(page, base, 'gkadmin', PASSWORD);
    await page.goto(`${base}/admin/reports/import?unit=${unitId}&year=${year - 1}`);
    await expectNoAxeViolations(page);
    await page
      .getByLabel('或粘贴报告全文')
      .fill(
        [
          `县发展和改革局${year - 1}年政府信息公开工作年度报告`,
          '| 第二十条第（五）项 | | | |',
          '| 信息内容 | 本年处理决定数量 | | |',
          '| 行政许可 | 88 | | |',
        ].join('\n'),
      );
    expect(await submitForm(page, '读取')).toBe(303);
    expect(await page.locator('h1').textContent()).toContain(`${year - 1}年度报告`);
    expect(await page.locator('main').textContent()).toContain('表二 行政许可（本年处理决定数量）');
    await expectNoAxeViolations(page);
    expect(await submitForm(page, '确认导入这 1 个数字')).toBe(303);
    expect(await page.locator('.notice').first().textContent()).toContain('已导入上年报告的数字');
  });
});
