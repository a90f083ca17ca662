/**
 * 政策找人 over HTTP and the digest job, on both engines: bad input (named fields, typed values kept,
 * nothing stored or sent), double opt-in (nothing sent before the single-use confirmation), matching by
 * topic / unit (with sub-units) / 对象 / kind with one mail per subscriber, nothing sent twice across runs,
 * one-click unsubscribe (page + POST, RFC 8058 endpoint; a token works only for its own subscription), no
 * address in clear at rest, the Atom feed parsed as XML, the purge of unconfirmed subscriptions, the admin page.
 */
import type { FastifyInstance } from 'fastify';
import { simpleParser } from 'mailparser';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCounty, buildUser, PASSWORD, SYSTEM } from '../../../test/support/factories.ts';
import { Browser, startTestServer } from '../../../test/support/http.ts';
import { buildStaff, publishDocument } from '../../../test/support/publishing.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import type { Unit } from '../../db/schema.ts';
import type { SubscriptionChoices, SubscriptionItem } from './subscription.model.ts';
import { ITEMS_PER_SOURCE } from './subscription-digest.ts';
import { signLink } from './subscription-links.ts';
import type { Subscriptions } from './subscriptions.services.ts';

const ORIGIN = 'https://gk.example.gov.cn';
const hidden = (html: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';
const pathOf = (url: string) => url.replace(ORIGIN, '');

/** Parses `xml` strictly (saxes: well-formed, namespaces); returns the elements as [name, text, attributes]. */
function parseXml(xml: string) {
  const parser = new SaxesParser({ xmlns: true });
  const out: { name: string; ns: string; attrs: Record<string, string>; text: string }[] = [];
  const stack: (typeof out)[number][] = [];
  parser.on('opentag', (t) => {
    const attrs = Object.fromEntries(Object.values(t.attributes).map((a) => [a.local, a.value]));
    const el = { name: t.local ?? t.name, ns: t.uri ?? '', attrs, text: '' };
    out.push(el);
    stack.push(el);
  });
  parser.on('text', (s) => {
    const top = stack[stack.length - 1];
    if (top) top.text += s;
  });
  parser.on('closetag', () => stack.pop());
  parser.write(xml).close();
  return out;
}

describe(`政策找人 subscriptions on ${ENGINE}`, () => {
  let app: TestApp;
  let smtp: TestSmtpServer;
  let server: FastifyInstance;
  let county: Unit;
  let dept: Unit;
  let other: Unit;
  let x: Subscriptions;
  let topicA: number;
  let topicB: number;
  const testItems: SubscriptionItem[] = [];

  const sub = () => x.service;
  const rows = () => app.db.selectFrom('subscriptions').selectAll().orderBy('id').execute();
  const outbox = () => app.db.selectFrom('mail_outbox').selectAll().orderBy('id').execute();
  const later = (ms = 60_000) => app.clock.advance(ms);
  const publish = async (unit: Unit, title: string, topicId: number) => {
    later();
    return publishDocument(app.publishing, unit, await buildStaff(app, unit), {
      title,
      topicId: String(topicId),
    });
  };
  /** Subscribes through the form as a browser would. */
  const subscribeForm = async (fields: Record<string, string | string[]>, opts: { token?: boolean } = {}) => {
    const b = new Browser(server);
    const page = await b.get('/subscribe');
    const formStarted = opts.token === false ? '' : hidden(page.body, 'formStarted');
    later(5_000);
    const body = new URLSearchParams({ formStarted, website: '', _csrf: await b.csrf('/subscribe') });
    for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
    return server.inject({
      method: 'POST',
      url: '/subscribe',
      payload: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: b.cookieHeader() },
    });
  };
  /** A confirmed subscription made through the services (the form is tested on its own). */
  const confirmed = async (email: string, c: Partial<SubscriptionChoices>) => {
    const f = { email, consent: 'yes', formStarted: '', website: '', ...c };
    await sub().subscribe(SYSTEM, { ...f, formStarted: issue() }, 0);
    const row = (await rows()).at(-1)!;
    await sub().confirm(SYSTEM, signLink(app.config.SESSION_SECRET, 'confirm', row.id, row.confirm_nonce!));
    return (await sub().repo.byId(row.id))!;
  };
  const issue = () =>
    `${app.clock.now().getTime() - 10_000}.${sign(String(app.clock.now().getTime() - 10_000))}`;
  let sign: (t: string) => string;
  const itemsOf = async (subscriptionId: number) =>
    (
      await app.db
        .selectFrom('subscription_deliveries')
        .select(['source', 'item_id'])
        .where('subscription_id', '=', subscriptionId)
        .orderBy('id')
        .execute()
    ).map((r) => `${r.source}:${r.item_id}`);

  beforeAll(async () => {
    smtp = await startSmtpServer();
    app = await createTestApp({
      env: { SMTP_URL: smtp.url, MAIL_FROM: 'gkb@example.gov.cn', PUBLIC_URL: ORIGIN },
    });
    const { createHmac } = await import('node:crypto');
    sign = (t) => createHmac('sha256', app.config.SESSION_SECRET).update(`apply:${t}`).digest('base64url');
    ({ county, dept, other } = await buildCounty(app));
    server = await startTestServer(app);
    x = app.subscriptions;
    const topics = await app.publishing.topics.list();
    topicA = topics[0]!.id;
    topicB = topics[1]!.id;
    app.subscriptions.sources.register({
      kind: 'test',
      label: '测试来源',
      since: async (since, limit) => testItems.filter((i) => i.publishedAt > since).slice(0, limit),
    });
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await app.destroy();
    await smtp.close();
  });

  it('refuses bad input naming each field, keeps what was typed, and stores and sends nothing', async () => {
    const r = await subscribeForm({
      email: 'zhang.san＠',
      topics: '99999',
      kinds: 'DROP TABLE',
      via: 'email',
    });
    expect(r.statusCode).toBe(422);
    expect(r.body).toContain('错误：政策订阅');
    expect(r.body).toContain('href="#f-email"');
    expect(r.body).toContain('请勾选同意接收订阅邮件');
    expect(r.body).toContain('主题选择有误，请从列表中选择');
    expect(r.body).toContain('信息类别选择有误，请从列表中选择');
    expect(r.body).toContain('value="zhang.san＠"');
    const bot = await subscribeForm({ email: 'li@example.com', consent: 'yes' }, { token: false });
    expect(bot.statusCode).toBe(422);
    expect(bot.body).toContain('页面已过期，请刷新页面后重新填写');
    expect(await rows()).toHaveLength(0);
    expect(await outbox()).toHaveLength(0);
  });

  it('double opt-in: only the confirmation mail before confirming; the link works once', async () => {
    const r = await subscribeForm({
      email: 'Zhang.San@Example.com',
      consent: 'yes',
      kinds: 'document',
      units: String(dept.id),
    });
    expect(r.statusCode).toBe(303);
    expect(r.headers.location).toBe('/subscribe/sent');
    const [row] = await rows();
    expect(row).toMatchObject({ state: 'pending', email_masked: 'Z***@example.com' });
    await publish(dept, '关于开展2026年春季植树活动的通知', topicA);
    expect(await x.digest.run('before-confirm')).toMatchObject({ ran: true, mails: 0 });
    expect((await outbox()).map((m) => m.kind)).toEqual(['subscription.confirm']);
    expect(await app.mail.deliverDue()).toMatchObject({ sent: 1 });
    const confirmMail = await simpleParser(smtp.received[0]!.raw);
    expect(smtp.received[0]!.to).toEqual(['Zhang.San@example.com']);
    const url = /https:\/\/\S+\/subscribe\/confirm\/\S+/.exec(confirmMail.text ?? '')?.[0];
    expect(url).toBeTruthy();

    const b = new Browser(server);
    const page = await b.get(pathOf(url!));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('确认订阅');
    expect((await rows())[0]?.state).toBe('pending'); // a GET (a mail scanner's prefetch) changes nothing
    later();
    const ok = await b.post(pathOf(url!), {}, { csrfFrom: pathOf(url!) });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('订阅成功');
    expect((await rows())[0]).toMatchObject({ state: 'confirmed', confirm_nonce: null });
    expect((await b.get(pathOf(url!))).statusCode).toBe(422);
    const again = await b.post(pathOf(url!), {}, { csrfFrom: '/subscribe' });
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('链接无效或已失效');
    // The document published before the confirmation is not sent to it.
    later(3_600_000);
    expect(await x.digest.run('after-confirm')).toMatchObject({ ran: true, mails: 0 });
  });

  it('matches by topic, unit (with sub-units), 对象 and kind; one mail per subscriber; nothing sent twice', async () => {
    const byTopic = await confirmed('topic@example.com', { topics: [String(topicB)] } as never);
    // The county and both departments under it.
    const byCounty = await confirmed('county@example.com', { units: [String(county.id)] } as never);
    const byOther = await confirmed('other@example.com', {
      units: [String(other.id)],
      kinds: ['document'],
    } as never);
    const personal = await confirmed('person@example.com', {
      kinds: ['qa'],
      audiences: ['individual'],
    } as never);
    const interp = await confirmed('interp@example.com', { kinds: ['interpretation', 'normative'] } as never);
    const first = (await rows())[0]!;
    expect(await app.mail.deliverDue()).toMatchObject({ sent: 5 }); // their confirmation mails
    later();
    const d1 = await publish(dept, '关于发展改革工作的通知', topicA);
    const d2 = await publish(county, '关于优化营商环境的意见', topicB);
    const d3 = await publish(other, '关于财政资金管理的通知', topicA);
    const at = () => app.clock.now().toISOString();
    const unitId = dept.id;
    testItems.push(
      {
        kind: 'qa',
        id: 1,
        title: '企业如何申请补贴',
        href: '/qa/1',
        unitId,
        topicId: null,
        audiences: ['enterprise'],
        publishedAt: at(),
      },
      {
        kind: 'qa',
        id: 2,
        title: '低保怎么申请',
        href: '/qa/2',
        unitId,
        topicId: null,
        audiences: ['individual'],
        publishedAt: at(),
      },
      {
        kind: 'qa',
        id: 3,
        title: '申请公开要多少天答复',
        href: '/qa/3',
        unitId,
        topicId: null,
        audiences: [],
        publishedAt: at(),
      },
      {
        kind: 'interpretation',
        id: 4,
        title: '《意见》解读',
        href: '/documents/4',
        unitId,
        topicId: null,
        audiences: [],
        publishedAt: at(),
      },
    );
    later();
    const run = await x.digest.run('day-1');
    expect(run).toMatchObject({ ran: true, mails: 6 });
    expect(await itemsOf(first.id)).toEqual([`documents:${d1}`]);
    expect(await itemsOf(byTopic.id)).toEqual([`documents:${d2}`]);
    expect((await itemsOf(byCounty.id)).sort()).toEqual(
      [
        `documents:${d1}`,
        `documents:${d2}`,
        `documents:${d3}`,
        'test:1',
        'test:2',
        'test:3',
        'test:4',
      ].sort(),
    );
    expect(await itemsOf(byOther.id)).toEqual([`documents:${d3}`]);
    expect(await itemsOf(personal.id)).toEqual(['test:2', 'test:3']);
    expect(await itemsOf(interp.id)).toEqual(['test:4']);
    const digests = (await outbox()).filter((m) => m.kind === 'subscription.digest');
    expect(digests.map((m) => m.ref_id).sort()).toEqual(
      [first.id, byTopic.id, byCounty.id, byOther.id, personal.id, interp.id].sort(),
    );
    smtp.received.length = 0;
    expect(await app.mail.deliverDue()).toMatchObject({ sent: 6 });
    const toPerson = smtp.received.find((m) => m.to[0] === 'person@example.com')!;
    const text = (await simpleParser(toPerson.raw)).text ?? '';
    expect(text).toContain('【政策问答】低保怎么申请');
    expect(text).not.toContain('企业如何申请补贴');
    expect(toPerson.raw.toString()).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');

    // A second run (its window overlaps the first) and a second process on the same run send nothing again.
    later(3_600_000);
    expect(await x.digest.run('day-2')).toMatchObject({ ran: true, mails: 0 });
    expect(await x.digest.run('day-2')).toEqual({ ran: false, items: 0, mails: 0 });
    expect((await outbox()).filter((m) => m.kind === 'subscription.digest')).toHaveLength(6);
  });

  it('unsubscribes in one click; a token only works for its own subscription', async () => {
    const all = await rows();
    const topic = all.find((r) => r.email_masked === 't***@example.com')!;
    const county1 = all.find((r) => r.email_masked === 'c***@example.com')!;
    const urls = sub().urlsOf(topic);
    const forged = `${county1.id}.${urls.token.split('.')[1]}`;
    const b = new Browser(server);
    expect((await b.get(`/subscriptions/unsubscribe/${forged}`)).statusCode).toBe(422);
    const forgedPost = await b.post(`/subscriptions/unsubscribe/${forged}`, {}, { csrfFrom: '/subscribe' });
    expect(forgedPost.statusCode).toBe(422);
    expect((await sub().repo.byId(county1.id))?.state).toBe('confirmed');

    const page = await b.get(pathOf(urls.unsubscribe));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`action="${pathOf(urls.unsubscribe)}"`);
    expect(page.body).toContain('确认退订');
    const done = await b.post(pathOf(urls.unsubscribe), {}, { csrfFrom: pathOf(urls.unsubscribe) });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('已退订');
    expect(await sub().repo.byId(topic.id)).toMatchObject({
      state: 'unsubscribed',
      email_enc: '',
      email_hash: null,
      manage_nonce: null,
    });
    expect((await b.get(pathOf(urls.manage))).statusCode).toBe(422);

    // RFC 8058: the mail program posts without cookies or a form.
    const oneClick = sub().urlsOf(county1).oneClick;
    const r = await server.inject({
      method: 'POST',
      url: pathOf(oneClick),
      payload: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(r.statusCode).toBe(200);
    expect((await sub().repo.byId(county1.id))?.state).toBe('unsubscribed');
    const audits = await app.auditRepo.list({ action: 'subscription.unsubscribe' }, 10);
    expect(audits.filter((a) => a.action === 'subscription.unsubscribe')).toHaveLength(2);

    // Neither receives the next document.
    await publish(county, '关于优化营商环境的补充通知', topicB);
    later();
    await x.digest.run('day-3');
    expect(await itemsOf(topic.id)).toHaveLength(1);
  });

  it('changes the choices through the manage link; bad choices are refused naming the field', async () => {
    const person = (await rows()).find((r) => r.email_masked === 'p***@example.com')!;
    const urls = sub().urlsOf(person);
    const b = new Browser(server);
    const page = await b.get(pathOf(urls.manage));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('p***@example.com');
    const bad = await b.post(pathOf(urls.manage), { kinds: 'spam' }, { csrfFrom: pathOf(urls.manage) });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('信息类别选择有误，请从列表中选择');
    expect(JSON.parse((await sub().repo.byId(person.id))!.kinds_json)).toEqual(['qa']);
    const ok = await b.post(pathOf(urls.manage), { kinds: 'document' }, { csrfFrom: pathOf(urls.manage) });
    expect(ok.statusCode).toBe(303);
    expect(JSON.parse((await sub().repo.byId(person.id))!.kinds_json)).toEqual(['document']);
  });

  it('keeps no address in clear at rest', async () => {
    const dump = JSON.stringify([
      await rows(),
      await outbox(),
      await app.db.selectFrom('audit_events').selectAll().execute(),
      await app.db.selectFrom('subscription_deliveries').selectAll().execute(),
    ]).toLowerCase();
    for (const a of ['zhang.san', 'topic@', 'county@', 'other@', 'person@', 'interp@'])
      expect(dump).not.toContain(a);
    const live = (await rows()).find((r) => r.state === 'confirmed')!;
    expect(live.email_enc).toMatch(/^v1\./);
    expect(sub().cipher.decrypt(live.email_enc)).toMatch(/@example\.com$/);
  });

  it('serves a valid Atom feed of the chosen filters, with no personal data, and refuses bad filters', async () => {
    const b = new Browser(server);
    const r = await b.get(`/subscriptions/feed.atom?topic=${topicB}&kind=document`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('application/atom+xml');
    const els = parseXml(r.body);
    const feed = els[0]!;
    expect([feed.name, feed.ns]).toEqual(['feed', 'http://www.w3.org/2005/Atom']);
    for (const required of ['id', 'title', 'updated'])
      expect(els.some((e) => e.name === required)).toBe(true);
    const titles = els.filter((e) => e.name === 'title').map((e) => e.text);
    expect(titles).toContain('关于优化营商环境的意见');
    expect(titles).not.toContain('关于发展改革工作的通知');
    const ids = els.filter((e) => e.name === 'id').map((e) => e.text);
    for (const id of ids) expect(id).toMatch(/^https:\/\/gk\.example\.gov\.cn\//);
    expect(els.filter((e) => e.name === 'entry').every((e) => e.ns === feed.ns)).toBe(true);

    const bad = await b.get('/subscriptions/feed.atom?kind=%3Cscript%3E');
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('信息类别选择有误');

    const made = await subscribeForm({ topics: String(topicB), kinds: 'document', via: 'feed' });
    expect(made.statusCode).toBe(303);
    const address = await b.get(made.headers.location as string);
    expect(address.body).toContain(`${ORIGIN}/subscriptions/feed.atom?topic=${topicB}&amp;kind=document`);
  });

  it('deletes unconfirmed subscriptions after the setting’s days', async () => {
    await sub().subscribe(
      SYSTEM,
      { email: 'late@example.com', consent: 'yes', formStarted: issue(), website: '' },
      0,
    );
    const pending = (await rows()).at(-1)!;
    expect(pending.state).toBe('pending');
    later(6 * 86_400_000);
    expect(await sub().purgePending()).toBe(0);
    later(2 * 86_400_000);
    expect(await sub().purgePending()).toBe(1);
    expect(await sub().repo.byId(pending.id)).toBeUndefined();
  });

  it('shows the 政务公开办 the counts, never an address in clear; others are refused', async () => {
    const admin = await buildUser(app, county, ['disclosure_admin']);
    const b = new Browser(server);
    await b.login(admin.username, PASSWORD);
    const page = await b.get('/admin/subscriptions');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('政策找人订阅');
    expect(page.body).toContain('已退订');
    expect(page.body).not.toMatch(/[a-z.]+@example\.com/);
    const bad = await b.post(
      '/admin/subscriptions/settings',
      { pendingPurgeDays: '十天', maxPerAddress: '5' },
      { csrfFrom: '/admin/subscriptions' },
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('未确认订阅的保留天数必须是数字');
    expect(bad.body).toContain('value="十天"');
    const ok = await b.post(
      '/admin/subscriptions/settings',
      { pendingPurgeDays: '3', maxPerAddress: '5' },
      { csrfFrom: '/admin/subscriptions' },
    );
    expect(ok.statusCode).toBe(303);
    expect((await app.auditRepo.list({ action: 'subscription.settings_update' }, 5))[0]?.action).toBe(
      'subscription.settings_update',
    );
    await sub().subscribe(
      SYSTEM,
      { email: 'soon@example.com', consent: 'yes', formStarted: issue(), website: '' },
      0,
    );
    later(3 * 86_400_000 + 1000);
    expect(await sub().purgePending()).toBe(1);
    const clerk = await buildUser(app, county, ['clerk']);
    const c = new Browser(server);
    await c.login(clerk.username, PASSWORD);
    expect((await c.get('/admin/subscriptions')).statusCode).toBe(403);
  });
  it('dedupes an address by its keyed hash and limits the subscriptions per address', async () => {
    const make = (email: string, kinds: string[]) =>
      sub().subscribe(SYSTEM, { email, consent: 'yes', kinds, formStarted: issue(), website: '' }, 0);
    const before = (await rows()).length;
    await make('zhao.liu@example.com', ['document']);
    const zhao = (await rows()).at(-1)!;
    const confirms = async () =>
      (await outbox()).filter((m) => m.kind === 'subscription.confirm' && m.ref_id === zhao.id).length;
    await make('ZHAO.LIU@example.com', ['document']); // the same again at once: no new row, no second mail
    expect((await rows()).length).toBe(before + 1);
    expect(await confirms()).toBe(1);
    later(11 * 60_000);
    await make('zhao.liu@example.com', ['document']); // later: a fresh confirmation link, the old one retired
    expect(await confirms()).toBe(2);
    const old = signLink(app.config.SESSION_SECRET, 'confirm', zhao.id, zhao.confirm_nonce!);
    await expect(sub().confirm(SYSTEM, old)).rejects.toThrow('链接无效或已失效');
    for (const kinds of [['interpretation'], ['normative'], ['qa'], []])
      await make('zhao.liu@example.com', kinds);
    expect((await rows()).length).toBe(before + 5);
    await expect(make('zhao.liu@example.com', ['document', 'qa'])).rejects.toMatchObject({
      problems: [{ field: 'email', message: expect.stringContaining('该邮箱的订阅已达上限（5 个）') }],
    });
    expect((await rows()).length).toBe(before + 5);
    const hashes = new Set((await rows()).slice(before).map((r) => r.email_hash));
    expect(hashes.size).toBe(1);
  });
  it('continues a source that had more than one page in the next run, sending each item once', async () => {
    const reader = await confirmed('reader@example.com', { kinds: ['qa'] } as never);
    later();
    const base = app.clock.now().getTime();
    const bulk: SubscriptionItem[] = Array.from({ length: ITEMS_PER_SOURCE + 1 }, (_, i) => ({
      kind: 'qa',
      id: 1000 + i,
      title: `问答 ${i}`,
      href: `/qa/${1000 + i}`,
      unitId: dept.id,
      topicId: null,
      audiences: [],
      publishedAt: new Date(base + i).toISOString(),
    }));
    app.subscriptions.sources.register({
      kind: 'bulk',
      label: '大量条目',
      since: async (since, limit) => bulk.filter((i) => i.publishedAt > since).slice(0, limit),
    });
    later();
    expect(await x.digest.run('bulk-1')).toMatchObject({ ran: true });
    expect(await itemsOf(reader.id)).toHaveLength(ITEMS_PER_SOURCE);
    later();
    expect(await x.digest.run('bulk-2')).toMatchObject({ ran: true });
    const got = await itemsOf(reader.id);
    expect(got).toHaveLength(ITEMS_PER_SOURCE + 1);
    expect(new Set(got).size).toBe(got.length);
    const mails = await app.db
      .selectFrom('mail_outbox')
      .select('id')
      .where('ref_id', '=', reader.id)
      .where('kind', '=', 'subscription.digest')
      .execute();
    expect(mails).toHaveLength(2);
    expect(await x.digest.run('bulk-3')).toMatchObject({ ran: true, mails: 0 });
  });
});

describe(`政策找人 without mail (SMTP_URL unset) on ${ENGINE}`, () => {
  let app: TestApp;
  let server: FastifyInstance;
  beforeAll(async () => {
    app = await createTestApp();
    server = await startTestServer(app);
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await app.destroy();
  });

  it('says e-mail is unavailable, stores nothing, and still offers the Atom feed', async () => {
    const b = new Browser(server);
    const page = await b.get('/subscribe');
    expect(page.body).toContain('本网站暂未开通邮件发送，请使用方式二');
    const formStarted = hidden(page.body, 'formStarted');
    app.clock.advance(5_000);
    const r = await b.post(
      '/subscribe',
      { formStarted, website: '', email: 'li@example.com', consent: 'yes', via: 'email' },
      { csrfFrom: '/subscribe' },
    );
    expect(r.statusCode).toBe(422);
    expect(r.body).toContain('本网站暂未开通邮件发送，无法邮件订阅');
    expect(await app.db.selectFrom('subscriptions').selectAll().execute()).toHaveLength(0);
    expect((await b.get('/subscriptions/feed.atom')).statusCode).toBe(200);
    expect(await app.subscriptions.digest.run('no-mail')).toEqual({ ran: false, items: 0, mails: 0 });
  });
});
