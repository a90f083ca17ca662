/** HTTP: removing attachments from drafts, 变更有效性 of a published document, and 有效性 on the public page and API. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, startTestServer } from '../../../../test/support/http.ts';
import { documentInput } from '../../../../test/support/publishing.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../../test/support/test-app.ts';
import { seedDemo } from '../../../db/seeds/demo.ts';
import { DEMO_PASSWORD } from '../../../db/seeds/demo-units.ts';
import type { CallContext } from '../../../lib/actor.ts';

const pdf = (s: string) => Buffer.from(`%PDF-1.4\n% ${s}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);

describe(`HTTP: attachments and 有效性 on ${ENGINE}`, () => {
  let app: TestApp;
  let server: FastifyInstance;
  let unitId: number;
  const users: Record<string, Browser> = {};
  const ctx: Record<string, CallContext> = {};

  const publish = async (over: Record<string, unknown> = {}) => {
    const pub = app.publishing;
    const d = await pub.documents.createDraft(ctx.clerk!, unitId, documentInput(over));
    const att = await pub.documents.addAttachment(ctx.clerk!, d.id, '附件.pdf', pdf(String(d.id)));
    await pub.review.submit(ctx.clerk!, d.id);
    await pub.review.reviewConfidentiality(ctx.secrecy!, d.id, { conclusion: 'disclose' });
    await pub.review.approve(ctx.reviewer!, d.id);
    return { id: d.id, att };
  };

  beforeAll(async () => {
    app = await createTestApp();
    await seedDemo(app, () => {}, { '*': false, requests: true, policies: true, reports: true });
    server = await startTestServer(app);
    unitId = (await app.unitRepo.findByName('县发展和改革局'))!.id;
    for (const name of ['clerk', 'secrecy', 'reviewer']) {
      users[name] = new Browser(server);
      expect((await users[name].login(name, DEMO_PASSWORD)).statusCode).toBe(303);
      const user = (await app.accounts.findUserByUsername(name))!;
      ctx[name] = {
        actor: await app.auth.buildActor(user.id),
        meta: { ip: '127.0.0.1', userAgent: 'vitest' },
      };
    }
  });
  afterAll(async () => {
    await server?.close();
    await app?.destroy();
  });

  it('the document form has the 有效性 fieldset and keeps what was typed when the dates do not fit', async () => {
    const form = await users.clerk!.get(`/admin/documents/new?unit=${unitId}`);
    expect(form.body).toContain('<legend>有效性（规范性文件等需标注时填写）</legend>');
    expect(form.body).toContain('<option value>（不标注）</option><option value="valid">有效</option>');
    const fd = new FormData();
    fd.append('_csrf', await users.clerk!.csrf(`/admin/documents/new?unit=${unitId}`));
    const fields = {
      ...documentInput({ validity: 'repealed', effectiveOn: '2026-03-01', repealedOn: '2026-02-01' }),
      unitId: String(unitId),
    };
    for (const [k, v] of Object.entries(fields)) fd.append(k, String(v));
    const body = new Response(fd);
    const res = await server.inject({
      method: 'POST',
      url: '/admin/documents/new',
      payload: Buffer.from(await body.arrayBuffer()),
      headers: { 'content-type': body.headers.get('content-type')!, cookie: users.clerk!.cookieHeader() },
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('废止日期不能早于施行日期');
    expect(res.body).toContain('href="#f-repealedOn"');
    expect(res.body).toMatch(/<option value="repealed" selected[^>]*>废止<\/option>/);
    expect(res.body).toContain('value="2026-02-01"');
  });

  it('an editor removes an attachment from a draft with a CSRF-protected POST', async () => {
    const d = await app.publishing.documents.createDraft(ctx.clerk!, unitId, documentInput());
    const keep = await app.publishing.documents.addAttachment(ctx.clerk!, d.id, '保留.pdf', pdf('keep'));
    const drop = await app.publishing.documents.addAttachment(ctx.clerk!, d.id, '删除.pdf', pdf('drop'));
    const page = await users.clerk!.get(`/admin/documents/${d.id}`);
    const action = `/admin/documents/${d.id}/attachments/${drop}/remove`;
    expect(page.body).toContain(`action="${action}"`);
    expect(page.body).toContain('删除附件“删除.pdf”');

    expect((await users.clerk!.post(action, {}, { csrf: null })).statusCode).toBe(403);
    expect((await users.secrecy!.post(action, {}, { csrfFrom: `/admin/documents/${d.id}` })).statusCode).toBe(
      403,
    );
    const res = await users.clerk!.post(action, {}, { csrfFrom: `/admin/documents/${d.id}` });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/admin/documents/${d.id}?done=attachment_removed`);
    expect((await app.publishing.documentRepo.attachments(d.id)).map((a) => a.id)).toEqual([keep]);
    expect((await users.clerk!.get(res.headers.location as string)).body).toContain('附件已删除。');
  });

  it('a published document keeps its attachments: no button, and a POST is refused with the reason', async () => {
    const { id, att } = await publish({ title: '已发布带附件的信息' });
    const page = await users.reviewer!.get(`/admin/documents/${id}`);
    expect(page.body).not.toContain('/remove"');
    const res = await users.reviewer!.post(
      `/admin/documents/${id}/attachments/${att}/remove`,
      {},
      { csrfFrom: `/admin/documents/${id}` },
    );
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('已发布信息的附件属于已公开的内容，不能删除');
    expect(res.body).toContain('href="#f-attachments"');
    expect(await app.publishing.documentRepo.attachments(id)).toHaveLength(1);
  });

  it('变更有效性 on a published document: problems shown with input kept; saved marks show on the public page and API', async () => {
    const { id } = await publish({
      title: '关于印发示范县惠民补贴办法的通知',
      validity: 'valid',
      effectiveOn: '2026-03-01',
    });
    const plain = await publish({ title: '普通工作动态' });
    const from = `/admin/documents/${id}`;
    const admin = await users.reviewer!.get(from);
    expect(admin.body).toContain('变更有效性');
    expect(admin.body).toMatch(/<option value="valid" selected[^>]*>有效<\/option>/);

    const bad = await users.reviewer!.post(
      `${from}/validity`,
      { validity: 'repealed', effectiveOn: '2026-03-01', repealedOn: '', note: '被新办法替代' },
      { csrfFrom: from },
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('有效性为“废止”时须填写废止日期');
    expect(bad.body).toMatch(/<option value="repealed" selected[^>]*>废止<\/option>/);
    expect(bad.body).toContain('被新办法替代</textarea>');
    expect(
      (await users.clerk!.post(`${from}/validity`, { validity: 'expired' }, { csrfFrom: from })).statusCode,
    ).toBe(409);

    const ok = await users.reviewer!.post(
      `${from}/validity`,
      { validity: 'repealed', effectiveOn: '2026-03-01', repealedOn: '2026-09-30', note: '' },
      { csrfFrom: from },
    );
    expect(ok.statusCode).toBe(303);
    expect((await users.reviewer!.get(ok.headers.location as string)).body).toContain(
      '有效性已变更，原版本已保留。',
    );

    const visitor = new Browser(server);
    const pub = await visitor.get(`/documents/${id}`);
    expect(pub.body).toContain('<th scope="row">有效性</th><td>废止</td>');
    expect(pub.body).toContain('<th scope="row">施行日期</th><td>2026-03-01</td>');
    expect(pub.body).toContain('<th scope="row">废止日期</th><td colspan="3">2026-09-30</td>');
    expect(pub.body).toContain('本文件已废止（废止日期：2026-09-30），仅供查阅，不再执行。');
    const other = await visitor.get(`/documents/${plain.id}`);
    expect(other.statusCode).toBe(200);
    expect(other.body).not.toContain('有效性');
    expect(other.body).not.toContain('施行日期');
    const api = JSON.parse((await visitor.get(`/api/v1/documents/${id}`)).body);
    expect(api).toMatchObject({ validity: 'repealed', effectiveOn: '2026-03-01', repealedOn: '2026-09-30' });
  });
});
