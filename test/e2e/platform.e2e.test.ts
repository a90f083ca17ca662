/**
 * Browser journeys of the platform foundation (issue “Platform foundation” §9): log-in and
 * lock-out, the 三员 at work (系统管理员 creates a unit, 安全管理员 an account, 安全审计员 finds
 * both in the audit log and exports it), form errors, keyboard access, pages without JavaScript
 * and 长者模式. Every page visited with JavaScript is checked with axe-core against WCAG 2.1 AA.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_REQUEST, systemActor } from '../../src/lib/actor.ts';
import type { Running } from '../../src/main.ts';
import {
  expectNoAxeViolations,
  launchBrowser,
  login,
  newPage,
  startTestSite,
  submitLogin,
  type TestSite,
} from '../support/browser.ts';

const PASSWORD = 'Demo@2026';
const ROOT_UNIT = '示范县人民政府';
const DEMO_USERS: [username: string, displayName: string][] = [
  ['sysadmin', '王系统'],
  ['secadmin', '李安全'],
  ['auditor', '赵审计'],
  ['gkadmin', '陈公开'],
  ['clerk', '刘信息'],
  ['reviewer', '周审核'],
  ['secrecy', '吴保密'],
];

let site: TestSite;
let running: Running;
let browser: Browser;
let base: string;
let rootId: number;
/** One logged-in page per demo account, reused across the journeys. */
const sessions = new Map<string, Page>();

/** What the journeys create, shared by the later ones (the file runs in order). */
const suffix = Date.now().toString(36).slice(-4);
const newUnitName = `县数据资源局${suffix}`;
const newUsername = `e2e.user${suffix}`;
const newDisplayName = '测试专员';
let newUnitId: number | undefined;

/** Goes to `to`, checks the status and the page heading, then runs axe on it. */
async function visit(page: Page, to: string, heading: string | RegExp): Promise<void> {
  const response = await page.goto(`${base}${to}`);
  expect(response?.status(), `GET ${to}`).toBeLessThan(400);
  await expectHeading(page, heading);
  await expectNoAxeViolations(page);
}

async function expectHeading(page: Page, heading: string | RegExp): Promise<void> {
  const h1 = (await page.locator('h1').first().textContent())?.trim() ?? '';
  if (typeof heading === 'string') expect(h1).toBe(heading);
  else expect(h1).toMatch(heading);
}

/**
 * Clicks a submit button and waits for the resulting document; returns the status of the POST
 * (303 when it redirected, after the redirect target has loaded).
 */
async function submit(page: Page, button: string): Promise<number> {
  const posted = page.waitForResponse(
    (r) => r.request().method() === 'POST' && r.request().isNavigationRequest(),
  );
  await page.getByRole('button', { name: button, exact: true }).click();
  const response = await posted;
  const location = response.headers().location;
  if (response.status() === 303 && location) {
    const target = new URL(location, response.url());
    await page.waitForURL((u) => u.pathname === target.pathname && u.search === target.search);
  }
  await page.waitForLoadState('load');
  return response.status();
}

async function session(username: string): Promise<Page> {
  let page = sessions.get(username);
  if (!page) {
    page = await newPage(browser);
    await login(page, base, username, PASSWORD);
    sessions.set(username, page);
  }
  return page;
}

async function tableText(page: Page): Promise<string> {
  return (await page.locator('table tbody').textContent()) ?? '';
}

