/**
 * The 互动交流 hub in the browser: reached from the home page's main navigation by keyboard, in 长者模式,
 * every installed channel with its newest public items, axe-clean; and the footer's 我为政府网站找错 link
 * fills in the address of the page it was followed from. Also: links styled as buttons stay readable in 长者模式.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/seeds/demo-units.ts';
import {
  expectNoAxeViolations,
  launchBrowser,
  login,
  newPage,
  startTestSite,
  type TestSite,
} from '../support/browser.ts';

let site: TestSite;
let browser: Browser;
let base: string;

beforeAll(async () => {
  site = await startTestSite('hub', { tasks: false, documents: false, reports: false, requests: false });
  base = site.running.url;
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

/** Presses Tab until the link whose text starts with `name` has the focus (keyboard only). */
async function tabToLink(page: Page, name: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const text = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el?.tagName === 'A' ? (el.textContent ?? '').trim() : '';
    });
    if (text.startsWith(name)) return;
  }
  throw new Error(`could not reach “${name}” by Tab`);
}

describe('互动交流 in the browser', () => {
  it('leads from the home page to every channel with its public items, by keyboard in 长者模式', async () => {
    const page = await newPage(browser);
    await page.context().addCookies([{ name: 'gk_elder', value: '1', url: base }]);
    await page.goto(`${base}/`);
    await tabToLink(page, '互动交流');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/interaction`);
    expect(await page.locator('html').getAttribute('class')).toContain('elder');
    await expectNoAxeViolations(page);
    const headings = await page.locator('main h2').allTextContents();
    expect(headings).toEqual([
      '领导信箱和咨询',
      '意见征集',
      '在线调查',
      '在线访谈',
      '政务公开主题日和政府开放日',
    ]);
    // The demo's published replies, its open consultation and its survey results are listed under their channels.
    for (const key of ['letters', 'consultations', 'surveys', 'interviews', 'open-days'])
      expect(await page.locator(`section[aria-labelledby="hub-${key}"] li`).count()).toBeGreaterThan(0);
    await tabToLink(page, '来信选登');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/letters/replies`);
    await expectNoAxeViolations(page);
  });

  it('fills in the page address when 我为政府网站找错 is followed from a page', async () => {
    const page = await newPage(browser);
    await page.goto(`${base}/surveys`);
    await page.getByRole('link', { name: '我为政府网站找错' }).click();
    await page.waitForURL(/\/report-error\?page=%2Fsurveys$/);
    expect(await page.locator('[name="pageUrl"]').inputValue()).toBe('/surveys');
    await expectNoAxeViolations(page);
  });

  it('keeps the text of links styled as buttons readable in 长者模式 (back-office lists)', async () => {
    const page = await newPage(browser);
    await page.context().addCookies([{ name: 'gk_elder', value: '1', url: base }]);
    await login(page, base, 'gkadmin', DEMO_PASSWORD);
    for (const path of ['/admin/documents', '/admin/surveys', '/admin/interviews', '/admin/open-days']) {
      await page.goto(`${base}${path}`);
      expect(await page.locator('main a.button-primary').count()).toBeGreaterThan(0);
      await expectNoAxeViolations(page);
    }
  });
});
