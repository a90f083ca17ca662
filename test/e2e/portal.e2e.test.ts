/**
 * The public portal in a real browser on the demo data: home, a unit's 政府信息公开 index, the 指南, a
 * column with filters, a document and its print view, search with and without results, 长者模式 —
 * zero axe-core violations on each, and the main path usable by keyboard alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Running, startServer } from '../../src/main.ts';
import { expectNoAxeViolations, launchBrowser, newPage } from '../support/browser.ts';

let dir: string;
let running: Running;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'gk-e2e-portal-'));
  running = await startServer(
    {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dir,
      DATABASE_URL: `sqlite:${path.join(dir, 'e2e.sqlite')}`,
      SESSION_SECRET: 'e2e-secret-e2e-secret-e2e-secret-012345',
      DEMO_MODE: '1',
      LOG_LEVEL: 'silent',
    },
    { logger: false },
  );
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await running?.stop();
  rmSync(dir, { recursive: true, force: true });
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
