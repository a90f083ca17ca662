/** HTTP: the public 规范性文件库 — pages, filters, the document panel, Atom feeds, the API and OpenAPI. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/db/schema.ts';
import { POLICY_OPENAPI } from '../../src/modules/policies/library-api.ts';
import { buildCounty } from '../support/factories.ts';
import { startTestServer } from '../support/http.ts';
import { publishPolicy, recordEvent } from '../support/library-entries.ts';
import { buildStaff, publishDocument } from '../support/publishing.ts';
import { createTestApp, ENGINE, type TestApp } from '../support/test-app.ts';

describe(`HTTP: public library on ${ENGINE}`, () => {
  let app: TestApp;
  let server: FastifyInstance;
  let county: Unit;
  let dept: Unit;
  const ids = { a: 0, b: 0, c: 0, gone: 0, plain: 0 };

  beforeAll(async () => {
    app = await createTestApp(); // today is 2026-03-02
    ({ county, dept } = await buildCounty(app));
    const cs = await buildStaff(app, county);
    const ds = await buildStaff(app, dept);
    ids.a = await publishPolicy(app, county, cs, {
      title: '关于<b>就业</b> & 创业的若干措施',
      docNumber: '张政规〔2024〕1号',
      registrationNumber: 'HHCR-2024-01001',
      publishedOn: '2024-01-10',
      effectiveOn: '2024-02-01',
      expiresOn: '2029-01-31',
      expirySource: 'rule',
    });
    await recordEvent(app, ids.a, {
      type: 'amended',
      occursOn: '2025-06-01',
      sourceTitle: '关于修改就业措施的决定',
      sourceDocNumber: '张政规〔2025〕3号',
    });
    ids.c = await publishPolicy(app, dept, ds, {
      title: '关于废止部分规范性文件的决定',
      docNumber: '张发改规〔2025〕9号',
      publishedOn: '2025-11-20',
      effectiveOn: '2025-11-20',
    });
    ids.b = await publishPolicy(app, dept, ds, {
      kind: 'regulation',
      title: '价格监测工作规定',
      docNumber: '张发改规〔2025〕2号',
      publishedOn: '2025-03-01',
      effectiveOn: '2025-03-01',
    });
    await recordEvent(app, ids.b, { type: 'repealed', occursOn: '2025-12-01', sourceDocumentId: ids.c });
    ids.gone = await publishPolicy(app, dept, ds, { title: '已撤回的规定', publishedOn: '2025-01-01' });
    await app.publishing.review.withdraw(ds.reviewer, ids.gone, { reason: 'expired' });
    ids.plain = await publishDocument(app.publishing, dept, ds, { title: '普通通知' });
    server = await startTestServer(app);
  });
  afterAll(async () => {
    await server?.close();
    await app?.destroy();
  });

  const get = (url: string) => server.inject({ method: 'GET', url });
  const enc = encodeURIComponent;

  it('/library lists every unit’s published entries with their state, counts and the feed link', async () => {
    const res = await get('/library');
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain(`href="/documents/${ids.a}"`);
    expect(html).toContain('关于&lt;b>就业&lt;/b> &amp; 创业的若干措施');
    expect(html).toContain(`href="/documents/${ids.b}"`);
    expect(html).not.toContain('已撤回的规定');
    expect(html).not.toContain('普通通知');
    expect(html).toContain('HHCR-2024-01001');
    expect(html).toContain('已废止');
    expect(html).toContain('已修改');
    expect(html).toMatch(/共 3 件（现行有效 1 件，已修改 1 件，已废止 1 件）/);
    expect(html).toContain('rel="alternate" type="application/atom+xml"');
    expect(html).toContain('href="/library/feed.xml"');
  });

  it('a unit’s library holds the unit and its departments; a department only its own', async () => {
    const c = await get(`/units/${county.id}/library`);
    expect(c.statusCode).toBe(200);
    expect(c.body).toContain(`href="/documents/${ids.b}"`);
    expect(c.body).toContain(`href="/documents/${ids.a}"`);
    const d = await get(`/units/${dept.id}/library`);
    expect(d.body).toContain(`href="/documents/${ids.b}"`);
    expect(d.body).not.toContain(`href="/documents/${ids.a}"`);
    expect((await get('/units/999999/library')).statusCode).toBe(404);
    const index = await get(`/units/${county.id}/disclosure`);
    expect(index.body).toContain(`href="/units/${county.id}/library"`);
  });

  it('filters by kind, state, 文号 and 在某日有效, keeping the filters in the kind switch', async () => {
    const reg = await get('/library?kind=regulation');
    expect(reg.body).toContain(`href="/documents/${ids.b}"`);
    expect(reg.body).not.toContain(`href="/documents/${ids.a}"`);
    expect(reg.body).toContain('<h1>规章库</h1>');
    const st = await get('/library?state=repealed');
    expect(st.body).toContain(`href="/documents/${ids.b}"`);
    expect(st.body).not.toContain(`href="/documents/${ids.c}"`);
    const dn = await get(`/library?docNumber=${enc('张政规[2024]1号')}`);
    expect(dn.body).toContain(`href="/documents/${ids.a}"`);
    expect(dn.body).not.toContain(`href="/documents/${ids.b}"`);
    const on = await get('/library?asOf=2025-04-01&state=in_force');
    expect(on.body).toContain(`href="/documents/${ids.a}"`);
    expect(on.body).toContain(`href="/documents/${ids.b}"`);
    expect(on.body).not.toContain(`href="/documents/${ids.c}"`);
    expect(on.body).toContain('2025-04-01 有效的文件');
    expect(on.body).toContain('href="/library?kind=normative&amp;state=in_force&amp;asOf=2025-04-01"');
  });

  it('a bad filter value gets a message naming the field, is ignored and kept in the form', async () => {
    const res = await get(`/library?asOf=2026-13-01&year=${enc('二〇二五')}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('以下 2 项筛选条件有误，已忽略');
    expect(res.body).toContain('在某日有效：应为有效日期，例如 2026-03-02');
    expect(res.body).toContain('年份：应为四位年份');
    expect(res.body).toContain('value="2026-13-01"');
    expect(res.body).toContain('value="二〇二五"');
    expect(res.body).toContain('aria-describedby="f-asOf-hint f-asOf-error"');
    expect(res.body).toContain(`href="/documents/${ids.a}"`);
    const outside = await get(`/units/${dept.id}/library?unit=${county.id}`);
    expect(outside.body).toContain('单位：不在本文件库的范围内');
    expect(outside.body).toContain('id="f-unit"');
    expect(outside.body).toContain(`href="/documents/${ids.b}"`);
    expect(outside.body).not.toContain(`href="/documents/${ids.a}"`);
  });

  it('the document page of a library kind shows the validity panel with its history and sources', async () => {
    const b = await get(`/documents/${ids.b}`);
    expect(b.statusCode).toBe(200);
    expect(b.body).toContain('文件库信息');
    expect(b.body).toContain('已废止（有据可查，自 2025-12-01 起）');
    expect(b.body).toMatch(
      new RegExp(
        `2025-12-01</time> 废止（依据：<a href="/documents/${ids.c}">关于废止部分规范性文件的决定</a>）`,
      ),
    );
    expect(b.body).toContain(`href="/library/documents/${ids.b}.docx"`);
    expect(b.body).toContain(`href="/library/documents/${ids.b}.pdf"`);
    expect(b.body).toContain(`href="/units/${dept.id}/library?kind=regulation"`);
    const a = await get(`/documents/${ids.a}`);
    expect(a.body).toContain('《关于修改就业措施的决定》张政规〔2025〕3号');
    expect(a.body).toContain('2029-01-31（按本地规定推定）');
    expect(a.body).toContain('HHCR-2024-01001');
    const plain = await get(`/documents/${ids.plain}`);
    expect(plain.body).not.toContain('文件库信息');
  });

  it('the Atom feeds list new entries and validity changes, escaped, never a withdrawn one', async () => {
    const res = await get('/library/feed.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/atom+xml');
    const xml = res.body;
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/,
    );
    expect(xml).toContain('<title>关于&lt;b&gt;就业&lt;/b&gt; &amp; 创业的若干措施</title>');
    expect(xml).toContain('<title>废止：价格监测工作规定</title>');
    expect(xml).toMatch(new RegExp(`<id>http://localhost(:80)?/documents/${ids.b}#validity-event-\\d+</id>`));
    expect(xml).not.toContain('已撤回的规定');
    expect(xml.match(/<entry>/g)?.length).toBe(xml.match(/<\/entry>/g)?.length);
    expect(xml).not.toMatch(/<[^>]*[<]/); // no raw '<' inside a tag
    const unit = await get(`/units/${dept.id}/library/feed.xml`);
    expect(unit.body).toContain(`/documents/${ids.b}`);
    expect(unit.body).not.toContain(`/documents/${ids.a}<`);
  });

  it('GET /api/v1/policies answers the documented shape, filters and pages', async () => {
    const res = await get('/api/v1/policies?pageSize=2');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(body.data).toHaveLength(2);
    expect(Object.keys(body.data[0]).sort()).toEqual(
      Object.keys(POLICY_OPENAPI.schemas.Policy.properties).sort(),
    );
    const page2 = (await get('/api/v1/policies?pageSize=2&page=2')).json();
    expect(page2.data.map((d: { id: number }) => d.id)).toEqual([ids.a]);
    expect(page2.data[0]).toMatchObject({
      kind: 'normative',
      docNumber: '张政规〔2024〕1号',
      registrationNumber: 'HHCR-2024-01001',
      publishedOn: '2024-01-10',
      effectiveOn: '2024-02-01',
      expiresOn: '2029-01-31',
      expirySource: 'rule',
      state: 'amended',
      certainty: 'official',
      stateSince: '2025-06-01',
      url: `/documents/${ids.a}`,
    });
    const reg = (await get(`/api/v1/policies?kind=regulation&unit=${dept.id}`)).json();
    expect(reg.data.map((d: { id: number }) => d.id)).toEqual([ids.b]);
    const on = (await get('/api/v1/policies?asOf=2026-01-01')).json();
    expect(on.data.map((d: { id: number }) => d.id)).toEqual([ids.c, ids.a]);
  });

  it('API errors are JSON naming the field; an entry answers with its history', async () => {
    const big = await get('/api/v1/policies?pageSize=101');
    expect(big.statusCode).toBe(422);
    expect(big.json().error.problems).toEqual([expect.objectContaining({ field: 'pageSize' })]);
    const bad = await get('/api/v1/policies?asOf=2026-13-01');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.problems[0].field).toBe('asOf');
    const one = await get(`/api/v1/policies/${ids.b}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({
      id: ids.b,
      state: 'repealed',
      history: [
        {
          type: 'repealed',
          occursOn: '2025-12-01',
          source: { documentId: ids.c, url: `/documents/${ids.c}`, title: '关于废止部分规范性文件的决定' },
        },
      ],
    });
    const named = (await get(`/api/v1/policies/${ids.a}`)).json();
    expect(named.history[0].source).toMatchObject({ documentId: null, docNumber: '张政规〔2025〕3号' });
    expect((await get(`/api/v1/policies/${ids.gone}`)).statusCode).toBe(404);
    expect((await get(`/api/v1/policies/${ids.plain}`)).json().error).toBeDefined();
  });

  it('OpenAPI lists the library paths and schemas next to the built-in ones', async () => {
    const doc = (await get('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/documents', '/api/v1/policies', '/api/v1/policies/{id}']),
    );
    expect(doc.components.schemas).toHaveProperty('Policy');
    expect(doc.components.schemas).toHaveProperty('PolicyEvent');
    expect(doc.components.schemas).toHaveProperty('DocumentSummary');
    const samples = {
      '/api/v1/policies': '/api/v1/policies',
      '/api/v1/policies/{id}': `/api/v1/policies/${ids.b}`,
    };
    for (const [path, url] of Object.entries(samples)) {
      const res = await get(url);
      expect(res.statusCode, path).toBe(200);
      const schema = doc.paths[path].get.responses['200'].content['application/json'].schema;
      const parts: { $ref?: string; required?: string[] }[] = schema.allOf ?? [schema];
      const required = parts.flatMap((s) =>
        s.$ref ? doc.components.schemas[s.$ref.split('/').pop()!].required : (s.required ?? []),
      );
      expect(required.length).toBeGreaterThan(3);
      for (const key of required) expect(res.json(), `${path} ${key}`).toHaveProperty(key);
    }
    const params = doc.paths['/api/v1/policies'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(
      expect.arrayContaining([
        'kind',
        'state',
        'issuer',
        'year',
        'topic',
        'docNumber',
        'unit',
        'asOf',
        'page',
        'pageSize',
      ]),
    );
  });
});
