/**
 * A report's figures against a hand-computed fixture, built through the real services: 依申请公开 cases of
 * 2025 and 2026 (decisions, 逾期不补正, 转办, fees, 复议/诉讼), the 规范性文件库 fixture of
 * test/support/policy-figures-fixture.ts, entered values and an imported past year.
 *
 * The unit U is the fixture's county C; its cases (received → concluded):
 *   A 自然人     2025-11-03 → 予以公开 2025-11-20          2025: 一, 三(一)          fee ¥50 paid 2025-11-10
 *   B 自然人     2025-12-22 → 部分公开 2026-01-08          2025: 一, 四; 2026: 二, 三(二)
 *   C 商业企业   2026-03-02 → 予以公开 2026-03-16          2026: 一, 三(一)          fee ¥1,100 paid 2026-03-05
 *   D 自然人     2026-06-08 → 逾期不补正 (sweep 2026-06-22) 2026: 一, 三(六)1
 *   F 自然人     2026-07-01 → 转办 to D(ept)               not counted for U
 *   G 自然人     2026-09-01 → 重复申请 2026-09-10          2026: 一, 三(五)2          fee ¥100 paid 2026-09-03
 *   E 法律服务   2026-12-21 → 第三方 2027-01-06            2026: 一, 四
 * Fees: 120 pages = 70 × ¥10 + 20 × ¥20 = ¥1,100; 40 pages = 10 × ¥10 = ¥100; 35 pages = 5 × ¥10 = ¥50.
 * 复议/诉讼 (filed → result):
 *   review on A 2025-12-01 → 维持 2025-12-20                 2025: 复议 维持
 *   review on C 2026-04-10 → 维持 2026-06-01                 2026: 复议 维持
 *   review on G 2026-10-08 → pending                         2026: 复议 尚未审结
 *   direct suit on B 2026-02-15 → 纠正 2026-08-20            2026: 直接起诉 纠正
 *   suit after review on C 2026-11-02 → 其他 2027-01-10      2026: 复议后起诉 尚未审结 (concluded after 31 Dec)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCounty, buildUser, SYSTEM } from '../../../test/support/factories.ts';
import { buildFiguresFixture, type FiguresFixture } from '../../../test/support/policy-figures-fixture.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import type { Unit } from '../../db/schema.ts';
import type { CallContext } from '../../lib/actor.ts';
import { requestExtras } from '../requests/requests.services.ts';
import { emptyTable3, emptyTable4, type ParsedReport, TABLE3_ROW_KEYS } from './report.model.ts';
import type { ReportService } from './report.service.ts';
import type { CellSource, ReportFiguresService } from './report-figures.service.ts';
import { ReportRepository } from './reports.repository.ts';

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

/** Table 三 row values in column order: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计. */
const ZERO = [0, 0, 0, 0, 0, 0, 0];

