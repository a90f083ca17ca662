/**
 * Browser journey of the import review (issue 10): the office uploads seed 004 (开福区, 4 tasks without
 * units), ticks the flagged tasks and gives them a unit with the bulk control, corrects a title on a
 * task's own page, and confirms — all by keyboard. axe-core (WCAG 2.1 AA) runs on the review pages.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  launchBrowser,
  login,
  newPage,
  startTestSite,
  type TestSite,
} from '../support/browser.ts';

const SEEDS = path.join(import.meta.dirname, '../fixtures/seeds');
const SEED = path.join(SEEDS, readdirSync(SEEDS).find((n) => n.startsWith('004'))!);
const TITLE = '开福区2022年政务公开工作要点（浏览器导入）';

let site: TestSite;
let browser: Browser;
let base: string;

/** Presses Enter on the focused control and waits for the page the POST leads to. */
async function pressAndWait(page: Page): Promise<number> {
  const posted = page.waitForResponse(
    (r) => r.request().method() === 'POST' && r.request().isNavigationRequest(),
  );
  await page.keyboard.press('Enter');
  const response = await posted;
  await page.waitForLoadState('load');
  if (response.status() === 303) await page.waitForURL((u) => u.href !== response.url());
  return response.status();
}

beforeAll(async () => {
  site = await startTestSite('plan-import');
  base = site.running.url;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

describe('import review in a browser', () => {
  it('imports seed 004 by keyboard: bulk units for the flagged tasks, a corrected title, confirm', async () => {
    const page = await newPage(browser);
    await login(page, base, 'gkadmin', 'Demo@2026');
    await page.goto(`${base}/admin/tasks/plans/new`);
    await page.getByLabel('年度').fill('2022');
    await page.getByLabel('计划标题').fill(TITLE);
    await page.getByLabel('上传文件').setInputFiles(SEED);
    await page.getByRole('button', { name: '识别任务' }).focus();
    expect(await pressAndWait(page)).toBe(200);
    expect((await page.locator('h1').textContent())?.trim()).toBe('核对导入的任务');
    expect(await page.locator('table tbody tr').count()).toBe(17);
    await expectNoAxeViolations(page);

    // Tick every flagged task with the space bar, choose the unit with the arrow keys, press the button.
    const flagged = page.locator('tbody tr', { hasText: '没有责任单位，请指定' });
    expect(await flagged.count()).toBe(4);
    for (let i = 0; i < 4; i++) {
      await flagged.nth(i).locator('input[name="sel"]').focus();
      await page.keyboard.press('Space');
    }
    const select = page.getByLabel('单位', { exact: true });
    await select.focus();
    while ((await select.inputValue()) === '' || (await select.inputValue()) === 'all')
      await page.keyboard.press('ArrowDown');
    await page.getByRole('button', { name: '为选中的任务指定单位' }).focus();
    expect(await pressAndWait(page)).toBe(200);
    expect(await page.locator('tbody tr', { hasText: '没有责任单位，请指定' }).count()).toBe(0);
    await expectNoAxeViolations(page);

    // Correct the first task's title on its own page.
    await page.getByRole('button', { name: /^修改\s*任务\s*1\.1$/ }).focus();
    expect(await pressAndWait(page)).toBe(303);
    expect((await page.locator('h1').textContent())?.trim()).toBe('修改任务 1.1');
    await expectNoAxeViolations(page);
    await page.getByLabel('任务名称').focus();
    await page.keyboard.press('End');
    await page.keyboard.type('（已核对）');
    await page.getByRole('button', { name: '保存', exact: true }).focus();
    expect(await pressAndWait(page)).toBe(303);
    expect(await page.locator('main').textContent()).toContain('（已核对）');
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: '确认导入' }).focus();
    expect(await pressAndWait(page)).toBe(303);
    expect(await page.locator('.notice').textContent()).toContain('工作要点已导入');
    expect(await page.locator('main').textContent()).toContain(TITLE);
    await page.context().close();
  });
});
