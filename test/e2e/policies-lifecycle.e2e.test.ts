/**
 * Browser journey of the library's back office: the list, an entry (a refused event keeps what was typed,
 * then a recorded one), the settings page. axe-core (WCAG 2.1 AA) runs on every page visited.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_REQUEST, systemActor } from '../../src/lib/actor.ts';
import { todayInShanghai } from '../../src/lib/calendar/dates.ts';
import type { Policies } from '../../src/modules/policies/policies.services.ts';
import {
  expectNoAxeViolations,
  launchBrowser,
  login,
  newPage,
  startTestSite,
  submitForm,
  type TestSite,
} from '../support/browser.ts';
import { documentInput } from '../support/publishing.ts';

const PASSWORD = 'Demo@2026';
const SYSTEM = { actor: systemActor('测试'), meta: NO_REQUEST };

let site: TestSite;
let browser: Browser;
let base: string;
let docId: number;

const submit = submitForm;

beforeAll(async () => {
  site = await startTestSite('policies', { policies: false }); // the test's own library, not the demo's;
  base = site.running.url;
  const app = site.running.app;
  const unit = (await app.unitRepo.findByName('县发展和改革局'))!;
  const draft = await app.publishing.documents.createDraft(
    SYSTEM,
    unit.id,
    documentInput({
      kind: 'normative',
      title: '县发展和改革局项目资金管理办法',
      'meta.registrationNumber': 'SFDR-2026-01001',
      'meta.interpretationPlan': '由县发展和改革局同步起草文字解读。', // 三同步
      bodyHtml: '<p>本办法自印发之日起施行，有效期5年。</p>',
    }),
  );
  await app.publishing.review.forcePublish(SYSTEM, draft.id, '测试');
  docId = draft.id;
  await (app as unknown as { policies: Policies }).policies.expiry.sweep('2026-01-01');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

describe('library back office in a browser', () => {
  it('list, entry with a refused then a recorded event, settings — accessible', async () => {
    const page = await newPage(browser);
    await login(page, base, 'gkadmin', PASSWORD);
    await page.goto(`${base}/admin/policies`);
    expect((await page.locator('h1').textContent())?.trim()).toBe('规范性文件库');
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: '县发展和改革局项目资金管理办法' }).click();
    await page.waitForURL(`${base}/admin/policies/${docId}`);
    await expectNoAxeViolations(page);

    await page.getByLabel('事件类型').selectOption('repealed');
    await page.getByLabel('发生日期').fill(todayInShanghai(new Date())); // not before the 公布日期, which is the day the site published it
    await page.getByLabel('说明').fill('键盘输入的说明');
    expect(await submit(page, '记录')).toBe(422);
    expect(await page.locator('.error-summary a[href="#f-sourceDocumentId"]').count()).toBe(1);
    expect(await page.getByLabel('说明').inputValue()).toBe('键盘输入的说明');
    await expectNoAxeViolations(page);

    await page.getByLabel('依据文件标题').fill('关于废止部分规范性文件的决定');
    expect(await submit(page, '记录')).toBe(303);
    expect(await page.locator('.notice').textContent()).toContain('已记录有效性变化');
    await expectNoAxeViolations(page);

    await page.goto(`${base}/admin/policies/settings`);
    expect(await page.locator('h1').textContent()).toContain('文件库设置');
    await expectNoAxeViolations(page);
    await page.goto(`${base}/admin/documents/${docId}`);
    expect(await page.locator(`a[href="/admin/policies/${docId}"]`).count()).toBe(1);
    await expectNoAxeViolations(page);
  });
});
