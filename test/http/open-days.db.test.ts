/**
 * HTTP: 主题日 / 开放日 — the plan form (bad input kept, nothing created), public registration (anti-abuse,
 * phone validated, capacity held, the same phone refused, personal data encrypted and masked for staff
 * without openday.personal), the sign-in list, the 活动记录 published in the 政务公开主题日 column, the
 * 活动计划表 page and xlsx.
 */

import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/db/schema.ts';
import { issueFormToken } from '../../src/lib/form-abuse.ts';
import { buildCounty, buildUser, PASSWORD } from '../support/factories.ts';
import { Browser, startTestServer } from '../support/http.ts';
import { buildStaff, type Staff } from '../support/publishing.ts';
import { createTestApp, ENGINE, type TestApp } from '../support/test-app.ts';

const hidden = (html: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';
const PLAN = {
  theme: '政务公开主题日',
  type: 'theme_day',
  eventDate: '2026-03-20',
  startTime: '09:00',
  endTime: '11:30',
  place: '县政务服务中心',
  invitedGroups: '人大代表',
  activitiesOther: '座谈会、现场调研',
  capacity: '2',
  registrationOpensOn: '2026-03-01',
  registrationClosesOn: '2026-03-18',
};

describe(`HTTP: 主题日 / 开放日 on ${ENGINE}`, () => {
  let app: TestApp;
  let server: FastifyInstance;
  let county: Unit;
  let staff: Staff;
  let clerk: Browser;
  let admin: Browser;
  let id: number;
  const count = async (t: 'open_days' | 'open_day_registrations') =>
    (await app.db.selectFrom(t).select('id').execute()).length;
  const register = async (fields: Record<string, string>, waitMs = 5_000) => {
    const b = new Browser(server);
    const page = await b.get(`/open-days/${id}`);
    const formStarted =
      hidden(page.body, 'formStarted') ||
      issueFormToken(app.config.SESSION_SECRET, app.clock.now().getTime());
    app.clock.advance(waitMs);
    return b.post(
      `/open-days/${id}/register`,
      { formStarted, website: '', ...fields },
      { csrfFrom: '/login' },
    );
  };
  const post = (b: Browser, path: string, form: Record<string, string> = {}) =>
    b.post(`/admin/open-days/${id}${path}`, form, { csrfFrom: `/admin/open-days/${id}` });

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-03-02T02:00:00Z' });
    county = (await buildCounty(app)).county;
    staff = await buildStaff(app, county);
    server = await startTestServer(app);
    const u = await buildUser(app, county, ['clerk']);
    clerk = new Browser(server);
    expect((await clerk.login(u.username, PASSWORD)).statusCode).toBe(303);
    const a = await buildUser(app, county, ['disclosure_admin']);
    admin = new Browser(server);
    expect((await admin.login(a.username, PASSWORD)).statusCode).toBe(303);
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await app.destroy();
  });

  it('refuses a bad plan naming each field, keeps what was typed and creates nothing', async () => {
    const r = await clerk.post(
      '/admin/open-days/new',
      {
        ...PLAN,
        theme: '<i>主题日</i>',
        capacity: '0',
        registrationClosesOn: '2026-03-25',
        invitedGroups: '',
      },
      { csrfFrom: '/admin/open-days/new' },
    );
    expect(r.statusCode).toBe(422);
    expect(r.body).toContain('名额不能小于 1');
    expect(r.body).toContain('报名截止日期不能晚于活动日期');
    expect(r.body).toContain('请选择或填写邀请对象');
    expect(r.body).toContain('value="&lt;i>主题日&lt;/i>"');
    expect(await count('open_days')).toBe(0);
    const ok = await clerk.post('/admin/open-days/new', PLAN, { csrfFrom: '/admin/open-days/new' });
    expect(ok.statusCode).toBe(303);
    id = Number(/(\d+)$/.exec(ok.headers.location as string)![1]);
    const row = await app.db.selectFrom('open_days').selectAll().executeTakeFirstOrThrow();
    expect(JSON.parse(row.activities)).toEqual(['座谈会', '现场调研']);
    expect((await new Browser(server).get(`/open-days/${id}`)).statusCode).toBe(404);
    expect((await post(clerk, '/events/publish_plan')).statusCode).toBe(303);
  });

  it('registers with a valid phone, refuses the same phone and a full event, stores personal data encrypted', async () => {
    const page = await new Browser(server).get(`/open-days/${id}`);
    expect(page.body).toContain('共 2 名，已报名 0 名，剩余 2 名');
    const bad = await register({ name: '张三', phone: '12345', group: '人大代表' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('联系电话应为 11 位手机号码');
    expect(bad.body).toContain('value="张三"');
    expect((await register({ name: '张三', phone: '13800001234', group: '人大代表' }, 0)).body).toContain(
      '提交过快',
    );
    expect((await register({ name: '张三', phone: '138 0000 1234', group: '人大代表' })).statusCode).toBe(
      303,
    );
    const dup = await register({ name: '张三丰', phone: '+8613800001234', group: '人大代表' });
    expect(dup.statusCode).toBe(422);
    expect(dup.body).toContain('该联系电话已报名本次活动');
    expect(
      (await register({ name: '欧阳娜娜', phone: '0731-88881234', group: '人大代表', note: '需要轮椅' }))
        .statusCode,
    ).toBe(303);
    const full = await register({ name: '李四', phone: '13900001111', group: '人大代表' });
    expect(full.statusCode).toBe(422);
    expect(full.body).toContain('名额已满');
    expect((await new Browser(server).get(`/open-days/${id}`)).body).toContain('剩余 0 名');
    const late = await new Browser(server).post(
      `/open-days/${id}/register`,
      { name: '李四', phone: '13900001111', group: '人大代表' },
      { csrfFrom: '/login' },
    );
    expect(late.statusCode).toBe(422);
    expect(await count('open_day_registrations')).toBe(2);
    const row = await app.db.selectFrom('open_days').select('registered').executeTakeFirstOrThrow();
    expect(row.registered).toBe(2);
    const stored = await app.db.selectFrom('open_day_registrations').selectAll().execute();
    for (const r of stored) {
      expect(r.name_enc.startsWith('v1.')).toBe(true);
      expect(r.phone_enc).not.toContain('1380000');
    }
    const audit = await app.db
      .selectFrom('audit_events')
      .select('summary')
      .where('action', '=', 'openday.register')
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit.some((a) => a.summary.includes('张三') || a.summary.includes('1380000'))).toBe(false);
  });

  it('masks names and phones for a clerk and shows them to the 政务公开管理员; the sign-in list ticks who came', async () => {
    const masked = await clerk.get(`/admin/open-days/${id}`);
    expect(masked.body).toContain('张*');
    expect(masked.body).toContain('138****1234');
    expect(masked.body).toContain('欧***');
    expect(masked.body).not.toContain('13800001234');
    const clear = await admin.get(`/admin/open-days/${id}`);
    expect(clear.body).toContain('13800001234');
    const sheet = await clerk.get(`/admin/open-days/${id}/sign-in`);
    const first = /name="attended" value="(\d+)"/.exec(sheet.body)![1]!;
    const r = await clerk.post(
      `/admin/open-days/${id}/sign-in`,
      { attended: first },
      { csrfFrom: `/admin/open-days/${id}/sign-in` },
    );
    expect(r.statusCode).toBe(303);
    const ticks = await app.db
      .selectFrom('open_day_registrations')
      .select(['id', 'attended'])
      .orderBy('id')
      .execute();
    expect(ticks.map((t) => t.attended)).toEqual([1, 0]);
  });

  it('publishes the 活动记录 in the 政务公开主题日 column after the event, and lists the year’s plan', async () => {
    expect((await post(clerk, '/record/submit')).statusCode).toBe(409);
    expect((await post(clerk, '/events/mark_held')).statusCode).toBe(303);
    expect((await post(clerk, '/record', { recordText: '' })).statusCode).toBe(422);
    expect((await post(clerk, '/record', { recordText: '座谈会收集意见 8 条。' })).statusCode).toBe(303);
    expect((await post(clerk, '/record/submit')).statusCode).toBe(303);
    const row = await app.db.selectFrom('open_days').selectAll().executeTakeFirstOrThrow();
    expect(row.status).toBe('in_review');
    const doc = await app.db
      .selectFrom('documents')
      .select(['id', 'kind'])
      .where('id', '=', row.document_id!)
      .executeTakeFirstOrThrow();
    expect(doc.kind).toBe('open_day_record');
    const column = (await app.publishing.columns.listActiveForUnit(county.id)).find(
      (c) => c.name === '政务公开主题日',
    );
    expect(column).toBeDefined();
    await app.publishing.review.reviewConfidentiality(staff.confidentiality, doc.id, {
      conclusion: 'disclose',
    });
    await app.publishing.review.approve(staff.reviewer, doc.id);
    expect((await app.db.selectFrom('open_days').select('status').executeTakeFirstOrThrow()).status).toBe(
      'published',
    );
    const citizen = new Browser(server);
    const docPage = await citizen.get(`/documents/${doc.id}`);
    expect(docPage.body).toContain('座谈会收集意见 8 条。');
    expect(docPage.body).toContain('参加人数：1 人');
    expect((await citizen.get(`/open-days/${id}`)).body).toContain(`/documents/${doc.id}`);
    const plan = await citizen.get('/open-days/plan?year=2026');
    expect(plan.body).toContain('政务公开主题日');
    expect(plan.body).toContain('活动记录已发布');
    const xlsx = await citizen.get('/open-days/plan.xlsx?year=2026');
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getRow(3).getCell(4).value)).toBe('政务公开主题日');
    expect(String(ws.getRow(3).getCell(9).value)).toBe('活动记录已发布');
    expect((await app.openDays.recentPublic(3))[0]).toMatchObject({
      href: `/open-days/${id}`,
      note: '活动记录',
    });
  });
});
