/**
 * The 政策问答 pages in the browser, axe-clean (the full citizen journey is the lead's): the public list
 * with a search, an entry with its sources (a 待更新 one with its notice), and the back office — list,
 * form (also rejected), entry page, queue, question, exchange and settings.
 */
import type { Browser } from 'playwright-core';
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
  site = await startTestSite('qa', { '*': false, documents: true, policies: true, qa: true });
  base = site.running.url;
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

describe('政策问答 pages in the browser', () => {
  it('public list, search and entries pass axe; a 待更新 entry says so', async () => {
    const page = await newPage(browser);
    await page.goto(`${base}/qa`);
    await expectNoAxeViolations(page);
    await page.getByLabel('查找问题').fill('低保怎么申请');
    const loaded = page.waitForEvent('load');
    await page.getByRole('button', { name: '查找' }).press('Enter');
    await loaded;
    await page.getByRole('link', { name: '最低生活保障怎么申请？' }).click();
    expect(await page.content()).toContain('本问答所依据的文件已变化，正在更新');
    await expectNoAxeViolations(page);
  });

  it('back-office pages pass axe, also a rejected form', async () => {
    const page = await newPage(browser);
    await login(page, base, 'gkadmin', DEMO_PASSWORD);
    for (const path of [
      '/admin/qa',
      '/admin/qa/new',
      '/admin/qa/questions',
      '/admin/qa/exchange',
      '/admin/qa/settings',
    ]) {
      await page.goto(`${base}${path}`);
      await expectNoAxeViolations(page);
    }
    await page.goto(`${base}/admin/qa`);
    await page.getByRole('link', { name: '义务教育阶段入学需要准备哪些材料？' }).click();
    await expectNoAxeViolations(page);
    await page.goto(`${base}/admin/qa/questions`);
    await page.getByRole('link', { name: '新生儿医保在哪里办理？' }).click();
    await expectNoAxeViolations(page);
    await page.goto(`${base}/admin/qa/new`);
    await page.getByLabel('条款').first().fill('十条');
    const loaded = page.waitForEvent('load');
    await page.getByRole('button', { name: '保存' }).click();
    await loaded;
    expect(await page.content()).toContain('请填写问题');
    await expectNoAxeViolations(page);
  });
});
