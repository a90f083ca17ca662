/** HTTP: the back-office library pages (list, entry with its forms, settings), the admin panel, the kind form. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/db/schema.ts';
import type { Policies } from '../../src/modules/policies/policies.services.ts';
import { buildCounty, buildUser, PASSWORD } from '../support/factories.ts';
import { Browser, startTestServer } from '../support/http.ts';
import { buildStaff, publishDocument, type Staff } from '../support/publishing.ts';
import { createTestApp, ENGINE, type TestApp } from '../support/test-app.ts';

describe(`HTTP: validity lifecycle pages on ${ENGINE}`, () => {
  let app: TestApp;
  let server: FastifyInstance;
  let county: Unit;
  let staff: Staff;
  let policies: Policies;
  let docId: number;
  const users: Record<'clerk' | 'reviewer' | 'admin', Browser> = {} as never;

  const count = async (table: 'policy_validity_events' | 'audit_events' | 'documents') =>
    Number(
      (
        await app.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    app = await createTestApp();
    policies = (app as unknown as { policies: Policies }).policies;
    county = (await buildCounty(app)).county;
    staff = await buildStaff(app, county);
    docId = await publishDocument(app.publishing, county, staff, {
      kind: 'normative',
      title: '测试县农村低保管理办法',
      'meta.registrationNumber': 'CSDR-2026-01001',
      'meta.interpretationPlan': '由起草单位同步起草文字解读。',
      'meta.effectiveOn': '2026-03-02',
      'meta.expiresOn': '2026-06-30',
    });
    await policies.expiry.sweep('2026-03-02'); // raises the 评估 task
    server = await startTestServer(app);
    for (const [name, roles] of [
      ['clerk', ['clerk']],
      ['reviewer', ['reviewer']],
      ['admin', ['disclosure_admin']],
    ] as const) {
      const u = await buildUser(app, county, [...roles]);
      users[name] = new Browser(server);
      expect((await users[name].login(u.username, PASSWORD)).statusCode).toBe(303);
    }
  });
  afterAll(async () => {
    await server?.close();
    await app?.destroy();
  });

  it('lists the entries with filters; a clerk gets 403', async () => {
    const list = await users.reviewer.get('/admin/policies');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`href="/admin/policies/${docId}"`);
    expect(list.body).toContain(`href="/admin/documents/${docId}"`);
    expect(list.body).toContain('待评估');
    const soon = await users.reviewer.get(
      '/admin/policies?soon=1&evaluation=1&kind=normative&state=in_force',
    );
    expect(soon.body).toContain(`href="/admin/policies/${docId}"`);
    const none = await users.reviewer.get('/admin/policies?state=repealed');
    expect(none.body).toContain('没有符合条件的文件');
    expect((await users.clerk.get('/admin/policies')).statusCode).toBe(403);
    expect((await users.clerk.get(`/admin/policies/${docId}`)).statusCode).toBe(403);
  });

  it('shows the entry; a refused event keeps what was typed, names the field and writes nothing', async () => {
    const page = await users.reviewer.get(`/admin/policies/${docId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('现行有效');
    expect(page.body).toContain('有效期至 2026-06-30');
    const before = [await count('policy_validity_events'), await count('audit_events')];
    const bad = await users.reviewer.post(
      `/admin/policies/${docId}/events`,
      { type: 'repealed', occursOn: '2026-03-05', sourceTitle: '', sourceDocNumber: '', note: '留着的说明' },
      { csrfFrom: `/admin/policies/${docId}` },
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('href="#f-sourceDocumentId"');
    expect(bad.body).toContain('须注明依据文件');
    expect(bad.body).toContain('value="2026-03-05"');
    expect(bad.body).toContain('留着的说明');
    expect([await count('policy_validity_events'), await count('audit_events')]).toEqual(before);

    const ok = await users.reviewer.post(
      `/admin/policies/${docId}/events`,
      { type: 'suspended', occursOn: '2026-03-02', certainty: 'official', note: '' },
      { csrfFrom: `/admin/policies/${docId}` },
    );
    expect(ok.statusCode).toBe(303);
    const after = await users.reviewer.get(`/admin/policies/${docId}?done=recorded`);
    expect(after.body).toContain('已记录有效性变化');
    expect(after.body).toContain('暂停执行');
    const [event] = await policies.ledger.entries.events(docId);

    const noReason = await users.reviewer.post(
      `/admin/policies/${docId}/events/${event!.id}/cancel`,
      {},
      { csrfFrom: `/admin/policies/${docId}` },
    );
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain(`href="#f-reason-${event!.id}"`);
    expect(noReason.body).toContain('请填写撤销理由');
    const cancelled = await users.reviewer.post(
      `/admin/policies/${docId}/events/${event!.id}/cancel`,
      { [`reason-${event!.id}`]: '录入错误' },
      { csrfFrom: `/admin/policies/${docId}` },
    );
    expect(cancelled.statusCode).toBe(303);
    const shown = await users.reviewer.get(`/admin/policies/${docId}`);
    expect(shown.body).toContain('已撤销（录入错误）');
    expect(shown.body).toContain('现行有效');
  });

  it('closes the 评估 task with its conclusion (required), audited', async () => {
    const ev = await app.db.selectFrom('policy_evaluations').selectAll().executeTakeFirstOrThrow();
    const empty = await users.reviewer.post(
      `/admin/policies/${docId}/evaluations/${ev.id}/close`,
      { conclusion: '' },
      { csrfFrom: `/admin/policies/${docId}` },
    );
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('请填写评估结论');
    const ok = await users.reviewer.post(
      `/admin/policies/${docId}/evaluations/${ev.id}/close`,
      { conclusion: '届满后自动失效' },
      { csrfFrom: `/admin/policies/${docId}` },
    );
    expect(ok.statusCode).toBe(303);
    const closed = await app.db.selectFrom('policy_evaluations').selectAll().executeTakeFirstOrThrow();
    expect(closed).toMatchObject({ state: 'done', conclusion: '届满后自动失效' });
    const audit = await app.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'policy.evaluation_close')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('the settings page: policy.manage only, refused values kept with the field named, saved ones used', async () => {
    expect((await users.reviewer.get('/admin/policies/settings')).statusCode).toBe(403);
    const page = await users.admin.get('/admin/policies/settings');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('name="validityYears"');
    const bad = await users.admin.post(
      `/admin/policies/settings?unit=${county.id}`,
      {
        validityYears: '99',
        provisionalValidityYears: '',
        evaluationLeadMonths: '',
        registrationPattern: '',
      },
      { csrfFrom: '/admin/policies/settings' },
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('href="#f-validityYears"');
    expect(bad.body).toContain('value="99"');
    const ok = await users.admin.post(
      `/admin/policies/settings?unit=${county.id}`,
      { validityYears: '3', provisionalValidityYears: '', evaluationLeadMonths: '', registrationPattern: '' },
      { csrfFrom: '/admin/policies/settings' },
    );
    expect(ok.statusCode).toBe(303);
    const saved = await users.admin.get(`/admin/policies/settings?unit=${county.id}&done=saved`);
    expect(saved.body).toContain('默认有效期 3 年');
  });

  it('the admin document page shows the library panel linking to the entry', async () => {
    const page = await users.reviewer.get(`/admin/documents/${docId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`href="/admin/policies/${docId}"`);
    expect(page.body).toContain('规范性文件库');
  });

  it('the document form refuses 施行日期 before 公布日期 on meta.effectiveOn, keeping values, saving nothing', async () => {
    const fd = new FormData();
    fd.append('_csrf', await users.reviewer.csrf('/admin/documents'));
    for (const [k, v] of Object.entries({
      unitId: String(county.id),
      kind: 'normative',
      title: '测试县另一管理办法',
      disclosureMode: 'proactive',
      'meta.publishedOn': '2026-03-10',
      'meta.effectiveOn': '2026-03-01',
    }))
      fd.append(k, v);
    const before = await count('documents');
    const r = new Response(fd);
    const res = await server.inject({
      method: 'POST',
      url: '/admin/documents/new',
      payload: Buffer.from(await r.arrayBuffer()),
      headers: { 'content-type': r.headers.get('content-type')!, cookie: users.reviewer.cookieHeader() },
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('href="#f-meta.effectiveOn"');
    expect(res.body).toContain('施行日期不能早于公布日期');
    expect(res.body).toContain('value="2026-03-01"');
    expect(await count('documents')).toBe(before);
  });
});
