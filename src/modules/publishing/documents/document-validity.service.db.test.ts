import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCounty } from '../../../../test/support/factories.ts';
import {
  buildStaff,
  documentInput,
  publishDocument,
  type Staff,
} from '../../../../test/support/publishing.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../../test/support/test-app.ts';
import { docxFromText } from '../../../../test/support/word-import.ts';
import type { Unit } from '../../../db/schema.ts';
import { bulkImport } from '../import/bulk-import.ts';
import type { Publishing } from '../publishing.services.ts';

describe(`有效性 of documents on ${ENGINE}`, () => {
  let app: TestApp;
  let pub: Publishing;
  let county: Unit;
  let staff: Staff;
  beforeEach(async () => {
    app = await createTestApp();
    pub = app.publishing;
    county = (await buildCounty(app)).county;
    staff = await buildStaff(app, county);
  });
  afterEach(async () => app.destroy());

  it('stores 有效性 with 施行日期 and refuses inconsistent dates, naming the field', async () => {
    const d = await pub.documents.createDraft(
      staff.clerk,
      county.id,
      documentInput({ validity: 'valid', effectiveOn: '2026-03-01' }),
    );
    expect(d).toMatchObject({ validity: 'valid', effective_on: '2026-03-01', repealed_on: null });
    const bad = await pub.documents
      .createDraft(
        staff.clerk,
        county.id,
        documentInput({ validity: 'repealed', effectiveOn: '2026-03-01', repealedOn: '2026-02-01' }),
      )
      .catch((e) => e);
    expect(bad.problems).toEqual([{ field: 'repealedOn', message: '废止日期不能早于施行日期' }]);
    const edited = await pub.documents.updateDraft(
      staff.clerk,
      d.id,
      documentInput({ validity: '', effectiveOn: '' }),
    );
    expect(edited).toMatchObject({ validity: null, effective_on: null });
  });

  it('changing 有效性 of a published document keeps the earlier version, is audited and shows publicly', async () => {
    const id = await publishDocument(pub, county, staff, { validity: 'valid', effectiveOn: '2026-03-01' });
    const refused = await pub.documents
      .changeValidity(staff.reviewer, id, { validity: 'repealed', effectiveOn: '2026-03-01', repealedOn: '' })
      .catch((e) => e);
    expect(refused.problems).toEqual([{ field: 'repealedOn', message: '有效性为“废止”时须填写废止日期' }]);
    const byClerk = await pub.documents
      .changeValidity(staff.clerk, id, {
        validity: 'repealed',
        effectiveOn: '2026-03-01',
        repealedOn: '2026-06-30',
      })
      .catch((e) => e);
    expect(byClerk.code).toBe('invalid_transition');

    const after = await pub.documents.changeValidity(staff.reviewer, id, {
      validity: 'repealed',
      effectiveOn: '2026-03-01',
      repealedOn: '2026-06-30',
      note: '已被示政发〔2026〕9号废止',
    });
    expect(after).toMatchObject({
      validity: 'repealed',
      repealed_on: '2026-06-30',
      version: 2,
      state: 'published',
    });
    const versions = await pub.documentRepo.versions(id);
    expect(versions.map((v) => [v.version, v.correction_note])).toEqual([[1, null]]);
    expect(JSON.parse(versions[0]!.snapshot_json)).toMatchObject({
      validity: 'valid',
      effective_on: '2026-03-01',
    });
    const [event] = await app.auditRepo.list({ action: 'document.validity' }, 5);
    expect(event?.summary).toContain('有效 → 废止（已被示政发〔2026〕9号废止）');
    expect(JSON.parse(event!.before_json!)).toMatchObject({
      validity: 'valid',
      repealedOn: null,
      version: 1,
    });
    expect(JSON.parse(event!.after_json!)).toMatchObject({
      validity: 'repealed',
      repealedOn: '2026-06-30',
      version: 2,
    });

    const unchanged = await pub.documents
      .changeValidity(staff.reviewer, id, {
        validity: 'repealed',
        effectiveOn: '2026-03-01',
        repealedOn: '2026-06-30',
      })
      .catch((e) => e);
    expect(unchanged.problems[0].message).toBe('有效性、施行日期和废止日期都没有变化');

    const page = await pub.publicDocuments.getPublished(id);
    expect(page).toMatchObject({
      validity: 'repealed',
      effective_on: '2026-03-01',
      repealed_on: '2026-06-30',
    });
    // A correction through the full form keeps the marks it is given.
    await pub.documents.correctPublished(
      staff.reviewer,
      id,
      documentInput({
        title: '更正后的标题',
        validity: 'repealed',
        effectiveOn: '2026-03-01',
        repealedOn: '2026-06-30',
      }),
      '标题有误',
    );
    expect(await pub.documentRepo.findById(id)).toMatchObject({ validity: 'repealed', version: 3 });
  });

  it('a draft cannot change 有效性 through the published-change path', async () => {
    const d = await pub.documents.createDraft(staff.clerk, county.id, documentInput());
    const e = await pub.documents.changeValidity(staff.reviewer, d.id, { validity: 'valid' }).catch((x) => x);
    expect(e.code).toBe('invalid_transition');
    expect(e.message).toBe('只有已发布的信息可以变更有效性；草稿的有效性在修改草稿时填写');
  });

  it('bulk import reads the 有效性, 施行日期 and 废止日期 columns, with a per-row reason when wrong', async () => {
    const zip = new JSZip();
    zip.file('a.docx', await docxFromText('关于印发示范县惠民补贴办法的通知\n各乡镇人民政府：现印发。'));
    zip.file('b.docx', await docxFromText('关于废止部分文件的决定\n各乡镇人民政府：现决定。'));
    const archive = await zip.generateAsync({ type: 'nodebuffer' });
    const sheet = async (rows: string[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('元数据');
      ws.addRow(['文件名', '标题', '成文日期', '有效性', '施行日期', '废止日期']);
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const deps = { documents: pub.documents, topics: await pub.documentRepo.listTopics(), columns: [] };
    const bad = await bulkImport(staff.clerk, deps, county.id, {
      zip: archive,
      xlsx: await sheet([
        ['a.docx', '惠民补贴办法', '2026-01-05', '现行有效', '', ''],
        ['b.docx', '废止部分文件', '2026-01-05', '废止', '2026-01-10', ''],
      ]),
    });
    expect(bad.imported).toBe(0);
    expect(bad.rows.map((r) => r.problems)).toEqual([
      ['有效性“现行有效”应为 有效 / 失效 / 废止 / 已修改'],
      ['有效性为“废止”时须填写废止日期'],
    ]);
    const good = await bulkImport(staff.clerk, deps, county.id, {
      zip: archive,
      xlsx: await sheet([
        ['a.docx', '惠民补贴办法', '2026-01-05', '有效', '2026-02-01', ''],
        ['b.docx', '废止部分文件', '2026-01-05', '废止', '2026-01-10', '2026-03-31'],
      ]),
    });
    expect(good.imported).toBe(2);
    const rows = await Promise.all(good.ids.map((id) => pub.documentRepo.findById(id)));
    expect(rows.map((d) => [d?.validity, d?.effective_on, d?.repealed_on])).toEqual([
      ['valid', '2026-02-01', null],
      ['repealed', '2026-01-10', '2026-03-31'],
    ]);
  });
});
