/** The figures pages in the browser: table 二, a figure's list, the 解读 rates and an error — axe-clean. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../../src/main.ts';
import {
  expectNoAxeViolations,
  launchBrowser,
  login,
  newPage,
  startTestSite,
  type TestSite,
} from '../support/browser.ts';

let site: TestSite;
let running: Running;
let browser: Browser;

beforeAll(async () => {
  site = await startTestSite('fig', { policies: false }); // the test's own library, not the demo's;
  running = site.running;
  browser = await launchBrowser();
  // One demo document filed in the county's library by hand (the library's own hook lands separately).
  const db = running.app.db;
  const doc = await db
    .selectFrom('documents')
    .select(['id', 'title'])
    .where('state', '=', 'published')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const county = await db
    .selectFrom('units')
    .select('id')
    .where('name', '=', '示范县人民政府')
    .executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  await db
    .insertInto('policy_entries')
    .values({
      document_id: doc.id,
      unit_id: county.id,
      kind: 'normative',
      title: doc.title,
      doc_number: null,
      issuers: null,
      registration_number: null,
      published_on: '2025-06-01',
      effective_on: '2025-06-01',
      expires_on: null,
      expiry_source: 'none',
      topic_id: null,
      state: 'in_force',
      certainty: 'official',
      state_since: '2025-06-01',
      no_interpretation_reason: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

describe('年度报告表二 and 政策解读统计 in the browser', () => {
  it('table 二 links to a list; the rates page and its error summary pass axe', async () => {
    const page = await newPage(browser);
    await login(page, running.url, 'gkadmin', 'Demo@2026');
    await page.goto(`${running.url}/admin/policies/figures?year=2025`);
    expect(await page.locator('h1').textContent()).toContain('年度报告表二');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: /行政规范性文件本年制发件数清单/ }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('h1').textContent()).toContain('行政规范性文件本年制发件数：1 件');
    await expectNoAxeViolations(page);
    await page.goto(`${running.url}/admin/policies/interpretation-rates?year=2025`);
    expect(await page.locator('table').first().textContent()).toContain('0 ÷ 1 = 0.0%');
    await expectNoAxeViolations(page);
    await page.getByLabel('开始日期').fill('2025-13-01');
    await page.getByRole('button', { name: '查看' }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('.error-summary').textContent()).toContain('开始日期应为有效日期');
    await expectNoAxeViolations(page);
  });
});
