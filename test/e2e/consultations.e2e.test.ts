/**
 * 意见征集 journey in Chromium, keyboard only, axe-core on every page: a citizen (in 长者模式) comments on an
 * article of the demo's open consultation → the reviewer moderates → the daily job closes it → the clerk
 * records 采纳情况 and generates the feedback → the final policy is refused until the feedback is
 * published, then publishes. 主动公开's own review steps run through its services (their pages are
 * publishing's journey).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallContext } from '../../src/lib/actor.ts';
import { addDays } from '../../src/lib/calendar/index.ts';
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
const TITLE = '关于《示范县城区公共停车设施规划建设方案（征求意见稿）》公开征求意见的公告';
let site: TestSite;
let running: Running;
let browser: Browser;
let base: string;
let id = 0;

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

/** Presses Enter on a focused control and waits for the page after the POST (and its redirect). */
async function pressToSubmit(page: Page, target: ReturnType<Page['locator']>): Promise<number> {
  const posted = page.waitForResponse(
    (r) => r.request().method() === 'POST' && r.request().isNavigationRequest(),
  );
  // The next document's load event, registered before the press: waitForLoadState alone may resolve on the
  // page still shown while the redirect is under way (a busy machine then reads the old page).
  const loaded = page.waitForEvent('load');
  await target.focus();
  await page.keyboard.press('Enter');
  const status = (await posted).status();
  await loaded;
  return status;
}

async function staff(username: string): Promise<Page> {
  const page = await newPage(browser);
  await login(page, base, username, PASSWORD);
  return page;
}

async function ctxOf(username: string): Promise<CallContext> {
  const user = await running.app.accounts.findUserByUsername(username);
  return { actor: await running.app.auth.buildActor(user!.id), meta: { ip: null, userAgent: null } };
}

