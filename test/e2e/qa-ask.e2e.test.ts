/**
 * The 问答 box in Chromium, by keyboard (长者模式 too): a citizen asks about 低保 → cited answers with their
 * validity; asks something nothing answers → sends it to a unit (errors first, then the confirmation).
 * axe-core finds no violation on any page. (The full journey through the queue is the lead's.)
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  launchBrowser,
  newPage,
  pressButton,
  startTestSite,
  type TestSite,
} from '../support/browser.ts';

let site: TestSite;
let browser: Browser;
let base: string;

beforeAll(async () => {
  site = await startTestSite('qa-ask', { '*': false, documents: true, policies: true });
  base = site.running.url;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

describe('问答 box', () => {
  it('answers a colloquial question with citations and their validity, by keyboard in 长者模式', async () => {
    const page = await newPage(browser); // the page has no script of its own
    await page.context().addCookies([{ name: 'gk_elder', value: '1', url: base }]);
    await page.goto(`${base}/ask`);
    expect(await page.locator('h1').textContent()).toBe('政策问答 · 我要提问');
    await expectNoAxeViolations(page);
    await page.getByLabel('您的问题').focus();
    await page.keyboard.type('低保由谁审核确认');
    await pressButton(page, '提问');
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('示范县最低生活保障审核确认办法');
    expect(main).toMatch(/现行有效（截至 \d{4}-\d{2}-\d{2}）/);
    expect(main).not.toContain('示范县最低生活保障实施办法'); // repealed: only under 历史文件
    await expectNoAxeViolations(page);
  });

  it('offers to send an unanswered question to a unit; errors are listed first, then the confirmation', async () => {
    const page = await newPage(browser);
    await page.goto(`${base}/ask?q=${encodeURIComponent('我家的狗走丢了怎么找回')}`);
    expect(await page.locator('main').textContent()).toContain('暂未找到能可靠回答这个问题');
    await expectNoAxeViolations(page);
    await page.waitForTimeout(3_200); // the form refuses posts faster than a person (anti-abuse)
    await page.getByLabel('联系邮箱（选填）').focus();
    await page.keyboard.type('not-an-email');
    await pressButton(page, '转交单位');
    await expect.poll(() => page.locator('.error-summary').textContent()).toContain('同意：');
    expect(await page.locator('textarea[name="question"]').inputValue()).toBe('我家的狗走丢了怎么找回');
    await expectNoAxeViolations(page);
    await page.getByLabel('联系邮箱（选填）').fill('');
    await page.getByLabel(/^我同意将以上问题/).focus();
    await page.keyboard.press('Space');
    await pressButton(page, '转交单位');
    expect(await page.locator('h1').textContent()).toBe('问题已转交');
    await expectNoAxeViolations(page);
  });
});
