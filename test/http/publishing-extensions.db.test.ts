/** HTTP: what document kinds and typed relations add to the back office and the public document page. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { seedDemo } from '../../src/db/seeds/demo.ts';
import { DEMO_PASSWORD } from '../../src/db/seeds/demo-units.ts';
import { requiredText } from '../../src/lib/validation.ts';
import { SYSTEM } from '../support/factories.ts';
import { Browser, startTestServer } from '../support/http.ts';
import { documentInput } from '../support/publishing.ts';
import { createTestApp, ENGINE, type TestApp } from '../support/test-app.ts';

describe(`HTTP: publishing extension points on ${ENGINE}`, () => {
  let app: TestApp;
  let server: FastifyInstance;
  let unitId: number;
  let defaultColumn: number;
  const users: Record<string, Browser> = {};

  /** A multipart POST of the document form, with the CSRF token of the form page. */
  async function postForm(b: Browser, url: string, fields: Record<string, string>) {
    const fd = new FormData();
    fd.append('_csrf', await b.csrf('/admin/documents'));
    for (const [k, v] of Object.entries(fields)) fd.append(k, v);
    const r = new Response(fd);
    return server.inject({
      method: 'POST',
      url,
      payload: Buffer.from(await r.arrayBuffer()),
      headers: { 'content-type': r.headers.get('content-type')!, cookie: b.cookieHeader() },
    });
  }
  const published = async (title: string) => {
    const draft = await app.publishing.documents.createDraft(SYSTEM, unitId, documentInput({ title }));
    await app.publishing.review.forcePublish(SYSTEM, draft.id, '测试');
    return draft.id;
  };

  beforeAll(async () => {
    app = await createTestApp();
    await seedDemo(app, () => {}, { '*': false, requests: true, reports: true });
    app.publishing.kinds.register({
      key: 'sample_normative',
      label: '规范性文件',
      metadataSchema: z.object({ organ: requiredText('制定机关', 100) }),
      fields: [{ name: 'organ', label: '制定机关', type: 'text', required: true, hint: '例如 县人民政府' }],
      listColumns: [{ header: '制定机关', value: (m) => String(m.organ ?? '') || null }],
      defaultColumns: ['art20_01'],
    });
    server = await startTestServer(app);
    unitId = (await app.unitRepo.findByName('县发展和改革局'))!.id;
    defaultColumn = (await app.publishing.columns.listForUnit(unitId)).find(
      (c) => c.template_key === 'art20_01',
    )!.id;
    for (const name of ['clerk', 'reviewer']) {
      users[name] = new Browser(server);
      expect((await users[name].login(name, DEMO_PASSWORD)).statusCode).toBe(303);
    }
  });
  afterAll(async () => {
    await server?.close();
    await app?.destroy();
  });

  it('offers a 新建 button per kind; the kind’s form has its fields and its default column checked', async () => {
    const list = await users.clerk!.get(`/admin/documents?unit=${unitId}`);
    expect(list.body).toContain(`href="/admin/documents/new?unit=${unitId}&amp;kind=sample_normative"`);
    expect(list.body).toContain('<th scope="col">类型</th>');
    const plain = await users.clerk!.get(`/admin/documents/new?unit=${unitId}`);
    expect(plain.body).not.toContain('name="meta.');
    expect(plain.body).not.toContain('name="kind"');
    const form = await users.clerk!.get(`/admin/documents/new?unit=${unitId}&kind=sample_normative`);
    expect(form.body).toContain('<legend>规范性文件信息</legend>');
    expect(form.body).toContain('name="meta.organ"');
    expect(form.body).toContain('<input type="hidden" name="kind" value="sample_normative"/>');
    expect(form.body).toMatch(new RegExp(`value="${defaultColumn}"[^>]*checked`));
  });

  it('names a missing kind field in Chinese and keeps what was typed; saved, the list shows its column', async () => {
    const fields = {
      unitId: String(unitId),
      kind: 'sample_normative',
      title: '关于印发项目管理办法的通知',
      disclosureMode: 'proactive',
    };
    const bad = await postForm(users.clerk!, '/admin/documents/new', { ...fields, 'meta.organ': '' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('href="#f-meta.organ"');
    expect(bad.body).toContain('请填写制定机关');
    expect(bad.body).toContain('value="关于印发项目管理办法的通知"');
    expect(bad.body).toContain('<legend>规范性文件信息</legend>');
    const ok = await postForm(users.clerk!, '/admin/documents/new', {
      ...fields,
      'meta.organ': '县发展和改革局',
    });
    expect(ok.statusCode, ok.body.slice(0, 1000)).toBe(303);
    const id = Number(/\/admin\/documents\/(\d+)/.exec(ok.headers.location as string)![1]);
    expect(await app.publishing.documentRepo.columnIds(id)).toEqual([defaultColumn]);
    const page = await users.clerk!.get(`/admin/documents/${id}`);
    expect(page.body).toContain('<dt>信息类型</dt><dd>规范性文件</dd>');
    expect(page.body).toContain('<dt>制定机关</dt><dd>县发展和改革局</dd>');
    const edit = await users.clerk!.get(`/admin/documents/${id}/edit`);
    expect(edit.body).toContain('value="县发展和改革局"');
    const list = await users.clerk!.get(`/admin/documents?unit=${unitId}`);
    expect(list.body).toContain('<th scope="col">制定机关</th>');
    expect(list.body).toContain('<td>县发展和改革局</td>');
  });

  it('adds a 解读 on the admin page and shows both directions on the public pages', async () => {
    const policy = await published('关于印发养老服务补贴办法的通知');
    const reading = await published('一图读懂养老服务补贴办法');
    const from = `/admin/documents/${reading}`;
    const admin = await users.clerk!.get(from);
    expect(admin.body).toContain('<h2 id="relations">关联信息</h2>');
    expect(admin.body).toContain('尚无关联信息。');
    const self = await users.clerk!.post(
      `${from}/relations`,
      { type: 'interpretation_of', toId: String(reading) },
      { csrfFrom: from },
    );
    expect(self.statusCode).toBe(422);
    expect(self.body).toContain('不能关联信息本身');
    const ok = await users.clerk!.post(
      `${from}/relations`,
      { type: 'interpretation_of', toId: String(policy) },
      { csrfFrom: from },
    );
    expect(ok.statusCode).toBe(303);
    expect((await users.clerk!.get(`/admin/documents/${policy}`)).body).toContain('本文件的解读');
    const policyPage = await users.clerk!.get(`/documents/${policy}`);
    expect(policyPage.body).toContain('本文件的解读');
    expect(policyPage.body).toContain(`<a href="/documents/${reading}">一图读懂养老服务补贴办法</a>`);
    const readingPage = await new Browser(server).get(`/documents/${reading}`);
    expect(readingPage.body).toContain('解读的文件');
    expect(readingPage.body).toContain(`<a href="/documents/${policy}">关于印发养老服务补贴办法的通知</a>`);
    const [relation] = (await app.publishing.relations.publicRelationsOf(reading)).outgoing;
    const removed = await users.reviewer!.post(
      `${from}/relations/${relation!.id}/remove`,
      {},
      { csrfFrom: from },
    );
    expect(removed.statusCode).toBe(303);
    expect((await new Browser(server).get(`/documents/${policy}`)).body).not.toContain('本文件的解读');
  });
});
