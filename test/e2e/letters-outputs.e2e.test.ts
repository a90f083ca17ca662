/**
 * The public 来信选登 and 信箱办理情况统计 in Chromium at 1,280 px, at 390 px and in 长者模式: the list, a
 * filter and a letter's page reached by keyboard, the statistics with another month picked by keyboard. The
 * page never scrolls sideways; axe-core (WCAG 2.1 AA) finds nothing.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../src/lib/calendar/index.ts';
import {
  insertChannel,
  insertLetter,
  insertReply,
} from '../../src/modules/letters/letter-outputs.test-support.ts';
import {
  expectNoAxeViolations,
  launchBrowser,
  newPage,
  startTestSite,
  type TestSite,
} from '../support/browser.ts';
import { buildUser } from '../support/factories.ts';
import type { TestApp } from '../support/test-app.ts';

let site: TestSite;
let browser: Browser;
const TITLE = '关于<b>路灯</b>不亮的咨询';

beforeAll(async () => {
  site = await startTestSite('letters-outputs');
  browser = await launchBrowser();
  const app = site.running.app as unknown as TestApp;
  const dept = await app.unitRepo.findByName('县发展和改革局');
  if (!dept) throw new Error('demo unit 县发展和改革局 missing');
  const reviewer = (await buildUser(app, dept, ['reviewer'])).ctx;
  const box = await insertChannel(app.db, dept.id, { name: '发改局局长信箱' });
  const today = todayInShanghai(new Date());
  const id = await insertLetter(app.db, {
    channelId: box,
    unitId: dept.id,
    title: TITLE,
    receivedOn: today,
    dueOn: today,
    answeredOn: today,
    rating: 'basically',
  });
  await insertReply(app.db, id, dept.id, { body: '已安排维修。', sentAt: new Date().toISOString() });
  await app.letters.publication.publish(reviewer, id, {
    title: TITLE,
    body: '人民路**号门前路灯不亮。',
    reply: '已安排维修。',
    revision: 1,
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

async function check(page: Page, elder: boolean) {
  expect(await page.locator('html.elder').count()).toBe(elder ? 1 : 0);
  const w = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  expect(w.scroll).toBeLessThanOrEqual(w.inner);
  await expectNoAxeViolations(page);
}

describe('letters outputs in the browser', () => {
  for (const { width, elder } of [
    { width: 1280, elder: false },
    { width: 390, elder: false },
    { width: 390, elder: true },
  ]) {
    it(`replies and statistics at ${width} px${elder ? ' in 长者模式' : ''}`, async () => {
      const page = await newPage(browser, { viewport: { width, height: 900 } });
      const base = site.running.url;
      if (elder) await page.context().addCookies([{ name: 'gk_elder', value: '1', url: base }]);

      expect((await page.goto(`${base}/letters/replies`))?.status()).toBe(200);
      expect(await page.locator('h1').textContent()).toBe('来信选登');
      await check(page, elder);

      // Filter by box with the keyboard: the select, then Enter on the button.
      await page.locator('#f-box').focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.waitForURL(/box=/);
      const link = page.getByRole('link', { name: TITLE });
      expect(await link.count()).toBe(1);

      // The letter's page by keyboard.
      await link.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/letters\/replies\/\d+$/);
      expect(await page.locator('h1').textContent()).toBe(TITLE);
      expect(await page.locator('main').textContent()).toContain('已安排维修。');
      await check(page, elder);

      // The statistics, another period picked by keyboard.
      expect((await page.goto(`${base}/letters/stats`))?.status()).toBe(200);
      expect(await page.locator('main').textContent()).toContain('统计口径');
      await check(page, elder);
      await page.locator('#f-month').focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.waitForURL(/month=/);
      expect(await page.locator('h1').textContent()).toBe('信箱办理情况统计');
      await check(page, elder);
      await page.context().close();
    });
  }
});
