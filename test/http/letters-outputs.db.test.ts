/**
 * HTTP: the letters' outputs — the public 来信选登 list and page (only published letters, masked, markup never
 * rendered), the public statistics, the review of a publication (bad input shown again with what was typed,
 * nothing changed; staff without 'letter.review' refused), the staff statistics with the letters behind each
 * number, the monitor's overdue list and its xlsx.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/db/schema.ts';
import {
  insertChannel,
  insertLetter,
  insertReply,
} from '../../src/modules/letters/letter-outputs.test-support.ts';
import { buildCounty, buildUser, PASSWORD } from '../support/factories.ts';
import { Browser, startTestServer } from '../support/http.ts';
import { createTestApp, ENGINE, type TestApp } from '../support/test-app.ts';

describe(`HTTP: letters outputs on ${ENGINE}`, () => {
  let app: TestApp;
  let server: FastifyInstance;
  let dept: Unit;
  let reviewer: string;
  let clerk: string;
  let admin: string;
  let box: number;
  let published: number;
  let hidden: number;
  let toReview: number;

  const login = async (username: string) => {
    const b = new Browser(server);
    await b.login(username, PASSWORD);
    return b;
  };

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-10-20T02:00:00Z' });
    const c = await buildCounty(app);
    dept = c.dept;
    reviewer = (await buildUser(app, dept, ['reviewer'])).username;
    clerk = (await buildUser(app, dept, ['clerk'])).username;
    const adminUser = await buildUser(app, c.county, ['disclosure_admin']);
    admin = adminUser.username;
    box = await insertChannel(app.db, c.county.id, { name: '县长信箱' });
    published = await insertLetter(app.db, {
      channelId: box,
      unitId: dept.id,
      reference: 'XX2026-000101',
      title: '关于路灯不亮的咨询',
      body: '人民路路灯不亮。<script>alert(1)</script>',
      receivedOn: '2026-09-02',
      dueOn: '2026-09-09',
      answeredOn: '2026-09-04',
      rating: 'satisfied',
    });
    await insertReply(app.db, published, dept.id, { body: '已修复。', sentAt: '2026-09-04T03:00:00.000Z' });
    await app.letters.publication.publish(adminUser.ctx, published, {
      title: '关于路灯不亮的咨询',
      body: '人民路路灯不亮。<script>alert(1)</script>',
      reply: '已修复。',
      revision: 1,
    });
    hidden = await insertLetter(app.db, {
      channelId: box,
      unitId: dept.id,
      reference: 'XX2026-000102',
      title: '未公开的来信',
      receivedOn: '2026-09-03',
      dueOn: '2026-09-10',
    });
    toReview = await insertLetter(app.db, {
      channelId: box,
      unitId: dept.id,
      reference: 'XX2026-000103',
      title: '电话13800001234的来信',
      body: '我的电话13800001234。李四',
      writerEnc: app.letters.deps.cipher.encrypt(JSON.stringify({ name: '李四', phone: null, email: null })),
      receivedOn: '2026-09-05',
      dueOn: '2026-09-12',
      answeredOn: '2026-09-08',
    });
    await insertReply(app.db, toReview, dept.id, { sentAt: '2026-09-08T03:00:00.000Z' });
    await insertLetter(app.db, {
      channelId: box,
      unitId: dept.id,
      reference: 'XX2026-000104',
      title: '长期未答复',
      status: 'assigned',
      receivedOn: '2026-06-01',
      dueOn: '2026-06-08',
    });
    server = await startTestServer(app);
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await app.destroy();
  });

  it('lists published letters only, filters by box, and escapes markup on the page', async () => {
    const b = new Browser(server);
    const list = await b.get('/letters/replies');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`href="/letters/replies/${published}"`);
    expect(list.body).not.toContain('未公开的来信');
    expect(list.body).toContain('共 1 件');
    expect((await b.get(`/letters/replies?box=${box + 1000}`)).body).toContain('暂无公开的来信');
    const page = await b.get(`/letters/replies/${published}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('已修复。');
    expect(page.body).toContain('满意');
    expect(page.body).not.toContain('<script>alert(1)</script>');
    expect(page.body).toContain('&lt;script');
    expect((await b.get(`/letters/replies/${hidden}`)).statusCode).toBe(404);
    expect((await b.get('/letters/replies/abc')).statusCode).toBe(404);
  });

  it('shows the public statistics with the rule of each figure, the chart and its table', async () => {
    const res = await new Browser(server).get('/letters/stats?month=2026-09');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('2026年9月');
    expect(res.body).toContain('统计口径');
    expect(res.body).toContain('<svg');
    expect(res.body).toContain(dept.name);
    // No links to the letters on the public page.
    expect(res.body).not.toContain('/admin/letters/stats/records');
    // An unknown period falls back to the current month.
    expect((await new Browser(server).get('/letters/stats?month=x')).body).toContain('2026年10月');
  });

  it('staff statistics link each number to the letters behind it', async () => {
    const b = await login(clerk);
    const res = await b.get('/admin/letters/stats?month=2026-09');
    expect(res.statusCode).toBe(200);
    const link = /href="(\/admin\/letters\/stats\/records\?[^"]*set=received[^"]*)"/.exec(res.body)?.[1];
    expect(link).toBeDefined();
    const records = await b.get(link!.replaceAll('&amp;', '&'));
    expect(records.statusCode).toBe(200);
    expect(records.body).toContain('XX2026-000101');
    expect((await new Browser(server).get('/admin/letters/stats')).statusCode).not.toBe(200);
  });

  it('the review page proposes the masked texts; bad input is shown again and changes nothing', async () => {
    const b = await login(reviewer);
    const letterPage = await b.get(`/admin/letters/${toReview}`);
    expect(letterPage.body).toContain(`<a href="/admin/letters/${toReview}/publication">审核并公开</a>`);
    const page = await b.get(`/admin/letters/${toReview}/publication`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('138****1234');
    expect(page.body).not.toContain('13800001234');
    expect(page.body).toContain('我的电话138****1234。李*');
    const url = `/admin/letters/${toReview}/publication`;
    const bad = await b.post(
      `/admin/letters/${toReview}/publish`,
      { title: '', body: '我的电话138****1234。已核', reply: '答复', revision: '1' },
      { csrfFrom: url },
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('请填写公开标题');
    expect(bad.body).toContain('我的电话138****1234。已核');
    expect(await app.letters.publication.findPublished(toReview)).toBeUndefined();
    const ok = await b.post(
      `/admin/letters/${toReview}/publish`,
      { title: '来信', body: '我的电话138****1234。', reply: '答复', revision: '1' },
      { csrfFrom: url },
    );
    expect(ok.statusCode).toBe(303);
    expect((await app.letters.publication.findPublished(toReview))?.public_title).toBe('来信');
    const c = await login(clerk);
    expect((await c.get(url)).statusCode).toBe(403);
  });

  it('the overdue list puts the letters past 3 months first and exports xlsx; clerks are refused', async () => {
    const b = await login(admin);
    const res = await b.get('/admin/letters/overdue');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('XX2026-000104');
    expect(res.body).toContain('超过3个月未答复（单项否决）');
    const xlsx = await b.get('/admin/letters/overdue.xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await (await login(clerk)).get('/admin/letters/overdue')).statusCode).toBe(403);
  });

  it("the staff queue shows each letter's latest reminder from the daily job", async () => {
    await app.letters.reminders.run('2026-10-20');
    const res = await (await login(admin)).get('/admin/letters?tab=assigned');
    expect(res.statusCode).toBe(200);
    const row = res.body.split('<tr').find((r) => r.includes('XX2026-000104'));
    expect(row).toContain('2026-10-20 已提醒（超期）');
  });

  it('the hub gets the newest published replies and links to the list and the statistics', async () => {
    const items = await app.letters.recentPublic(5);
    expect(items[0]).toMatchObject({ href: `/letters/replies/${toReview}`, title: '来信' });
    const hub = await new Browser(server).get('/interaction');
    expect(hub.statusCode).toBe(200);
    expect(hub.body).toContain('href="/letters/replies"');
    expect(hub.body).toContain('href="/letters/stats"');
    expect(hub.body).toContain(`href="/letters/replies/${published}"`);
  });
});
