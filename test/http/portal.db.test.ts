/** HTTP: the public 政府信息公开 portal — pages, withdrawn notice, feeds, sitemap, search, caching. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/db/schema.ts';
import { buildCounty, buildUser } from '../support/factories.ts';
import { Browser, startTestServer } from '../support/http.ts';
import { publishDocument, type Staff } from '../support/publishing.ts';
import { createTestApp, ENGINE, type TestApp } from '../support/test-app.ts';

describe(`HTTP: public portal on ${ENGINE}`, () => {
  let app: TestApp;
  let server: FastifyInstance;
  let county: Unit;
  let dept: Unit;
  let columnId: number;
  const ids = { dibao: 0, village: 0, tricky: 0, gone: 0, corrected: 0 };

  beforeAll(async () => {
    app = await createTestApp();
    ({ county, dept } = await buildCounty(app));
    const pub = app.publishing;
    const staffOf = async (u: Unit): Promise<Staff> => ({
      clerk: (await buildUser(app, u, ['clerk'])).ctx,
      confidentiality: (await buildUser(app, u, ['confidentiality_reviewer'])).ctx,
      reviewer: (await buildUser(app, u, ['reviewer'])).ctx,
    });
    const [sc, sd] = [await staffOf(county), await staffOf(dept)];
    columnId = (await pub.columns.listForUnit(dept.id)).find((c) => c.template_key === 'art20_11')!.id;
    ids.dibao = await publishDocument(pub, dept, sd, {
      title: '关于提高城乡低保标准的通知',
      docNumber: '张民发〔2025〕7号',
      columnIds: [String(columnId)],
    });
    app.clock.set(new Date('2025-04-01T02:00:00Z'));
    ids.village = await publishDocument(pub, county, sc, {
      title: '全面推进乡村振兴实施意见',
      genre: '意见',
      topicId: '5',
      docNumber: '张政办发〔2022〕14号',
      keywords: '乡村振兴',
      bodyHtml: '<p>实施乡村振兴战略，做好<script>alert(1)</script>农业工作。</p>',
    });
    app.clock.set(new Date('2026-03-02T02:00:00Z'));
    ids.tricky = await publishDocument(pub, dept, sd, {
      title: '关于<b>“特殊字符”</b> & 转义的通知',
      docNumber: '',
      columnIds: [String(columnId)],
    });
    ids.gone = await publishDocument(pub, dept, sd, {
      title: '已撤回的低保名单',
      columnIds: [String(columnId)],
    });
    await pub.review.withdraw(sd.reviewer, ids.gone, { reason: 'publishing_error' });
    ids.corrected = await publishDocument(pub, dept, sd, { title: '低保资金发放情况', docNumber: '' });
    const doc = (await pub.documentRepo.findById(ids.corrected))!;
    await pub.documents.correctPublished(
      sd.reviewer,
      ids.corrected,
      {
        title: doc.title,
        disclosureMode: 'proactive',
        bodyHtml: '<p>更正后的正文</p>',
        issuers: '测试县发展和改革局',
      },
      '更正发放金额',
    );
    server = await startTestServer(app);
  });
  afterAll(async () => {
    await server?.close();
    await app.destroy();
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    server.inject({ method: 'GET', url, headers });

  it('a unit’s 政府信息公开 index shows its column tree and latest documents', async () => {
    const res = await get(`/units/${dept.id}/disclosure`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('法定主动公开内容');
    expect(res.body).toContain(`/documents/${ids.dibao}`);
    expect(res.body).not.toContain(`/documents/${ids.gone}"`);
    expect(res.body).toContain('aria-label="当前位置"');
  });

  it('the 指南 is generated from the unit’s data and follows changes', async () => {
    const res = await get(`/units/${county.id}/guide`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('政府信息公开指南');
    expect(res.body).toContain('第十二条');
    expect(res.body).toContain('法定主动公开内容');
    await app.units.updateUnit(
      { actor: { kind: 'system', name: 't' }, meta: { ip: null, userAgent: null } },
      county.id,
      { kind: 'government', name: county.name, address: '测试县新华路 8 号', phone: '0745-8221234' },
    );
    const after = await get(`/units/${county.id}/guide`);
    expect(after.body).toContain('测试县新华路 8 号');
    expect(after.body).toContain('0745-8221234');
  });

  it('a column lists published documents, filters by year, topic and genre, and pages', async () => {
    const res = await get(`/columns/${columnId}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('关于提高城乡低保标准的通知');
    expect(res.body).not.toContain('已撤回的低保名单');
    expect((await get(`/columns/${columnId}?year=2019`)).body).not.toContain('关于提高城乡低保标准的通知');
    expect((await get(`/columns/${columnId}?genre=通知`)).body).toContain('关于提高城乡低保标准的通知');
    expect((await get(`/columns/${columnId}?genre=意见`)).body).toContain('暂无信息');
    expect((await get(`/columns/${columnId}?topic=1&year=x&page=-3`)).statusCode).toBe(200);
    expect((await get('/columns/999999')).statusCode).toBe(404);
  });

  it('a 外链 column redirects and the 指南 column leads to the generated guide', async () => {
    const link = await app.publishing.columns.createColumn(
      { actor: { kind: 'system', name: 't' }, meta: { ip: null, userAgent: null } },
      county.id,
      null,
      {
        name: '政务服务网',
        kind: 'link',
        updateCycle: 'as_needed',
        externalUrl: 'https://zwfw.example.gov.cn/',
      },
    );
    const res = await get(`/columns/${link.id}`);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('https://zwfw.example.gov.cn/');
    const guide = (await app.publishing.columns.listForUnit(county.id)).find(
      (c) => c.template_key === 'guide',
    )!;
    expect((await get(`/columns/${guide.id}`)).headers.location).toBe(`/units/${county.id}/guide`);
  });

  it('the document page has the standard metadata table, escaped text and a sanitised body', async () => {
    const res = await get(`/documents/${ids.village}`);
    expect(res.statusCode).toBe(200);
    for (const label of ['索引号', '主题分类', '发布机构', '成文日期', '标题', '发文字号', '发布日期'])
      expect(res.body).toContain(`<th scope="row">${label}</th>`);
    expect(res.body).toContain('张政办发〔2022〕14号');
    expect(res.body).not.toContain('<script>alert');
    const tricky = await get(`/documents/${ids.tricky}`);
    expect(tricky.body).toContain('关于&lt;b>“特殊字符”&lt;/b> &amp; 转义的通知');
    const print = await get(`/documents/${ids.village}/print`);
    expect(print.statusCode).toBe(200);
    expect(print.body).toContain('打印');
    expect(print.body).not.toContain('主导航');
  });

  it('a withdrawn document keeps its page with the 已撤回 notice, date and reason; a correction is dated', async () => {
    const res = await get(`/documents/${ids.gone}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('已撤回');
    expect(res.body).toContain('发布错误');
    expect(res.body).toContain('2026-03-02');
    const c = await get(`/documents/${ids.corrected}`);
    expect(c.body).toContain('更正说明');
    expect(c.body).toContain('2026-03-02：更正发放金额');
    expect((await get('/documents/999999')).statusCode).toBe(404);
  });

  it('feeds are valid, escaped Atom with id, updated and links; the sitemap lists documents', async () => {
    const col = await get(`/columns/${columnId}/feed.xml`);
    expect(col.statusCode).toBe(200);
    expect(col.headers['content-type']).toContain('application/atom+xml');
    expect(col.body).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/,
    );
    expect(col.body).toContain('<title>关于&lt;b&gt;“特殊字符”&lt;/b&gt; &amp; 转义的通知</title>');
    expect(col.body).toMatch(/<updated>\d{4}-\d\d-\d\dT/);
    expect(col.body).toMatch(new RegExp(`<id>http://localhost(:80)?/documents/${ids.dibao}</id>`));
    expect(col.body).not.toContain('已撤回的低保名单');
    expect(col.body.match(/<entry>/g)?.length).toBe(col.body.match(/<\/entry>/g)?.length);
    const unit = await get(`/units/${county.id}/feed.xml`);
    expect(unit.body).toContain(`/documents/${ids.village}`);
    expect(unit.body).toContain('rel="self"');
    const map = await get('/sitemap.xml');
    expect(map.body).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(map.body).toContain(`/documents/${ids.dibao}</loc>`);
    expect(map.body).toContain(`/units/${dept.id}/guide</loc>`);
    expect(map.body).not.toContain(`/documents/${ids.gone}</loc>`);
  });

  it('search: 2- and 4-character words, highlighted; withdrawn absent', async () => {
    const dibao = await get(`/search?q=${encodeURIComponent('低保')}`);
    expect(dibao.body).toContain(`/documents/${ids.dibao}`);
    expect(dibao.body).toContain('<mark>低保</mark>');
    expect(dibao.body).not.toContain(`/documents/${ids.gone}"`);
    const village = await get(`/search?q=${encodeURIComponent('乡村振兴')}`);
    expect(village.body).toContain(`/documents/${ids.village}`);
    expect(village.body).not.toContain('<script>alert');
  });

  it('search: a 发文字号 typed with any brackets finds its document', async () => {
    for (const q of [
      '张政办发〔2022〕14号',
      '张政办发[2022]14号',
      '张政办发（2022）14号',
      '张政办发(2022)14号',
    ])
      expect((await get(`/search?q=${encodeURIComponent(q)}`)).body).toContain(`/documents/${ids.village}"`);
  });

  it('search: every filter narrows, sort by date works, suggestions when nothing matches', async () => {
    const q = (s: string) => get(`/search?q=${encodeURIComponent('低保')}&${s}`).then((r) => r.body);
    const hit = `/documents/${ids.dibao}"`;
    expect(await q(`unit=${county.id}`)).toContain(hit);
    expect(await q(`unit=${dept.id}`)).toContain(hit);
    expect(await q(`column=${columnId}`)).toContain(hit);
    expect(await q('column=999999')).not.toContain(hit);
    expect(await q('topic=1')).toContain(hit);
    expect(await q('topic=2')).not.toContain(hit);
    expect(await q('genre=通知')).toContain(hit);
    expect(await q('genre=意见')).not.toContain(hit);
    expect(await q('year=2026')).toContain(hit);
    expect(await q('year=2020')).not.toContain(hit);
    expect(await q('sort=date')).toContain(hit);
    const none = await get(`/search?q=${encodeURIComponent('乡村振兴 火星')}`);
    expect(none.body).toContain('没有找到');
    expect(none.body).toContain('您可以试试');
    expect(none.body).toContain(`/search?q=${encodeURIComponent('乡村振兴')}`);
  });

  it('home page shows the latest information; units matching the query are listed too', async () => {
    const home = await get('/');
    expect(home.body).toContain('最新信息');
    expect(home.body).toContain(`/documents/${ids.tricky}`);
    const s = await get(`/search?q=${encodeURIComponent('发展和改革')}`);
    expect(s.body).toContain('相关机构');
  });

  it('public pages carry a weak ETag and public Cache-Control; If-None-Match gives 304; a session makes them private', async () => {
    const res = await get(`/documents/${ids.dibao}`);
    expect(res.headers.etag).toMatch(/^W\/"/);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    expect(res.headers.vary).toContain('Cookie');
    expect(res.headers['set-cookie']).toBeUndefined();
    const again = await get(`/documents/${ids.dibao}`, { 'if-none-match': String(res.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const feed = await get('/sitemap.xml');
    expect(feed.headers['cache-control']).toBe('public, max-age=60');
    const staff = await buildUser(app, county, ['disclosure_admin']);
    const b = new Browser(server);
    await b.login(staff.username, 'Test@2026pw');
    const mine = await b.get(`/documents/${ids.dibao}`);
    expect(mine.headers['cache-control']).toBe('private, max-age=60');
    expect(mine.body).toContain('工作台');
  });
});
