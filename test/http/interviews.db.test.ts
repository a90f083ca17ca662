/**
 * HTTP: 在线访谈 — the 预告 form (bad input kept, nothing created), questions from the public (anti-abuse,
 * moderation, markup shown as text, closed after the session), the 实录 with a checked image, and its
 * publication through 主动公开 as a 解读 (在线访谈) of the policy, or in the 在线访谈 column.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/db/schema.ts';
import { issueFormToken } from '../../src/lib/form-abuse.ts';
import { buildCounty, buildUser, PASSWORD } from '../support/factories.ts';
import { Browser, startTestServer } from '../support/http.ts';
import { buildStaff, publishDocument, type Staff } from '../support/publishing.ts';
import { createTestApp, ENGINE, type TestApp } from '../support/test-app.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex');
const hidden = (html: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';

describe(`HTTP: 在线访谈 on ${ENGINE}`, () => {
  let app: TestApp;
  let server: FastifyInstance;
  let county: Unit;
  let staff: Staff;
  let clerk: Browser;
  let citizen: Browser;
  let policyId: number;
  const count = async (t: 'interviews' | 'interview_questions' | 'interview_entries') =>
    (await app.db.selectFrom(t).select('id').execute()).length;
  const preview = {
    title: '稳就业政策解读',
    guests: '张明，县人社局局长',
    host: '王静',
    startsAt: '2026-03-10T09:30',
    endsAt: '2026-03-10 11:00',
  };
  const create = async (over: Record<string, string>) => {
    const r = await clerk.post(
      '/admin/interviews/new',
      { ...preview, ...over },
      { csrfFrom: '/admin/interviews/new' },
    );
    expect(r.statusCode).toBe(303);
    return Number(/\/admin\/interviews\/(\d+)/.exec(r.headers.location as string)![1]);
  };
  const event = (id: number, e: string) =>
    clerk.post(`/admin/interviews/${id}/events/${e}`, {}, { csrfFrom: `/admin/interviews/${id}` });
  const ask = async (id: number, fields: Record<string, string>, waitMs = 5_000) => {
    const page = await citizen.get(`/interviews/${id}`);
    app.clock.advance(waitMs);
    return citizen.post(
      `/interviews/${id}/questions`,
      { formStarted: hidden(page.body, 'formStarted'), website: '', ...fields },
      { csrfFrom: `/interviews/${id}` },
    );
  };
  const multipart = async (
    url: string,
    fields: Record<string, string>,
    file?: { name: string; body: Buffer },
  ) => {
    const page = await clerk.get(url.replace(/\/entries$/, ''));
    const fd = new FormData();
    fd.append('_csrf', hidden(page.body, '_csrf'));
    for (const [k, v] of Object.entries(fields)) fd.append(k, v);
    if (file) fd.append('image', new Blob([new Uint8Array(file.body)]), file.name);
    const r = new Response(fd);
    return server.inject({
      method: 'POST',
      url,
      payload: Buffer.from(await r.arrayBuffer()),
      headers: { 'content-type': r.headers.get('content-type')!, cookie: clerk.cookieHeader() },
    });
  };

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-03-02T02:00:00Z' });
    county = (await buildCounty(app)).county;
    staff = await buildStaff(app, county);
    policyId = await publishDocument(app.publishing, county, staff, {
      kind: 'normative',
      title: '测试县就业补贴管理办法',
      docNumber: '测政规〔2026〕2号',
      'meta.interpretationPlan': '在线访谈解读。',
    });
    server = await startTestServer(app);
    const u = await buildUser(app, county, ['clerk']);
    clerk = new Browser(server);
    expect((await clerk.login(u.username, PASSWORD)).statusCode).toBe(303);
    citizen = new Browser(server);
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await app.destroy();
  });

  it('refuses a bad 预告 naming each field, keeps what was typed and creates nothing', async () => {
    const r = await clerk.post(
      '/admin/interviews/new',
      { title: '<b>访谈</b>', guests: '', startsAt: '2026-13-01 09:00', policyIds: String(policyId + 999) },
      { csrfFrom: '/admin/interviews/new' },
    );
    expect(r.statusCode).toBe(422);
    expect(r.body).toContain('请填写访谈嘉宾');
    expect(r.body).toContain('开始时间应为有效的日期和时间');
    expect(r.body).toContain('value="&lt;b>访谈&lt;/b>"');
    expect(r.body).toContain(`信息编号 ${policyId + 999} 不存在或尚未发布`);
    expect(await count('interviews')).toBe(0);
    const notPolicy = await publishDocument(app.publishing, county, staff, { title: '普通通知' });
    const r2 = await clerk.post(
      '/admin/interviews/new',
      { ...preview, policyIds: String(notPolicy) },
      { csrfFrom: '/admin/interviews/new' },
    );
    expect(r2.statusCode).toBe(422);
    expect(r2.body).toContain('不是规章、行政规范性文件或其他政策文件');
    expect(await count('interviews')).toBe(0);
  });

  it('collects questions in advance: anti-abuse, moderation, markup as text; closed after the session', async () => {
    const id = await create({ policyIds: String(policyId) });
    expect((await citizen.get(`/interviews/${id}`)).statusCode).toBe(404); // a draft is not public
    expect((await event(id, 'announce')).statusCode).toBe(303);
    const fast = await ask(id, { content: '太快的提问' }, 0);
    expect(fast.statusCode).toBe(422);
    expect(fast.body).toContain('提交过快');
    const bot = await ask(id, { content: '机器提问', website: 'http://spam' });
    expect(bot.statusCode).toBe(422);
    expect(await count('interview_questions')).toBe(0);
    const empty = await ask(id, { askerName: '小王', content: '' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('请填写问题内容');
    expect(empty.body).toContain('value="小王"');
    const ok = await ask(id, { askerName: '小王', content: '<script>alert(1)</script>补贴怎么申请？' });
    expect(ok.statusCode).toBe(303);
    const pending = await citizen.get(`/interviews/${id}?asked=1`);
    expect(pending.body).toContain('审核通过后将在本页显示');
    expect(pending.body).not.toContain('补贴怎么申请');
    const q = await app.db.selectFrom('interview_questions').selectAll().executeTakeFirstOrThrow();
    expect(q.status).toBe('pending');
    const admin = await clerk.get(`/admin/interviews/${id}`);
    expect(admin.body).toContain('&lt;script>alert(1)&lt;/script>补贴怎么申请？');
    const mod = (decision: string) =>
      clerk.post(
        `/admin/interviews/${id}/questions/${q.id}/moderate`,
        { decision },
        { csrfFrom: `/admin/interviews/${id}` },
      );
    expect((await mod('adopted')).statusCode).toBe(303);
    expect((await mod('rejected')).statusCode).toBe(409);
    const shown = await citizen.get(`/interviews/${id}`);
    expect(shown.body).toContain('&lt;script>alert(1)&lt;/script>补贴怎么申请？');
    expect(shown.body).not.toContain('<script>alert(1)');
    const audit = await app.db
      .selectFrom('audit_events')
      .select(['action', 'summary'])
      .where('action', 'like', 'interview.question%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['interview.question_submit', 'interview.question_moderate']);
    expect(audit.some((a) => a.summary.includes('补贴怎么申请'))).toBe(false);
    expect((await event(id, 'start')).statusCode).toBe(303);
    expect((await event(id, 'end')).statusCode).toBe(303);
    const token = issueFormToken(app.config.SESSION_SECRET, app.clock.now().getTime());
    app.clock.advance(5_000);
    const late = await citizen.post(`/interviews/${id}/questions`, {
      formStarted: token,
      content: '结束后的提问',
    });
    expect(late.statusCode).toBe(422);
    expect(late.body).toContain('本期访谈已结束，不再征集网友提问');
    expect(await count('interview_questions')).toBe(1);
    expect((await event(id, 'start')).statusCode).toBe(409);
  });

  it('writes the 实录 with a checked image and publishes it as the policy’s 解读 (在线访谈)', async () => {
    const id = (await app.db.selectFrom('interviews').select('id').executeTakeFirstOrThrow()).id;
    const q = await app.db.selectFrom('interview_questions').select('id').executeTakeFirstOrThrow();
    const bad = await multipart(
      `/admin/interviews/${id}/entries`,
      { role: 'guest', speaker: '张明', content: '回答' },
      { name: '图.png', body: Buffer.from('not an image') },
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('配图：“图.png”的内容与扩展名 .png 不符');
    expect(await count('interview_entries')).toBe(0);
    expect(
      (
        await multipart(`/admin/interviews/${id}/entries`, {
          role: 'netizen',
          speaker: '小王',
          content: '补贴怎么申请？',
          questionId: String(q.id),
        })
      ).statusCode,
    ).toBe(303);
    expect(
      (
        await multipart(
          `/admin/interviews/${id}/entries`,
          { role: 'guest', speaker: '张明', content: '线上线下均可申请。' },
          { name: '现场.png', body: PNG },
        )
      ).statusCode,
    ).toBe(303);
    const entry = await app.db
      .selectFrom('interview_entries')
      .select(['id'])
      .where('image_kind', '=', 'png')
      .executeTakeFirstOrThrow();
    expect((await citizen.get(`/interviews/${id}/images/${entry.id}`)).statusCode).toBe(404); // not yet published
    const submit = await clerk.post(
      `/admin/interviews/${id}/record`,
      {},
      { csrfFrom: `/admin/interviews/${id}` },
    );
    expect(submit.statusCode).toBe(303);
    const row = await app.db
      .selectFrom('interviews')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('in_review');
    const doc = await app.db
      .selectFrom('documents')
      .select(['id', 'kind', 'state', 'kind_metadata_json'])
      .where('id', '=', row.document_id!)
      .executeTakeFirstOrThrow();
    expect(doc.kind).toBe('interpretation');
    expect(JSON.parse(doc.kind_metadata_json!).form).toBe('online_interview');
    const rel = await app.db
      .selectFrom('document_relations')
      .selectAll()
      .where('from_document_id', '=', doc.id)
      .execute();
    expect(rel.map((r) => [r.relation_type, r.to_document_id])).toEqual([['interpretation_of', policyId]]);
    await app.publishing.review.reviewConfidentiality(staff.confidentiality, doc.id, {
      conclusion: 'disclose',
    });
    await app.publishing.review.approve(staff.reviewer, doc.id);
    const after = await app.db
      .selectFrom('interviews')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(after.status).toBe('published');
    const page = await citizen.get(`/interviews/${id}`);
    expect(page.body).toContain('访谈实录');
    expect(page.body).toContain('线上线下均可申请。');
    const img = await citizen.get(`/interviews/${id}/images/${entry.id}`);
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
    expect((await citizen.get(`/documents/${doc.id}`)).body).toContain('线上线下均可申请。');
    expect((await app.interviews.recentPublic(5))[0]).toMatchObject({
      href: `/interviews/${id}`,
      note: '实录',
    });
  });

  it('files a 实录 that interprets no policy in the unit’s 在线访谈 column, created when missing', async () => {
    const id = await create({ title: '政务服务体验访谈' });
    for (const e of ['announce', 'start']) expect((await event(id, e)).statusCode).toBe(303);
    expect(
      (await multipart(`/admin/interviews/${id}/entries`, { role: 'host', content: '欢迎各位网友。' }))
        .statusCode,
    ).toBe(303);
    const early = await clerk.post(
      `/admin/interviews/${id}/record`,
      {},
      { csrfFrom: `/admin/interviews/${id}` },
    );
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain('访谈结束后才能提交实录发布');
    expect((await event(id, 'end')).statusCode).toBe(303);
    expect(
      (await clerk.post(`/admin/interviews/${id}/record`, {}, { csrfFrom: `/admin/interviews/${id}` }))
        .statusCode,
    ).toBe(303);
    const row = await app.db
      .selectFrom('interviews')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const doc = await app.db
      .selectFrom('documents')
      .select(['kind'])
      .where('id', '=', row.document_id!)
      .executeTakeFirstOrThrow();
    expect(doc.kind).toBe('interview_record');
    const columns = await app.publishing.columns.listActiveForUnit(county.id);
    expect(columns.filter((c) => c.name === '在线访谈')).toHaveLength(1);
  });
});
