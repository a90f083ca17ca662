/**
 * Browser journey of a 清理 batch (issue 11 §4): the 政务公开办 selects the documents (count first),
 * decides them — a missing reason shown on its row — submits, and a reviewer approves it into the
 * result document. axe-core (WCAG 2.1 AA) runs on every page visited.
 * Library entries come from the published hook; test/support/cleanup-entries.ts states their rows.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../../src/main.ts';
import {
  expectNoAxeViolations,
  launchBrowser,
  login,
  newPage,
  startTestSite,
  submitForm,
  type TestSite,
} from '../support/browser.ts';
import { publishPolicy } from '../support/cleanup-entries.ts';
import { buildUser, PASSWORD } from '../support/factories.ts';
import type { TestApp } from '../support/test-app.ts';

const DEMO_PASSWORD = 'Demo@2026';
let site: TestSite;
let running: Running;
let browser: Browser;
let base: string;
let reviewerName = '';

const submit = submitForm;

beforeAll(async () => {
  site = await startTestSite('cleanup', { policies: false }); // the test's own library, not the demo's;
  running = site.running;
  base = running.url;
  browser = await launchBrowser();
  const app = running.app as unknown as TestApp;
  const dept = (await app.unitRepo.findByName('县发展和改革局'))!;
  const county = (await app.unitRepo.findByName('示范县人民政府'))!;
  const staff = {
    clerk: (await buildUser(app, dept, ['clerk'])).ctx,
    confidentiality: (await buildUser(app, dept, ['confidentiality_reviewer'])).ctx,
    reviewer: (await buildUser(app, dept, ['reviewer'])).ctx,
  };
  await publishPolicy(app, dept, staff, '清理浏览器测试甲办法', { publishedOn: '2024-04-01' });
  await publishPolicy(app, dept, staff, '清理浏览器测试乙规定', { publishedOn: '2024-05-01' });
  reviewerName = (await buildUser(app, county, ['reviewer'])).username;
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

describe('文件清理 in a browser', () => {
  it('the office selects, decides and submits a batch; a reviewer approves it', async () => {
    const office = await newPage(browser);
    await login(office, base, 'gkadmin', DEMO_PASSWORD);
    await office.goto(`${base}/admin/policies/cleanups`);
    await expectNoAxeViolations(office);
    await office.getByRole('link', { name: '新建清理批次' }).click();
    await office.getByLabel('包括下级单位制定的文件').check();
    await office.getByLabel('公布日期起').fill('2024-01-01');
    await office.getByRole('button', { name: '查看符合条件的文件' }).click();
    await office.waitForLoadState('load');
    const status = (await office.getByRole('status').first().textContent()) ?? '';
    expect(status).toMatch(/共 \d+ 件文件符合条件/);
    expect(await office.locator('main').textContent()).toContain('清理浏览器测试甲办法');
    await expectNoAxeViolations(office);
    await office.getByLabel('清理名称').fill('浏览器测试清理');
    await office.getByLabel('清理依据').fill('《测试省行政规范性文件管理办法》');
    const n = Number(/共 (\d+) 件/.exec(status)![1]);
    expect(await submit(office, `建立清理批次（${n}件）`)).toBe(303);
    expect(await office.locator('h1').textContent()).toBe('浏览器测试清理');
    await expectNoAxeViolations(office);
    await office.getByLabel('《清理浏览器测试甲办法》的清理结论').selectOption('repeal');
    expect(await submit(office, '保存清理结论')).toBe(422);
    const link = office.locator('.error-summary a', { hasText: '《清理浏览器测试甲办法》' });
    expect(await link.count()).toBe(1);
    await expectNoAxeViolations(office);
    await office.getByLabel('《清理浏览器测试甲办法》的清理理由').fill('上位法已废止');
    expect(await submit(office, '保存清理结论')).toBe(303);
    expect(await submit(office, '其余继续有效')).toBe(303);
    expect(await submit(office, '提交审核')).toBe(303);
    expect(await office.locator('main').textContent()).toContain('待审核');
    await office.context().close();

    const reviewer = await newPage(browser);
    await login(reviewer, base, reviewerName, PASSWORD);
    await reviewer.goto(`${base}/admin/policies/cleanups`);
    await reviewer.getByRole('link', { name: '浏览器测试清理' }).click();
    await expectNoAxeViolations(reviewer);
    expect(await submit(reviewer, '审核通过，生成清理结果文件')).toBe(303);
    await expectNoAxeViolations(reviewer);
    await reviewer.getByRole('link', { name: '清理结果文件' }).first().click();
    expect(await reviewer.locator('main').textContent()).toContain('关于公布行政规范性文件清理结果的决定');
    await reviewer.context().close();
  });
});
