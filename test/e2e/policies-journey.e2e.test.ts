/**
 * Issue 11's journey through the real UI only (no service calls beyond starting the site): the clerk drafts a
 * 行政规范性文件 with its 解读方案 and then its 解读 (“新建解读”); both pass 保密审查 and 审核 (三同步 met);
 * a policy draft with none of 解读方案 / 解读 / 理由 is refused at 送审 and the page says why; after
 * publication the public library (county and unit) lists it as 现行有效, its page shows the validity panel
 * and 本文件的解读, the 解读 names it (相关政策, title and 文号); a later 行政规范性文件 with a 废止 relation
 * is published and the first shows 已废止 with a link to it. axe-core on every page; 长者模式 once.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
const POLICY = {
  title: '示范县中小企业融资担保补助管理办法',
  docNumber: '县发改规〔2026〕5号',
  registrationNumber: 'SFGR-2026-00005',
  effectiveOn: '2026-11-25',
};
const INTERPRETATION = '《示范县中小企业融资担保补助管理办法》政策解读';
const REPEALER = {
  title: '示范县中小企业融资担保补助管理办法（修订）',
  docNumber: '县发改规〔2026〕9号',
};

let site: TestSite;
let base: string;
let browser: Browser;

beforeAll(async () => {
  site = await startTestSite('journey');
  base = site.running.url;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

const submit = submitForm;

async function visit(page: Page, url: string): Promise<void> {
  const res = await page.goto(url.startsWith('http') ? url : `${base}${url}`);
  expect(res?.status(), url).toBe(200);
  await expectNoAxeViolations(page);
}

async function as(username: string): Promise<Page> {
  const page = await newPage(browser);
  await login(page, base, username, PASSWORD);
  return page;
}

const idOf = (page: Page) => Number(/\/admin\/documents\/(\d+)/.exec(page.url())![1]);
const notice = async (page: Page) => (await page.locator('.notice').first().textContent()) ?? '';
const main = async (page: Page) => (await page.locator('main').textContent()) ?? '';

/** The fields every 主动公开 draft needs besides its own: 主题分类 and 信息形成日期. */
async function fillCommon(page: Page, title: string, docNumber: string) {
  await page.getByLabel(/^标题/).fill(title);
  await page.getByLabel('发文字号').fill(docNumber);
  await page.getByLabel('主题分类').selectOption({ index: 1 });
  await page.getByLabel('信息形成日期').fill('2026-11-20');
}

/** 保密审查 by `secrecy`, then 审核通过 by `reviewer`, on the admin page of each id. */
async function publishThroughReview(ids: number[]) {
  const secrecy = await as('secrecy');
  for (const id of ids) {
    await visit(secrecy, `/admin/documents/${id}`);
    await secrecy.getByLabel('审查结论').selectOption('disclose');
    expect(await submit(secrecy, '提交审查结论')).toBe(303);
    expect(await notice(secrecy)).toContain('保密审查结论已记录');
    await expectNoAxeViolations(secrecy);
  }
  const reviewer = await as('reviewer');
  for (const id of ids) {
    await visit(reviewer, `/admin/documents/${id}`);
    expect(await submit(reviewer, '审核通过')).toBe(303);
    expect(await main(reviewer)).toContain('已发布');
    await expectNoAxeViolations(reviewer);
  }
  await secrecy.context().close();
  await reviewer.context().close();
}

