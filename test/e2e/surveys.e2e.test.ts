/**
 * Browser journey of 在线调查: a citizen in 长者模式 answers the demo's open survey by keyboard (the
 * required questions named first), a second attempt from another tab is refused, then staff close the
 * survey and publish its results, and the public results page shows the chart with its table. Every page
 * passes axe-core.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALREADY_RESPONDED } from '../../src/modules/surveys/survey-public.service.ts';
import {
  expectNoAxeViolations,
  launchBrowser,
  login,
  newPage,
  startTestSite,
  submitForm,
  type TestSite,
} from '../support/browser.ts';

const PASSWORD = 'Demo@2026';
let site: TestSite;
let browser: Browser;
let base: string;
let surveyId: number;
let title: string;

async function visit(page: Page, to: string, heading: string): Promise<void> {
  const response = await page.goto(`${base}${to}`);
  expect(response?.status(), `GET ${to}`).toBeLessThan(400);
  expect((await page.locator('h1').first().textContent())?.trim()).toBe(heading);
  await expectNoAxeViolations(page);
}

/** Presses Enter on the form's submit button (keyboard only) and waits for the page after the POST. */
async function pressSubmit(page: Page, label: string): Promise<number> {
  const posted = page.waitForResponse(
    (r) => r.request().method() === 'POST' && r.request().isNavigationRequest(),
  );
  await page.getByRole('button', { name: label, exact: true }).focus();
  await page.keyboard.press('Enter');
  const response = await posted;
  await page.waitForLoadState('load');
  return response.status();
}

