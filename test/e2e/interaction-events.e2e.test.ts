/**
 * Browser journeys of 在线访谈 and 主题日 / 开放日, by keyboard, in 长者模式, axe-clean: a citizen asks a
 * question before an interview; a citizen registers for an open day and sees the places left.
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

let site: TestSite;
let browser: Browser;
let base: string;

beforeAll(async () => {
  site = await startTestSite('events', { tasks: false, documents: false, reports: false, requests: false });
  base = site.running.url;
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

async function elderPage(): Promise<Page> {
  const page = await newPage(browser);
  await page.context().addCookies([{ name: 'gk_elder', value: '1', url: base }]);
  return page;
}

/** Moves the focus with Tab until the link or form control named `name` has it (keyboard only). */
async function tabTo(page: Page, name: string, max = 80): Promise<void> {
  const link = !/^(姓名|联系电话|昵称|您的问题|人大代表|提交)/.test(name);
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate((wantLink) => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || (el.tagName === 'A') !== wantLink) return '';
      const id = el.id;
      const label = id ? document.querySelector(`label[for="${id}"]`)?.textContent : null;
      return (label ?? el.textContent ?? '').trim();
    }, link);
    if (focused.startsWith(name)) return;
  }
  throw new Error(`could not reach “${name}” by Tab`);
}

describe('政民互动 events in the browser', () => {
  it('a citizen asks a question in advance of an interview', async () => {
    const page = await elderPage();
    await page.goto(`${base}/interviews`);
    expect(await page.locator('html').getAttribute('class')).toContain('elder');
    await expectNoAxeViolations(page);
    await tabTo(page, '城乡居民医疗保险参保政策问答');
    await Promise.all([page.waitForURL(/\/interviews\/\d+$/), page.keyboard.press('Enter')]);
    await expectNoAxeViolations(page);
    await tabTo(page, '提交问题');
    await page.waitForTimeout(3_200); // the form refuses posts faster than a person (anti-abuse)
    await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
    await page.waitForSelector('.error-summary');
    expect(await page.locator('.error-summary').textContent()).toContain('请填写问题内容');
    await expectNoAxeViolations(page);
    await tabTo(page, '昵称');
    await page.keyboard.type('老李');
    await tabTo(page, '您的问题');
    await page.keyboard.type('参保缴费可以在手机上办理吗？');
    await page.waitForTimeout(3_200);
    await tabTo(page, '提交问题');
    await Promise.all([page.waitForURL(/asked=1/), page.keyboard.press('Enter')]);
    expect(await page.locator('.notice').textContent()).toContain('审核通过后将在本页显示');
    expect(await page.locator('main').textContent()).not.toContain('参保缴费可以在手机上办理吗');
    await expectNoAxeViolations(page);
  });

  it('a citizen registers for an open day, the capacity shown before and after', async () => {
    const page = await elderPage();
    await page.goto(`${base}/open-days`);
    await expectNoAxeViolations(page);
    await tabTo(page, '政府开放日：走进县医疗保障局');
    await Promise.all([page.waitForURL(/\/open-days\/\d+$/), page.keyboard.press('Enter')]);
    expect(await page.locator('main').textContent()).toContain('共 30 名，已报名 0 名，剩余 30 名');
    await expectNoAxeViolations(page);
    await tabTo(page, '姓名');
    await page.keyboard.type('王小明');
    await tabTo(page, '联系电话');
    await page.keyboard.type('1380000');
    await page.waitForTimeout(3_200);
    await tabTo(page, '提交报名');
    await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
    await page.waitForSelector('.error-summary');
    const errors = await page.locator('.error-summary').textContent();
    expect(errors).toContain('联系电话应为 11 位手机号码');
    expect(errors).toContain('请选择参加身份');
    expect(await page.getByLabel('姓名').inputValue()).toBe('王小明');
    await expectNoAxeViolations(page);
    await tabTo(page, '联系电话');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('13800005678');
    await tabTo(page, '人大代表');
    await page.keyboard.press('ArrowDown'); // radios move by arrow keys: 政协委员 … 普通市民
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(3_200);
    await tabTo(page, '提交报名');
    await Promise.all([page.waitForURL(/registered=1/), page.keyboard.press('Enter')]);
    expect(await page.locator('.notice').textContent()).toContain('报名成功');
    expect(await page.locator('main').textContent()).toContain('共 30 名，已报名 1 名，剩余 29 名');
    await expectNoAxeViolations(page);
    await page.goto(`${base}/open-days/plan`);
    await expectNoAxeViolations(page);
    expect(await page.locator('table').textContent()).toContain('政府开放日：走进县医疗保障局');
  });

  it('the back-office pages (interview, event, sign-in list, forms) pass axe', async () => {
    const page = await newPage(browser);
    await login(page, base, 'gkadmin', 'Demo@2026');
    for (const path of [
      '/admin/interviews',
      '/admin/interviews/1',
      '/admin/interviews/new',
      '/admin/open-days',
      '/admin/open-days/1',
      '/admin/open-days/2',
      '/admin/open-days/3/sign-in',
      '/admin/open-days/new',
    ]) {
      await page.goto(`${base}${path}`);
      expect(page.url()).toContain(path);
      await expectNoAxeViolations(page);
    }
    expect(await page.locator('main').textContent()).toContain('邀请对象');
  });
});
