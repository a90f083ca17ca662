/** HTTP: the back office of 主动公开 — document form, workflow actions, checks, Word and bulk import, columns, topics. */
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/db/seeds/demo.ts';
import { DEMO_PASSWORD } from '../../src/db/seeds/demo-units.ts';
import { validIdNumber } from '../../src/modules/publishing/checks/test-numbers.ts';
import { Browser, startTestServer } from '../support/http.ts';
import { createTestApp, ENGINE, type TestApp } from '../support/test-app.ts';
import { docxFromText, seedText } from '../support/word-import.ts';

type Part = string | string[] | { name: string; content: Buffer };

describe(`HTTP: publishing back office on ${ENGINE}`, () => {
  let app: TestApp;
  let server: FastifyInstance;
  let unitId: number;
  let columnId: number;
  const users: Record<string, Browser> = {};

  /** A multipart POST with the CSRF token of `from`. */
  async function postMultipart(
    b: Browser,
    url: string,
    fields: Record<string, Part>,
    from = '/admin/documents',
  ) {
    const fd = new FormData();
    fd.append('_csrf', await b.csrf(from));
    for (const [k, v] of Object.entries(fields)) {
      for (const one of Array.isArray(v) ? v : [v]) {
        if (typeof one === 'string') fd.append(k, one);
        else fd.append(k, new Blob([new Uint8Array(one.content)]), one.name);
      }
    }
    const r = new Response(fd);
    return server.inject({
      method: 'POST',
      url,
      payload: Buffer.from(await r.arrayBuffer()),
      headers: { 'content-type': r.headers.get('content-type')!, cookie: b.cookieHeader() },
    });
  }

  const fields = (over: Record<string, Part> = {}): Record<string, Part> => ({
    unitId: String(unitId),
    title: '关于公布2026年重点建设项目的通知',
    issuers: '县发展和改革局',
    docNumber: '县发改发[2026]3号',
    genre: '通知',
    topicId: '1',
    writtenOn: '2026-02-26',
    formedOn: '2026-02-27',
    disclosureMode: 'proactive',
    columnIds: String(columnId),
    keywords: '重点项目，建设',
    bodyHtml: '<p>各有关单位：现将2026年重点建设项目公布如下。</p>',
    ...over,
  });

  async function create(by: string, over: Record<string, Part> = {}): Promise<number> {
    const res = await postMultipart(users[by]!, '/admin/documents/new', fields(over));
    expect(res.statusCode, res.body.slice(0, 2000)).toBe(303);
    return Number(/\/admin\/documents\/(\d+)/.exec(res.headers.location as string)![1]);
  }
  const act = (by: string, id: number, action: string, form: Record<string, string> = {}) =>
    users[by]!.post(`/admin/documents/${id}/${action}`, form, { csrfFrom: `/admin/documents/${id}` });
  const stateOf = async (id: number) => (await app.publishing.documentRepo.findById(id))?.state;

  beforeAll(async () => {
    app = await createTestApp();
    await seedDemo(app, () => {}, { '*': false, requests: true });
    server = await startTestServer(app);
    const unit = (await app.unitRepo.findByName('县发展和改革局'))!;
    unitId = unit.id;
    columnId = (await app.publishing.columns.listForUnit(unitId)).find(
      (c) => c.kind === 'list' && c.depth > 0,
    )!.id;
    for (const name of ['clerk', 'secrecy', 'reviewer', 'gkadmin']) {
      users[name] = new Browser(server);
      expect((await users[name].login(name, DEMO_PASSWORD)).statusCode).toBe(303);
    }
  });
  afterAll(async () => {
    await server?.close();
    await app?.destroy();
  });

  it('create → submit → 保密审查 → approve by another user → published, every step recorded', async () => {
    const list = await users.clerk!.get(`/admin/documents?unit=${unitId}`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('草稿（0）');
    const id = await create('clerk');
    const doc = await app.publishing.documentRepo.findById(id);
    expect(doc?.doc_number).toBe('县发改发〔2026〕3号');
    expect((await act('clerk', id, 'submit')).statusCode).toBe(303);
    expect(await stateOf(id)).toBe('confidentiality_review');
    expect((await act('secrecy', id, 'review', { conclusion: 'disclose', note: '' })).statusCode).toBe(303);
    expect(await stateOf(id)).toBe('approval_review');
    expect((await act('reviewer', id, 'approve', { scheduledAt: '' })).statusCode).toBe(303);
    expect(await stateOf(id)).toBe('published');
    const page = await users.clerk!.get(`/admin/documents/${id}`);
    expect(page.body).toContain('已发布');
    expect(page.body).toContain('保密审查通过（可以公开）');
    expect(page.body).toContain('审核通过并发布');
    expect(page.body).toMatch(/索引号<\/dt><dd>[^<]+\/2026-\d{5}/);
    const counts = await users.clerk!.get(`/admin/documents?unit=${unitId}&state=published`);
    expect(counts.body).toContain('已发布（1）');
  });

  it('refuses self-approval and lists the reason; a missing 退回 reason names the field', async () => {
    const id = await create('reviewer', { title: '审核员自己起草的信息' });
    await act('reviewer', id, 'submit');
    await act('secrecy', id, 'review', { conclusion: 'disclose' });
    const page = await users.reviewer!.get(`/admin/documents/${id}`);
    expect(page.body).toContain('不能审查或审核本人提交的信息');
    const res = await act('reviewer', id, 'approve', { scheduledAt: '' });
    expect(res.statusCode).toBe(409);
    expect(await stateOf(id)).toBe('approval_review');
    const ret = await act('gkadmin', id, 'return', { returnReason: '' });
    expect(ret.statusCode).toBe(422);
    expect(ret.body).toContain('href="#f-returnReason"');
    expect((await act('gkadmin', id, 'return', { returnReason: '请补充附件' })).statusCode).toBe(303);
    expect(await stateOf(id)).toBe('draft');
  });

  it('blocks submission of a body with an ID number and shows the finding', async () => {
    const id = await create('clerk', {
      title: '关于某某同志的情况说明',
      bodyHtml: `<p>申请人身份证号：${validIdNumber('43122119900307123')}。</p>`,
    });
    const page = await users.clerk!.get(`/admin/documents/${id}`);
    expect(page.body).toContain('阻止发布');
    expect(page.body).toContain('431***********');
    expect(page.body).toContain('发布前检查未通过');
    const res = await act('clerk', id, 'submit');
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('身份证');
    expect(await stateOf(id)).toBe('draft');
  });

  it('withdraws with a reason (其他 needs a note); the public page keeps the 已撤回 notice', async () => {
    const id = await create('clerk', { title: '将要撤回的信息' });
    await act('clerk', id, 'submit');
    await act('secrecy', id, 'review', { conclusion: 'disclose' });
    await act('reviewer', id, 'approve');
    const bad = await act('reviewer', id, 'withdraw', { reason: 'other', withdrawNote: '' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('href="#f-withdrawNote"');
    expect(
      (await act('reviewer', id, 'withdraw', { reason: 'expired', withdrawNote: '政策已废止' })).statusCode,
    ).toBe(303);
    expect(await stateOf(id)).toBe('withdrawn');
    const page = await users.reviewer!.get(`/admin/documents/${id}`);
    expect(page.body).toContain('已失效');
    expect(page.body).toContain('政策已废止');
  });

  it('schedules and unschedules, corrects a published document with a dated note, deletes only never-published drafts', async () => {
    const id = await create('clerk', { title: '定时发布的信息' });
    await act('clerk', id, 'submit');
    await act('secrecy', id, 'review', { conclusion: 'disclose' });
    const past = await act('reviewer', id, 'approve', { scheduledAt: '2020-01-01T09:00' });
    expect(past.statusCode).toBe(422);
    expect(past.body).toContain('href="#f-scheduledAt"');
    expect((await act('reviewer', id, 'approve', { scheduledAt: '2026-03-10T09:00' })).statusCode).toBe(303);
    const doc = await app.publishing.documentRepo.findById(id);
    expect(doc).toMatchObject({ state: 'scheduled', scheduled_at: '2026-03-10T01:00:00.000Z' });
    expect((await act('reviewer', id, 'unschedule')).statusCode).toBe(303);
    expect((await act('reviewer', id, 'approve')).statusCode).toBe(303);
    const form = await users.reviewer!.get(`/admin/documents/${id}/correct`);
    expect(form.body).toContain('value="定时发布的信息"');
    const noNote = await postMultipart(
      users.reviewer!,
      `/admin/documents/${id}/correct`,
      fields({ title: '定时发布的信息（更正）' }),
    );
    expect(noNote.statusCode).toBe(422);
    const corrected = await postMultipart(
      users.reviewer!,
      `/admin/documents/${id}/correct`,
      fields({ title: '定时发布的信息（更正）', correctionNote: '更正了标题' }),
    );
    expect(corrected.statusCode).toBe(303);
    const page = await users.reviewer!.get(`/admin/documents/${id}`);
    expect(page.body).toContain('更正了标题');
    expect(page.body).not.toContain('删除草稿');
    const draft = await create('clerk', { title: '要删除的草稿' });
    expect((await act('clerk', draft, 'delete')).statusCode).toBe(303);
    expect(await stateOf(draft)).toBeUndefined();
  });

  it('refuses an attachment whose content does not match its name, keeping what was typed', async () => {
    const res = await postMultipart(
      users.clerk!,
      '/admin/documents/new',
      fields({
        title: '带附件的信息',
        attachments: { name: '方案.pdf', content: Buffer.from('plain text') },
      }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('“方案.pdf”的内容与扩展名 .pdf 不符');
    expect(res.body).toContain('href="#f-attachments"');
    expect(res.body).toContain('value="带附件的信息"');
    const ok = await postMultipart(
      users.clerk!,
      '/admin/documents/new',
      fields({
        title: '带附件的信息',
        attachments: { name: '方案.docx', content: await docxFromText('附件正文') },
      }),
    );
    expect(ok.statusCode).toBe(303);
    const page = await users.clerk!.get(ok.headers.location as string);
    expect(page.body).toContain('方案.docx');
  });

  it('prefills the new-document form from a Word file (seed 003)', async () => {
    const res = await postMultipart(
      users.clerk!,
      '/admin/documents/import',
      { unitId: String(unitId), file: { name: '003.docx', content: await docxFromText(seedText('003')) } },
      '/admin/documents/import',
    );
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('value="张政办发〔2022〕14号"');
    expect(res.body).toContain('value="2022-05-19"');
    expect(res.body).toContain('张家界市人民政府办公室');
    expect(res.body).toContain('已从“003.docx”读取正文');
    const bad = await postMultipart(
      users.clerk!,
      '/admin/documents/import',
      { unitId: String(unitId), file: { name: 'x.docx', content: Buffer.from('nope') } },
      '/admin/documents/import',
    );
    expect(bad.statusCode).toBe(422);
  });

  it('bulk import: one bad row → nothing imported and a per-row report; all good → all imported', async () => {
    const zip = new JSZip();
    zip.file('a.docx', await docxFromText(seedText('003')));
    zip.file('b.docx', await docxFromText(seedText('002')));
    const archive = await zip.generateAsync({ type: 'nodebuffer' });
    const column = (await app.publishing.columns.get(columnId)).name;
    const sheet = async (rows: string[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('元数据');
      ws.addRow(['文件名', '标题', '发文字号', '成文日期', '主题分类', '栏目']);
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const before = (await app.publishing.documentRepo.countByState('/')).draft ?? 0;
    const bad = await sheet([
      ['a.docx', '', '', '', '', column],
      ['b.docx', '江西省政务公开工作要点', '', '2022-02-30', '不存在的分类', column],
      ['c.docx', '缺文件', '', '', '', ''],
    ]);
    const url = '/admin/documents/import-bulk';
    const res = await postMultipart(
      users.clerk!,
      url,
      {
        unitId: String(unitId),
        archive: { name: 'docs.zip', content: archive },
        sheet: { name: 'meta.xlsx', content: bad },
      },
      url,
    );
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('未导入任何信息：共 3 行，其中 2 行有问题');
    expect(res.body).toContain('主题分类“不存在的分类”不存在或已停用');
    expect(res.body).toContain('压缩包中没有文件“c.docx”');
    expect(res.body).toContain('检查通过');
    expect((await app.publishing.documentRepo.countByState('/')).draft ?? 0).toBe(before);
    const good = await sheet([
      ['a.docx', '', '', '', '', column],
      ['b.docx', '江西省政务公开工作要点', '', '2022-05-11', '', column],
    ]);
    const ok = await postMultipart(
      users.clerk!,
      url,
      {
        unitId: String(unitId),
        archive: { name: 'docs.zip', content: archive },
        sheet: { name: 'meta.xlsx', content: good },
      },
      url,
    );
    expect(ok.body).toContain('已全部导入为草稿（2 条）');
    expect((await app.publishing.documentRepo.countByState('/')).draft ?? 0).toBe(before + 2);
  });

  it('the 政务公开管理员 creates, edits, moves and deactivates a 专题专栏; edits topics (audited)', async () => {
    const admin = users.gkadmin!;
    const page = await admin.get(`/admin/columns?unit=${unitId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('优化营商环境');
    const created = await admin.post(
      '/admin/columns/new',
      {
        unitId: String(unitId),
        name: '乡村振兴',
        kind: 'list',
        updateCycle: 'monthly',
        responsibleUnitId: String(unitId),
        sortOrder: '90',
      },
      { csrfFrom: '/admin/columns' },
    );
    expect(created.statusCode).toBe(303);
    const colId = Number(/\/admin\/columns\/(\d+)/.exec(created.headers.location as string)![1]);
    const edited = await admin.post(
      `/admin/columns/${colId}`,
      {
        name: '乡村振兴专栏',
        kind: 'page',
        updateCycle: 'quarterly',
        responsibleUnitId: String(unitId),
        pageHtml: '<p>简介</p><script>x</script>',
      },
      { csrfFrom: `/admin/columns/${colId}` },
    );
    expect(edited.statusCode).toBe(303);
    const col = await app.publishing.columns.get(colId);
    expect(col).toMatchObject({
      name: '乡村振兴专栏',
      kind: 'page',
      update_cycle: 'quarterly',
      page_html: '<p>简介</p>',
    });
    const moved = await admin.post(
      `/admin/columns/${colId}/move`,
      { parentId: String(columnId) },
      { csrfFrom: `/admin/columns/${colId}` },
    );
    expect(moved.statusCode).toBe(303);
    expect((await app.publishing.columns.get(colId)).parent_id).toBe(columnId);
    expect(
      (await admin.post(`/admin/columns/${colId}/deactivate`, {}, { csrfFrom: `/admin/columns/${colId}` }))
        .statusCode,
    ).toBe(303);
    expect((await app.publishing.columns.get(colId)).active).toBe(0);
    const link = await admin.post(
      '/admin/columns/new',
      { unitId: String(unitId), name: '外部', kind: 'link', updateCycle: 'as_needed' },
      { csrfFrom: '/admin/columns' },
    );
    expect(link.statusCode).toBe(422);
    expect(link.body).toContain('href="#f-externalUrl"');

    expect(
      (await admin.post('/admin/topics', { name: '营商环境', sortOrder: '' }, { csrfFrom: '/admin/topics' }))
        .statusCode,
    ).toBe(303);
    const topic = (await app.publishing.documentRepo.listTopics()).find((t) => t.name === '营商环境')!;
    expect(
      (
        await admin.post(
          `/admin/topics/${topic.id}`,
          { name: '优化营商环境', sortOrder: '5' },
          { csrfFrom: '/admin/topics' },
        )
      ).statusCode,
    ).toBe(303);
    expect(
      (await admin.post(`/admin/topics/${topic.id}/deactivate`, {}, { csrfFrom: '/admin/topics' }))
        .statusCode,
    ).toBe(303);
    const after = (await app.publishing.documentRepo.listTopics()).find((t) => t.id === topic.id)!;
    expect(after).toMatchObject({ name: '优化营商环境', sort_order: 5, active: 0 });
    const dup = await admin.post('/admin/topics', { name: '优化营商环境' }, { csrfFrom: '/admin/topics' });
    expect(dup.statusCode).toBe(422);
    const audit = await app.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', 'like', 'topic.%')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['topic.create', 'topic.deactivate', 'topic.update']);
    expect((await users.clerk!.get('/admin/columns')).statusCode).toBe(403);
    expect((await users.clerk!.get('/admin/topics')).statusCode).toBe(403);
  });
});