beforeAll(async () => {
  site = await startTestSite('survey', {
    tasks: false,
    documents: false,
    requests: false,
    policies: false,
    reports: false,
  });
  base = site.running.url;
  const open = (await site.running.app.surveys.repo.listPublic()).find((s) => s.state === 'open');
  if (!open) throw new Error('demo survey missing');
  surveyId = open.id;
  title = open.title;
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

describe('在线调查 journey', () => {
  it('a citizen answers by keyboard; a second attempt is refused; staff publish; the results show', async () => {
    const citizen = await newPage(browser, { viewport: { width: 390, height: 900 } });
    await citizen.context().addCookies([{ name: 'gk_elder', value: '1', url: base }]);
    await visit(citizen, '/surveys', '在线调查');
    expect(await citizen.locator('html.elder').count()).toBe(1);
    await citizen.getByRole('link', { name: title }).focus();
    await citizen.keyboard.press('Enter');
    await citizen.waitForURL(`${base}/surveys/${surveyId}`);
    await expectNoAxeViolations(citizen);
    // a second tab of the same browser, opened before the first answer is sent
    const tab = await citizen.context().newPage();
    await tab.goto(`${base}/surveys/${surveyId}`);

    await citizen.waitForTimeout(3_200); // the form refuses posts faster than a person (anti-abuse)
    expect(await pressSubmit(citizen, '提交答卷')).toBe(422);
    const summary = citizen.locator('.error-summary');
    expect(await summary.textContent()).toContain('请回答第 1 题「您多久访问一次本网站？」');
    expect(await summary.textContent()).toContain('请回答第 2 题「您常用哪些栏目？」');
    await expectNoAxeViolations(citizen);

    await citizen.getByLabel('每周').focus();
    await citizen.keyboard.press('Space');
    await citizen.getByLabel('政策文件').focus();
    await citizen.keyboard.press('Space');
    await citizen.getByLabel('办事服务').focus();
    await citizen.keyboard.press('Space');
    await citizen.getByLabel('4 分：方便').focus();
    await citizen.keyboard.press('Space');
    await citizen.getByLabel(/第 4 题/).focus();
    await citizen.keyboard.type('希望<b>搜索</b>更准确');
    await citizen.getByLabel('联系方式（选填）').focus();
    await citizen.keyboard.type('13812345678');
    expect(await pressSubmit(citizen, '提交答卷')).toBe(422); // markup refused, answers kept
    expect(await citizen.locator('.error-summary').textContent()).toContain('不能包含网页代码');
    expect(await citizen.getByLabel('政策文件').isChecked()).toBe(true);
    await citizen.getByLabel(/第 4 题/).fill('');
    await citizen.getByLabel(/第 4 题/).focus();
    await citizen.keyboard.type('希望搜索更准确');
    expect(await pressSubmit(citizen, '提交答卷')).toBe(303);
    expect(await citizen.getByRole('status').first().textContent()).toContain('答卷已提交');
    await expectNoAxeViolations(citizen);

    // the other tab still shows the form; its answer is refused
    await tab.getByLabel('每天').check();
    await tab.getByLabel('互动交流').check();
    expect(await submitForm(tab, '提交答卷')).toBe(422);
    expect(await tab.locator('.error-summary').textContent()).toContain(ALREADY_RESPONDED);
    await citizen.context().close();

    const reviewer = await newPage(browser);
    await login(reviewer, base, 'reviewer', PASSWORD);
    await visit(reviewer, `/admin/surveys/${surveyId}`, title);
    expect(await submitForm(reviewer, '结束调查')).toBe(303);
    expect(await submitForm(reviewer, '发布调查结果')).toBe(303);
    expect(await reviewer.getByRole('status').first().textContent()).toContain('调查结果已公开发布');
    await expectNoAxeViolations(reviewer);
    await reviewer.context().close();

    const visitor = await newPage(browser);
    await visit(visitor, `/surveys/${surveyId}/results`, `${title}：调查结果`);
    const figure = visitor.getByRole('img', { name: /第 2 题「您常用哪些栏目？」：各项占比（n = 1）/ });
    expect(await figure.locator('svg').count()).toBe(1);
    const table = visitor.getByRole('table', { name: /第 2 题「您常用哪些栏目？」/ });
    expect(await table.getByRole('row', { name: /政策文件 1 100%/ }).count()).toBe(1);
    expect(await visitor.locator('main').textContent()).toContain('平均分：4 分');
    expect(await visitor.locator('main').textContent()).not.toContain('希望搜索更准确');
    await visitor.context().close();
  }, 180_000);

  it('staff build a questionnaire with buttons only (no JavaScript needed), every page passing axe', async () => {
    const clerk = await newPage(browser);
    await login(clerk, base, 'clerk', PASSWORD);
    await visit(clerk, '/admin/surveys', '在线调查');
    await clerk.getByRole('link', { name: '新建调查' }).click();
    await clerk.waitForURL(`${base}/admin/surveys/new`);
    await expectNoAxeViolations(clerk);
    await clerk.getByLabel('调查说明').fill('了解办事体验');
    expect(await submitForm(clerk, '创建调查')).toBe(422);
    expect(await clerk.locator('.error-summary').textContent()).toContain('请填写调查标题');
    expect(await clerk.getByLabel('调查说明').inputValue()).toBe('了解办事体验');
    await expectNoAxeViolations(clerk);
    await clerk.getByLabel('调查标题').fill('办事体验调查');
    expect(await submitForm(clerk, '创建调查')).toBe(303);
    expect((await clerk.locator('h1').textContent())?.trim()).toBe('办事体验调查');
    await expectNoAxeViolations(clerk);

    const main = clerk.locator('main');
    await main.getByLabel(/^题目/).fill('办理是否顺利');
    await main.getByLabel('选项').fill('顺利');
    expect(await submitForm(clerk, '添加题目')).toBe(422);
    expect(await clerk.locator('.error-summary').textContent()).toContain('选择题至少需要 2 个选项');
    await expectNoAxeViolations(clerk);
    await main.getByLabel('选项').fill('顺利\n不顺利');
    expect(await submitForm(clerk, '添加题目')).toBe(303);
    await main.getByLabel(/^题型/).selectOption('rating');
    await main.getByLabel(/^题目/).fill('服务评价');
    expect(await submitForm(clerk, '添加题目')).toBe(303);
    expect(await submitForm(clerk, '上移第 2 题')).toBe(303);
    const items = await main.locator('ol.survey-questions > li strong').allTextContents();
    expect(items).toEqual(['第 1 题「服务评价」', '第 2 题「办理是否顺利」']);
    await main.getByRole('link', { name: /^修改\s*第 2 题/ }).click();
    expect((await clerk.locator('h1').textContent())?.trim()).toBe('修改第 2 题「办理是否顺利」');
    await expectNoAxeViolations(clerk);
    await clerk.locator('main').getByLabel('选项').fill('顺利\n一般\n不顺利');
    expect(await submitForm(clerk, '保存')).toBe(303);
    expect(await submitForm(clerk, '开始调查')).toBe(303);
    expect(await clerk.getByRole('status').first().textContent()).toContain('调查已开始');
    await expectNoAxeViolations(clerk);
    await clerk.context().close();
  }, 120_000);
});
