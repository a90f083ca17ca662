import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCounty, buildUser, SYSTEM } from '../../../test/support/factories.ts';
import { createRequestsTestApp } from '../../../test/support/requests.ts';
import { ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import type { CallContext } from '../../lib/actor.ts';
import { COLUMNS } from './info-request.stats.ts';
import type { InfoRequestStatsService } from './info-request-stats.service.ts';
import type { Requests } from './requests.services.ts';

const CITIZEN = {
  applicantKind: 'citizen',
  name: '李四',
  idType: 'passport',
  idNumber: 'E12345678',
  address: '某路 1 号',
  postcode: '100000',
  phone: '13900139000',
  infoDescription: '某项目的批复文件',
  deliveryMethod: 'post',
  carrier: 'paper',
};
const ORG = (orgCategory: string) => ({
  ...CITIZEN,
  applicantKind: 'organisation',
  name: '某某有限公司',
  creditCode: '91350100M000100Y43',
  legalRepresentative: '王五',
  contactName: '赵六',
  orgCategory,
});

describe(`annual statistics on ${ENGINE}`, () => {
  let app: TestApp;
  let stats: InfoRequestStatsService;
  let county: { id: number };
  let dept: { id: number };

  // Builds the hand-computed fixture through the real services (dates in the comments).
  beforeAll(async () => {
    let requests: Requests;
    ({ app, requests } = await createRequestsTestApp({
      now: '2024-03-01T02:00:00Z',
      encryptionKey: Buffer.alloc(32, 1),
    }));
    const { repo, service, transitions, jobs } = requests;
    stats = requests.stats;
    const { letters } = requests.extras;
    const units = await buildCounty(app);
    ({ county, dept } = units);
    const clerk = (await buildUser(app, units.dept, ['clerk'])).ctx;
    const otherClerk = (await buildUser(app, units.other, ['clerk'])).ctx;
    const reviewer = (await buildUser(app, units.dept, ['reviewer'])).ctx;
    const on = (date: string) => app.clock.set(new Date(`${date}T02:00:00Z`));
    const intake = async (ctx: CallContext, unitId: number, form: object, date: string) => {
      on(date);
      return (await service.intake(ctx, unitId, { ...form, channel: 'in_person', receivedOn: date })).id;
    };
    const conclude = async (id: number, decision: string, date: string) => {
      on(date);
      await transitions.run(clerk, id, 'draft_reply', { decision });
      await transitions.run(clerk, id, 'submit_review');
      await transitions.run(reviewer, id, 'pass_review');
      const row = await repo.findById(id);
      await letters.issue(clerk, id, { kind: row ? letters.suggestedKinds(row)[0] : '' });
      await transitions.run(clerk, id, 'answer', { deliveryMethod: 'post', answeredOn: date });
    };
    const f = await intake(clerk, dept.id, CITIZEN, '2024-03-01'); // F: concluded in 2024 → not in 2025
    await conclude(f, 'granted', '2024-03-11');
    const a = await intake(clerk, dept.id, CITIZEN, '2024-12-20'); // A: 二 自然人, 予以公开 in 2025
    await conclude(a, 'granted', '2025-01-10');
    const b = await intake(clerk, dept.id, ORG('commercial'), '2025-03-03'); // B: 一 商业企业, 部分公开
    await conclude(b, 'partial', '2025-03-20');
    const e = await intake(clerk, dept.id, CITIZEN, '2025-05-06'); // E: 一 自然人, 逾期不补正 (其他处理 1)
    await transitions.run(clerk, e, 'request_correction', { periodWorkingDays: '5' });
    on('2025-05-14');
    await jobs.sweep('2025-05-14');
    const h = await intake(clerk, dept.id, CITIZEN, '2025-06-02'); // H: 转办 → not counted here
    await transitions.run(clerk, h, 'transfer', { targetUnitId: String(units.other.id) });
    await intake(otherClerk, units.other.id, CITIZEN, '2025-04-01'); // G: other unit, open (subtree only)
    await intake(clerk, dept.id, CITIZEN, '2025-12-15'); // C: 一 自然人, 四
    const d = await intake(clerk, dept.id, ORG('legal_services'), '2025-12-22'); // D: 一 法律服务机构, 四
    await conclude(d, 'withheld_third_party', '2026-01-12');
  });
  afterAll(async () => app.destroy());

  const row = (t: { rows: { key: string; values: Record<string, number> }[] }, key: string) => {
    const v = t.rows.find((r) => r.key === key)!.values;
    return COLUMNS.map((c) => v[c]);
  };

  // columns: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计
  it('computes table 三 of the unit for 2025 equal to the hand count', async () => {
    const s = await stats.annual(SYSTEM, dept.id, 2025);
    expect(row(s.table3, 'new')).toEqual([2, 1, 0, 0, 1, 0, 4]);
    expect(row(s.table3, 'carried_in')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(row(s.table3, 'granted')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(row(s.table3, 'partial')).toEqual([0, 1, 0, 0, 0, 0, 1]);
    expect(row(s.table3, 'other_correction_overdue')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(row(s.table3, 'withheld_third_party')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(row(s.table3, 'outcome_total')).toEqual([2, 1, 0, 0, 0, 0, 3]);
    expect(row(s.table3, 'carried_out')).toEqual([1, 0, 0, 0, 1, 0, 2]);
    expect(s.checks.filter((c) => !c.passed).map((c) => `${c.name}: ${c.detail}`)).toEqual([]);
    expect(s.checks.length).toBeGreaterThan(0);
    expect(s.table4.blocks.flatMap((b) => b.values).every((n) => n === 0)).toBe(true);
  });

  it('carries 2025’s 四 into 2026’s 二 and counts the subtree on request', async () => {
    const next = await stats.annual(SYSTEM, dept.id, 2026);
    expect(row(next.table3, 'carried_in')).toEqual([1, 0, 0, 0, 1, 0, 2]);
    expect(row(next.table3, 'withheld_third_party')).toEqual([0, 0, 0, 0, 1, 0, 1]);
    const tree = await stats.annual(SYSTEM, county.id, 2025, true);
    expect(row(tree.table3, 'new')).toEqual([3, 1, 0, 0, 1, 0, 5]);
    expect(row(tree.table3, 'carried_out')).toEqual([2, 0, 0, 0, 1, 0, 3]);
    expect(tree.checks.filter((c) => !c.passed).map((c) => `${c.name}: ${c.detail}`)).toEqual([]);
    expect(tree.checks.length).toBeGreaterThan(0);
    expect(row((await stats.annual(SYSTEM, county.id, 2025)).table3, 'new')).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('refuses staff of other units and bad years', async () => {
    const outsider = (await buildUser(app, (await app.unitRepo.findById(county.id))!, ['auditor'])).ctx;
    await expect(stats.annual(outsider, dept.id, 2025)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(stats.annual(SYSTEM, dept.id, 1999)).rejects.toMatchObject({ code: 'validation' });
  });
});
