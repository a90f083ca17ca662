/** HTTP: the open API — shapes, filters, cursor paging, OpenAPI paths, ETag/304. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/db/schema.ts';
import { OPENAPI_DOCUMENT } from '../../src/modules/publishing/api/api-openapi.ts';
import { buildCounty } from '../support/factories.ts';
import { startTestServer } from '../support/http.ts';
import { buildStaff, publishDocument, type Staff } from '../support/publishing.ts';
import { createTestApp, ENGINE, type TestApp } from '../support/test-app.ts';

describe(`HTTP: open API on ${ENGINE}`, () => {
  let app: TestApp;
  let server: FastifyInstance;
  let county: Unit;
  let dept: Unit;
  const published: number[] = [];
  let gone = 0;

  beforeAll(async () => {
    app = await createTestApp();
    ({ county, dept } = await buildCounty(app));
    const staff: Staff = await buildStaff(app, dept);
    for (let i = 1; i <= 7; i++) {
      app.clock.advance(60_000);
      published.push(
        await publishDocument(app.publishing, dept, staff, {
          title: `低保工作通知第${i}号`,
          docNumber: `张民发〔2025〕${i}号`,
        }),
      );
    }
    gone = published.pop()!;
    await app.publishing.review.withdraw(staff.reviewer, gone, { reason: 'expired' });
    server = await startTestServer(app);
  });
  afterAll(async () => {
    await server?.close();
    await app.destroy();
  });

  const json = async (url: string) => {
    const res = await server.inject({ method: 'GET', url });
    return { status: res.statusCode, body: res.json(), headers: res.headers };
  };

  it('lists published documents newest first with cursor paging, never a withdrawn one', async () => {
    const seen: number[] = [];
    let url = `/api/v1/documents?limit=4&unit=${county.id}`;
    for (;;) {
      const { status, body } = await json(url);
      expect(status).toBe(200);
      expect(body.total).toBe(6);
      seen.push(...body.data.map((d: { id: number }) => d.id));
      if (!body.nextCursor) break;
      url = `/api/v1/documents?limit=4&unit=${county.id}&cursor=${body.nextCursor}`;
    }
    expect(seen).toEqual([...published].reverse());
    expect(seen).not.toContain(gone);
    expect((await json('/api/v1/documents?cursor=garbage')).status).toBe(422);
  });

  it('searches with q and filters, including a 发文字号 with other brackets', async () => {
    const r = await json(`/api/v1/documents?q=${encodeURIComponent('张民发(2025)3号')}`);
    expect(r.body.data.map((d: { id: number }) => d.id)).toEqual([published[2]]);
    const first = r.body.data[0];
    expect(Object.keys(first).sort()).toEqual(
      Object.keys(OPENAPI_DOCUMENT.components.schemas.DocumentSummary.properties).sort(),
    );
    expect((await json(`/api/v1/documents?q=${encodeURIComponent('低保')}&genre=意见`)).body.total).toBe(0);
    expect((await json(`/api/v1/documents?q=${encodeURIComponent('低保')}&year=2026`)).body.total).toBe(6);
  });

  it('finds a word inside a longer word and the full name of an abbreviation (search recall)', async () => {
    // The default body says 农村低保 and the summary 农村最低生活保障工作 (test/support/publishing.ts).
    for (const q of ['生活保障', '最低生活保障', '工作通知', '低保工作'])
      expect((await json(`/api/v1/documents?q=${encodeURIComponent(q)}`)).body.total, q).toBe(6);
    expect((await json(`/api/v1/documents?q=${encodeURIComponent('城市低保')}`)).body.total).toBe(0);
  });

  it('a document answers with its full shape; a withdrawn one carries its withdrawal', async () => {
    const { status, body } = await json(`/api/v1/documents/${published[0]}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: published[0],
      state: 'published',
      withdrawal: null,
      docNumber: '张民发〔2025〕1号',
    });
    expect(Array.isArray(body.issuers)).toBe(true);
    const w = await json(`/api/v1/documents/${gone}`);
    expect(w.body.withdrawal.reason).toBe('expired');
    const missing = await json('/api/v1/documents/99999');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
  });

  it('units, columns and catalogue answer; a missing unit is 404', async () => {
    const units = await json('/api/v1/units');
    expect(units.body.data.map((u: { name: string }) => u.name)).toContain('测试县发展和改革局');
    const cols = await json(`/api/v1/columns?unit=${dept.id}`);
    expect(cols.body.data.some((c: { templateKey: string }) => c.templateKey === 'guide')).toBe(true);
    expect((await json(`/api/v1/catalogue?unit=${dept.id}`)).body.data).toEqual([]);
    expect((await json('/api/v1/columns?unit=99999')).status).toBe(404);
    expect((await json('/api/v1/catalogue')).status).toBe(404);
  });

  it('every path in /api/openapi.json answers 200 with the documented top-level fields', async () => {
    const spec = (await json('/api/openapi.json')).body;
    expect(spec.openapi).toBe('3.1.0');
    const samples: Record<string, string> = {
      '/api/v1/documents': '/api/v1/documents',
      '/api/v1/documents/{id}': `/api/v1/documents/${published[0]}`,
      '/api/v1/columns': `/api/v1/columns?unit=${dept.id}`,
      '/api/v1/units': '/api/v1/units',
      '/api/v1/catalogue': `/api/v1/catalogue?unit=${dept.id}`,
    };
    // Other modules add their own paths (contributeOpenApi) and test them; these are 主动公开's.
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(Object.keys(samples)));
    for (const [path, url] of Object.entries(samples)) {
      const res = await json(url);
      expect(res.status, path).toBe(200);
      const schema = spec.paths[path].get.responses['200'].content['application/json'].schema;
      const resolved = schema.$ref ? spec.components.schemas[schema.$ref.split('/').pop()] : schema;
      const required: string[] =
        resolved.required ??
        resolved.allOf?.flatMap((s: { $ref?: string; required?: string[] }) =>
          s.$ref ? spec.components.schemas[s.$ref.split('/').pop()!].required : (s.required ?? []),
        );
      for (const key of required) expect(res.body, `${path} ${key}`).toHaveProperty(key);
    }
  });

  it('responses carry a weak ETag and public Cache-Control; If-None-Match gives 304', async () => {
    const first = await server.inject({ method: 'GET', url: '/api/v1/units' });
    expect(first.headers.etag).toMatch(/^W\/"/);
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    const again = await server.inject({
      method: 'GET',
      url: '/api/v1/units',
      headers: { 'if-none-match': String(first.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
  });
});
