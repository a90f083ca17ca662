/**
 * HTTP: the in-process cache of rendered anonymous public pages (public-page-cache.ts). Pages are
 * served from memory until an audited change (publish, withdraw, correction, column edits — in this
 * process or another one on the same database); 长者模式 and logged-in variants never mix.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { openDatabase } from '../../src/db/database.ts';
import type { Unit } from '../../src/db/schema.ts';
import { buildCounty, buildUser } from '../support/factories.ts';
import { Browser, startTestServer } from '../support/http.ts';
import { buildStaff, publishDocument, type Staff } from '../support/publishing.ts';
import { createTestApp, ENGINE, quietLogger, type TestApp } from '../support/test-app.ts';

describe(`HTTP: cache of anonymous public pages on ${ENGINE}`, () => {
  let app: TestApp;
  let server: FastifyInstance;
  let dept: Unit;
  let staff: Staff;
  let columnId: number;
  let docId: number;

  beforeAll(async () => {
    app = await createTestApp();
    ({ dept } = await buildCounty(app));
    staff = await buildStaff(app, dept);
    columnId = (await app.publishing.columns.listForUnit(dept.id)).find(
      (c) => c.template_key === 'art20_11',
    )!.id;
    docId = await publishDocument(app.publishing, dept, staff, {
      title: '关于缓存测试的通知',
      docNumber: '',
      columnIds: [String(columnId)],
    });
    server = await startTestServer(app);
  });
  afterAll(async () => {
    await server?.close();
    await app.destroy();
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    server.inject({ method: 'GET', url, headers });
  /** A change the cache cannot see: straight SQL, no audit event. */
  const retitleWithoutAudit = (id: number, title: string) =>
    app.database.db.updateTable('documents').set({ title }).where('id', '=', id).execute();

  it('serves an anonymous page from memory until a correction, then renders it afresh', async () => {
    const first = await get(`/documents/${docId}`);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('关于缓存测试的通知');
    await retitleWithoutAudit(docId, '未经审计的标题');
    const cached = await get(`/documents/${docId}`);
    expect(cached.body).toBe(first.body);
    expect(cached.headers.etag).toBe(first.headers.etag);
    expect(cached.headers['cache-control']).toBe('public, max-age=60');
    expect(cached.headers['set-cookie']).toBeUndefined();

    await app.publishing.documents.correctPublished(
      staff.reviewer,
      docId,
      { title: '关于缓存测试的通知（更正）', disclosureMode: 'proactive', bodyHtml: '<p>更正后的正文</p>' },
      '更正标题',
    );
    const after = await get(`/documents/${docId}`);
    expect(after.body).toContain('关于缓存测试的通知（更正）');
    expect(after.body).toContain('更正标题');
    expect(after.headers.etag).not.toBe(first.headers.etag);
  });

  it('answers If-None-Match from the cache with 304', async () => {
    const page = await get(`/documents/${docId}`);
    const again = await get(`/documents/${docId}`, { 'if-none-match': String(page.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(page.headers.etag);
  });

  it('shows a new publication on the home page and the column list at once', async () => {
    const [home, list] = [await get('/'), await get(`/columns/${columnId}`)];
    expect(home.statusCode).toBe(200);
    expect(list.body).not.toContain('新发布的缓存测试公告');
    const id = await publishDocument(app.publishing, dept, staff, {
      title: '新发布的缓存测试公告',
      docNumber: '',
      columnIds: [String(columnId)],
    });
    expect((await get('/')).body).toContain(`/documents/${id}`);
    expect((await get(`/columns/${columnId}`)).body).toContain('新发布的缓存测试公告');
    expect((await get(`/units/${dept.id}/feed.xml`)).body).toContain('新发布的缓存测试公告');
  });

  it('shows the withdrawal notice at once', async () => {
    const id = await publishDocument(app.publishing, dept, staff, { title: '将被撤回的通知', docNumber: '' });
    expect((await get(`/documents/${id}`)).body).not.toContain('已撤回');
    await app.publishing.review.withdraw(staff.reviewer, id, { reason: 'publishing_error' });
    expect((await get(`/documents/${id}`)).body).toContain('已撤回');
  });

  it('shows a renamed column at once', async () => {
    const admin = await buildUser(app, dept, ['disclosure_admin']);
    const column = await app.publishing.columns.get(columnId);
    expect((await get(`/columns/${columnId}`)).body).toContain(column.name);
    await app.publishing.columns.updateColumn(admin.ctx, columnId, {
      name: '缓存测试改名栏目',
      kind: column.kind,
      updateCycle: column.update_cycle,
    });
    expect((await get(`/columns/${columnId}`)).body).toContain('缓存测试改名栏目');
  });

  it('sees a change made by another process on the same database', async () => {
    const before = await get(`/documents/${docId}`);
    // A second App on the same database stands for a second `gongkai serve` process.
    const database = openDatabase({ url: app.url, poolMax: 2, onIdleError: () => {} });
    const other = createApp(app.config, { clock: app.clock, log: quietLogger, database });
    try {
      await other.publishing.review.withdraw(staff.reviewer, docId, { reason: 'publishing_error' });
    } finally {
      await other.close();
    }
    const after = await get(`/documents/${docId}`);
    expect(before.body).not.toContain('已撤回');
    expect(after.body).toContain('已撤回');
  });

  it('keeps the 长者模式 variant apart from the standard page', async () => {
    const id = await publishDocument(app.publishing, dept, staff, { title: '长者模式缓存', docNumber: '' });
    const standard = await get(`/documents/${id}`);
    const elder = await get(`/documents/${id}`, { cookie: 'gk_elder=1' });
    const standardAgain = await get(`/documents/${id}`);
    expect(standard.body).not.toContain('class="elder"');
    expect(elder.body).toContain('class="elder"');
    expect(elder.body).toContain('退出长者模式');
    expect(standardAgain.body).toBe(standard.body);
    expect((await get(`/documents/${id}`, { cookie: 'gk_elder=1' })).body).toBe(elder.body);
  });

  it("never serves a logged-in editor's page to the public, nor a cached public page to an editor", async () => {
    const id = await publishDocument(app.publishing, dept, staff, { title: '登录与匿名缓存', docNumber: '' });
    const user = await buildUser(app, dept, ['disclosure_admin']);
    const editor = new Browser(server);
    await editor.login(user.username, 'Test@2026pw');
    const editorFirst = await editor.get(`/documents/${id}`);
    expect(editorFirst.body).toContain('工作台');
    expect(editorFirst.headers['cache-control']).toBe('private, max-age=60');
    const anonymous = await get(`/documents/${id}`);
    expect(anonymous.body).not.toContain('工作台');
    expect(anonymous.body).toContain('工作人员登录');
    expect(anonymous.headers['cache-control']).toBe('public, max-age=60');
    const editorAgain = await editor.get(`/documents/${id}`);
    expect(editorAgain.body).toContain('工作台');
    expect(editorAgain.body).not.toContain('工作人员登录');
  });
});