describe(`report figures on ${ENGINE}`, () => {
  let app: TestApp;
  let figures: ReportFiguresService;
  let reports: ReportService;
  let county: Unit;
  let dept: Unit;
  let other: Unit;
  let lib: FiguresFixture;
  let clerk: CallContext;
  const ids: Record<string, number> = {};
  const refs: Record<string, string> = {};

  beforeAll(async () => {
    app = await createTestApp({ now: '2025-11-03T02:00:00Z' });
    figures = app.reports.figures;
    reports = app.reports.reports;
    ({ county, dept, other } = await buildCounty(app));
    const { service, transitions, jobs, repo } = app.requests;
    const { letters, fees, appeals } = requestExtras(app);
    clerk = (await buildUser(app, county, ['clerk'])).ctx;
    const reviewer = (await buildUser(app, county, ['reviewer'])).ctx;
    const on = (date: string) => app.clock.set(new Date(`${date}T02:00:00Z`));
    const intake = async (key: string, form: object, date: string) => {
      on(date);
      const r = await service.intake(clerk, county.id, { ...form, channel: 'in_person', receivedOn: date });
      ids[key] = r.id;
      refs[key] = r.reference;
      return r.id;
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
    const pay = async (id: number, pages: string, noticeOn: string, paidOn: string) => {
      on(noticeOn);
      await fees.issueNotice(clerk, id, { method: 'per_page', pages });
      on(paidOn);
      await fees.markPaid(clerk, id, { paidOn });
    };
    const a = await intake('A', CITIZEN, '2025-11-03');
    await pay(a, '35', '2025-11-05', '2025-11-10');
    await conclude(a, 'granted', '2025-11-20');
    const b = await intake('B', CITIZEN, '2025-12-22');
    await conclude(b, 'partial', '2026-01-08');
    const c = await intake('C', ORG('commercial'), '2026-03-02');
    await pay(c, '120', '2026-03-04', '2026-03-05');
    await conclude(c, 'granted', '2026-03-16');
    const d = await intake('D', CITIZEN, '2026-06-08');
    await transitions.run(clerk, d, 'request_correction', { periodWorkingDays: '5' });
    on('2026-06-22');
    await jobs.sweep('2026-06-22');
    const f = await intake('F', CITIZEN, '2026-07-01');
    await transitions.run(clerk, f, 'transfer', { targetUnitId: String(dept.id) });
    const g = await intake('G', CITIZEN, '2026-09-01');
    await pay(g, '40', '2026-09-02', '2026-09-03');
    await conclude(g, 'not_handled_repeated', '2026-09-10');
    const e = await intake('E', ORG('legal_services'), '2026-12-21');
    await conclude(e, 'withheld_third_party', '2027-01-06');
    on('2027-01-12');
    const appeal = (id: number, v: Record<string, string>) =>
      appeals.record(clerk, id, { body: '示范县人民政府', ...v });
    await appeal(a, { kind: 'review', filedOn: '2025-12-01', result: 'upheld', concludedOn: '2025-12-20' });
    await appeal(c, { kind: 'review', filedOn: '2026-04-10', result: 'upheld', concludedOn: '2026-06-01' });
    await appeal(g, { kind: 'review', filedOn: '2026-10-08', result: 'pending' });
    await appeal(b, {
      kind: 'litigation_direct',
      filedOn: '2026-02-15',
      result: 'corrected',
      concludedOn: '2026-08-20',
    });
    await appeal(c, {
      kind: 'litigation_after_review',
      filedOn: '2026-11-02',
      result: 'other',
      concludedOn: '2027-01-10',
    });
    lib = await buildFiguresFixture(app, county, dept); // leaves the clock at 2027-01-15
    await reports.enterValues(clerk, county.id, 2026, {
      'v.table2.行政许可': '12',
      'v.table2.行政处罚': '3',
      'v.table2.行政事业性收费': '1.5',
    });
  }, 240_000);
  afterAll(async () => app.destroy());

  it('computes tables 二, 三 and 四 of 2026 equal to the hand count, and the fees', async () => {
    const got = await figures.compute(county, 2026);
    const t2 = got.figures.table2;
    // Library fixture, own documents: 规章 R1 made and repealed; 规范性文件 N1–N4 made, N2 repealed,
    // N1, N4, N5, N6 in force on 2026-12-31.
    expect(t2.规章).toEqual({ made: 1, repealed: 1, inForce: 0 });
    expect(t2.行政规范性文件).toEqual({ made: 4, repealed: 1, inForce: 4 });
    // Entered; 行政强制 was not entered.
    expect([t2.行政许可, t2.行政处罚, t2.行政强制, t2.行政事业性收费]).toEqual([12, 3, null, 1.5]);
    const expected: Record<string, number[]> = {
      一: [2, 1, 0, 0, 1, 0, 4], // C, D, G, E (F was transferred)
      二: [1, 0, 0, 0, 0, 0, 1], // B
      '三(一)': [0, 1, 0, 0, 0, 0, 1], // C
      '三(二)': [1, 0, 0, 0, 0, 0, 1], // B
      '三(五)2': [1, 0, 0, 0, 0, 0, 1], // G
      '三(六)1': [1, 0, 0, 0, 0, 0, 1], // D
      '三(七)': [3, 1, 0, 0, 0, 0, 4], // B, C, D, G
      四: [0, 0, 0, 0, 1, 0, 1], // E
    };
    for (const key of TABLE3_ROW_KEYS)
      expect([key, got.figures.table3[key]]).toEqual([key, expected[key] ?? ZERO]);
    // 复议: 维持 1 (C), 尚未审结 1 (G); 直接起诉: 纠正 1 (B); 复议后起诉: 尚未审结 1 (C, concluded in 2027).
    expect(got.figures.table4).toEqual([1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 0, 0, 0, 1, 1]);
    // ¥1,100 (C) + ¥100 (G); A's ¥50 was paid in 2025.
    expect(got.fees).toEqual({ amountFen: 120_000, count: 2 });
    expect(got.notes).toEqual([]);
  });

  it('computes 2025 from the same cases (the other year)', async () => {
    const got = await figures.compute(county, 2025);
    const expected: Record<string, number[]> = {
      一: [2, 0, 0, 0, 0, 0, 2], // A, B
      '三(一)': [1, 0, 0, 0, 0, 0, 1], // A
      '三(七)': [1, 0, 0, 0, 0, 0, 1],
      四: [1, 0, 0, 0, 0, 0, 1], // B
    };
    for (const key of TABLE3_ROW_KEYS)
      expect([key, got.figures.table3[key]]).toEqual([key, expected[key] ?? ZERO]);
    expect(got.figures.table4).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(got.fees).toEqual({ amountFen: 5_000, count: 1 });
    // 四 of 2025 = 二 of 2026.
    expect(got.figures.table3.四).toEqual((await figures.compute(county, 2026)).figures.table3.二);
  });

  it('names the source of each kind of cell', async () => {
    const { sources } = await figures.compute(county, 2026);
    expect(sources['table3.一.total']).toMatchObject({ kind: 'records', from: 'requests' });
    expect(sources['table4.0']).toMatchObject({ kind: 'records', from: 'requests' });
    expect(sources['table2.规章.made']).toMatchObject({ kind: 'records', from: 'library' });
    expect(sources['table2.行政许可']).toEqual<CellSource>({
      kind: 'value',
      origin: 'entered',
      enteredBy: '测试用户',
      enteredAt: '2027-01-15T02:00:00.000Z',
      importId: null,
      units: 1,
    });
    expect(sources['table2.行政强制']).toMatchObject({ kind: 'none' });
  });

  it('lists the records behind a cell of table 三, table 四, the library and an entered one', async () => {
    const t3 = await figures.recordsOf(county, 2026, 'table3.一.natural_person');
    expect(t3?.value).toBe(2);
    expect(t3?.records.map((r) => r.title).sort()).toEqual([refs.D, refs.G].sort());
    expect(t3?.records.map((r) => r.href).sort()).toEqual(
      [`/admin/requests/${ids.D}`, `/admin/requests/${ids.G}`].sort(),
    );
    const t3done = await figures.recordsOf(county, 2026, 'table3.三(七).total');
    expect(t3done?.records.map((r) => r.title).sort()).toEqual([refs.B, refs.C, refs.D, refs.G].sort());
    const t4 = await figures.recordsOf(county, 2026, 'table4.4'); // 复议 总计
    expect(t4?.value).toBe(2);
    expect(t4?.records.map((r) => r.title).sort()).toEqual([refs.C, refs.G].sort());
    const t4late = await figures.recordsOf(county, 2026, 'table4.13'); // 复议后起诉 尚未审结
    expect(t4late?.records).toEqual([
      { href: `/admin/requests/${ids.C}`, title: refs.C, note: '审结 2027-01-10' },
    ]);
    const library = await figures.recordsOf(county, 2026, 'table2.行政规范性文件.made');
    expect(library?.value).toBe(4);
    expect(library?.records.map((r) => r.href).sort()).toEqual(
      [lib.ids.N1, lib.ids.N2, lib.ids.N3, lib.ids.N4].map((id) => `/admin/documents/${id}`).sort(),
    );
    const entered = await figures.recordsOf(county, 2026, 'table2.行政许可');
    expect(entered).toMatchObject({ value: 12, rule: '填写的数字', records: [], source: { kind: 'value' } });
    expect(await figures.recordsOf(county, 2026, 'table9.x')).toBeNull();
  });

  it('adds up the entered values of a subtree', async () => {
    await reports.enterValues(SYSTEM, dept.id, 2026, {
      'v.table2.行政许可': '5',
      'v.table2.行政事业性收费': '0.25',
    });
    const tree = await figures.compute(county, 2026, true);
    expect(tree.figures.table2.行政许可).toBe(17); // 12 + 5
    expect(tree.figures.table2.行政事业性收费).toBe(1.75); // 1.5 + 0.25
    expect(tree.figures.table2.行政处罚).toBe(3); // entered by the county only
    expect(tree.sources['table2.行政许可']).toMatchObject({ kind: 'value', units: 2 });
    expect(tree.sources['table2.行政处罚']).toMatchObject({ kind: 'value', units: 1 });
    // The library with the subtree: D1 of the department is added.
    expect(tree.figures.table2.行政规范性文件).toEqual({ made: 5, repealed: 1, inForce: 5 });
    expect((await figures.compute(county, 2026)).figures.table2.行政许可).toBe(12);
  });

  it('takes table 二’s first block from entered values when the library holds nothing for the unit', async () => {
    // The form shows the library's 0s: sent back as they are, they are no entry.
    expect(await reports.enterValues(SYSTEM, other.id, 2026, { 'v.table2.规章.made': '0' })).toBe(0);
    expect((await figures.compute(other, 2026)).sources['table2.规章.made']).toMatchObject({
      kind: 'records',
    });
    await reports.enterValues(SYSTEM, other.id, 2026, { 'v.table2.规章.made': '2' });
    const got = await figures.compute(other, 2026);
    expect(got.figures.table2.规章).toEqual({ made: 2, repealed: null, inForce: null });
    expect(got.sources['table2.规章.made']).toMatchObject({ kind: 'value', origin: 'entered' });
    expect(got.notes).toContain('规范性文件库中没有本单位的文件，表二第一部分采用填写或导入的数字。');
  });

  it('fills a past year with imported values only when the platform holds no cases for it', async () => {
    const table3 = emptyTable3();
    table3.一 = [7, 1, 0, 0, 0, 0, 8];
    const table4 = emptyTable4().map(() => 0);
    table4[0] = 2;
    table4[4] = 2;
    const parsed: ParsedReport = {
      year: 2024,
      table2: null,
      table3,
      table4,
      prose: { 新收: 8, 上年结转: null, 办结: null, 结转下年: null, 复议: 2, 诉讼: null },
      unreadable: [],
    };
    // 2024: the platform holds no case of U → the imported numbers are the year's.
    const id2024 = await reports.readImport(clerk, county.id, 2024, parsed, '2024年报.docx');
    await reports.confirmImport(clerk, id2024);
    const past = await figures.compute(county, 2024);
    expect(past.figures.table3.一).toEqual([7, 1, 0, 0, 0, 0, 8]);
    expect(past.figures.table3.二).toEqual([null, null, null, null, null, null, null]);
    expect(past.figures.table4.slice(0, 5)).toEqual([2, 0, 0, 0, 2]);
    expect(past.sources['table3.一.total']).toMatchObject({
      kind: 'value',
      origin: 'imported',
      importId: id2024,
    });
    expect(past.notes).toContain('本系统没有该年度的依申请公开记录，表三采用导入或填写的数字。');
    expect(await figures.recordsOf(county, 2024, 'table3.一.total')).toMatchObject({ records: [], value: 8 });
    // 2025: the cases are there → an imported value is not used (nor offered by the import).
    const id2025 = await reports.readImport(
      clerk,
      county.id,
      2025,
      { ...parsed, year: 2025 },
      '2025年报.docx',
    );
    const preview = await reports.importPreview(clerk, id2025);
    expect(preview.cells.filter(([k]) => k.startsWith('table3.') || k.startsWith('table4.'))).toEqual([]);
    await app.db.transaction().execute((trx) =>
      new ReportRepository(app.db).setValue(trx, {
        unitId: county.id,
        year: 2025,
        cell: 'table3.一.total',
        value: '99',
        origin: 'imported',
        importId: id2025,
        by: null,
        at: '2027-01-15T02:00:00.000Z',
      }),
    );
    const held = await figures.compute(county, 2025);
    expect(held.figures.table3.一[6]).toBe(2);
    expect(held.sources['table3.一.total']).toMatchObject({ kind: 'records', from: 'requests' });
  });
});
