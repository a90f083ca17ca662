import type { Browser, Page } from 'playwright-core';
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

const PASSWORD = 'Demo@2026';
let site: TestSite;
let running: Running;
let browser: Browser;
let base: string;
let deptId: number;
const applicant = { reference: '', lookupCode: '' };
let caseUrl = '';

async function visit(page: Page, to: string, heading: string | RegExp): Promise<void> {
  const response = await page.goto(`${base}${to}`);
  expect(response?.status(), `GET ${to}`).toBeLessThan(400);
  await checkPage(page, heading);
}

async function checkPage(page: Page, heading: string | RegExp): Promise<void> {
  const h1 = (await page.locator('h1').first().textContent())?.trim() ?? '';
  if (typeof heading === 'string') expect(h1).toBe(heading);
  else expect(h1).toMatch(heading);
  await expectNoAxeViolations(page);
}

/** Clicks a submit button and waits for the next document; returns the POST's status. */
async function submit(page: Page, button: string, scope = page.locator('main')): Promise<number> {
  const posted = page.waitForResponse(
    (r) => r.request().method() === 'POST' && r.request().isNavigationRequest(),
  );
  await scope.getByRole('button', { name: button, exact: true }).click();
  const response = await posted;
  await page.waitForLoadState('load');
  if (response.status() === 303) await page.waitForURL((u) => !u.search.includes('__never__'));
  return response.status();
}

/** The form of one workflow event on the case page. */
const eventForm = (page: Page, label: string) =>
  page.locator('section.event-form').filter({ has: page.getByRole('heading', { name: label, exact: true }) });

async function staff(username: string): Promise<Page> {
  const page = await newPage(browser);
  await login(page, base, username, PASSWORD);
  return page;
}

