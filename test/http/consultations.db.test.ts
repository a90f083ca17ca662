/**
 * 意见征集 pages over HTTP on a real database: the public list and page (markup never rendered, the short
 * window's reason shown), the comment form (too fast, success, after closing), the staff form keeping
 * what was typed, moderation and the settings page; the .docx upload path of the draft.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/db/schema.ts';
import { withUploadedDraft } from '../../src/modules/consultations/draft-docx.ts';
import { buildCounty, buildUser, PASSWORD } from '../support/factories.ts';
import { Browser, startTestServer } from '../support/http.ts';
import { createTestApp, ENGINE, type TestApp } from '../support/test-app.ts';
import { docxFromText } from '../support/word-import.ts';

const hidden = (body: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(body)?.[1] ?? '';

describe(`意见征集 pages on ${ENGINE}`, () => {
  let app: TestApp;
  let server: FastifyInstance;
  let county: Unit;
  let clerk: Browser;
  let reviewer: Browser;
  let id = 0;

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-03-02T02:00:00Z' });
    server = await startTestServer(app);
    county = (await buildCounty(app)).county;
    const c = await buildUser(app, county, ['clerk']);
    const r = await buildUser(app, county, ['reviewer', 'disclosure_admin']);
    clerk = new Browser(server);
    await clerk.login(c.username, PASSWORD);
    reviewer = new Browser(server);
    await reviewer.login(r.username, PASSWORD);
  });
  afterAll(async () => {
    await server?.close();
    await app?.destroy();
  });

  it('the staff form lists every problem and keeps what was typed; then saves and publishes', async () => {
    const form = {
      unitId: String(county.id),
      title: '关于《某县养犬管理办法（征求意见稿）》公开征求意见',
      basis: 'major_decision',
      opensOn: '2026-03-02',
      closesOn: '2026-03-12',
      shortReason: '',
      summary: '',
      draftText: '第一条 为规范养犬行为，制定本办法。\n第二条 本办法自发布之日起施行。',
    };
    const bad = await clerk.post('/admin/consultations/new', form, { csrfFrom: '/admin/consultations/new' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('征集期限为10日，少于重大行政决策的最短期限30日');
    expect(bad.body).toContain('某县养犬管理办法（征求意见稿）');
    const ok = await clerk.post(
      '/admin/consultations/new',
      { ...form, shortReason: '<b>春节前</b>须出台' },
      { csrfFrom: '/admin/consultations/new' },
    );
    expect(ok.statusCode).toBe(303);
    id = Number(/\/admin\/consultations\/(\d+)/.exec(ok.headers.location as string)?.[1]);
    const pub = await clerk.post(
      `/admin/consultations/${id}/publish`,
      {},
      { csrfFrom: `/admin/consultations/${id}` },
    );
    expect(pub.statusCode).toBe(303);
    const list = await new Browser(server).get('/consultations');
    expect(list.body).toContain('正在征集');
    expect(list.body).toContain(`href="/consultations/${id}"`);
    const page = await new Browser(server).get(`/consultations/${id}`);
    expect(page.body).toContain('春节前');
    expect(page.body).not.toContain('<b>春节前');
    expect(page.body).toContain('《重大行政决策程序暂行条例》第十五条');
    expect(page.body).toContain('对第一条提出意见');
  });

  it('a citizen comments (refused when too fast), staff moderate, markup stays text', async () => {
    const citizen = new Browser(server);
    const url = `/consultations/${id}/comment`;
    const articleId = /article=(\d+)/.exec((await citizen.get(`/consultations/${id}`)).body)?.[1] ?? '';
    const form = await citizen.get(`${url}?article=${articleId}`);
    expect(form.body).toContain('为规范养犬行为');
    const fields = {
      formStarted: hidden(form.body, 'formStarted'),
      website: '',
      articleId,
      body: '<img src=x onerror=alert(1)>建议明确禁养犬种。',
      name: '王小二',
      contact: 'wang@example.cn',
    };
    const fast = await citizen.post(url, fields, { csrfFrom: url });
    expect(fast.statusCode).toBe(422);
    expect(fast.body).toContain('提交过快');
    expect(fast.body).toContain('建议明确禁养犬种');
    app.clock.set(new Date(app.clock.now().getTime() + 5_000));
    const sent = await citizen.post(url, fields, { csrfFrom: url });
    expect(sent.statusCode).toBe(303);
    expect((await citizen.get(sent.headers.location as string)).body).toContain('经审核后显示');
    const commentId = (
      await app.db.selectFrom('consultation_comments').select('id').executeTakeFirstOrThrow()
    ).id;
    const admin = await reviewer.get(`/admin/consultations/${id}`);
    expect(admin.body).toContain('王小二');
    const noReason = await reviewer.post(
      `/admin/consultations/comments/${commentId}/hide`,
      { reason: '' },
      { csrfFrom: `/admin/consultations/${id}` },
    );
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain(`href="#f-reason-${commentId}"`);
    const shown = await reviewer.post(
      `/admin/consultations/comments/${commentId}/show`,
      {},
      { csrfFrom: `/admin/consultations/${id}` },
    );
    expect(shown.statusCode).toBe(303);
    const page = await new Browser(server).get(`/consultations/${id}`);
    expect(page.body).toContain('王**');
    expect(page.body).not.toContain('<img src=x');
    expect(page.body).toContain('&lt;img src=x onerror=alert(1)>建议明确禁养犬种');
    expect(page.body).not.toContain('wang@example.cn');
  });

  it('the settings page is site-wide and names the legal basis', async () => {
    const page = await reviewer.get('/admin/consultations/settings');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('国办发〔2018〕37号');
    const saved = await reviewer.post(
      '/admin/consultations/settings',
      { normativeMinWorkingDays: '10', otherMinDays: 'x' },
      { csrfFrom: '/admin/consultations/settings' },
    );
    expect(saved.statusCode).toBe(422);
    expect((await clerk.get('/admin/consultations/settings')).statusCode).toBe(403);
  });

  it('refuses a comment after closing with a clear message', async () => {
    const citizen = new Browser(server);
    const url = `/consultations/${id}/comment`;
    const form = await citizen.get(url);
    app.clock.set(new Date('2026-03-13T02:00:00Z'));
    const late = await citizen.post(
      url,
      { formStarted: hidden(form.body, 'formStarted'), website: '', body: '迟到的意见' },
      { csrf: hidden(form.body, '_csrf') },
    );
    expect(late.statusCode).toBe(422);
    expect(late.body).toContain('本次意见征集已于 2026-03-12 截止，不再接收意见');
    expect(late.body).toContain('迟到的意见');
  });

  it('reads the draft from an uploaded .docx (and refuses a file that is not one)', async () => {
    const docx = await docxFromText('某县办法（草案）\n第一条 总则。\n第二条 施行。');
    const f = await withUploadedDraft({ draftText: '' }, { fileName: '草案.docx', content: docx });
    expect(String(f.draftText)).toContain('第二条 施行。');
    const e = await withUploadedDraft({}, { fileName: '草案.docx', content: Buffer.from('not a zip') }).catch(
      (x) => x.problems,
    );
    expect(e[0].field).toBe('draftFile');
  });
});
