/**
 * A report's workflow through the real services: created once; sections saved with their revision (an old
 * one is refused and changes nothing); values entered all or nothing with before/after audit; an import
 * read then confirmed once (only cells the platform holds no records for; locked once sent); submission
 * refused while a check fails, then filed in the unit's 政府信息公开年报 column in 待保密审查 with its figures
 * frozen; 退回 makes it editable; resubmission reuses the document; publication marks it 已发布; a body
 * edited in publishing is blocked by the consistency check. Each change writes its audit event.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCounty, buildUser } from '../../../test/support/factories.ts';
import { buildStaff, type Staff } from '../../../test/support/publishing.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import type { Unit } from '../../db/schema.ts';
import type { CallContext } from '../../lib/actor.ts';
import { emptyTable3, type ParsedReport, type ReportSections } from './report.model.ts';
import { REPORT_KIND, ReportService } from './report.service.ts';
import type { Reports } from './reports.services.ts';

const SECTIONS: ReportSections = {
  overview: '本年度，本局认真贯彻《中华人民共和国政府信息公开条例》。',
  proactive: '主动公开政府信息情况见下表。',
  requests: '收到和处理政府信息公开申请情况见下表。',
  appeals: '政府信息公开行政复议、行政诉讼情况见下表。',
  problems: '部分栏目更新不及时。下一步将建立栏目更新提醒机制。',
  other: '其他需要报告的事项：无。',
};
/** The four cells no module holds; the others come from the (empty) records as 0. */
const ENTERED = {
  'v.table2.行政许可': '12',
  'v.table2.行政处罚': '3',
  'v.table2.行政强制': '0',
  'v.table2.行政事业性收费': '1.5',
};

const problemsOf = async (p: Promise<unknown>) => {
  const e = (await p.then(
    () => null,
    (x: unknown) => x,
  )) as { code?: string; message?: string; problems?: { field: string; message: string }[] } | null;
  expect(e).not.toBeNull();
  return {
    code: e?.code,
    text: `${e?.message ?? ''} ${(e?.problems ?? []).map((x) => x.message).join(' ')}`,
  };
};

