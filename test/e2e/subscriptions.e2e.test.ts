/**
 * 政策找人 in the browser: subscribe by e-mail (errors first), confirm from the mail, manage, unsubscribe by
 * keyboard, the Atom address, and the admin page — every page passes axe-core and works without JavaScript.
 */
import { simpleParser } from 'mailparser';
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
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';

let site: TestSite;
let smtp: TestSmtpServer;
let browser: Browser;

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = 'gkb@example.gov.cn';
  try {
    site = await startTestSite('subscriptions');
  } finally {
    delete process.env.SMTP_URL;
    delete process.env.MAIL_FROM;
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
  await smtp?.close();
});

describe('政策找人 in the browser', () => {
  it('subscribes, confirms from the mail, manages and unsubscribes by keyboard; every page passes axe', async () => {
    const url = site.running.url;
    const page = await newPage(browser, { javaScriptEnabled: true });
    await page.goto(`${url}/subscribe`);
    await expectNoAxeViolations(page);
    await page.waitForTimeout(3_200); // the form refuses posts faster than a person (anti-abuse)
    let load = page.waitForEvent('load');
    await page.getByRole('button', { name: '邮件订阅' }).click();
    await load;
    expect(await page.locator('.error-summary a').allTextContents()).toEqual(
      expect.arrayContaining(['请勾选同意接收订阅邮件']),
    );
    await expectNoAxeViolations(page);

    await page.getByLabel('电子邮箱', { exact: true }).fill('wang.wu@example.com');
    await page.getByLabel('政策解读', { exact: true }).check();
    await page.getByLabel(/我同意本网站使用上述电子邮箱/).check();
    load = page.waitForEvent('load'); // the corrected form keeps its fill-time token: no second wait
    await page.getByRole('button', { name: '邮件订阅' }).click();
    await load;
    expect(await page.locator('h1').textContent()).toBe('请查收确认邮件');
    await expectNoAxeViolations(page);

    await site.running.app.mail.deliverDue(); // the demo's own mails go out too
    const mine = smtp.received.find((m) => m.to[0] === 'wang.wu@example.com');
    const text = (await simpleParser(mine!.raw)).text ?? '';
    const link = /\/subscribe\/confirm\/\S+/.exec(text)?.[0];
    await page.goto(`${url}${link}`);
    await expectNoAxeViolations(page);
    load = page.waitForEvent('load');
    await page.getByRole('button', { name: '确认订阅' }).click();
    await load;
    expect(await page.locator('h1').textContent()).toBe('订阅成功');
    await expectNoAxeViolations(page);

    load = page.waitForEvent('load');
    await page.getByRole('link', { name: '管理订阅' }).click();
    await load;
    expect(await page.getByLabel('政策解读', { exact: true }).isChecked()).toBe(true);
    await expectNoAxeViolations(page);
    await page.getByLabel('政策问答', { exact: true }).check();
    load = page.waitForEvent('load');
    await page.getByRole('button', { name: '保存' }).click();
    await load;
    expect(await page.locator('.notice').textContent()).toContain('订阅内容已保存');

    load = page.waitForEvent('load');
    await page.getByRole('link', { name: '退订' }).click();
    await load;
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '确认退订' }).focus();
    load = page.waitForEvent('load');
    await page.keyboard.press('Enter');
    await load;
    expect(await page.locator('h1').textContent()).toBe('已退订');
  });

  it('makes an Atom address without JavaScript; the admin page passes axe', async () => {
    const url = site.running.url;
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${url}/subscribe`);
    await page.getByLabel('规范性文件', { exact: true }).check();
    const load = page.waitForEvent('load');
    await page.getByRole('button', { name: '生成订阅地址' }).click();
    await load;
    const feed = await page.getByRole('link', { name: /feed\.atom/ }).getAttribute('href');
    expect(feed).toMatch(/\/subscriptions\/feed\.atom\?kind=normative$/);
    const r = await page.request.get(feed!);
    expect(r.status()).toBe(200);
    expect(await r.text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');

    const admin = await newPage(browser);
    await login(admin, url, 'gkadmin', 'Demo@2026');
    await admin.goto(`${url}/admin/subscriptions`);
    expect(await admin.locator('h1').textContent()).toBe('政策找人订阅');
    await expectNoAxeViolations(admin);
  });
});
