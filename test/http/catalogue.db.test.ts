import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/db/seeds/demo.ts';
import { DEMO_PASSWORD } from '../../src/db/seeds/demo-units.ts';
import { Browser, startTestServer } from '../support/http.ts';
import { createTestApp, ENGINE, type TestApp } from '../support/test-app.ts';

describe(`HTTP: catalogue on ${ENGINE}`, () => {
  let app: TestApp;
  let server: FastifyInstance;
  beforeAll(async () => {
    app = await createTestApp();
    await seedDemo(app, () => {}, { '*': false, reports: true });
    server = await startTestServer(app);
  });
  afterAll(async () => {
    await server.close();
    await app.destroy();
  });

  it('the 政务公开管理员 adds an item through the form; the public page shows it in the standard table', async () => {
    const b = new Browser(server);
    await b.login('gkadmin', DEMO_PASSWORD);
    const unit = (await app.unitRepo.findByName('县民政局'))!;
    const page = await b.get(`/admin/catalogue?unit=${unit.id}`);
    expect(page.statusCode).toBe(200);
    const form = new URLSearchParams([
      ['level1', '社会救助'],
      ['level2', '最低生活保障'],
      ['content', '低保对象名单（去标识化）'],
      ['publisher', '县民政局'],
      ['channels', '政府网站'],
      ['channels', '便民服务站'],
      ['audiences', '全社会'],
      ['ways', '主动'],
      ['levels', '县级'],
    ]);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    form.set('_csrf', token);
    const res = await server.inject({
      method: 'POST',
      url: `/admin/catalogue/${unit.id}/items`,
      payload: form.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: b.cookieHeader() },
    });
    expect(res.statusCode).toBe(303);
    const pub = await new Browser(server).get(`/units/${unit.id}/catalogue`);
    expect(pub.body).toContain('最低生活保障');
    expect(pub.body).toContain('政府网站、便民服务站');
    expect(pub.body).toContain(
      '<th scope="colgroup" colSpan="2">公开对象</th>'.replace('colSpan', 'colspan'),
    );
  });

  it('a rejected item keeps what was typed and names each field', async () => {
    const b = new Browser(server);
    await b.login('gkadmin', DEMO_PASSWORD);
    const unit = (await app.unitRepo.findByName('县民政局'))!;
    const res = await b.post(
      `/admin/catalogue/${unit.id}/items`,
      { level1: '社会救助', content: '' },
      { csrfFrom: `/admin/catalogue?unit=${unit.id}` },
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('href="#f-content"');
    expect(res.body).toContain('href="#f-channels"');
    expect(res.body).toContain('value="社会救助"');
  });

  it('refuses an import that is not a spreadsheet, naming the field, and a clerk may not manage the catalogue', async () => {
    const b = new Browser(server);
    await b.login('gkadmin', DEMO_PASSWORD);
    const unit = (await app.unitRepo.findByName('县民政局'))!;
    const first = await b.get(`/admin/catalogue?unit=${unit.id}`);
    const token = /name="_csrf" value="([^"]+)"/.exec(first.body)![1]!;
    const fd = new FormData();
    fd.append('_csrf', token);
    fd.append('file', new Blob([new Uint8Array(Buffer.from('not a spreadsheet'))]), '目录.xlsx');
    const r = new Response(fd);
    const res = await server.inject({
      method: 'POST',
      url: `/admin/catalogue/${unit.id}/import`,
      payload: Buffer.from(await r.arrayBuffer()),
      headers: { 'content-type': r.headers.get('content-type')!, cookie: b.cookieHeader() },
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('目录文件：“目录.xlsx”的内容与扩展名 .xlsx 不符');
    const clerk = new Browser(server);
    await clerk.login('clerk', DEMO_PASSWORD);
    expect((await clerk.get('/admin/catalogue')).statusCode).toBe(403);
  });
});
