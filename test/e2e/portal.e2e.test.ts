import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../../src/main.ts';
import {
  expectNoAxeViolations,
  launchBrowser,
  newPage,
  startTestSite,
  type TestSite,
} from '../support/browser.ts';

let site: TestSite;
let running: Running;
let browser: Browser;

beforeAll(async () => {
  site = await startTestSite('portal');
  running = site.running;
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

async function visit(page: Page, url: string) {
  const res = await page.goto(`${running.url}${url}`);
  expect(res?.status(), url).toBe(200);
  await expectNoAxeViolations(page);
}

describe('public portal in the browser', () => {
  it('home → unit index → 指南 → column with filters → document → print, each passing axe', async () => {
    const page = await newPage(browser);
    await visit(page, '/');
    expect(await page.locator('h2', { hasText: '最新信息' }).count()).toBe(1);
    expect(await page.locator('h2', { hasText: '专题专栏' }).count()).toBe(1);
    await page.getByRole('link', { name: '示范县人民政府政府信息公开' }).click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
    const indexUrl = page.url();
    await page.getByRole('link', { name: '政府信息公开指南' }).first().click();
    await page.waitForLoadState('load');
    expect(await page.locator('h1').textContent()).toContain('政府信息公开指南');
    await expectNoAxeViolations(page);
    await page.goto(indexUrl);
    await page.getByRole('link', { name: '法定主动公开内容' }).click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
    await page.getByLabel('文种').selectOption('通知');
    await page.getByRole('button', { name: '筛选' }).click();
    await page.waitForLoadState('load');
    expect(page.url()).toContain('genre=');
    await expectNoAxeViolations(page);
    await visit(page, '/search?q=%E4%BD%8E%E4%BF%9D');
    await page.locator('.search-results a').first().click();
    await page.waitForLoadState('load');
    expect(await page.locator('table.doc-meta th', { hasText: '索引号' }).count()).toBe(1);
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: '打印本页' }).click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
  });

  it('a repealed document shows its 有效性 row and a notice, and passes axe', async () => {
    const doc = await running.app.database.db
      .selectFrom('documents')
      .select(['id', 'repealed_on'])
      .where('validity', '=', 'repealed')
      .where('state', '=', 'published')
      .executeTakeFirstOrThrow();
    const page = await newPage(browser);
    await visit(page, `/documents/${doc.id}`);
    const row = page.locator('table.doc-meta tr', { has: page.locator('th', { hasText: '有效性' }) });
    expect(await row.locator('td').first().textContent()).toContain('废止');
    expect(await page.locator('main').textContent()).toContain(
      `本文件已废止（废止日期：${doc.repealed_on}）`,
    );
  });

  it('search with results (发文字号 in other brackets) and with none, with suggestions; 长者模式', async () => {
    const page = await newPage(browser);
    await visit(page, `/search?q=${encodeURIComponent('张政办发[2022]14号')}`);
    expect(await page.locator('.search-results li').count()).toBe(1);
    await visit(page, `/search?q=${encodeURIComponent('乡村振兴 火星')}`);
    expect(await page.locator('h2', { hasText: '没有找到' }).count()).toBe(1);
    await page.getByRole('link', { name: '长者模式' }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('html.elder').count()).toBe(1);
    await expectNoAxeViolations(page);
    await visit(page, '/');
    expect(await page.locator('html.elder').count()).toBe(1);
  });

  it('the open API answers; the search form is reachable and usable by keyboard alone', async () => {
    const page = await newPage(browser);
    const api = await page.request.get(`${running.url}/api/v1/units`);
    expect(api.ok()).toBe(true);
    await page.goto(`${running.url}/`);
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.id === 'home-q');
    }
    expect(reached).toBe(true);
    await page.keyboard.type('乡村振兴');
    await Promise.all([page.waitForURL(/\/search\?q=/), page.keyboard.press('Enter')]);
    await page.waitForLoadState('load');
    expect(await page.locator('.search-results li').count()).toBeGreaterThan(0);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到主要内容');
  });
});
