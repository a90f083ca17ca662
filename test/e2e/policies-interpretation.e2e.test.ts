/** 政策解读 in the browser: 新建解读 from a policy, the public 解读 page with 新旧政策差异, the list, settings. */
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
  type TestSite,
} from '../support/browser.ts';
import { documentInput } from '../support/publishing.ts';

const SYSTEM = { actor: systemActor('测试'), meta: NO_REQUEST };
const PASSWORD = 'Demo@2026';
let site: TestSite;
let running: Running;
let browser: Browser;
let policyId: number;
let interpretationId: number;

beforeAll(async () => {
  site = await startTestSite('interp');
  running = site.running;
  browser = await launchBrowser();
  const { app } = running;
  const unit = (await app.unitRepo.findByName('县发展和改革局'))!;
  const publish = async (over: Record<string, unknown>) => {
    const d = await app.publishing.documents.createDraft(SYSTEM, unit.id, documentInput(over));
    await app.publishing.review.forcePublish(SYSTEM, d.id, '测试');
    return d.id;
  };
  const policy = {
    kind: 'normative',
    'meta.interpretationPlan': '同步起草解读。',
    docNumber: '县发改规〔2026〕2号',
  };
  const old = await publish({
    ...policy,
    title: '示范县产业扶持资金管理办法（2023年）',
    docNumber: '县发改规〔2023〕1号',
    bodyHtml: '<p>第一条 扶持资金每年安排500万元。第二条 每年申报一次。</p>',
  });
  const draft = await app.publishing.documents.createDraft(
    SYSTEM,
    unit.id,
    documentInput({
      ...policy,
      title: '示范县产业扶持资金管理办法',
      bodyHtml: '<p>第一条 扶持资金每年安排800万元。第二条 每年申报一次。</p>',
    }),
  );
  await app.publishing.relations.addRelation(SYSTEM, draft.id, { type: 'amends', toId: String(old) });
  await app.publishing.review.forcePublish(SYSTEM, draft.id, '测试');
  policyId = draft.id;
  const interp = await app.policies.interpretations.createForPolicy(SYSTEM, policyId, {
    title: '《示范县产业扶持资金管理办法》政策解读',
    'meta.form': 'text',
    bodyHtml: '<p>一、修订背景。</p>',
  });
  await app.publishing.review.forcePublish(SYSTEM, interp.id, '测试');
  interpretationId = interp.id;
  await publish({ ...policy, title: '示范县招商引资奖励暂行办法', docNumber: '县发改规〔2026〕3号' });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

async function visit(page: Page, url: string) {
  const res = await page.goto(`${running.url}${url}`);
  expect(res?.status(), url).toBe(200);
  await expectNoAxeViolations(page);
}

describe('政策解读 in the browser', () => {
  it('the public 解读 page names its policy and shows the differences with text labels', async () => {
    const page = await newPage(browser);
    await visit(page, `/documents/${interpretationId}`);
    const related = page.locator('section', { has: page.locator('h2', { hasText: '相关政策' }) });
    expect(await related.textContent()).toContain('县发改规〔2026〕2号');
    expect(await page.locator('del').first().textContent()).toBe('【删除】第一条 扶持资金每年安排500万元。');
    expect(await page.locator('ins').first().textContent()).toBe('【新增】第一条 扶持资金每年安排800万元。');
    await visit(page, `/documents/${policyId}`);
    expect(await page.locator('main').textContent()).toContain('同步发布');
  });

  it('a clerk drafts a 解读 from the policy page; refused input is explained; pages pass axe', async () => {
    const page = await newPage(browser);
    await login(page, running.url, 'clerk', PASSWORD);
    await visit(page, `/admin/documents/${policyId}`);
    await page.getByRole('link', { name: '新建解读' }).click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
    await page.getByLabel('标题').fill('');
    await page.getByRole('button', { name: '保存解读草稿' }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('.error-summary').textContent()).toContain('请填写标题');
    await expectNoAxeViolations(page);
    await page.getByLabel('标题').fill('产业扶持资金管理办法图解');
    await page.getByLabel('解读形式').selectOption('graphic');
    await page.getByRole('button', { name: '保存解读草稿' }).click();
    await page.waitForLoadState('load');
    expect(page.url()).toMatch(/\/admin\/documents\/\d+$/);
    expect(await page.locator('main').textContent()).toContain('示范县产业扶持资金管理办法');
  });

  it('the late list and the settings page pass axe', async () => {
    const reviewer = await newPage(browser);
    await login(reviewer, running.url, 'reviewer', PASSWORD);
    await visit(reviewer, '/admin/policies/interpretations');
    const row = reviewer.locator('tr', { hasText: '示范县招商引资奖励暂行办法' });
    expect(await row.textContent()).toContain('未发布·剩余');
    const admin = await newPage(browser);
    await login(admin, running.url, 'gkadmin', PASSWORD);
    await visit(admin, '/admin/policies/interpretation-settings');
  });
});
