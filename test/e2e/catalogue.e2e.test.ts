/** Catalogue pages in the browser: the editor (with and without errors) and the public table pass axe. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Running, startServer } from '../../src/main.ts';
import { expectNoAxeViolations, launchBrowser, login, newPage } from '../support/browser.ts';

let dir: string;
let running: Running;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'gk-e2e-cat-'));
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
      LOGIN_MAX_PER_IP_PER_MINUTE: '1000',
    },
    { logger: false },
  );
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
  rmSync(dir, { recursive: true, force: true });
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
