/**
 * The public 规范性文件库 in Chromium at 1,280 px, at 390 px and in 长者模式: the library, a filtered view
 * reached by keyboard, a bad filter, and a document page with its validity panel; the feed parses as XML.
 * The page never scrolls sideways; axe-core (WCAG 2.1 AA) finds nothing.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  launchBrowser,
  newPage,
  startTestSite,
  type TestSite,
} from '../support/browser.ts';
import { publishPolicy, recordEvent } from '../support/library-entries.ts';
import { buildStaff } from '../support/publishing.ts';
import type { TestApp } from '../support/test-app.ts';

let site: TestSite;
let browser: Browser;
const ids = { kept: 0, repealed: 0, source: 0 };

beforeAll(async () => {
  site = await startTestSite('policies-library', { policies: false }); // the test's own library, not the demo's;
  browser = await launchBrowser();
  // The running app has the TestApp's services; only the fixed clock differs (not used here).
  const app = site.running.app as unknown as TestApp;
  const dept = await app.unitRepo.findByName('县发展和改革局');
  if (!dept) throw new Error('demo unit 县发展和改革局 missing');
  const staff = await buildStaff(app, dept);
  ids.kept = await publishPolicy(app, dept, staff, {
    title: '关于<b>价格</b>监测 & 预警的若干规定',
    docNumber: '示发改规〔2024〕1号',
    registrationNumber: 'SFGR-2024-00001',
    publishedOn: '2024-01-10',
    effectiveOn: '2024-02-01',
    expiresOn: '2029-01-31',
    expirySource: 'rule',
  });
  ids.source = await publishPolicy(app, dept, staff, {
    title: '关于废止部分规范性文件的决定',
    docNumber: '示发改规〔2025〕9号',
    publishedOn: '2025-11-20',
  });
  ids.repealed = await publishPolicy(app, dept, staff, {
    kind: 'regulation',
    title: '价格调节基金管理办法',
    docNumber: '示发改规〔2023〕2号',
    publishedOn: '2023-03-01',
    effectiveOn: '2023-03-01',
  });
  await recordEvent(app, ids.repealed, {
    type: 'repealed',
    occursOn: '2025-12-01',
    sourceDocumentId: ids.source,
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

async function fits(page: Page) {
  const w = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  expect(w.scroll).toBeLessThanOrEqual(w.inner);
}

async function check(page: Page, elder: boolean) {
  expect(await page.locator('html.elder').count()).toBe(elder ? 1 : 0);
  await fits(page);
  await expectNoAxeViolations(page);
}

describe('public library in the browser', () => {
  const cases = [
    { width: 1280, elder: false },
    { width: 390, elder: false },
    { width: 390, elder: true },
  ];
  for (const { width, elder } of cases) {
    it(`library, filters, a bad date and the panel at ${width} px${elder ? ' in 长者模式' : ''}`, async () => {
      const page = await newPage(browser, { viewport: { width, height: 900 } });
      const base = site.running.url;
      if (elder) await page.context().addCookies([{ name: 'gk_elder', value: '1', url: base }]);

      expect((await page.goto(`${base}/library`))?.status()).toBe(200);
      expect(await page.locator('h1').textContent()).toBe('规范性文件库');
      expect(await page.getByRole('link', { name: '关于<b>价格</b>监测 & 预警的若干规定' }).count()).toBe(1);
      // Titles stay readable on a phone: the table scrolls inside its wrapper instead of squeezing them.
      const title = (await page.locator('.library-table tbody td').first().boundingBox())!;
      expect(title.width).toBeGreaterThanOrEqual(12 * 16);
      await check(page, elder);

      // A filtered view by keyboard only: type a part of the 文号, then Enter submits the form.
      await page.locator('#f-docNumber').focus();
      await page.keyboard.type('示发改规[2023]');
      await page.keyboard.press('Enter');
      await page.waitForURL(/docNumber=/);
      expect(await page.getByRole('link', { name: '价格调节基金管理办法' }).count()).toBe(1);
      expect(await page.getByRole('link', { name: '关于废止部分规范性文件的决定' }).count()).toBe(0);
      expect(await page.locator('td', { hasText: '已废止' }).count()).toBe(1);
      await check(page, elder);

      // The kind switch keeps the filters; a bad date is named, ignored and kept.
      await page.goto(`${base}/library?kind=normative&asOf=2026-13-01`);
      expect(await page.locator('.error-summary').textContent()).toContain('在某日有效：应为有效日期');
      expect(await page.locator('#f-asOf').inputValue()).toBe('2026-13-01');
      expect(await page.getByRole('link', { name: '关于废止部分规范性文件的决定' }).count()).toBe(1);
      await check(page, elder);

      // The document page with its validity panel and the history's source link.
      await page.goto(`${base}/documents/${ids.repealed}`);
      const panel = page.getByRole('region', { name: '文件库信息' });
      expect(await panel.textContent()).toContain('已废止');
      await panel.getByRole('link', { name: '关于废止部分规范性文件的决定' }).waitFor();
      await check(page, elder);

      // The feed is well-formed XML with the escaped title read back as text.
      const feed = await page.evaluate(async () => {
        const xml = await (await fetch('/library/feed.xml')).text();
        const doc = new DOMParser().parseFromString(xml, 'application/xml');
        return {
          error: doc.getElementsByTagName('parsererror').length,
          titles: [...doc.getElementsByTagName('entry')].map(
            (e) => e.getElementsByTagName('title')[0]?.textContent,
          ),
        };
      });
      expect(feed.error).toBe(0);
      expect(feed.titles).toContain('关于<b>价格</b>监测 & 预警的若干规定');
      expect(feed.titles).toContain('废止：价格调节基金管理办法');
      await page.context().close();
    });
  }
});
