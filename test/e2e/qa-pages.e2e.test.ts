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
    // A published entry the demo's 待更新 sweep flagged (its only source was repealed or expired).
    const stale = await site.running.app.db
      .selectFrom('qa_entries')
      .select('question')
      .where('state', '=', 'published')
      .where('stale', '=', 1)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await page.getByLabel('查找问题').fill(stale.question);
    const loaded = page.waitForEvent('load');
    await page.getByRole('button', { name: '查找' }).press('Enter');
    await loaded;
    const entryLoaded = page.waitForEvent('load');
    await page.getByRole('link', { name: stale.question, exact: true }).click();
    await entryLoaded;
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
    const db = site.running.app.db;
    const inReview = await db
      .selectFrom('qa_entries')
      .select('id')
      .where('state', '=', 'in_review')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await page.goto(`${base}/admin/qa/${inReview.id}`);
    await expectNoAxeViolations(page);
    const open = await db
      .selectFrom('qa_questions')
      .select('question')
      .where('state', '=', 'open')
      .where('unit_id', 'is', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await page.goto(`${base}/admin/qa/questions`);
    const questionLoaded = page.waitForEvent('load');
    await page.getByRole('link', { name: open.question, exact: true }).click();
    await questionLoaded;
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
