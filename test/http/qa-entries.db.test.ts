/**
 * HTTP: 政策问答 entries — the form (bad input named by field, what was typed kept, nothing stored), the
 * workflow (nobody reviews their own entry, 退回 needs a reason), the public /qa pages (search with
 * synonyms, sources with validity as of today — a repealed one never shown as 现行有效), revisions (the
 * public text stays until the revision is published) and an audit record for every change.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/db/schema.ts';
import { buildCounty, buildUser, PASSWORD } from '../support/factories.ts';
import { Browser, startTestServer } from '../support/http.ts';
import { buildStaff, publishDocument, type Staff } from '../support/publishing.ts';
import { createTestApp, ENGINE, type TestApp } from '../support/test-app.ts';

const ENTRY = {
  question: '最低生活保障怎么申请？',
  altQuestions: '低保去哪里办\n申请低保要什么材料',
  answer: '由本人向户籍所在地乡镇人民政府提出书面申请。\n\n乡镇人民政府自受理之日起30个工作日内完成审核。',
  audiences: 'individual',
  matter: '最低生活保障审核确认',
  s0_doc: '张政办发〔2026〕3号',
  s0_article: '第十条第二款',
  s0_excerpt: '申请最低生活保障，由共同生活的家庭成员向户籍所在地的乡镇人民政府提出书面申请。',
  s1_title: '社会救助暂行办法',
  s1_number: '国务院令第649号',
  s1_article: '第十一条',
};

describe(`HTTP: 政策问答 entries on ${ENGINE}`, () => {
  let app: TestApp;
  let server: FastifyInstance;
  let county: Unit;
  let staff: Staff;
  let clerk: Browser;
  let reviewer: Browser;
  let reviewer2: Browser;
  let docId: number;
  let repealedId: number;
  let id: number;
  const count = async () => (await app.db.selectFrom('qa_entries').select('id').execute()).length;
  const audits = async (action: string) =>
    (await app.db.selectFrom('audit_events').select('id').where('action', '=', action).execute()).length;
  const form = (b: Browser, path: string, fields: Record<string, string>, from = path) =>
    b.post(path, fields, { csrfFrom: from });
  const event = (b: Browser, entry: number, ev: string, fields: Record<string, string> = {}) =>
    form(b, `/admin/qa/${entry}/events/${ev}`, fields, `/admin/qa/${entry}`);

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-03-02T02:00:00Z' });
    county = (await buildCounty(app)).county;
    staff = await buildStaff(app, county);
    docId = await publishDocument(app.publishing, county, staff, { validity: 'valid' });
    repealedId = await publishDocument(app.publishing, county, staff, {
      title: '关于调整城乡低保标准的通知',
      docNumber: '张政办发〔2020〕9号',
      validity: 'valid',
    });
    server = await startTestServer(app);
    const login = async (roles: string[]) => {
      const u = await buildUser(app, county, roles);
      const b = new Browser(server);
      expect((await b.login(u.username, PASSWORD)).statusCode).toBe(303);
      return b;
    };
    clerk = await login(['clerk']);
    reviewer = await login(['reviewer']);
    reviewer2 = await login(['reviewer']);
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await app.destroy();
  });

  it('refuses bad input naming each field, keeps what was typed and stores nothing', async () => {
    const r = await form(clerk, '/admin/qa/new', {
      ...ENTRY,
      unitId: String(county.id),
      question: '',
      answer: '<script>x</script>',
      s0_doc: '张政办发〔2099〕1号',
      s1_article: '十一条',
      validUntil: '明年',
    });
    expect(r.statusCode).toBe(422);
    expect(r.body).toContain('请填写问题');
    expect(r.body).toContain('答复内容不能包含网页标记');
    expect(r.body).toContain('第 1 项依据：没有找到文号或标题为“张政办发〔2099〕1号”的已发布文件');
    expect(r.body).toContain('第 2 项依据的条款应写作“第X条”');
    expect(r.body).toContain('有效期至应为日期');
    expect(r.body).toContain('社会救助暂行办法');
    expect(r.body).toContain('申请低保要什么材料');
    expect(await count()).toBe(0);
  });

  it('creates a draft with a platform and an external source, audited', async () => {
    const r = await form(clerk, '/admin/qa/new', { ...ENTRY, unitId: String(county.id) });
    expect(r.statusCode).toBe(303);
    id = Number(/\/admin\/qa\/(\d+)/.exec(r.headers.location as string)![1]);
    const sources = await app.db
      .selectFrom('qa_entry_sources')
      .selectAll()
      .where('entry_id', '=', id)
      .orderBy('position')
      .execute();
    expect(sources.map((s) => [s.document_id, s.article])).toEqual([
      [docId, '第十条第二款'],
      [null, '第十一条'],
    ]);
    expect(await audits('qa.entry.create')).toBe(1);
    expect((await new Browser(server).get(`/qa/${id}`)).statusCode).toBe(404);
  });

  it('refuses self-review and a 退回 without reason; another reviewer publishes', async () => {
    expect((await event(clerk, id, 'submit')).statusCode).toBe(303);
    // The reviewer writes and submits an entry of their own: they cannot publish it.
    const own = await form(reviewer, '/admin/qa/new', {
      ...ENTRY,
      question: '低保标准是多少？',
      altQuestions: '',
      answer: '按县政府公布的标准执行。',
      unitId: String(county.id),
    });
    const ownId = Number(/\/admin\/qa\/(\d+)/.exec(own.headers.location as string)![1]);
    expect((await event(reviewer, ownId, 'submit')).statusCode).toBe(303);
    const self = await event(reviewer, ownId, 'publish');
    expect(self.statusCode).toBe(409);
    expect(self.body).toContain('编写或提交该问答的人不能审核自己的问答');
    const noReason = await event(reviewer, id, 'return', { reason: '' });
    expect(noReason.statusCode).toBe(409);
    expect(noReason.body).toContain('请填写理由');
    expect(
      (await app.db.selectFrom('qa_entries').select('state').where('id', '=', id).executeTakeFirstOrThrow())
        .state,
    ).toBe('in_review');
    expect((await event(reviewer, id, 'publish')).statusCode).toBe(303);
    const row = await app.db
      .selectFrom('qa_entries')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('published');
    expect(row.review_on).toBe('2027-03-02');
    expect(await audits('qa.entry.publish')).toBe(1);
    expect((await event(reviewer2, ownId, 'publish')).statusCode).toBe(303);
  });

  it('shows the public list (search with synonyms, filters) and the entry with its sources', async () => {
    const anon = new Browser(server);
    const list = await anon.get(`/qa?q=${encodeURIComponent('低保怎么申请')}`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('最低生活保障怎么申请？');
    expect(list.body).not.toContain('低保标准是多少？');
    const none = await anon.get(`/qa?q=${encodeURIComponent('营业执照')}`);
    expect(none.body).toContain('没有找到相关问答');
    for (const odd of ['！！！', 'AND NEAR *', '<b>低保</b>', '低'.repeat(3000)])
      expect((await anon.get(`/qa?q=${encodeURIComponent(odd)}`)).statusCode).toBe(200);
    const page = await anon.get(`/qa/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`href="/documents/${docId}"`);
    expect(page.body).toContain('第十条第二款');
    expect(page.body).toContain('现行有效（截至 2026-03-02）');
    expect(page.body).toContain('社会救助暂行办法');
    expect(page.body).toContain('（外部文件）');
    expect(page.body).not.toContain('本问答所依据的文件已变化');
  });

  it('never shows a repealed source as in force', async () => {
    const r = await form(clerk, '/admin/qa/new', {
      question: '低保标准怎么调整？',
      answer: '按县政府通知调整。',
      unitId: String(county.id),
      s0_doc: '关于调整城乡低保标准的通知',
    });
    const e = Number(/\/admin\/qa\/(\d+)/.exec(r.headers.location as string)![1]);
    await event(clerk, e, 'submit');
    await event(reviewer, e, 'publish');
    await app.publishing.documents.changeValidity(staff.reviewer, repealedId, {
      validity: 'repealed',
      repealedOn: '2026-03-01',
      note: '已被新通知废止',
    });
    const page = await new Browser(server).get(`/qa/${e}`);
    expect(page.body).toContain('废止（截至 2026-03-02）');
    expect(page.body).not.toContain('现行有效');
  });

  it('revises a published entry: the public text stays until the revision is published', async () => {
    const rev = await form(clerk, `/admin/qa/${id}/revise`, {}, `/admin/qa/${id}`);
    expect(rev.statusCode).toBe(303);
    const revId = Number(/\/admin\/qa\/(\d+)\/edit/.exec(rev.headers.location as string)![1]);
    expect(revId).not.toBe(id);
    const edit = await form(clerk, `/admin/qa/${revId}/edit`, {
      ...ENTRY,
      unitId: String(county.id),
      answer: '修订后的答复：向乡镇人民政府或街道办事处提出申请。',
    });
    expect(edit.statusCode).toBe(303);
    expect((await new Browser(server).get(`/qa/${id}`)).body).not.toContain('修订后的答复');
    await event(clerk, revId, 'submit');
    expect((await event(reviewer, revId, 'publish')).headers.location).toBe(`/admin/qa/${id}?done=1`);
    const after = await new Browser(server).get(`/qa/${id}`);
    expect(after.body).toContain('修订后的答复');
    const row = await app.db
      .selectFrom('qa_entries')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.version).toBe(2);
    expect(
      await app.db.selectFrom('qa_entries').select('id').where('id', '=', revId).executeTakeFirst(),
    ).toBeUndefined();
  });

  it('gives the other parts published entries, their sources and a generation that moves', async () => {
    const before = await app.qa.entries.generation();
    const index = await app.qa.entries.publishedForIndex();
    expect(index.map((e) => e.id)).toContain(id);
    expect(index.find((e) => e.id === id)?.sources[0]).toMatchObject({
      documentId: docId,
      article: '第十条第二款',
    });
    const since = await app.qa.entries.publishedSince('2000-01-01T00:00:00Z', 10);
    expect(since.find((e) => e.id === id)).toMatchObject({ href: `/qa/${id}`, audiences: ['individual'] });
    await event(reviewer, id, 'withdraw', { reason: '政策调整' });
    expect(await app.qa.entries.generation()).not.toBe(before);
    expect((await new Browser(server).get(`/qa/${id}`)).statusCode).toBe(404);
  });

  it('lists entries for staff with filters and offers the exchange to qa.exchange only', async () => {
    const list = await reviewer.get('/admin/qa?state=published&flag=overdue');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('没有符合条件的问答');
    expect((await reviewer.get('/admin/qa?state=published')).body).toContain('低保标准怎么调整？');
    expect((await clerk.get('/admin/qa/exchange')).statusCode).toBe(403);
    const u = await buildUser(app, county, ['disclosure_admin']);
    const admin = new Browser(server);
    await admin.login(u.username, PASSWORD);
    expect((await admin.get('/admin/qa/exchange')).statusCode).toBe(200);
    const json = await admin.get('/admin/qa/exchange.json');
    expect(json.headers['content-type']).toContain('application/json');
    expect(JSON.parse(json.body).format).toBe('gongkai-knowledge/1');
    expect((await admin.get('/admin/qa/export.xlsx')).statusCode).toBe(200);
    // 复核周期 setting: refused out of range (typed value kept), then used by the next publication.
    const bad = await form(admin, '/admin/qa/settings', { reviewMonths: '0' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('问答复核周期不能小于 1');
    expect((await form(admin, '/admin/qa/settings', { reviewMonths: '6' })).statusCode).toBe(303);
    expect((await clerk.get('/admin/qa/settings')).statusCode).toBe(403);
    const r = await form(clerk, '/admin/qa/new', {
      ...ENTRY,
      question: '低保多久复核？',
      unitId: String(county.id),
    });
    const e = Number(/\/admin\/qa\/(\d+)/.exec(r.headers.location as string)![1]);
    await event(clerk, e, 'submit');
    await event(reviewer, e, 'publish');
    const row = await app.db
      .selectFrom('qa_entries')
      .select('review_on')
      .where('id', '=', e)
      .executeTakeFirstOrThrow();
    expect(row.review_on).toBe('2026-09-02');
  });
});
