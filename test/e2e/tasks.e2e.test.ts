/**
 * Browser journey of the task ledger (issue 5 §8): the office imports seed 000 → assigns → a
 * department reports progress with a link → the office accepts → the quarterly bulletin shows it.
 * axe-core (WCAG 2.1 AA) runs on every page visited.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
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

const PASSWORD = 'Demo@2026';
const SEED = path.join(
  import.meta.dirname,
  '../fixtures/seeds',
  readdirSync(path.join(import.meta.dirname, '../fixtures/seeds')).find((n) => n.startsWith('000'))!,
);
const TITLE = `浏览器测试工作要点${Date.now().toString(36).slice(-4)}`;

let site: TestSite;
let running: Running;
let browser: Browser;
let base: string;
let taskUrl = '';

async function submit(page: Page, button: string): Promise<number> {
  const posted = page.waitForResponse(
    (r) => r.request().method() === 'POST' && r.request().isNavigationRequest(),
  );
  await page.getByRole('button', { name: button, exact: true }).click();
  const response = await posted;
  await page.waitForLoadState('load');
  if (response.status() === 303) await page.waitForURL((u) => u.href !== response.url());
  return response.status();
}

async function h1(page: Page): Promise<string> {
  return ((await page.locator('h1').first().textContent()) ?? '').trim();
}

beforeAll(async () => {
  site = await startTestSite('tasks');
  running = site.running;
  base = running.url;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

describe('task ledger in a browser', () => {
  it('the office imports seed 000 and confirms the draft', async () => {
    const page = await newPage(browser);
    await login(page, base, 'gkadmin', PASSWORD);
    await page.goto(`${base}/admin/tasks`);
    expect(await h1(page)).toBe('工作台账');
    await expectNoAxeViolations(page);
    await page.goto(`${base}/admin/tasks/plans/new`);
    expect(await h1(page)).toBe('导入工作要点');
    await expectNoAxeViolations(page);
    // A wrong file first: the error summary links to the file field.
    await page.getByLabel('计划标题').fill(TITLE);
    await page.getByLabel('上传文件').setInputFiles({
      name: 'plan.xlsx',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('plain text'),
    });
    expect(await submit(page, '识别任务')).toBe(422);
    expect(await page.locator('.error-summary a[href="#f-file"]').count()).toBe(1);
    expect(await page.getByLabel('计划标题').inputValue()).toBe(TITLE);
    await expectNoAxeViolations(page);
    await page.getByLabel('上传文件').setInputFiles(SEED);
    expect(await submit(page, '识别任务')).toBe(200);
    expect(await h1(page)).toBe('核对导入的任务');
    expect(await page.locator('table tbody tr').count()).toBe(14);
    await expectNoAxeViolations(page);
    // Assign: map any name the unit tree did not know (seed 000 usually has none).
    const selects = page.locator('select[id^="f-map."]');
    for (let i = 0; i < (await selects.count()); i++)
      await selects.nth(i).selectOption({ label: '县人民政府办公室' });
    expect(await submit(page, '确认导入')).toBe(303);
    expect(await page.locator('.notice').textContent()).toContain('工作要点已导入');
    expect(await page.locator('main').textContent()).toContain(TITLE);
    await expectNoAxeViolations(page);
    const link = page.locator('table a', { hasText: '优化营商环境' }).first();
    taskUrl = new URL((await link.getAttribute('href'))!, base).pathname;
    await page.context().close();
  });

  it('a department reports progress with a link; the office accepts; the bulletin shows it', async () => {
    const clerk = await newPage(browser);
    await login(clerk, base, 'clerk', PASSWORD);
    await clerk.goto(`${base}/admin/tasks/mine`);
    expect(await h1(clerk)).toBe('我的任务');
    await expectNoAxeViolations(clerk);
    await clerk.goto(`${base}${taskUrl}`);
    expect(await h1(clerk)).toBe('优化营商环境');
    await expectNoAxeViolations(clerk);
    await clerk.getByLabel('进展情况').fill('已在门户网站开设优化营商环境专栏。');
    await clerk.getByLabel('佐证材料链接').fill('/units');
    await clerk.getByLabel('本单位承担的部分已完成，申请办结').check();
    expect(await submit(clerk, '报送')).toBe(303);
    expect(await clerk.locator('.notice').textContent()).toContain('等待政务公开办审核');
    await expectNoAxeViolations(clerk);
    await clerk.context().close();

    const office = await newPage(browser);
    await login(office, base, 'gkadmin', PASSWORD);
    await office.goto(`${base}${taskUrl}`);
    expect(await office.locator('main').textContent()).toContain('待审核');
    await expectNoAxeViolations(office);
    expect(await submit(office, '采纳')).toBe(303);
    expect(await office.locator('.notice').textContent()).toContain('进展报告已采纳');
    expect(await office.locator('main a[href="/units"]').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(office);
    await office.goto(`${base}/admin/tasks/bulletin`);
    expect(await h1(office)).toBe('季度通报');
    const text = (await office.locator('main').textContent()) ?? '';
    expect(text).toContain('完成率 = 已完成任务数 ÷ 应完成任务数');
    expect(text).toContain('县发展和改革局');
    await expectNoAxeViolations(office);
    await office.goto(`${base}/admin/tasks/assessment`);
    expect(await h1(office)).toBe('年度考核');
    await expectNoAxeViolations(office);
    await office.context().close();
  });

  it('the office files an ended quarter’s bulletin as a draft 通报 by keyboard', async () => {
    const office = await newPage(browser);
    await login(office, base, 'gkadmin', PASSWORD);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
    // The quarter before the current one has always ended.
    const [year, quarter] = m <= 3 ? [y - 1, 4] : [y, Math.floor((m - 1) / 3)];
    await office.goto(`${base}/admin/tasks/bulletin?year=${year}&quarter=${quarter}`);
    await expectNoAxeViolations(office);
    await office.getByLabel('发布栏目').selectOption({ label: '政务公开工作' });
    await office.getByRole('button', { name: '生成通报文稿' }).focus();
    await office.keyboard.press('Enter');
    await office.waitForURL(/\/admin\/documents\/\d+$/);
    expect(await h1(office)).toContain('政务公开工作要点落实情况通报');
    await expectNoAxeViolations(office);
    await office.context().close();
  });
});