beforeAll(async () => {
  site = await startTestSite('platform');
  running = site.running;
  base = running.url;
  const root = await running.app.unitRepo.findByName(ROOT_UNIT);
  if (!root) throw new Error('demo data missing');
  rootId = root.id;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

describe('platform foundation in a browser', () => {
  it('public pages pass WCAG 2.1 AA: home, 机构设置, a unit page, search, 无障碍说明', async () => {
    const page = await newPage(browser);
    await visit(page, '/', running.app.config.SITE_NAME);
    expect(await page.locator(`main a[href="/units/${rootId}"]`).count()).toBe(1);
    await visit(page, '/units', '机构设置');
    await visit(page, `/units/${rootId}`, ROOT_UNIT);
    await visit(page, `/search?q=${encodeURIComponent('发展')}`, '搜索政府信息');
    expect(await page.locator('main').textContent()).toContain('县发展和改革局');
    await visit(page, '/accessibility', '无障碍说明');
    await page.context().close();
  });

  it('every demo account logs in and reaches its 工作台 (/admin) with the right menu', async () => {
    for (const [username, displayName] of DEMO_USERS) {
      const page = await session(username);
      expect(new URL(page.url()).pathname).toBe('/admin');
      await expectHeading(page, '工作台');
      expect(await page.locator('.user-box').textContent()).toContain(displayName);
      await expectNoAxeViolations(page);
    }
    const nav = async (u: string) => (await sessions.get(u)!.locator('nav.main-nav').textContent()) ?? '';
    expect(await nav('sysadmin')).toContain('单位管理');
    expect(await nav('sysadmin')).not.toContain('审计日志');
    expect(await nav('secadmin')).toContain('账户与角色');
    expect(await nav('auditor')).toContain('审计日志');
    expect(await nav('auditor')).not.toContain('账户与角色');
    expect(await nav('clerk')).not.toContain('单位管理');
  });

  it('a wrong password shows the error summary on the log-in page', async () => {
    const page = await newPage(browser);
    const status = await submitLogin(page, base, 'gkadmin', 'wrong-password');
    expect(status).toBe(401);
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('用户名或密码不正确');
    expect(await summary.locator('a').getAttribute('href')).toBe('#f-username');
    // The user name is kept, the password never echoed back.
    expect(await page.locator('#f-username').inputValue()).toBe('gkadmin');
    expect(await page.locator('#f-password').inputValue()).toBe('');
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it('five wrong passwords lock the account; then even the right password is refused', async () => {
    const username = `locked${suffix}`;
    const ctx = { actor: systemActor('e2e'), meta: NO_REQUEST };
    await running.app.users.createUser(
      ctx,
      { username, displayName: '锁定测试', unitId: rootId },
      { password: PASSWORD, mustChange: false },
    );
    const page = await newPage(browser);
    for (let i = 1; i <= 5; i++) {
      const status = await submitLogin(page, base, username, `Wrong#Pass${i}`);
      const text = (await page.locator('.error-summary').textContent()) ?? '';
      if (i < 5) {
        expect(status).toBe(401);
        expect(text).toContain('用户名或密码不正确');
      } else {
        expect(status).toBe(423);
        expect(text).toContain('锁定');
      }
    }
    const status = await submitLogin(page, base, username, PASSWORD);
    expect(status).toBe(423);
    expect(await page.locator('.error-summary').textContent()).toMatch(/账户已锁定.*后再试/);
    expect(new URL(page.url()).pathname).toBe('/login');
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it('系统管理员 creates a unit under 示范县人民政府', async () => {
    const page = await session('sysadmin');
    await visit(page, '/admin/units', '单位管理');
    await page.getByRole('link', { name: ROOT_UNIT, exact: true }).click();
    await page.waitForURL(`${base}/admin/units/${rootId}`);
    await expectHeading(page, ROOT_UNIT);
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: '新建下级单位' }).click();
    await page.waitForURL((u) => u.pathname === '/admin/units/new');
    await expectHeading(page, `在“${ROOT_UNIT}”下新建单位`);
    await expectNoAxeViolations(page);

    await page.getByLabel('单位类型').selectOption({ label: '部门' });
    await page.getByLabel('单位名称').fill(newUnitName);
    await page.getByLabel('简称').fill('数据局');
    await page.getByLabel('机构职能').fill('负责全县数据资源整合共享和开发利用。');
    await page.getByLabel('联系电话').fill('0745-8220000');
    expect(await submit(page, '创建单位')).toBe(303);
    const url = new URL(page.url());
    expect(url.pathname).toMatch(/^\/admin\/units\/\d+$/);
    expect(url.searchParams.get('done')).toBe('created');
    newUnitId = Number(url.pathname.split('/').pop());
    await expectHeading(page, newUnitName);
    expect(await page.locator('.notice').textContent()).toContain('单位已创建');
    await expectNoAxeViolations(page);

    // The new unit is public straight away.
    const pub = await newPage(browser);
    await visit(pub, `/units/${newUnitId}`, newUnitName);
    expect(await pub.locator('main').textContent()).toContain('负责全县数据资源整合共享和开发利用。');
    await pub.context().close();
  });

  it('安全管理员 creates an account in the new unit and reads its one-time password', async () => {
    expect(newUnitId).toBeTypeOf('number');
    const page = await session('secadmin');
    await visit(page, '/admin/users', '账户与角色');
    await page.getByRole('link', { name: '新建账户' }).click();
    await page.waitForURL(`${base}/admin/users/new`);
    await expectHeading(page, '新建账户');
    await expectNoAxeViolations(page);

    await page.getByLabel('用户名').fill(newUsername);
    await page.getByLabel('姓名').fill(newDisplayName);
    await page.getByLabel('所属单位').selectOption(String(newUnitId));
    expect(await submit(page, '创建账户')).toBe(200);
    await expectHeading(page, '账户已创建');
    const password = (await page.locator('.notice strong.mono').textContent())?.trim() ?? '';
    expect(password.length).toBeGreaterThanOrEqual(8);
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: '返回账户详情' }).click();
    await page.waitForURL((u) => /^\/admin\/users\/\d+$/.test(u.pathname));
    await expectHeading(page, `${newDisplayName}（${newUsername}）`);
    expect(await page.locator('.summary-list').textContent()).toContain(newUnitName);
    expect(await page.locator('.summary-list').textContent()).toContain('待修改初始密码');
    await expectNoAxeViolations(page);

    // The new colleague logs in with it and must choose a password first.
    const colleague = await newPage(browser);
    await login(colleague, base, newUsername, password);
    expect(new URL(colleague.url()).pathname).toBe('/admin/password');
    await expectHeading(colleague, '修改密码');
    await expectNoAxeViolations(colleague);
    await colleague.goto(`${base}/admin`);
    expect(new URL(colleague.url()).pathname).toBe('/admin/password');
    await colleague.getByLabel('当前密码').fill(password);
    await colleague.getByLabel('新密码', { exact: false }).first().fill('Shuju#2026e2e');
    await colleague.getByLabel('再次输入新密码').fill('Shuju#2026e2e');
    expect(await submit(colleague, '保存新密码')).toBe(303);
    expect(await colleague.locator('.notice').first().textContent()).toContain('密码已修改');
    await visit(colleague, '/admin', '工作台');
    await colleague.context().close();
  });

  it('安全审计员 finds both events, filters them and exports CSV and Excel', async () => {
    const page = await session('auditor');
    await visit(page, '/admin/audit', '审计日志');
    const all = await tableText(page);
    expect(all).toContain('unit.create');
    expect(all).toContain(`新建单位“${newUnitName}”，上级单位“${ROOT_UNIT}”`);
    expect(all).toContain('user.create');
    expect(all).toContain(`新建账户“${newUsername}”（${newDisplayName}），所属单位“${newUnitName}”`);

    await page.getByLabel('操作类型').selectOption('unit.create');
    await page.getByLabel('操作人').fill('王系统');
    await page.getByRole('button', { name: '筛选' }).click();
    await page.waitForURL((u) => u.searchParams.get('action') === 'unit.create');
    await expectNoAxeViolations(page);
    const units = await tableText(page);
    expect(units).toContain(newUnitName);
    expect(units).not.toContain('user.create');
    expect(await page.locator('table tbody tr').count()).toBe(1);
    expect(await page.getByLabel('操作类型').inputValue()).toBe('unit.create');
    expect(await page.getByLabel('操作人').inputValue()).toBe('王系统');

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '导出 CSV' }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const csvText = readFileSync(await csv.path(), 'utf8');
    expect(csvText.charCodeAt(0)).toBe(0xfeff);
    expect(csvText).toContain('摘要');
    expect(csvText).toContain(newUnitName);
    expect(csvText).not.toContain(newUsername);

    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '导出 Excel' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = readFileSync(await xlsx.path());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    await page.getByLabel('操作类型').selectOption('user.create');
    await page.getByLabel('操作人').fill('');
    await page.getByRole('button', { name: '筛选' }).click();
    await page.waitForURL((u) => u.searchParams.get('action') === 'user.create');
    const users = await tableText(page);
    expect(users).toContain(newUsername);
    expect(users).not.toContain('unit.create');

    expect(await submit(page, '校验完整性')).toBe(200);
    expect(await page.locator('.notice').textContent()).toContain('完整性校验通过');
    await expectNoAxeViolations(page);
  });

  it('a rejected form lists its problems with links to the fields and keeps what was typed', async () => {
    const page = await session('sysadmin');
    await visit(page, `/admin/units/new?parent=${rootId}`, `在“${ROOT_UNIT}”下新建单位`);
    await page.getByLabel('简称').fill('无名局');
    await page.getByLabel('统一社会信用代码').fill('91350100M000100Y44');
    await page.getByLabel('办公地址').fill('示范县人民路 1 号');
    expect(await submit(page, '创建单位')).toBe(422);

    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.getAttribute('role')).toBe('alert');
    const hrefs = await summary.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain('#f-name');
    expect(hrefs).toContain('#f-creditCode');
    for (const href of hrefs) expect(await page.locator(href!).count()).toBe(1);
    expect(await page.locator('#f-name').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#f-creditCode').getAttribute('aria-describedby')).toContain('e-creditCode');
    expect(await page.locator('#e-creditCode').textContent()).toMatch(/\S/);
    // What was typed is still there.
    expect(await page.getByLabel('简称').inputValue()).toBe('无名局');
    expect(await page.getByLabel('统一社会信用代码').inputValue()).toBe('91350100M000100Y44');
    expect(await page.getByLabel('办公地址').inputValue()).toBe('示范县人民路 1 号');
    expect(await page.getByLabel('单位类型').inputValue()).toBe('department');
    await expectNoAxeViolations(page);

    // Following a link in the summary lands on the field.
    await summary.locator('a[href="#f-creditCode"]').click();
    expect(new URL(page.url()).hash).toBe('#f-creditCode');
  });

  it('系统管理员 pages pass WCAG 2.1 AA: unit tree, unit edit, 工作日历, 修改密码', async () => {
    const page = await session('sysadmin');
    await visit(page, '/admin/units', '单位管理');
    expect(await page.locator('main').textContent()).toContain(newUnitName);
    await visit(page, `/admin/units/${newUnitId}`, newUnitName);
    await visit(page, '/admin/calendar', '工作日历');
    await visit(page, '/admin/calendar/2027', '2027 年节假日安排');
    await visit(page, '/admin/password', '修改密码');
    const secadmin = await session('secadmin');
    await visit(secadmin, '/admin/users', '账户与角色');
    expect(await secadmin.locator('table').textContent()).toContain(newUsername);
  });

  it('keyboard: the first Tab on a public page focuses the skip link, which moves to the content', async () => {
    const page = await newPage(browser);
    await page.goto(`${base}/units`);
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    expect(await focused.textContent()).toBe('跳到主要内容');
    expect(await focused.getAttribute('href')).toBe('#main');
    expect(await focused.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#main');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // The next Tab continues inside the main content, not back in the header.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
    await page.context().close();
  });

  it('without JavaScript one can still log in and create a unit', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${base}/login`);
    await page.addScriptTag({ content: 'window.__ran = true' });
    expect(await page.evaluate(() => (globalThis as { __ran?: boolean }).__ran)).toBeUndefined();
    await login(page, base, 'sysadmin', PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/admin');
    await page.goto(`${base}/admin/units/new?parent=${rootId}`);
    const name = `县无脚本测试中心${suffix}`;
    await page.getByLabel('单位类型').selectOption('institution');
    await page.getByLabel('单位名称').fill(name);
    expect(await submit(page, '创建单位')).toBe(303);
    expect(new URL(page.url()).searchParams.get('done')).toBe('created');
    await expectHeading(page, name);
    expect(await page.locator('.notice').textContent()).toContain('单位已创建');
    // Log-out is a plain POST form as well.
    expect(await submit(page, '退出')).toBe(303);
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.locator('.notice').textContent()).toContain('您已安全退出');
    await page.context().close();
  });

  it('长者模式 adds class “elder” to <html>, persists across pages and can be turned off', async () => {
    const page = await newPage(browser);
    const fontSize = () => page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
    await page.goto(`${base}/`);
    expect(await page.locator('html').getAttribute('class')).toBeNull();
    const normal = await fontSize();
    await page.getByRole('link', { name: '长者模式' }).click();
    await page.waitForURL(`${base}/`);
    expect(await page.locator('html').getAttribute('class')).toContain('elder');
    expect(await fontSize()).toBeGreaterThan(normal);
    await expectNoAxeViolations(page);

    await visit(page, '/units', '机构设置');
    expect(await page.locator('html').getAttribute('class')).toContain('elder');
    await visit(page, `/units/${rootId}`, ROOT_UNIT);
    expect(await page.locator('html').getAttribute('class')).toContain('elder');

    await page.getByRole('link', { name: '退出长者模式' }).click();
    await page.waitForURL(`${base}/units/${rootId}`);
    expect(await page.locator('html').getAttribute('class')).toBeNull();
    await page.context().close();
  });
});