beforeAll(async () => {
  site = await startTestSite('consult', {
    tasks: false,
    reports: false,
    policies: false,
    requests: false,
    documents: false,
  });
  running = site.running;
  base = running.url;
  browser = await launchBrowser();
  id = (await running.app.consultations.publicView.list()).find((r) => r.title === TITLE)!.id;
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

describe('意见征集 journey', () => {
  it('a citizen in 长者模式 comments on an article, by keyboard', async () => {
    const page = await newPage(browser);
    await page.context().addCookies([{ name: 'gk_elder', value: '1', url: base }]);
    await visit(page, '/consultations', '意见征集');
    expect(await page.locator('html.elder').count()).toBe(1);
    await page.getByRole('link', { name: TITLE }).focus();
    await Promise.all([page.waitForURL(`**/consultations/${id}`), page.keyboard.press('Enter')]);
    await checkPage(page, TITLE);
    expect(await page.getByText('《重大行政决策程序暂行条例》第十五条').count()).toBe(1);
    await page.getByRole('link', { name: '对三、提出意见' }).focus();
    await Promise.all([page.waitForURL(/\/comment\?article=\d+/), page.keyboard.press('Enter')]);
    await checkPage(page, `对“${TITLE}”提出意见`);
    expect(await page.getByLabel('意见针对').inputValue()).not.toBe('');
    // An empty comment comes back with the problem linked to its field.
    await page.waitForTimeout(3_200); // the form refuses posts faster than a person (anti-abuse)
    expect(await pressToSubmit(page, page.getByRole('button', { name: '提交意见' }))).toBe(422);
    await checkPage(page, `对“${TITLE}”提出意见`);
    expect(await page.locator('#error-summary').textContent()).toContain('请填写意见内容');
    await page.getByLabel('意见内容').fill('建议<b>夜间</b>停车对周边居民免费。');
    await page.getByLabel('姓名').fill('欧阳明');
    await page.getByLabel('联系方式').fill('13912345678');
    await page.waitForTimeout(3_200);
    expect(await pressToSubmit(page, page.getByRole('button', { name: '提交意见' }))).toBe(303);
    await checkPage(page, TITLE);
    expect(await page.getByRole('status').textContent()).toContain('经审核后显示');
    await page.context().close();
  }, 120_000);

  it('the reviewer shows the comments; after the job closes the consultation the clerk records 采纳情况', async () => {
    const reviewer = await staff('reviewer');
    await visit(reviewer, `/admin/consultations/${id}`, TITLE);
    expect(await reviewer.getByText('欧阳明').count()).toBe(1);
    while ((await reviewer.getByRole('button', { name: '显示', exact: true }).count()) > 0) {
      expect(
        await pressToSubmit(reviewer, reviewer.getByRole('button', { name: '显示', exact: true }).first()),
      ).toBe(303);
    }
    await checkPage(reviewer, TITLE);
    await reviewer.context().close();

    const citizen = await newPage(browser);
    await visit(citizen, `/consultations/${id}`, TITLE);
    expect(await citizen.getByText('欧**').count()).toBe(1);
    expect(await citizen.locator('b', { hasText: '夜间' }).count()).toBe(0);
    await citizen.context().close();

    const row = await running.app.consultations.service.getForStaff(await ctxOf('reviewer'), id);
    expect(await running.app.consultations.service.runDaily(addDays(row.row.closes_on, 1))).toEqual({
      opened: 0,
      closed: 1,
    });

    const clerk = await staff('clerk');
    await visit(clerk, `/admin/consultations/${id}`, TITLE);
    const boxes = clerk.getByRole('checkbox');
    const n = await boxes.count();
    expect(n).toBe(4);
    // 未采纳 without a reason is refused, what was chosen kept.
    for (let i = 0; i < n; i++) {
      await boxes.nth(i).focus();
      await clerk.keyboard.press('Space');
    }
    await clerk.getByLabel('采纳情况').selectOption('rejected');
    expect(await pressToSubmit(clerk, clerk.getByRole('button', { name: '记录采纳情况' }))).toBe(422);
    await checkPage(clerk, TITLE);
    expect(await clerk.locator('#error-summary').textContent()).toContain('请填写理由');
    await clerk.getByLabel('采纳情况').selectOption('partly');
    await clerk.getByLabel('理由').fill('收费标准将另行听证确定，夜间优惠在听证时一并研究');
    expect(await pressToSubmit(clerk, clerk.getByRole('button', { name: '记录采纳情况' }))).toBe(303);
    await checkPage(clerk, TITLE);
    expect(await pressToSubmit(clerk, clerk.getByRole('button', { name: '生成反馈报告并送审' }))).toBe(303);
    await checkPage(clerk, TITLE);
    expect(await clerk.getByRole('status').textContent()).toContain('反馈报告已生成并送审');

    // The final policy: recorded on the consultation page, refused by the check until the feedback is out.
    const clerkCtx = await ctxOf('clerk');
    const pub = running.app.publishing;
    const unit = await running.app.units.findByName('县发展和改革局');
    const final = await pub.documents.createDraft(clerkCtx, unit!.id, {
      title: '示范县城区公共停车设施规划建设方案',
      issuers: '县发展和改革局',
      writtenOn: row.row.closes_on,
      disclosureMode: 'proactive',
      bodyHtml: '<p>一、总体目标。</p>',
      columnIds: [
        String(
          (await pub.columns.listActiveForUnit(unit!.id)).find((c) => c.template_key === 'art20_03')!.id,
        ),
      ],
    });
    await clerk.getByLabel('最终文件的信息编号').fill(String(final.id));
    expect(await pressToSubmit(clerk, clerk.getByRole('button', { name: '登记最终文件' }))).toBe(303);
    await checkPage(clerk, TITLE);
    const refused = await pub.review.submit(clerkCtx, final.id).catch((e) => e.message as string);
    expect(refused).toContain('须先发布该征集的意见采纳情况反馈并与本文件关联（反馈报告尚未发布）');

    const fb = (await running.app.consultations.service.getForStaff(clerkCtx, id)).row.feedback_document_id!;
    await pub.review.reviewConfidentiality(await ctxOf('secrecy'), fb, { conclusion: 'disclose' });
    await pub.review.approve(await ctxOf('reviewer'), fb);
    await pub.review.submit(clerkCtx, final.id);
    await pub.review.reviewConfidentiality(await ctxOf('secrecy'), final.id, { conclusion: 'disclose' });
    await pub.review.approve(await ctxOf('reviewer'), final.id);
    await clerk.context().close();

    const visitor = await newPage(browser);
    await visit(visitor, `/consultations/${id}`, TITLE);
    const table = visitor.getByRole('table', { name: '意见采纳情况' });
    expect(await table.textContent()).toContain('部分采纳');
    expect(await table.textContent()).toContain('欧**');
    await visitor.getByRole('link', { name: '查看意见采纳情况反馈全文' }).focus();
    await Promise.all([visitor.waitForURL(`**/documents/${fb}`), visitor.keyboard.press('Enter')]);
    await checkPage(visitor, /公开征求意见采纳情况的反馈/);
    await visit(visitor, `/documents/${final.id}`, '示范县城区公共停车设施规划建设方案');
    expect(await visitor.getByText('对本文件的意见反馈').count()).toBeGreaterThan(0);
    await visitor.context().close();
  }, 180_000);
});