beforeAll(async () => {
  site = await startTestSite('req');
  running = site.running;
  base = running.url;
  const dept = await running.app.unitRepo.findByName('县发展和改革局');
  if (!dept) throw new Error('demo data missing');
  deptId = dept.id;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

describe('依申请公开 journey', () => {
  it('the public reads the guide and applies online (errors first, then success)', async () => {
    const page = await newPage(browser);
    await visit(page, '/requests', '依申请公开');
    await visit(page, `/requests/units/${deptId}`, '县发展和改革局政府信息公开申请指南');
    await visit(page, `/requests/units/${deptId}/apply`, '向县发展和改革局申请政府信息公开');
    await page.getByLabel('公民', { exact: true }).check();
    await page.getByLabel('姓名或名称').fill('欧阳明');
    await page.getByLabel('证件类型').selectOption('resident_id');
    await page.getByLabel('证件号码').fill('11010519491231002X');
    await page.getByLabel('通信地址').fill('示范县人民路 18 号');
    await page.getByLabel('邮政编码').fill('4100');
    await page.getByLabel('联系电话').fill('13800138000');
    await page.getByLabel('信息名称').fill('2025 年城区道路改造项目批复');
    await page.getByLabel('电子邮件', { exact: true }).check();
    await page.getByLabel('电子文件', { exact: true }).check();
    await page.waitForTimeout(3_200); // the form refuses posts faster than a person (anti-abuse)
    expect(await submit(page, '提交申请')).toBe(422);
    await checkPage(page, '向县发展和改革局申请政府信息公开');
    await expect(page.locator('.error-summary a[href="#f-postcode"]').count()).resolves.toBe(1);
    expect(await page.getByLabel('证件号码').inputValue()).toBe('11010519491231002X');
    await page.getByLabel('邮政编码').fill('410000');
    await page.waitForTimeout(3_200);
    expect(await submit(page, '提交申请')).toBe(200);
    await checkPage(page, '申请已提交');
    const codes = await page.locator('.code-box').allTextContents();
    applicant.reference = codes[0]?.trim() ?? '';
    applicant.lookupCode = codes[1]?.trim() ?? '';
    expect(applicant.reference).toMatch(/-2026-\d{5}$/);
    await page.context().close();
  });

  it('staff confirm and ask for 补正; the 补正 arrives and is recorded', async () => {
    const clerk = await staff('clerk');
    await visit(clerk, '/admin/requests?state=pending_confirmation', '依申请公开');
    await clerk.getByRole('link', { name: applicant.reference }).click();
    await clerk.waitForLoadState('load');
    caseUrl = new URL(clerk.url()).pathname;
    await checkPage(clerk, `申请 ${applicant.reference}`);
    expect(await submit(clerk, '确认收到', eventForm(clerk, '确认收到'))).toBe(303);
    await checkPage(clerk, `申请 ${applicant.reference}`);
    await eventForm(clerk, '告知补正').getByLabel('补正期限（工作日）').fill('10');
    expect(await submit(clerk, '告知补正', eventForm(clerk, '告知补正'))).toBe(303);
    expect(await submit(clerk, '生成文书')).toBe(303);
    await expect(clerk.locator('main').textContent()).resolves.toContain('补正通知书');
    await clerk.getByRole('button', { name: /今日送达$/ }).click();
    await clerk.waitForLoadState('load');
    expect(await submit(clerk, '收到补正', eventForm(clerk, '收到补正'))).toBe(303);
    await checkPage(clerk, `申请 ${applicant.reference}`);
    await expect(clerk.locator('main').textContent()).resolves.toContain('答复期限重新计算');
    const form = eventForm(clerk, '拟定答复');
    await form.getByLabel('处理结果（按年度报告分类）').selectOption('partial');
    await form.getByLabel('答复要点').fill('第 3 页涉及第三方个人信息，已作区分处理。');
    expect(await submit(clerk, '拟定答复', form)).toBe(303);
    expect(await submit(clerk, '提交法制审核', eventForm(clerk, '提交法制审核'))).toBe(303);
    await checkPage(clerk, `申请 ${applicant.reference}`);
    // the drafter cannot pass their own draft: the page says why
    await expect(eventForm(clerk, '法制审核通过').textContent()).resolves.toContain('您没有办理此操作的权限');
    await clerk.context().close();
  });

  it('a different user passes the 法制审核; the answer needs the letter; then 已办结', async () => {
    const reviewer = await staff('reviewer');
    await visit(reviewer, caseUrl, `申请 ${applicant.reference}`);
    expect(await submit(reviewer, '法制审核通过', eventForm(reviewer, '法制审核通过'))).toBe(303);
    await reviewer.context().close();
    const clerk = await staff('clerk');
    await visit(clerk, caseUrl, `申请 ${applicant.reference}`);
    await expect(eventForm(clerk, '答复').textContent()).resolves.toContain('尚未生成答复告知书');
    expect(await submit(clerk, '生成文书')).toBe(303);
    const answer = eventForm(clerk, '答复');
    await answer.getByLabel('送达方式').selectOption('email');
    expect(await submit(clerk, '答复', answer)).toBe(303);
    expect(await submit(clerk, '办结', eventForm(clerk, '办结'))).toBe(303);
    await checkPage(clerk, `申请 ${applicant.reference}`);
    await expect(clerk.locator('main').textContent()).resolves.toContain('已办结');
    await visit(clerk, '/admin/requests/new', '登记申请');
    await clerk.context().close();
  });

  it('the status page shows 已办结 and offers the letters', async () => {
    const page = await newPage(browser);
    await visit(page, '/requests/status', '查询办理进度');
    await page.getByLabel('受理编号').fill(applicant.reference);
    await page.getByLabel('查询码').fill(applicant.lookupCode);
    expect(await submit(page, '查询')).toBe(200);
    await checkPage(page, `办理进度：${applicant.reference}`);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('已办结');
    expect(text).toContain('部分公开告知书');
    expect(text).toContain('补正通知书');
    expect(text).not.toContain('11010519491231002X');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载《部分公开告知书》（Word 文档）' }).click();
    expect((await download).suggestedFilename()).toMatch(/部分公开告知书.*\.docx$/);
    await page.context().close();
  });

  it('the statistics, the workbench filters and the template pages pass axe', async () => {
    const admin = await staff('gkadmin');
    await visit(admin, '/admin/requests?due=overdue', '依申请公开');
    await visit(admin, '/admin/requests/stats?year=2025&subtree=1', /年度报表统计/);
    expect(await admin.locator('.failed').count()).toBe(0);
    await visit(admin, '/admin/requests/templates', '文书模板');
    await visit(admin, '/admin/requests/templates/partial_disclosure_notice', '编辑模板：部分公开告知书');
    await visit(admin, '/admin/requests/settings', /申请指南设置/);
    // demo cases: one with a pending lawsuit (result form), one 已受理 with every event form
    const db = running.app.database.db;
    const suit = await db
      .selectFrom('info_request_appeals')
      .select('request_id')
      .where('result', '=', 'pending')
      .executeTakeFirstOrThrow();
    await visit(admin, `/admin/requests/${suit.request_id}`, /^申请 /);
    const open = await db
      .selectFrom('info_requests')
      .select('id')
      .where('state', '=', 'accepted')
      .where('unit_id', '=', deptId)
      .executeTakeFirstOrThrow();
    await visit(admin, `/admin/requests/${open.id}`, /^申请 /);
    expect(await admin.locator('section.event-form form').count()).toBeGreaterThanOrEqual(3);
    const letter = await db.selectFrom('info_request_letters').select('id').executeTakeFirstOrThrow();
    await visit(admin, `/admin/requests/letters/${letter.id}`, /告知书|通知书|函/);
    await admin.context().close();
  });

  it('a multi-item case is split (errors first), and a unit edits its own letter template', async () => {
    const admin = await staff('gkadmin');
    const db = running.app.database.db;
    const open = await db
      .selectFrom('info_requests')
      .select(['id', 'reference'])
      .where('state', '=', 'accepted')
      .where('unit_id', '=', deptId)
      .where('split_from_id', 'is', null)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    await visit(admin, `/admin/requests/${open.id}`, `申请 ${open.reference}`);
    const split = admin.locator('form[action$="/split"]');
    await split.getByLabel('第 2 项：所需信息名称').fill('');
    expect(await submit(admin, '拆分申请', split)).toBe(422);
    await checkPage(admin, `申请 ${open.reference}`);
    await split.getByLabel('第 2 项：所需信息名称').fill('2025 年城区停车场收费标准');
    await split.getByLabel('第 3 项：文号').fill('示范发改发〔2025〕7号');
    expect(await submit(admin, '拆分申请', split)).toBe(303);
    await checkPage(admin, `申请 ${open.reference}`);
    const links = admin.locator('table', {
      has: admin.locator('caption', { hasText: '由本申请拆分出的申请' }),
    });
    expect(await links.locator('tbody tr').count()).toBe(2);
    await links.locator('tbody a').first().click();
    await admin.waitForLoadState('load');
    await checkPage(admin, /^申请 /);
    expect(await admin.locator('main').textContent()).toContain(`拆分而来`);

    await visit(admin, `/admin/requests/templates?unit=${deptId}`, /文书模板/);
    await admin.locator(`a[href^="/admin/requests/templates/fee_notice"]`).first().click();
    await admin.waitForLoadState('load');
    await checkPage(admin, /编辑模板/);
    await admin
      .getByLabel('文书正文')
      .fill('{申请人}：\n本机关（{办理机关}）对您的申请 {受理编号} 收取信息处理费 {收费金额} 元。');
    expect(await submit(admin, '保存为本单位模板')).toBe(303);
    await checkPage(admin, /文书模板/);
    expect(await admin.locator('main').textContent()).toContain('本单位模板');
    await admin.context().close();
  });

  it('the application form works without JavaScript', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${base}/requests/units/${deptId}/apply`);
    await page.getByLabel('法人或其他组织', { exact: true }).check();
    await page.getByLabel('姓名或名称').fill('示范科技有限公司');
    await page.getByLabel('统一社会信用代码').fill('91350100M000100Y43');
    await page.getByLabel('法定代表人').fill('王五');
    await page.getByLabel('联系人', { exact: true }).fill('赵六');
    await page.getByLabel('组织类别').selectOption('commercial');
    await page.getByLabel('通信地址').fill('示范县科技园 1 号');
    await page.getByLabel('邮政编码').fill('410000');
    await page.getByLabel('联系电话').fill('0731-88886666');
    await page.getByLabel('所需信息的描述').fill('2025 年度企业扶持资金分配结果');
    await page.getByLabel('邮寄', { exact: true }).check();
    await page.getByLabel('纸质', { exact: true }).check();
    await page.waitForTimeout(3_200);
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('h1').textContent()).toBe('申请已提交');
    await page.context().close();
  });
});
