/**
 * HTTP: the library's files — the download version (.docx, PDF) of a published library document and the
 * 现行有效目录 (.xlsx). Entries are filed by hand (test/support/library-entries.ts) until the publication
 * hook lands.
 */
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/db/schema.ts';
import { buildCounty, SYSTEM } from '../support/factories.ts';
import { Browser, startTestServer } from '../support/http.ts';
import { publishLibraryDocument } from '../support/library-entries.ts';
import { buildStaff, documentInput, publishDocument, type Staff } from '../support/publishing.ts';
import { createTestApp, ENGINE, type TestApp } from '../support/test-app.ts';

const BODY =
  '<p>第一条 为加强农村集体资产管理，制定本办法。</p><h2>第二章 管理</h2>' +
  '<table><tr><th>项目</th><th>标准</th></tr><tr><td>资产清查</td><td>每年一次</td></tr></table>' +
  '<p>第三十条 本办法自2026年3月1日起施行，有效期5年。</p>';

describe(`HTTP: library downloads and 目录 on ${ENGINE}`, () => {
  let app: TestApp;
  let server: FastifyInstance;
  let county: Unit;
  let staff: Staff;
  let visitor: Browser;
  let docId: number;
  let repealedId: number;
  let plainId: number;

  beforeAll(async () => {
    app = await createTestApp();
    county = (await buildCounty(app)).county;
    staff = await buildStaff(app, county);
    docId = await publishLibraryDocument(app.publishing, app.policies, county, staff, {
      title: '测试县农村集体资产管理办法',
      registrationNumber: 'CSCR-2026-00001',
      publishedOn: '2026-02-20',
      effectiveOn: '2026-03-01',
      expiresOn: '2031-02-28',
      bodyHtml: BODY,
    });
    repealedId = await publishLibraryDocument(app.publishing, app.policies, county, staff, {
      title: '测试县旧办法',
      docNumber: '测政规〔2020〕2号',
      publishedOn: '2020-01-10',
    });
    await app.policies.ledger.record(SYSTEM, repealedId, {
      type: 'repealed',
      occursOn: '2026-01-01',
      sourceTitle: '测试县人民政府关于废止部分规范性文件的决定',
    });
    plainId = await publishDocument(app.publishing, county, staff, documentInput({ title: '普通通知' }));
    server = await startTestServer(app);
    visitor = new Browser(server);
  });
  afterAll(async () => {
    await server?.close();
    await app?.destroy();
  });

  it('.docx: a Word file named after the title, with the metadata block and the body text', async () => {
    const r = await visitor.get(`/library/documents/${docId}.docx`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('wordprocessingml');
    expect(r.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('测试县农村集体资产管理办法.docx')}`,
    );
    const xml = await (await JSZip.loadAsync(r.rawPayload)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const s of [
      '标题',
      '制定机关',
      '测试县人民政府',
      '发文字号',
      '统一登记号',
      'CSCR-2026-00001',
      '公布日期',
      '2026-02-20',
      '施行日期',
      '2026-03-01',
      '有效期至',
      '2031-02-28',
      '当前有效性',
      '第一条 为加强农村集体资产管理，制定本办法。',
      '第二章 管理',
      '资产清查',
      '每年一次',
    ])
      expect(text, s).toContain(s);
    expect(text).toMatch(/现行有效（有据可查，截至 \d{4}-\d{2}-\d{2}）/);
    expect(xml).toContain('<w:tbl>');
  });

  it('.docx of a repealed document says 已废止 as of the download day', async () => {
    const r = await visitor.get(`/library/documents/${repealedId}.docx`);
    const xml = await (await JSZip.loadAsync(r.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml.replace(/<[^>]+>/g, '')).toMatch(/已废止（有据可查，截至/);
  });

  it('PDF: a real PDF with at least one page and the CJK font subset embedded with a ToUnicode map', async () => {
    const r = await visitor.get(`/library/documents/${docId}.pdf`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    const pdf = r.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const raw = pdf.toString('latin1');
    // Honest about what this checks: pdfkit writes text as glyph ids, so the Chinese words are not
    // searchable in the raw bytes. We check a page exists, the Noto CJK subset is embedded (not a
    // fallback font drawing boxes) and a ToUnicode map is present (what makes the text extractable).
    expect((raw.match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(1);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansCJK/);
    expect(raw).toMatch(/\/FontFile[23]?\b/);
    expect(raw).toContain('/ToUnicode');
    expect(pdf.length).toBeLessThan(400_000);
  });

  it('PDF without a CJK font: 503 with a Chinese page naming the font and offering the .docx', async () => {
    const original = app.policies.pdfFont;
    app.policies.pdfFont = () => null;
    try {
      const r = await visitor.get(`/library/documents/${docId}.pdf`);
      expect(r.statusCode).toBe(503);
      expect(r.headers['content-type']).toContain('text/html');
      expect(r.body).toContain('fonts-noto-cjk');
      expect(r.body).toContain(`href="/library/documents/${docId}.docx"`);
    } finally {
      app.policies.pdfFont = original;
    }
  });

  it('404 for documents that are not published library documents', async () => {
    expect((await visitor.get(`/library/documents/${plainId}.docx`)).statusCode).toBe(404);
    expect((await visitor.get(`/library/documents/${plainId}.pdf`)).statusCode).toBe(404);
    expect((await visitor.get('/library/documents/999999.docx')).statusCode).toBe(404);
    const draft = await app.publishing.documents.createDraft(
      staff.clerk,
      county.id,
      documentInput({ kind: 'normative', title: '草稿办法' }),
    );
    expect((await visitor.get(`/library/documents/${draft.id}.docx`)).statusCode).toBe(404);
  });

  it('目录 .xlsx lists the entries in force in the unit’s subtree, read back by its columns', async () => {
    const r = await visitor.get(`/library/catalogue.xlsx?unit=${county.id}&kind=normative`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-disposition']).toContain(encodeURIComponent('现行有效行政规范性文件目录'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows = ws.getSheetValues().filter(Boolean) as unknown[][];
    const texts = rows.map((row) => row.slice(1).map((c) => (c == null ? '' : String(c))));
    expect(texts[0]![0]).toContain('现行有效行政规范性文件目录');
    expect(texts[1]).toEqual([
      '序号',
      '文件名称',
      '文号',
      '统一登记号',
      '制定机关',
      '公布日期',
      '施行日期',
      '有效期至',
      '有效性',
    ]);
    expect(texts.slice(2)).toEqual([
      [
        '1',
        '测试县农村集体资产管理办法',
        '测政规〔2026〕1号',
        'CSCR-2026-00001',
        '测试县人民政府',
        '2026-02-20',
        '2026-03-01',
        '2031-02-28',
        '现行有效',
      ],
    ]);
  });

  it('目录: bad filters are refused in Chinese', async () => {
    const r = await visitor.get('/library/catalogue.xlsx?kind=bogus');
    expect(r.statusCode).toBe(422);
    expect(r.body).toContain('文件类型“bogus”');
  });
});
