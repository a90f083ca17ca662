/**
 * 政民互动 letters journey in Chromium: a citizen (长者模式, keyboard only) writes → the 政务公开办 routes →
 * the unit drafts and submits → a reviewer sends → the citizen reads it with 编号 + 查询码 and rates it.
 * axe-core finds no violation on any page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  launchBrowser,
  login,
  newPage,
  startTestSite,
  type TestSite,
} from '../support/browser.ts';

const PASSWORD = 'Demo@2026';
let site: TestSite;
let browser: Browser;
let base: string;
const letter = { reference: '', lookupCode: '', id: 0 };

async function checkPage(page: Page, heading: string | RegExp): Promise<void> {
  const h1 = (await page.locator('h1').first().textContent())?.trim() ?? '';
  if (typeof heading === 'string') expect(h1).toBe(heading);
  else expect(h1).toMatch(heading);
  await expectNoAxeViolations(page);
}

/** Focuses a field by its label and types into it, as a keyboard user does. */
async function type(page: Page, label: string, text: string): Promise<void> {
  await page.getByLabel(new RegExp(`^${label}(（必填）)?$`)).focus();
  await page.keyboard.type(text);
}

/** Focuses a submit button and presses Enter; waits for the next document; returns the POST's status. */
async function press(page: Page, button: string, scope: Pick<Page, 'getByRole'> = page): Promise<number> {
  const posted = page.waitForResponse(
    (r) => r.request().method() === 'POST' && r.request().isNavigationRequest(),
  );
  // The next document's load event, registered before the press (waitForLoadState alone may resolve on
  // the page still shown while the redirect is under way).
  const loaded = page.waitForEvent('load');
  await scope.getByRole('button', { name: button, exact: true }).focus();
  await page.keyboard.press('Enter');
  const response = await posted;
  await loaded;
  return response.status();
}

const eventForm = (page: Page, heading: string) =>
  page.locator('form.event-form').filter({ has: page.getByRole('heading', { name: heading, exact: true }) });

async function staff(username: string): Promise<Page> {
  const page = await newPage(browser);
  await login(page, base, username, PASSWORD);
  return page;
}

beforeAll(async () => {
  site = await startTestSite('letters', {
    tasks: false,
    documents: false,
    requests: false,
    policies: false,
    reports: false,
  });
  base = site.running.url;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

describe('letters journey', () => {
  it('a citizen in 长者模式 writes to 县长信箱 by keyboard (errors first, then the receipt)', async () => {
    const page = await newPage(browser);
    await page.context().addCookies([{ name: 'gk_elder', value: '1', url: base }]);
    await page.goto(`${base}/letters`);
    expect(await page.locator('html').getAttribute('class')).toContain('elder');
    await checkPage(page, '写信咨询');
    await page.getByRole('link', { name: '写信给县长信箱' }).focus();
    await Promise.all([page.waitForURL(/\/letters\/write\/\d+$/), page.keyboard.press('Enter')]);
    await checkPage(page, '写信：县长信箱');

    await page.waitForTimeout(3_200); // the form refuses posts faster than a person (anti-abuse)
    expect(await press(page, '提交来信')).toBe(422);
    await checkPage(page, '写信：县长信箱');
    await expect.poll(() => page.locator('.error-summary').textContent()).toContain('请填写姓名');

    await type(page, '姓名', '欧阳明');
    await type(page, '联系电话', '13800138000');
    await page.getByLabel('建议', { exact: true }).focus();
    await page.keyboard.press('Space');
    await type(page, '标题', '建议延长政务服务中心周末开放时间');
    await type(page, '内容', '上班族工作日难以办事，建议周六上午开放。');
    await page.getByLabel('同意公开', { exact: true }).focus();
    await page.keyboard.press('Space');
    expect(await press(page, '提交来信')).toBe(200);
    await checkPage(page, '来信已提交');
    const [reference = '', lookupCode = ''] = await page.locator('.code-box').allTextContents();
    expect(reference).toMatch(/^XX\d{4}-\d{6}$/);
    Object.assign(letter, { reference, lookupCode });
    letter.id = (await site.running.app.letters.repo.findByReference(reference))!.id;
  });

  it('the 政务公开办 routes it to 县发展和改革局', async () => {
    const page = await staff('gkadmin');
    await page.goto(`${base}/admin/letters?tab=received`);
    await checkPage(page, '政民互动来信');
    await page.getByRole('link', { name: letter.reference }).click();
    await checkPage(page, /^XX\d{4}-\d{6}：建议延长政务服务中心周末开放时间$/);
    const form = eventForm(page, '分办');
    await form.getByLabel('承办单位').selectOption({ label: '县发展和改革局' });
    expect(await press(page, '分办', form)).toBe(303);
    await checkPage(page, /建议延长政务服务中心周末开放时间/);
    expect(await page.locator('main').textContent()).toContain('办理中');
  });

  it('the unit drafts, saves and submits the reply; a reviewer sends it', async () => {
    const clerk = await staff('clerk');
    await clerk.goto(`${base}/admin/letters/${letter.id}`);
    await checkPage(clerk, /建议延长政务服务中心周末开放时间/);
    await type(clerk, '答复内容', '感谢建议。自下月起，政务服务中心每周六上午开放。');
    expect(await press(clerk, '保存草稿')).toBe(303);
    expect(await clerk.locator('main').textContent()).toContain('草稿');
    expect(await press(clerk, '提交审核')).toBe(303);
    await checkPage(clerk, /建议延长政务服务中心周末开放时间/);

    const reviewer = await staff('reviewer');
    await reviewer.goto(`${base}/admin/letters/${letter.id}`);
    await checkPage(reviewer, /建议延长政务服务中心周末开放时间/);
    expect(await press(reviewer, '审核通过并发送', eventForm(reviewer, '审核通过并发送'))).toBe(303);
    expect(await reviewer.locator('main').textContent()).toContain('已答复');
  });

  it('the citizen reads the reply with 编号 + 查询码 and rates it', async () => {
    const page = await newPage(browser);
    await page.context().addCookies([{ name: 'gk_elder', value: '1', url: base }]);
    await page.goto(`${base}/letters/query`);
    await checkPage(page, '查询来信办理情况');
    await type(page, '编号', letter.reference);
    await type(page, '查询码', letter.lookupCode);
    expect(await press(page, '查询')).toBe(200);
    await checkPage(page, '查询来信办理情况');
    expect(await page.locator('main').textContent()).toContain('政务服务中心每周六上午开放');
    await page.getByLabel('满意', { exact: true }).focus();
    await page.keyboard.press('Space');
    expect(await press(page, '提交评价')).toBe(200);
    await checkPage(page, '查询来信办理情况');
    expect(await page.locator('main').textContent()).toContain('您的评价：满意');
  });
});
