/**
 * 政民互动 letters over HTTP on both engines: the public form (field messages with the input kept, the
 * receipt with 编号 + 查询码), the query page, the staff queue and letter page, routing, the reply draft,
 * review and sending, the writer's rating, 找错 with the page prefilled, boxes and the settings page.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/db/schema.ts';
import { buildCounty, buildUser, PASSWORD } from '../support/factories.ts';
import { Browser, startTestServer } from '../support/http.ts';
import { buildChannel } from '../support/letters.ts';
import { createTestApp, ENGINE, type TestApp } from '../support/test-app.ts';

const hidden = (body: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(body)?.[1] ?? '';
const codes = (body: string) => [...body.matchAll(/class="code-box">([^<]+)</g)].map((m) => m[1] ?? '');

describe(`letters over HTTP on ${ENGINE}`, () => {
  let app: TestApp;
  let server: FastifyInstance;
  let dept: Unit;
  let boxId: number;
  const users: Record<string, string> = {};

  beforeAll(async () => {
    app = await createTestApp();
    const c = await buildCounty(app);
    dept = c.dept;
    const office = await buildUser(app, c.county, ['disclosure_admin'], 'office1');
    users.office = office.username;
    users.clerk = (await buildUser(app, dept, ['clerk'], 'clerk1')).username;
    users.reviewer = (await buildUser(app, dept, ['reviewer'], 'reviewer1')).username;
    boxId = (await buildChannel(app, office.ctx, c.county)).id;
    await buildChannel(app, office.ctx, c.county, {
      kind: 'site_error',
      name: '我为政府网站找错',
      leaderName: '',
    });
    server = await startTestServer(app);
  });
  afterAll(async () => {
    await server?.close();
    await app?.destroy();
  });

  const staff = async (who: string) => {
    const b = new Browser(server);
    await b.login(users[who]!, PASSWORD);
    return b;
  };
  /** Loads the form, waits like a person, posts it. */
  const write = async (b: Browser, fields: Record<string, string>) => {
    const url = `/letters/write/${boxId}`;
    const page = await b.get(url);
    const form = {
      formStarted: hidden(page.body, 'formStarted'),
      idempotencyKey: hidden(page.body, 'idempotencyKey'),
    };
    app.clock.advance(5_000);
    return b.post(url, { ...form, ...fields }, { csrfFrom: url });
  };
  const LETTER = {
    name: '李四',
    phone: '13900139000',
    type: 'suggestion',
    title: '建议增设公交站点',
    body: '建议在人民路口增设公交站点。',
    consent: 'yes',
  };

  it('lists the boxes with the leader’s name', async () => {
    const res = await new Browser(server).get('/letters');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('县长信箱');
    expect(res.body).toContain('王县长');
    expect(res.body).toContain(`/letters/write/${boxId}`);
  });

  it('shows field messages and keeps what was typed; nothing is stored', async () => {
    const res = await write(new Browser(server), { ...LETTER, phone: '', title: '<b>标题</b>' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('请至少填写联系电话或电子邮箱中的一项');
    expect(res.body).toContain('标题不能包含网页标记');
    expect(res.body).toContain('建议在人民路口增设公交站点。');
    expect(res.body).toContain('value="李四"');
    expect(res.body).not.toContain('<b>标题</b>');
  });

  it('a citizen writes → the office routes → the unit drafts and submits → review sends → the citizen rates', async () => {
    const citizen = new Browser(server);
    const res = await write(citizen, LETTER);
    expect(res.statusCode).toBe(200);
    const [reference = '', lookupCode = ''] = codes(res.body);
    expect(reference).toMatch(/^XX2026-\d{6}$/);
    const letter = (await app.letters.repo.findByReference(reference))!;

    const office = await staff('office');
    expect((await office.get('/admin/letters?tab=received')).body).toContain(reference);
    const page = await office.get(`/admin/letters/${letter.id}`);
    expect(page.body).toContain('13900139000');
    expect(page.body).toContain('答复期限的计算');
    const routed = await office.post(
      `/admin/letters/${letter.id}/events/route`,
      { unitId: String(dept.id) },
      { csrfFrom: `/admin/letters/${letter.id}` },
    );
    expect(routed.statusCode).toBe(303);

    const clerk = await staff('clerk');
    const url = `/admin/letters/${letter.id}`;
    expect(
      (
        await clerk.post(
          `${url}/reply`,
          { action: 'draft', body: '感谢建议，已转交交通运输局研究。' },
          { csrfFrom: url },
        )
      ).statusCode,
    ).toBe(303);
    expect((await clerk.get(url)).body).toContain('感谢建议，已转交交通运输局研究。');
    expect(
      (
        await clerk.post(
          `${url}/reply`,
          { action: 'submit', body: '感谢建议，交通运输局将于下月增设站点。' },
          { csrfFrom: url },
        )
      ).statusCode,
    ).toBe(303);

    const reviewer = await staff('reviewer');
    expect((await reviewer.post(`${url}/events/send_reply`, {}, { csrfFrom: url })).statusCode).toBe(303);

    const q = await citizen.post('/letters/query', { reference, lookupCode }, { csrfFrom: '/letters/query' });
    expect(q.body).toContain('已答复');
    expect(q.body).toContain('交通运输局将于下月增设站点');
    const rated = await citizen.post(
      '/letters/query/rate',
      { reference, lookupCode, rating: 'satisfied' },
      { csrfFrom: '/letters/query' },
    );
    expect(rated.body).toContain('感谢您的评价');
    expect(rated.body).toContain('您的评价：满意');
    const again = await citizen.post(
      '/letters/query/rate',
      { reference, lookupCode, rating: 'dissatisfied' },
      { csrfFrom: '/letters/query' },
    );
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('每件来信只能评价一次');
  });

  it('answers an unknown number and a wrong code alike', async () => {
    const b = new Browser(server);
    const a = await b.post(
      '/letters/query',
      { reference: 'XX2026-999999', lookupCode: 'ABCDEFGHJK' },
      { csrfFrom: '/letters/query' },
    );
    expect(a.statusCode).toBe(422);
    expect(a.body).toContain('编号或查询码不正确');
    expect(a.body).toContain('XX2026-999999');
  });

  it('找错: the page address of this site is prefilled, another site’s is not', async () => {
    const b = new Browser(server);
    expect((await b.get('/report-error?page=%2Fpolicies%2F12')).body).toContain('value="/policies/12"');
    expect((await b.get('/report-error?page=https%3A%2F%2Fevil.example%2F')).body).not.toContain(
      'evil.example',
    );
  });

  it('the settings page shows each basis and refuses a bad value by field', async () => {
    const office = await staff('office');
    const page = await office.get('/admin/letters/settings');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('答复期限不超过5个工作日');
    const bad = await office.post(
      '/admin/letters/settings',
      { replyWorkingDays: '0' },
      { csrfFrom: '/admin/letters/settings' },
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('来信答复期限（工作日）不能小于 1');
    const clerk = await staff('clerk');
    expect((await clerk.get('/admin/letters/settings')).statusCode).toBe(403);
  });

  it('boxes: create with its own limit; a bad limit is refused by field', async () => {
    const office = await staff('office');
    const url = '/admin/letters/channels/new';
    const bad = await office.post(
      url,
      { name: '财政局信箱', kind: 'mailbox', unitId: String(dept.id), replyWorkingDays: 'x' },
      { csrfFrom: url },
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('本信箱答复期限应为 1 至 60 之间的整数');
    expect(bad.body).toContain('value="财政局信箱"');
    const ok = await office.post(
      url,
      { name: '财政局信箱', kind: 'mailbox', unitId: String(dept.id), replyWorkingDays: '7' },
      { csrfFrom: url },
    );
    expect(ok.statusCode).toBe(303);
    expect((await office.get('/admin/letters/channels')).body).toContain('7 个工作日');
  });
});
