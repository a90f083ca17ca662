/**
 * The demo 年度报告 (demo-reports.ts) on the real services: the two latest ended years by the clock, the
 * older published through 保密审查 and 审核 (and 强制发布 with its reason), the newer in mixed states, and
 * 县发改局's draft whose “二、上年结转” does not match the published report's “四” — the real data behind
 * the failing 勾稽 — until the missing application is registered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import { NO_REQUEST } from '../../lib/actor.ts';
import type { ReportFigures } from '../../modules/reports/report.model.ts';
import { seedDemo } from './demo.ts';

describe(`demo annual reports on ${ENGINE}`, () => {
  let app: TestApp;
  const lines: string[] = [];
  // The clock in March 2026 (createTestApp's default): the ended years are 2025 and 2024, computed by
  // the seed from the clock. The demo's cases start in January 2025, so 2024 is a paper report.
  const NEWER = 2025;
  const OLDER = 2024;

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-03-02T02:00:00Z' });
    await seedDemo(app, (m) => lines.push(m), { '*': false, requests: true, reports: true });
  }, 600_000);
  afterAll(async () => {
    await app?.destroy();
  });

  const unit = async (name: string) => (await app.units.findByName(name))!;
  const view = async (name: string, year: number) => app.reports.reports.viewOf(await unit(name), year);

  it('logs one line for its part', () => {
    expect(lines).toContain(
      `已载入演示年度报告：${OLDER}年度 2 份已发布，${NEWER}年度 6 份（草稿 4、审核中 1、已发布 1）`,
    );
  });

  it('publishes the older year: 县发改局 through 保密审查 and 审核, the county by 强制发布 with a reason', async () => {
    const dept = await view('县发展和改革局', OLDER);
    expect(dept.status).toBe('published');
    expect(dept.row?.published_on).toBe(`${NEWER}-01-20`);
    const events = await app.db
      .selectFrom('audit_events')
      .select(['action', 'actor_name', 'occurred_at'])
      .where('target_id', '=', String(dept.row!.document_id))
      .where('action', 'like', 'document.%')
      .orderBy('id')
      .execute();
    const by = Object.fromEntries(events.map((e) => [e.action, e.actor_name]));
    expect(by).toMatchObject({
      'document.submit': '刘信息（clerk）',
      'document.clear': '吴保密（secrecy）',
      'document.approve': '周审核（reviewer）',
    });
    const county = await view('示范县人民政府', OLDER);
    expect(county.status).toBe('published');
    // Its figures were frozen from the imported paper report, which balances column by column.
    const t = county.figures.table3;
    for (let c = 0; c < 7; c++)
      expect((t.一[c] ?? 0) + (t.二[c] ?? 0)).toBe((t['三(七)'][c] ?? 0) + (t.四[c] ?? 0));
  });

  it('leaves the newer year in mixed states, the rest 未开始', async () => {
    const states = Object.fromEntries(
      await Promise.all(
        [
          '示范县人民政府',
          '县发展和改革局',
          '县财政局',
          '县市场监督管理局',
          '城关镇人民政府',
          '县教育局',
        ].map(async (n) => [n, (await view(n, NEWER)).status] as const),
      ),
    );
    expect(states).toEqual({
      示范县人民政府: 'draft',
      县发展和改革局: 'draft',
      县财政局: 'in_review',
      县市场监督管理局: 'published',
      城关镇人民政府: 'draft',
      县教育局: 'not_started',
    });
    // The figures no module holds were entered by the unit's clerk, every one.
    const dept = await view('县发展和改革局', NEWER);
    for (const k of ['行政许可', '行政处罚', '行政强制', '行政事业性收费'] as const)
      expect(dept.figures.table2[k]).not.toBeNull();
    expect(dept.computed.sources['table2.行政许可']).toMatchObject({ kind: 'value', enteredBy: '刘信息' });
  });

  it('县发改局: the published report carried one application more than the cases show, until it is registered', async () => {
    const before = await view('县发展和改革局', NEWER);
    const prev = before.previous?.figures as ReportFigures;
    expect(before.previous?.published).toBe(true);
    expect(prev.table3.四[0]).toBe((before.figures.table3.二[0] ?? 0) + 1);
    expect(prev.table3.四[6]).toBe((before.figures.table3.二[6] ?? 0) + 1);
    // Only 五 still holds its prompt.
    expect(before.checks.filter((c) => c.id.startsWith('prompts.')).map((c) => c.id)).toEqual([
      'prompts.problems',
    ]);
    // Every other unit's newer report starts where its older one ended.
    for (const name of ['示范县人民政府', '县财政局', '县市场监督管理局']) {
      const v = await view(name, NEWER);
      expect(v.previous?.figures?.table3.四, name).toEqual(v.figures.table3.二);
    }

    const dept = await unit('县发展和改革局');
    const clerk = await app.accounts.findUserByUsername('clerk');
    const ctx = { actor: await app.auth.buildActor(clerk!.id), meta: NO_REQUEST };
    await app.requests.service.intake(ctx, dept.id, {
      postcode: '410000',
      applicantKind: 'citizen',
      name: '王建国',
      idType: 'resident_id',
      idNumber: '11010519491231002X',
      address: '示范县人民路 1 号',
      phone: '13800138000',
      infoName: '工业园区规划批复',
      deliveryMethod: 'email',
      email: 'a@example.com',
      carrier: 'electronic',
      channel: 'in_person',
      receivedOn: `${OLDER}-12-30`,
    });
    const after = await view('县发展和改革局', NEWER);
    expect(after.figures.table3.二).toEqual(prev.table3.四);
  });
});