describe(`the annual report workflow on ${ENGINE}`, () => {
  let app: TestApp;
  let mod: Reports;
  let svc: ReportService;
  let dept: Unit;
  let other: Unit;
  let clerk: CallContext;
  let staff: Staff;
  let reportId: number;
  let documentId: number;

  const audits = async (action: string) =>
    app.db
      .selectFrom('audit_events')
      .select(['action', 'target_type', 'target_id', 'summary', 'before_json', 'after_json'])
      .where('action', '=', action)
      .orderBy('id')
      .execute();
  const row = async () => (await mod.repo.findById(reportId))!;

  beforeAll(async () => {
    app = await createTestApp({ now: '2027-01-05T02:00:00Z' });
    mod = app.reports;
    svc = mod.reports;
    ({ dept, other } = await buildCounty(app));
    clerk = (await buildUser(app, dept, ['clerk'])).ctx;
    staff = await buildStaff(app, dept);
  }, 60_000);
  afterAll(async () => app.destroy());

  it('creates a unit’s report for a year once', async () => {
    const created = await svc.create(clerk, dept.id, 2026);
    reportId = created.id;
    expect(created).toMatchObject({ unit_id: dept.id, year: 2026, status: 'draft', document_id: null });
    const again = await problemsOf(svc.create(clerk, dept.id, 2026));
    expect(again.text).toContain('已经开始编制，不能重复创建');
    expect(await audits('report.create')).toHaveLength(1);
  });

  it('saves the sections at their revision; a stale revision is refused and changes nothing', async () => {
    const before = await row();
    const saved = await svc.saveSections(clerk, reportId, { ...SECTIONS, revision: String(before.revision) });
    expect(saved.revision).toBe(before.revision + 1);
    expect(JSON.parse(saved.sections)).toEqual(SECTIONS);
    const stale = await problemsOf(
      svc.saveSections(clerk, reportId, {
        ...SECTIONS,
        other: '另一个人的修改',
        revision: String(before.revision),
      }),
    );
    expect(stale.text).toContain('报告已被他人修改');
    const after = await row();
    expect(after.revision).toBe(saved.revision);
    expect(JSON.parse(after.sections)).toEqual(SECTIONS);
    const edits = await audits('report.edit');
    expect(edits).toHaveLength(1);
    expect(edits[0]).toMatchObject({ target_type: 'annual_report', target_id: String(reportId) });
  });

  it('enters values all or nothing, auditing before and after', async () => {
    const bad = await problemsOf(
      svc.enterValues(clerk, dept.id, 2026, { 'v.table2.行政许可': '12', 'v.table2.行政处罚': '三' }),
    );
    expect(bad.text).toContain('表二 行政处罚（本年处理决定数量）：请填写不小于 0 的整数，您填写的是“三”');
    expect(await mod.repo.values([dept.id], 2026)).toEqual([]);
    expect(await audits('report.values')).toHaveLength(0);
    expect(await svc.enterValues(clerk, dept.id, 2026, { ...ENTERED, 'v.table2.行政许可': '10' })).toBe(4);
    expect(await svc.enterValues(clerk, dept.id, 2026, ENTERED)).toBe(1); // only 行政许可 changed
    expect(await svc.enterValues(clerk, dept.id, 2026, ENTERED)).toBe(0); // nothing changed, no event
    const events = await audits('report.values');
    expect(events).toHaveLength(2);
    expect(JSON.parse(events[1]!.before_json ?? '')).toEqual({ 'table2.行政许可': '10' });
    expect(JSON.parse(events[1]!.after_json ?? '')).toEqual({ 'table2.行政许可': '12' });
    expect(JSON.parse(events[0]!.before_json ?? '')).toMatchObject({ 'table2.行政处罚': null });
    const computed = await mod.figures.compute(dept, 2026);
    expect(computed.figures.table2.行政许可).toBe(12);
  });

  it('reads an import, confirms it once, only into cells the platform holds no records for', async () => {
    // 2025: one case of the unit is on the platform, so table 三 of 2025 is computed, not imported.
    app.clock.set(new Date('2025-06-02T02:00:00Z'));
    await app.requests.service.intake(clerk, dept.id, {
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
      channel: 'in_person',
      receivedOn: '2025-06-02',
    });
    app.clock.set(new Date('2027-01-05T02:00:00Z'));
    const table3 = emptyTable3();
    table3.一 = [5, 0, 0, 0, 0, 0, 5];
    const parsed: ParsedReport = {
      year: 2025,
      table2: {
        规章: { made: null, repealed: null, inForce: null },
        行政规范性文件: { made: null, repealed: null, inForce: null },
        行政许可: 40,
        行政处罚: 7,
        行政强制: null,
        行政事业性收费: 2.25,
      },
      table3,
      table4: null,
      prose: { 新收: 5, 上年结转: null, 办结: null, 结转下年: null, 复议: null, 诉讼: null },
      unreadable: [],
    };
    const importId = await svc.readImport(clerk, dept.id, 2025, parsed, '2025年年报.pdf');
    expect(await mod.repo.values([dept.id], 2025)).toEqual([]); // reading changes no figure
    const preview = await svc.importPreview(clerk, importId);
    expect(preview.cells.map(([k]) => k).sort()).toEqual(
      ['table2.行政事业性收费', 'table2.行政处罚', 'table2.行政许可'].sort(),
    );
    expect(preview.skipped).toBe(7); // table 三 row 一 (the cases are on the platform)
    expect(await svc.confirmImport(clerk, importId)).toEqual({ cells: 3, unitId: dept.id, year: 2025 });
    const twice = await problemsOf(svc.confirmImport(clerk, importId));
    expect(twice.text).toContain('该导入已经确认过');
    const values = await mod.repo.values([dept.id], 2025);
    expect(values.map((v) => [v.cell, Number(v.value), v.origin, v.import_id])).toEqual([
      ['table2.行政事业性收费', 2.25, 'imported', importId],
      ['table2.行政处罚', 7, 'imported', importId],
      ['table2.行政许可', 40, 'imported', importId],
    ]);
    const computed = await mod.figures.compute(dept, 2025);
    expect(computed.figures.table3.一[6]).toBe(1);
    expect(await audits('report.import_read')).toHaveLength(1);
    expect(await audits('report.import')).toHaveLength(1);
  });

  it('refuses to submit while a check fails with an error, changing nothing', async () => {
    const { taskSummary: _none, ...deps } = mod.deps;
    const failing = new ReportService({
      ...deps,
      figures: mod.figures,
      runChecks: () => [
        { id: 'test.fails', severity: 'error', title: '表三不平衡', message: '一＋二不等于三（七）＋四' },
      ],
    });
    const refused = await problemsOf(failing.submit(clerk, reportId));
    expect(refused.text).toContain('表三不平衡：一＋二不等于三（七）＋四');
    expect(await row()).toMatchObject({ status: 'draft', document_id: null, figures: null });
    expect(await audits('report.submit')).toHaveLength(0);
    // The module's own checks: a prompt left in the text blocks too.
    const r = await row();
    await svc.saveSections(clerk, reportId, {
      ...SECTIONS,
      problems: '【请填写存在的问题】',
      revision: String(r.revision),
    });
    expect((await problemsOf(svc.submit(clerk, reportId))).text).toContain('仍有待填写的提示');
    await svc.saveSections(clerk, reportId, { ...SECTIONS, revision: String((await row()).revision) });
    expect((await row()).status).toBe('draft');
  });

  it('submits into publishing: the document in the 年报 column, 待保密审查, figures frozen', async () => {
    documentId = await svc.submit(clerk, reportId);
    const r = await row();
    expect(r).toMatchObject({ status: 'submitted', document_id: documentId });
    const doc = await app.db
      .selectFrom('documents')
      .select(['kind', 'state', 'title', 'unit_id'])
      .where('id', '=', documentId)
      .executeTakeFirstOrThrow();
    expect(doc).toEqual({
      kind: REPORT_KIND,
      state: 'confidentiality_review',
      title: '测试县发展和改革局2026年政府信息公开工作年度报告',
      unit_id: dept.id,
    });
    const columns = await app.db
      .selectFrom('document_columns')
      .innerJoin('site_columns as columns', 'columns.id', 'document_columns.column_id')
      .select(['columns.template_key', 'columns.unit_id'])
      .where('document_columns.document_id', '=', documentId)
      .execute();
    expect(columns).toEqual([{ template_key: 'annual_report', unit_id: dept.id }]);
    const frozen = JSON.parse(r.figures ?? 'null');
    expect(frozen.table2.行政许可).toBe(12);
    const submitted = await audits('report.submit');
    expect(submitted).toHaveLength(1);
    expect(JSON.parse(submitted[0]!.after_json ?? '')).toMatchObject({ documentId });
    // Sent: no edit, no value, no import; the view shows the frozen figures.
    expect(
      (await problemsOf(svc.enterValues(clerk, dept.id, 2026, { 'v.table2.行政许可': '13' }))).text,
    ).toContain('已送审或已发布');
    expect(
      (await problemsOf(svc.saveSections(clerk, reportId, { ...SECTIONS, revision: String(r.revision) })))
        .text,
    ).toContain('正在审核中');
    const late = await svc.readImport(clerk, dept.id, 2026, { ...emptyParsed(), year: 2026 }, '补充.docx');
    expect((await problemsOf(svc.confirmImport(clerk, late))).text).toContain(
      '已送审或已发布，不能再导入数字',
    );
    const view = await svc.view(clerk, dept.id, 2026);
    expect(view.status).toBe('in_review');
    expect(view.figures).toEqual(frozen);
  });

  it('a reviewer’s 退回 makes it editable; resubmission updates the same document; publication marks it', async () => {
    await app.publishing.review.returnForRevision(staff.confidentiality, documentId, '请补充数据说明');
    const view = await svc.view(clerk, dept.id, 2026);
    expect(view.status).toBe('returned');
    const r = await row();
    await svc.saveSections(clerk, reportId, {
      ...SECTIONS,
      problems: '存在的主要问题：数据说明已补充。',
      revision: String(r.revision),
    });
    expect(await svc.submit(clerk, reportId)).toBe(documentId);
    const docs = await app.db
      .selectFrom('documents')
      .select(['id', 'state'])
      .where('kind', '=', REPORT_KIND)
      .where('unit_id', '=', dept.id)
      .execute();
    expect(docs).toEqual([{ id: documentId, state: 'confidentiality_review' }]);
    expect(await audits('report.submit')).toHaveLength(2);
    await app.publishing.review.reviewConfidentiality(staff.confidentiality, documentId, {
      conclusion: 'disclose',
    });
    await app.publishing.review.approve(staff.reviewer, documentId);
    expect(await row()).toMatchObject({ status: 'published', published_on: '2027-01-05' });
    expect((await svc.view(clerk, dept.id, 2026)).status).toBe('published');
    const published = await audits('report.published');
    expect(published).toMatchObject([{ target_type: 'annual_report', target_id: String(reportId) }]);
  });

  it('blocks a report whose body was edited in publishing, with the consistency check’s message', async () => {
    const otherClerk = (await buildUser(app, other, ['clerk'])).ctx;
    const otherStaff = await buildStaff(app, other);
    const created = await svc.create(otherClerk, other.id, 2026);
    await svc.saveSections(otherClerk, created.id, { ...SECTIONS, revision: String(created.revision) });
    await svc.enterValues(otherClerk, other.id, 2026, ENTERED);
    const docId = await svc.submit(otherClerk, created.id);
    await app.publishing.review.returnForRevision(otherStaff.confidentiality, docId, '请修改');
    const column = (await app.publishing.columns.listActiveForUnit(other.id)).find(
      (c) => c.template_key === 'annual_report',
    )!;
    await app.publishing.documents.updateDraft(otherClerk, docId, {
      kind: REPORT_KIND,
      title: `${other.name}2026年政府信息公开工作年度报告`,
      genre: '报告',
      issuers: other.name,
      writtenOn: '2027-01-05',
      formedOn: '2027-01-05',
      disclosureMode: 'proactive',
      keywords: '政府信息公开，年度报告',
      summary: '在发布环节改写的正文。',
      source: other.name,
      bodyHtml: '<p>在发布环节直接改写的正文。</p>',
      columnIds: [String(column.id)],
      'meta.year': '2026',
    });
    const blocked = await problemsOf(app.publishing.review.submit(otherClerk, docId));
    expect(blocked.text).toContain('正文与年度报告送审时的内容不一致');
    const state = await app.db
      .selectFrom('documents')
      .select('state')
      .where('id', '=', docId)
      .executeTakeFirst();
    expect(state?.state).toBe('draft');
  });
});

function emptyParsed(): ParsedReport {
  return {
    year: null,
    table2: {
      规章: { made: null, repealed: null, inForce: null },
      行政规范性文件: { made: null, repealed: null, inForce: null },
      行政许可: 1,
      行政处罚: null,
      行政强制: null,
      行政事业性收费: null,
    },
    table3: null,
    table4: null,
    prose: { 新收: null, 上年结转: null, 办结: null, 结转下年: null, 复议: null, 诉讼: null },
    unreadable: [],
  };
}
