/**
 * The ledger matrix (issue 10 §6) on a 1,280 px window and on a 390 px phone: the page never scrolls
 * sideways, the matrix scrolls inside its own region, the task column stays in view while it does,
 * and task names stay readable. axe-core (WCAG 2.1 AA) at both widths.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

beforeAll(async () => {
  site = await startTestSite('ledger-layout');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

describe('ledger matrix layout', () => {
  const cases = [
    { width: 1280, elder: false },
    { width: 390, elder: false },
    { width: 390, elder: true },
  ];
  for (const { width, elder } of cases) {
    it(`fits a ${width} px window${elder ? ' in 长者模式' : ''}: only the matrix scrolls, its task column stays put`, async () => {
      const page = await newPage(browser, { viewport: { width, height: 900 } });
      const base = site.running.url;
      await login(page, base, 'gkadmin', 'Demo@2026');
      if (elder) await page.context().addCookies([{ name: 'gk_elder', value: '1', url: base }]);
      await page.goto(`${base}/admin/tasks`);
      const region = page.getByRole('region', { name: '任务与单位矩阵' });
      await region.waitFor();
      expect(await page.locator('html.elder').count()).toBe(elder ? 1 : 0);
      const pageWidth = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        inner: window.innerWidth,
      }));
      expect(pageWidth.scroll).toBeLessThanOrEqual(pageWidth.inner);
      const box = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      // The demo plan has tasks for every 县直 unit: far more columns than either window holds.
      expect(box.scroll).toBeGreaterThan(box.client);
      const taskCell = region.locator('tbody th[scope="row"]').first();
      const cellWidth = (await taskCell.boundingBox())!.width;
      // Readable: at least eight characters of a task name on a line (16 px per character or more).
      expect(cellWidth).toBeGreaterThanOrEqual(8 * 14);
      const before = (await taskCell.boundingBox())!.x;
      await region.evaluate((el) => {
        el.scrollLeft = el.scrollWidth;
      });
      const after = (await taskCell.boundingBox())!.x;
      expect(Math.abs(after - before)).toBeLessThan(1);
      // The region is reachable by keyboard so it can be scrolled without a mouse.
      expect(await region.getAttribute('tabindex')).toBe('0');
      await expectNoAxeViolations(page);
      await page.context().close();
    });
  }
});
