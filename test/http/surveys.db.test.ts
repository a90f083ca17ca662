/**
 * HTTP: 在线调查 on a real database — staff build a questionnaire, the public answers once without an
 * account, required questions are named, a closed survey refuses, results are public only once published,
 * the daily job opens and closes by date (idempotently), the export has both sheets, contacts are encrypted.
 */
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueFormToken } from '../../src/lib/form-abuse.ts';
import { ALREADY_RESPONDED } from '../../src/modules/surveys/survey-public.service.ts';
import { RESPONSES_PER_MINUTE } from '../../src/modules/surveys/surveys-public.routes.tsx';
import { buildCounty, buildUser, PASSWORD } from '../support/factories.ts';
import { Browser, startTestServer } from '../support/http.ts';
import { createTestApp, ENGINE, type TestApp } from '../support/test-app.ts';

describe(`HTTP: surveys on ${ENGINE}`, () => {
  let app: TestApp;
  let server: FastifyInstance;
  let clerk: Browser;
  let reviewer: Browser;
  let unitId: number;
  let surveyId: number;
  let qids: number[];

  const audits = async (action: string, id = surveyId) =>
    (
      await app.db
        .selectFrom('audit_events')
        .select('id')
        .where('action', '=', action)
        .where('target_id', '=', String(id))
        .execute()
    ).length;
  const responses = async (id = surveyId) =>
    (await app.db.selectFrom('survey_responses').select('id').where('survey_id', '=', id).execute()).length;

  /** A citizen's POST: the form's own tokens, after a person's fill time. */
  async function answer(b: Browser, id: number, fields: Record<string, string | string[]>) {
    const page = await b.get(`/surveys/${id}`);
    // no form on the page (answered, closed): post as a tab opened earlier would
    const token =
      /name="formStarted" value="([^"]+)"/.exec(page.body)?.[1] ??
      issueFormToken(app.config.SESSION_SECRET, app.clock.now().getTime());
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? (await b.csrf('/login'));
    app.clock.advance(5_000);
    const body = new URLSearchParams({ _csrf: csrf, formStarted: token, website: '' });
    for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x);
    return server.inject({
      method: 'POST',
      url: `/surveys/${id}`,
      payload: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: b.cookieHeader() },
    });
  }

  async function createSurvey(b: Browser, fields: Record<string, string>) {
    const r = await b.post(
      '/admin/surveys',
      { unitId: String(unitId), resultsPublic: '1', publicTextAnswers: '0', asksContact: '0', ...fields },
      { csrfFrom: '/admin/surveys/new' },
    );
    expect(r.statusCode).toBe(303);
    return Number(/\/admin\/surveys\/(\d+)/.exec(r.headers.location as string)?.[1]);
  }

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-03-02T02:00:00Z' });
    const { dept } = await buildCounty(app);
    unitId = dept.id;
    const c = await buildUser(app, dept, ['clerk']);
    const r = await buildUser(app, dept, ['reviewer']);
    server = await startTestServer(app);
    clerk = new Browser(server);
    await clerk.login(c.username, PASSWORD);
    reviewer = new Browser(server);
    await reviewer.login(r.username, PASSWORD);
    surveyId = await createSurvey(clerk, { title: '政务公开满意度调查', asksContact: '1' });
    const page = `/admin/surveys/${surveyId}`;
    const questions: Record<string, string>[] = [
      { kind: 'single', title: '渠道', options: '网站\n新媒体\n其他', required: '1' },
      { kind: 'multiple', title: '关注内容', options: '政策\n财政\n项目', maxChoices: '2' },
      { kind: 'rating', title: '总体评价', required: '1' },
      { kind: 'text', title: '建议', maxLength: '50' },
    ];
    for (const q of questions)
      expect((await clerk.post(`${page}/questions`, q, { csrfFrom: page })).statusCode).toBe(303);
    qids = (await app.surveys.repo.questions(surveyId)).map((q) => q.id);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await app?.destroy();
  });

  it('refuses a bad survey form naming each field, keeping what was typed, creating nothing', async () => {
    const before = (await app.db.selectFrom('surveys').select('id').execute()).length;
    const r = await clerk.post(
      '/admin/surveys',
      {
        unitId: String(unitId),
        title: '',
        description: 'a\u0000b',
        opensOn: '2026-03-10',
        closesOn: '2026-03-01',
      },
      { csrfFrom: '/admin/surveys/new' },
    );
    expect(r.statusCode).toBe(422);
    for (const m of ['请填写调查标题', '调查说明含有不可见的控制字符', '截止日期不能早于开始日期'])
      expect(r.body).toContain(m);
    expect(r.body).toContain('value="2026-03-10"');
    expect((await app.db.selectFrom('surveys').select('id').execute()).length).toBe(before);
  });

  it('reorders and refuses bad questions by buttons and forms, all without JavaScript', async () => {
    const page = `/admin/surveys/${surveyId}`;
    const bad = await clerk.post(
      `${page}/questions`,
      { kind: 'single', title: '只有一个选项', options: '唯一' },
      { csrfFrom: page },
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('选择题至少需要 2 个选项');
    expect(bad.body).toContain('value="只有一个选项"');
    expect((await clerk.post(`${page}/questions/${qids[1]}/up`, {}, { csrfFrom: page })).statusCode).toBe(
      303,
    );
    expect((await app.surveys.repo.questions(surveyId)).map((q) => q.id)).toEqual([
      qids[1],
      qids[0],
      qids[2],
      qids[3],
    ]);
    await clerk.post(`${page}/questions/${qids[1]}/down`, {}, { csrfFrom: page });
    expect((await app.surveys.repo.questions(surveyId)).map((q) => q.id)).toEqual(qids);
    expect(await audits('survey.question_move')).toBe(2);
  });

  it('a draft is not public; opening makes it so', async () => {
    expect((await new Browser(server).get(`/surveys/${surveyId}`)).statusCode).toBe(404);
    expect(await app.surveys.exists(surveyId)).toBe(true);
    expect(await app.surveys.exists(999_999)).toBe(false);
    const page = `/admin/surveys/${surveyId}`;
    expect((await clerk.post(`${page}/open`, {}, { csrfFrom: page })).statusCode).toBe(303);
    expect(await audits('survey.open')).toBe(1);
    const list = await new Browser(server).get('/surveys');
    expect(list.body).toContain('政务公开满意度调查');
    expect(app.surveys.publicHref(surveyId)).toBe(`/surveys/${surveyId}`);
    expect((await app.surveys.recentPublic(5))[0]).toMatchObject({
      title: '政务公开满意度调查',
      href: `/surveys/${surveyId}`,
    });
    // questions are frozen once open
    const edit = await clerk.post(
      `${page}/questions`,
      { kind: 'text', title: '迟到的题' },
      { csrfFrom: page },
    );
    expect(edit.statusCode).toBe(409);
  });

  it('names every unanswered required question and every bad answer, keeping the typed answers', async () => {
    const citizen = new Browser(server);
    const r = await answer(citizen, surveyId, {
      [`q${qids[1]}`]: ['0', '1', '2'],
      [`q${qids[3]}`]: '我的建议<script>x</script>',
      contact: '123',
    });
    expect(r.statusCode).toBe(422);
    for (const m of [
      '请回答第 1 题「渠道」',
      '第 2 题「关注内容」最多选择 2 项',
      '请回答第 3 题「总体评价」',
      '第 4 题「建议」的回答不能包含网页代码',
      '联系方式：',
    ])
      expect(r.body).toContain(m);
    expect(r.body).toContain('我的建议&lt;script>x&lt;/script>');
    expect(r.body).not.toContain('<script>x</script>');
    expect(await responses()).toBe(0);
  });

  it('takes one response per person: a second one is refused with a clear message', async () => {
    const citizen = new Browser(server);
    const ok = await answer(citizen, surveyId, {
      [`q${qids[0]}`]: '0',
      [`q${qids[1]}`]: ['0', '2'],
      [`q${qids[2]}`]: '4',
      [`q${qids[3]}`]: '再方便些',
      contact: '138 1234 5678',
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`/surveys/${surveyId}?done=submitted`);
    expect((await citizen.get(`/surveys/${surveyId}`)).body).toContain('您已提交过本次调查的答卷');
    const again = await answer(citizen, surveyId, { [`q${qids[0]}`]: '1', [`q${qids[2]}`]: '1' });
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain(ALREADY_RESPONDED);
    expect(await responses()).toBe(1);
    // a post without the voter cookie is refused too (a fresh browser that never saw the form)
    const stranger = new Browser(server);
    const formStarted = issueFormToken(app.config.SESSION_SECRET, app.clock.now().getTime() - 10_000);
    const bare = await stranger.post(`/surveys/${surveyId}`, {
      formStarted,
      [`q${qids[0]}`]: '0',
      [`q${qids[2]}`]: '3',
    });
    expect(bare.statusCode).toBe(422);
    expect(bare.body).toContain('无法确认答卷来源');
    // another person answers
    expect(
      (await answer(new Browser(server), surveyId, { [`q${qids[0]}`]: '1', [`q${qids[2]}`]: '2' }))
        .statusCode,
    ).toBe(303);
    expect(await responses()).toBe(2);
    expect(await audits('survey.respond')).toBe(2);
  });

  it('keeps the contact encrypted at rest', async () => {
    const rows = await app.db
      .selectFrom('survey_responses')
      .select('contact_enc')
      .where('survey_id', '=', surveyId)
      .execute();
    const stored = rows.map((r) => r.contact_enc).filter(Boolean);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatch(/^v1\./);
    expect(stored[0]).not.toContain('13812345678');
  });

  it('shows results to staff only until published; publishing needs survey.publish and a closed survey', async () => {
    const citizen = new Browser(server);
    expect((await citizen.get(`/surveys/${surveyId}/results`)).statusCode).toBe(404);
    const staff = await clerk.get(`/surveys/${surveyId}/results`);
    expect(staff.statusCode).toBe(200);
    expect(staff.body).toContain('结果尚未公开发布');
    expect(staff.body).toContain('再方便些');
    const page = `/admin/surveys/${surveyId}`;
    const early = await reviewer.post(`${page}/publish`, {}, { csrfFrom: page });
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain('调查结束后才能发布结果');
    expect((await clerk.post(`${page}/close`, {}, { csrfFrom: page })).statusCode).toBe(303);
    expect((await clerk.post(`${page}/publish`, {}, { csrfFrom: page })).statusCode).toBe(403);
    expect((await reviewer.post(`${page}/publish`, {}, { csrfFrom: page })).statusCode).toBe(303);
    expect(await audits('survey.publish_results')).toBe(1);
    const pub = await citizen.get(`/surveys/${surveyId}/results`);
    expect(pub.statusCode).toBe(200);
    expect(pub.body).toContain('<svg');
    expect(pub.body).toContain('共收到 2 份答卷');
    expect(pub.body).toMatch(/<th scope="row">网站<\/th><td>1<\/td><td>50%<\/td>/);
    expect(pub.body).toContain('平均分：3 分');
    expect(pub.body).toContain('文字回答不公开');
    expect(pub.body).not.toContain('再方便些');
  });

  it('a closed survey refuses answers and changes nothing', async () => {
    const r = await answer(new Browser(server), surveyId, { [`q${qids[0]}`]: '0', [`q${qids[2]}`]: '5' });
    expect(r.statusCode).toBe(422);
    expect(r.body).toContain('本次调查目前不接受答卷');
    expect(await responses()).toBe(2);
  });

  it('exports the raw responses and the totals as two sheets', async () => {
    const r = await clerk.get(`/admin/surveys/${surveyId}/export.xlsx`);
    expect(r.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['原始答卷', '汇总']);
    const raw = wb.getWorksheet('原始答卷')!;
    expect(raw.rowCount).toBe(3);
    expect(raw.getRow(2).values).toContain('13812345678');
    expect(raw.getRow(2).values).toContain('政策；项目');
    const totals = wb.getWorksheet('汇总')!;
    const rows = totals.getSheetValues().map((v) => (Array.isArray(v) ? v.slice(1, 4) : []));
    expect(rows).toContainEqual(['第 3 题「总体评价」', '平均分', 3]);
    expect(rows).toContainEqual(['第 1 题「渠道」', '网站', 1]);
    expect((await new Browser(server).get(`/admin/surveys/${surveyId}/export.xlsx`)).statusCode).not.toBe(
      200,
    );
  });

  it('the daily job opens and closes by date, idempotently', async () => {
    const id = await createSurvey(clerk, {
      title: '按日期的调查',
      opensOn: '2026-03-03',
      closesOn: '2026-03-04',
    });
    await clerk.post(
      `/admin/surveys/${id}/questions`,
      { kind: 'rating', title: '评价' },
      { csrfFrom: `/admin/surveys/${id}` },
    );
    expect(await app.surveys.admin.runDaily('2026-03-02')).toMatchObject({ opened: 0 });
    await app.surveys.admin.runDaily('2026-03-03');
    await app.surveys.admin.runDaily('2026-03-03');
    expect((await app.surveys.repo.find(id))?.state).toBe('open');
    expect(await audits('survey.open', id)).toBe(1);
    await app.surveys.admin.runDaily('2026-03-05');
    await app.surveys.admin.runDaily('2026-03-05');
    expect((await app.surveys.repo.find(id))?.state).toBe('closed');
    expect(await audits('survey.close', id)).toBe(1);
  });

  it('limits submissions per IP and minute', async () => {
    const statuses: number[] = [];
    // 2N + 1 posts span at most two fixed windows of a minute, so one of them holds more than N
    for (let i = 0; i <= 2 * RESPONSES_PER_MINUTE; i++)
      statuses.push((await answer(new Browser(server), surveyId, { [`q${qids[0]}`]: '0' })).statusCode);
    expect(statuses).toContain(429);
    expect(await responses()).toBe(2);
  });
});
