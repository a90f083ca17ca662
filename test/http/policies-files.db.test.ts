/**
 * HTTP: the library's files — the download version (.docx, PDF) of a published library document and the
 * 现行有效目录 (.xlsx). Entries are filed by hand (test/support/library-files-entries.ts) until the publication
 * hook lands.
 */
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/db/schema.ts';
import { buildCounty, buildUser, PASSWORD, SYSTEM } from '../support/factories.ts';
import { Browser, startTestServer } from '../support/http.ts';
import { publishLibraryDocument } from '../support/library-files-entries.ts';
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

  describe('import from xlsx', () => {
    let admin: Browser;
    let dept: Unit;
    beforeAll(async () => {
      dept = (await app.unitRepo.findByName('测试县财政局'))!;
      const user = await buildUser(app, dept, ['disclosure_admin', 'clerk']);
      admin = new Browser(server);
      expect((await admin.login(user.username, PASSWORD)).statusCode).toBe(303);
    });

    async function sheet(rows: string[][]): Promise<Buffer> {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('目录');
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    }
    async function upload(xlsx: Buffer) {
      const fd = new FormData();
      fd.append('_csrf', await admin.csrf('/admin/policies/import'));
      fd.append('unitId', String(dept.id));
      fd.append('file', new Blob([new Uint8Array(xlsx)]), '文件库.xlsx');
      const r = new Response(fd);
      return server.inject({
        method: 'POST',
        url: '/admin/policies/import',
        payload: Buffer.from(await r.arrayBuffer()),
        headers: { 'content-type': r.headers.get('content-type')!, cookie: admin.cookieHeader() },
      });
    }
    const decode = (html: string) =>
      html
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>');
    const count = async (table: 'documents' | 'policy_entries' | 'policy_validity_events') =>
      Number(
        (
          await app.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    // Headers as another office names them (synonyms), in another order, with a title row above.
    const HEAD = [
      '序号',
      '标题',
      '发文字号',
      '发布机构',
      '登记编号',
      '发文日期',
      '生效日期',
      '失效日期',
      '状态',
      '废止时间',
      '文件类型',
      '网址',
    ];
    const GOOD = [
      ['测试县财政局文件目录'],
      HEAD,
      [
        '1',
        '测试县财政专项资金管理办法',
        '测财规〔2019〕1号',
        '测试县财政局',
        'CSCR-2019-00003',
        '2019/3/1',
        '2019年4月1日',
        '',
        '有效',
        '',
        '行政规范性文件',
        'https://example.gov.cn/a.html',
      ],
      [
        '2',
        '测试县政府采购管理暂行办法',
        '测财规〔2015〕2号',
        '测试县财政局',
        '',
        '2015-05-10',
        '',
        '',
        '废止',
        '2020-06-30',
        '规范性文件',
        '',
      ],
      [
        '3',
        '测试县国库集中支付实施细则',
        '测财规〔2016〕3号',
        '测试县财政局、测试县人民银行',
        '',
        '2016.1.5',
        '',
        '2021-01-04',
        '失效',
        '',
        '规范性文件',
        '',
      ],
      ['4', '测试县非税收入管理办法', '', '测试县财政局', '', '2018-08-08', '', '', '', '', '规章', ''],
    ];

    it('review shows what each row becomes before anything is written; confirm writes all in one go', async () => {
      const before = { docs: await count('documents'), entries: await count('policy_entries') };
      const review = await upload(await sheet(GOOD));
      expect(review.statusCode, review.body.slice(0, 2000)).toBe(200);
      expect(review.body).toContain('检查通过');
      expect(review.body).toMatch(/测试县财政专项资金管理办法[\s\S]*?<td>现行有效（推定）<\/td>/);
      expect(review.body).toMatch(/测试县非税收入管理办法[\s\S]*?<td>现行有效（推定）<\/td>/);
      expect(review.body).toContain('2020-06-30 废止（依据：原文件库记录，推定）');
      expect(review.body).toContain('2021-01-05 失效（有效期届满）（依据：原文件库记录，推定）');
      expect(await count('documents')).toBe(before.docs);
      expect(await count('policy_entries')).toBe(before.entries);

      const rows = decode(/name="rows" value="([^"]*)"/.exec(review.body)![1]!);
      const done = await admin.post(
        '/admin/policies/import/confirm',
        { unitId: String(dept.id), rows },
        { csrfFrom: '/admin/policies/import' },
      );
      expect(done.statusCode, done.body.slice(0, 2000)).toBe(303);
      expect(done.headers.location).toBe(`/admin/policies/import?unit=${dept.id}&imported=4`);

      const entries = await app.db
        .selectFrom('policy_entries')
        .selectAll()
        .where('unit_id', '=', dept.id)
        .orderBy('published_on')
        .execute();
      expect(entries.map((e) => [e.title, e.kind, e.state, e.certainty])).toEqual([
        ['测试县政府采购管理暂行办法', 'normative', 'repealed', 'presumed'],
        ['测试县国库集中支付实施细则', 'normative', 'expired', 'presumed'],
        ['测试县非税收入管理办法', 'regulation', 'in_force', 'presumed'],
        ['测试县财政专项资金管理办法', 'normative', 'in_force', 'presumed'],
      ]);
      const repealed = entries[0]!;
      const events = await app.db
        .selectFrom('policy_validity_events')
        .selectAll()
        .where('document_id', '=', repealed.document_id)
        .execute();
      expect(events).toMatchObject([
        {
          event_type: 'repealed',
          occurs_on: '2020-06-30',
          source_title: '原文件库记录',
          certainty: 'presumed',
        },
      ]);
      expect(events[0]!.note).toContain('表格不是废止（失效）文件本身');
      const doc = (await app.publishing.documentRepo.findById(repealed.document_id))!;
      expect(doc).toMatchObject({
        state: 'published',
        published_on: '2015-05-10',
        validity: 'repealed',
        ever_published: 1,
      });
      expect(doc.index_number).toBeTruthy();
      const audits = await app.db
        .selectFrom('audit_events')
        .select(['action', 'target_id'])
        .where('action', 'in', ['document.import_publish', 'policy.library_import'])
        .execute();
      expect(audits.filter((a) => a.action === 'document.import_publish')).toHaveLength(4);
      expect(audits.filter((a) => a.action === 'policy.library_import')).toHaveLength(1);
      // The same sheet again: every 文号 is already in the library, nothing written.
      const again = await upload(await sheet(GOOD));
      expect(again.statusCode).toBe(422);
      expect(again.body).toContain('第 3 行：文号“测财规〔2019〕1号”已在文件库中');
    });

    it('bad rows: row-numbered Chinese messages, no confirm button, nothing written', async () => {
      const before = await count('documents');
      const r = await upload(
        await sheet([
          ['文件名称', '文号', '类型', '公布日期', '施行日期', '有效性', '废止日期'],
          ['甲办法', '测财规〔2022〕9号', '通知', '2022-01-01', '', '', ''],
          ['乙办法', '测财规〔2022〕10号', '规章', '2022-13-01', '', '', ''],
          ['丙办法', '测财规〔2022〕11号', '规章', '2022-03-01', '2022-02-01', '', ''],
          ['丁办法', '测财规〔2022〕12号', '规章', '2022-03-01', '', '废止', ''],
          ['戊办法', '测财规〔2022〕12号', '规章', '2022-04-01', '', '', ''],
          ['己办法', '测财规〔2022〕13号', '规章', '2022-04-01', '', '修改', ''],
        ]),
      );
      expect(r.statusCode).toBe(422);
      for (const m of [
        '第 2 行：类型“通知”不认识',
        '第 3 行：公布日期“2022-13-01”不是有效日期',
        '第 4 行：施行日期 2022-02-01 早于公布日期 2022-03-01',
        '第 5 行：有效性为“废止”，请填写废止日期',
        '第 6 行：与第 5 行重复（文号“测财规〔2022〕12号”相同）',
        '第 7 行：有效性“修改”不认识',
      ])
        expect(r.body).toContain(m);
      expect(r.body).not.toContain('/admin/policies/import/confirm');
      expect(await count('documents')).toBe(before);
    });

    it('a sheet without a title column is refused as a whole', async () => {
      const r = await upload(
        await sheet([
          ['文号', '类型'],
          ['测财规〔2022〕1号', '规章'],
        ]),
      );
      expect(r.statusCode).toBe(422);
      expect(r.body).toContain('找不到表头');
    });

    it('a confirm whose rows no longer pass writes nothing (re-checked, not trusted)', async () => {
      const before = await count('documents');
      const rows = JSON.stringify([
        {
          row: 2,
          cells: { title: '庚办法', kind: '规章', publishedOn: '2022-01-01', docNumber: '测财规〔2023〕1号' },
        },
        {
          row: 3,
          cells: { title: '辛办法', kind: '规章', publishedOn: 'bogus', docNumber: '测财规〔2023〕2号' },
        },
      ]);
      const r = await admin.post(
        '/admin/policies/import/confirm',
        { unitId: String(dept.id), rows },
        { csrfFrom: '/admin/policies/import' },
      );
      expect(r.statusCode).toBe(422);
      expect(r.body).toContain('第 3 行：公布日期“bogus”不是有效日期');
      expect(await count('documents')).toBe(before);
    });

    it('only policy.manage may import', async () => {
      const clerk = new Browser(server);
      const user = await buildUser(app, dept, ['clerk']);
      await clerk.login(user.username, PASSWORD);
      expect((await clerk.get('/admin/policies/import')).statusCode).toBe(403);
    });
  });

  describe('import from documents already published', () => {
    let admin: Browser;
    let unit: Unit;
    let policyId: number;
    let noticeId: number;
    beforeAll(async () => {
      unit = (await app.unitRepo.findByName('测试县发展和改革局'))!;
      const user = await buildUser(app, unit, ['disclosure_admin']);
      admin = new Browser(server);
      await admin.login(user.username, PASSWORD);
      const s = await buildStaff(app, unit);
      policyId = await publishDocument(
        app.publishing,
        unit,
        s,
        documentInput({
          title: '测试县价格调节基金管理办法',
          docNumber: '测发改规〔2024〕5号',
          bodyHtml:
            '<p>HHCR—2024—00005</p><p>第一条 为规范……</p><p>第二十条 本办法自2024年3月1日起施行，有效期5年。</p>',
        }),
      );
      noticeId = await publishDocument(
        app.publishing,
        unit,
        s,
        documentInput({ title: '关于召开全县发展改革工作会议的通知', docNumber: '测发改〔2024〕9号' }),
      );
    });

    it('lists candidates with what their text says; confirming reclassifies them and files their entries', async () => {
      const page = await admin.get(`/admin/policies/import/published?unit=${unit.id}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('测试县价格调节基金管理办法');
      expect(page.body).not.toContain('关于召开全县发展改革工作会议的通知');
      expect(page.body).toContain('正文有统一登记号 HHCR-2024-00005');
      expect(page.body).toContain('自2024年3月1日起施行');
      expect(page.body).toContain('有效期5年');
      // Put online in 2026, in force since 2024: the real 公布日期 is unknown, so it is left blank (said so).
      expect(page.body).toContain('晚于正文所载施行日期 2024-03-01，公布日期留空待补');
      const before = (await app.publishing.documentRepo.findById(policyId))!;
      const r = await admin.post(
        '/admin/policies/import/published',
        { unitId: String(unit.id), [`kind.${policyId}`]: 'normative' },
        { csrfFrom: `/admin/policies/import/published?unit=${unit.id}` },
      );
      expect(r.statusCode, r.body.slice(r.body.indexOf('<main'), r.body.indexOf('<main') + 1200)).toBe(303);
      const after = (await app.publishing.documentRepo.findById(policyId))!;
      expect(after).toMatchObject({
        kind: 'normative',
        state: 'published',
        version: before.version,
        index_number: before.index_number,
        published_on: before.published_on,
      });
      expect(JSON.parse(after.kind_metadata_json!)).toMatchObject({
        registrationNumber: 'HHCR-2024-00005',
        effectiveOn: '2024-03-01',
      });
      const entry = await app.policies.ledger.entries.find(policyId);
      expect(entry).toMatchObject({
        kind: 'normative',
        registration_number: 'HHCR-2024-00005',
        effective_on: '2024-03-01',
        published_on: null,
        state: 'in_force',
        certainty: 'official',
      });
      const audit = await app.db
        .selectFrom('audit_events')
        .select('action')
        .where('target_id', '=', String(policyId))
        .where('action', 'in', ['document.reclassify', 'policy.library_import'])
        .execute();
      expect(audit.map((a) => a.action).sort()).toEqual(['document.reclassify', 'policy.library_import']);
      // Now a library document: no longer a candidate, and downloadable.
      expect((await admin.get(`/admin/policies/import/published?unit=${unit.id}`)).body).not.toContain(
        '测试县价格调节基金管理办法',
      );
      expect((await visitor.get(`/library/documents/${policyId}.docx`)).statusCode).toBe(200);
    });

    it('a choice of a document that is not a candidate is refused in Chinese; nothing changes', async () => {
      const r = await admin.post(
        '/admin/policies/import/published',
        { unitId: String(unit.id), [`kind.${noticeId}`]: 'normative' },
        { csrfFrom: `/admin/policies/import/published?unit=${unit.id}` },
      );
      expect(r.statusCode).toBe(422);
      expect(r.body).toContain(`编号 ${noticeId} 的信息不是可导入的已发布政府信息`);
      expect((await app.publishing.documentRepo.findById(noticeId))!.kind).toBe('document');
    });

    it('publishing refuses to reclassify a draft or a document of another kind', async () => {
      const draft = await app.publishing.documents.createDraft(
        SYSTEM,
        unit.id,
        documentInput({ title: '草稿' }),
      );
      await expect(app.publishing.documents.reclassify(SYSTEM, draft.id, 'normative', {})).rejects.toThrow(
        '不是已发布的信息',
      );
      await expect(app.publishing.documents.reclassify(SYSTEM, policyId, 'policy', {})).rejects.toThrow(
        '不能再更改类型',
      );
    });
  });
});