describe('规范性文件库 and 政策解读: the whole journey in the browser', () => {
  let policyId = 0;
  let interpretationId = 0;
  let repealerId = 0;
  let unitId = '';

  it('the clerk drafts a 行政规范性文件 and its 解读; both pass 保密审查 and 审核 (三同步 met)', async () => {
    const clerk = await as('clerk');
    await visit(clerk, '/admin/documents/new?kind=normative');
    unitId = (await clerk.locator('input[name="unitId"]').getAttribute('value')) ?? '';
    expect(unitId).toMatch(/^\d+$/);
    expect(await main(clerk)).toContain('县发展和改革局');
    await fillCommon(clerk, POLICY.title, POLICY.docNumber);
    await clerk.getByLabel('统一登记号').fill(POLICY.registrationNumber);
    await clerk.getByLabel('施行日期').fill(POLICY.effectiveOn);
    await clerk.getByLabel('解读方案').fill('由县发展和改革局起草文字解读，与本办法同步报审、同步发布。');
    expect(await submit(clerk, '保存草稿')).toBe(303);
    expect(await notice(clerk)).toContain('信息草稿已保存');
    await expectNoAxeViolations(clerk);
    policyId = idOf(clerk);

    await clerk.getByRole('link', { name: '新建解读' }).click();
    await clerk.waitForLoadState('load');
    await expectNoAxeViolations(clerk);
    await clerk.getByLabel(/^标题/).fill(INTERPRETATION);
    await clerk.getByLabel('解读形式').selectOption('text');
    expect(await submit(clerk, '保存解读草稿')).toBe(303);
    interpretationId = idOf(clerk);
    expect(interpretationId).not.toBe(policyId);
    expect(await main(clerk)).toContain(POLICY.title);
    await expectNoAxeViolations(clerk);

    for (const id of [policyId, interpretationId]) {
      await visit(clerk, `/admin/documents/${id}`);
      // 三同步 is met (解读方案 and a 解读): the check table has no such finding.
      expect(await clerk.locator('tr', { hasText: '三同步' }).count()).toBe(0);
      expect(await submit(clerk, '提交保密审查')).toBe(303);
      expect(await notice(clerk)).toContain('已提交保密审查');
      await expectNoAxeViolations(clerk);
    }
    await clerk.context().close();
    await publishThroughReview([policyId, interpretationId]);
  }, 180_000);

  it('the public library, the unit library and both documents show the policy and its 解读', async () => {
    expect(policyId).toBeGreaterThan(0);
    const visitor = await newPage(browser);
    for (const url of ['/library', `/units/${unitId}/library`]) {
      await visit(visitor, url);
      const row = visitor.locator('tr', { hasText: POLICY.title });
      expect(await row.count(), url).toBe(1);
      expect(await row.textContent()).toContain('现行有效');
      expect(await row.textContent()).toContain(POLICY.docNumber);
    }

    await visit(visitor, `/documents/${policyId}`);
    const panel = visitor.getByRole('region', { name: '文件库信息' });
    expect(await panel.textContent()).toContain('现行有效');
    expect(await panel.textContent()).toContain(POLICY.registrationNumber);
    const interpretations = visitor.locator('section', {
      has: visitor.locator('h2', { hasText: '本文件的解读' }),
    });
    expect(await interpretations.getByRole('link', { name: INTERPRETATION }).getAttribute('href')).toBe(
      `/documents/${interpretationId}`,
    );

    await visit(visitor, `/documents/${interpretationId}`);
    const related = visitor.locator('section', { has: visitor.locator('h2', { hasText: '相关政策' }) });
    expect(await related.textContent()).toContain(`（文号：${POLICY.docNumber}）`);
    expect(await related.getByRole('link', { name: POLICY.title }).getAttribute('href')).toBe(
      `/documents/${policyId}`,
    );
    await visitor.context().close();
  });

  it('a policy draft without 解读方案, 解读 or 理由 cannot be sent for review and the page says why', async () => {
    const clerk = await as('clerk');
    await visit(clerk, '/admin/documents/new?kind=normative');
    await fillCommon(clerk, REPEALER.title, REPEALER.docNumber);
    expect(await submit(clerk, '保存草稿')).toBe(303);
    repealerId = idOf(clerk);
    await expectNoAxeViolations(clerk);
    // The 提交审查 card offers no button and names what is missing and where to add it.
    const card = clerk.getByRole('region', { name: '提交审查' });
    expect(await card.getByRole('button').count()).toBe(0);
    const why = (await card.textContent()) ?? '';
    expect(why).toContain('暂不能提交审查');
    expect(why).toContain('三同步：行政规范性文件须同步解读');
    for (const remedy of ['解读方案', '新建解读', '无需解读的理由']) expect(why).toContain(remedy);
    expect(await clerk.locator('tr', { hasText: '三同步' }).textContent()).toContain('阻止发布');
    await clerk.context().close();
  });

  it('the revised document repeals the first: 废止 relation, publication, 已废止 with a link', async () => {
    expect(repealerId).toBeGreaterThan(0);
    const clerk = await as('clerk');
    await visit(clerk, `/admin/documents/${repealerId}`);
    await clerk.getByRole('link', { name: '修改草稿内容和附件' }).click();
    await clerk.waitForLoadState('load');
    await expectNoAxeViolations(clerk);
    await clerk.getByLabel('解读方案').fill('修订内容较少，以问答形式解读，与本办法同步发布。');
    expect(await submit(clerk, '保存草稿')).toBe(303);
    expect(idOf(clerk)).toBe(repealerId);

    await clerk.getByLabel('本信息与所选信息的关系').selectOption('repeals');
    await clerk.getByLabel('关联信息编号').fill(String(policyId));
    expect(await submit(clerk, '添加关联')).toBe(303);
    const relations = clerk.locator('section', { has: clerk.locator('h3', { hasText: '本文件废止的文件' }) });
    expect(await relations.getByRole('link', { name: POLICY.title }).count()).toBe(1);
    await expectNoAxeViolations(clerk);
    expect(await submit(clerk, '提交保密审查')).toBe(303);
    expect(await notice(clerk)).toContain('已提交保密审查');
    await clerk.context().close();
    await publishThroughReview([repealerId]);

    const visitor = await newPage(browser);
    for (const url of ['/library', `/units/${unitId}/library`]) {
      await visit(visitor, url);
      expect(await visitor.locator('tr', { hasText: POLICY.docNumber }).textContent(), url).toContain(
        '已废止',
      );
    }
    await visit(visitor, `/documents/${repealerId}`);
    const repealed = visitor.locator('section', {
      has: visitor.locator('h2', { hasText: '本文件废止的文件' }),
    });
    expect(await repealed.getByRole('link', { name: POLICY.title }).getAttribute('href')).toBe(
      `/documents/${policyId}`,
    );
    await visit(visitor, `/documents/${policyId}`);
    const panel = visitor.getByRole('region', { name: '文件库信息' });
    expect(await panel.textContent()).toContain('已废止');
    expect(await panel.getByRole('link', { name: REPEALER.title }).getAttribute('href')).toBe(
      `/documents/${repealerId}`,
    );
    await visitor.context().close();
  }, 180_000);

  it('the library in 长者模式 lists both documents and passes axe', async () => {
    const elder = await newPage(browser, { viewport: { width: 390, height: 900 } });
    await elder.context().addCookies([{ name: 'gk_elder', value: '1', url: base }]);
    await visit(elder, '/library');
    expect(await elder.locator('html.elder').count()).toBe(1);
    expect(await elder.locator('tr', { hasText: POLICY.docNumber }).textContent()).toContain('已废止');
    expect(await elder.locator('tr', { hasText: REPEALER.docNumber }).textContent()).toContain('现行有效');
    await elder.context().close();
  });
});
