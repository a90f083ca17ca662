/** HTTP: 政策解读 — 新建解读 from a policy, the clock on both pages, the late list, settings, home page. */
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/db/schema.ts';
import { INTERPRETATION_SETTINGS } from '../../src/modules/policies/policy-settings.ts';
import { buildCounty, buildUser, PASSWORD } from '../support/factories.ts';
import { Browser, startTestServer } from '../support/http.ts';
import { buildStaff, documentInput, publishDocument, type Staff } from '../support/publishing.ts';
import { createTestApp, ENGINE, type TestApp } from '../support/test-app.ts';

const policyInput = (over: Record<string, unknown> = {}) =>
  documentInput({
    kind: 'normative',
    title: '测试县农村低保管理办法',
    docNumber: '测政规〔2026〕1号',
    'meta.interpretationPlan': '同步起草文字解读。',
    ...over,
  });

describe(`HTTP: 政策解读 on ${ENGINE}`, () => {
  let app: TestApp;
  let server: FastifyInstance;
  let county: Unit;
  let staff: Staff;
  const as = async (roles: string[]) => {
    const u = await buildUser(app, county, roles);
    const b = new Browser(server);
    expect((await b.login(u.username, PASSWORD)).statusCode).toBe(303);
    return b;
  };
  const count = async (table: 'documents' | 'document_relations') =>
    (await app.db.selectFrom(table).select('id').execute()).length;

  beforeEach(async () => {
    app = await createTestApp({ now: '2026-03-02T02:00:00Z' });
    county = (await buildCounty(app)).county;
    staff = await buildStaff(app, county);
    server = await startTestServer(app);
  });
  afterEach(async () => {
    await server.close();
    await app.destroy();
  });

  it('新建解读 from the policy page: refused input keeps what was typed; the draft is linked', async () => {
    const policy = await app.publishing.documents.createDraft(staff.clerk, county.id, policyInput());
    const clerk = await as(['clerk']);
    const page = await clerk.get(`/admin/documents/${policy.id}`);
    expect(page.body).toContain(`/admin/policies/${policy.id}/interpretations/new`);
    expect(page.body).toContain('政策解读（三同步）');
    const url = `/admin/policies/${policy.id}/interpretations/new`;
    const form = await clerk.get(url);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('《测试县农村低保管理办法》政策解读');

    const [docs, rels] = [await count('documents'), await count('document_relations')];
    const bad = await clerk.post(url, { title: '', 'meta.interpreter': '县民政局局长' }, { csrfFrom: url });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('请填写标题');
    expect(bad.body).toContain('请选择解读形式');
    expect(bad.body).toContain('value="县民政局局长"');
    expect([await count('documents'), await count('document_relations')]).toEqual([docs, rels]);

    const ok = await clerk.post(
      url,
      { title: '低保办法解读', 'meta.form': 'qa', 'meta.byPrincipal': 'no', issuers: '县民政局' },
      { csrfFrom: url },
    );
    expect(ok.statusCode).toBe(303);
    const id = Number(/\/admin\/documents\/(\d+)$/.exec(ok.headers.location as string)?.[1]);
    const draft = await app.publishing.documentRepo.findById(id);
    expect([draft?.kind, draft?.unit_id]).toEqual(['interpretation', county.id]);
    const rel = await app.publishing.relations.relationsOf(staff.clerk, id);
    expect(rel.outgoing.map((r) => r.documentId)).toEqual([policy.id]);
    const admin = await clerk.get(`/admin/documents/${id}`);
    expect(admin.body).toContain('相关政策');
    expect(admin.body).toContain('（文号：测政规〔2026〕1号）');
  });

  it('a document that is not a policy has no 新建解读', async () => {
    const plain = await app.publishing.documents.createDraft(staff.clerk, county.id, documentInput());
    const clerk = await as(['clerk']);
    expect((await clerk.get(`/admin/policies/${plain.id}/interpretations/new`)).statusCode).toBe(404);
    expect((await clerk.get(`/admin/documents/${plain.id}`)).body).not.toContain('新建解读');
  });

  it('public pages: the clock on the policy, the policy by title and 文号 on the 解读; the home block', async () => {
    const policy = await publishDocument(app.publishing, county, staff, policyInput());
    const pub = await new Browser(server).get(`/documents/${policy}`);
    expect(pub.body).toContain('未发布·剩余3个工作日');
    expect(pub.body).toContain('公开日 2026-03-02（周一）起第3个工作日 2026-03-05（周四）');
    const draft = await app.policies.interpretations.createForPolicy(staff.clerk, policy, {
      title: '低保办法问答',
      'meta.form': 'qa',
    });
    await app.publishing.review.submit(staff.clerk, draft.id);
    await app.publishing.review.reviewConfidentiality(staff.confidentiality, draft.id, {
      conclusion: 'disclose',
    });
    await app.publishing.review.approve(staff.reviewer, draft.id);
    const visitor = new Browser(server);
    const page = await visitor.get(`/documents/${draft.id}`);
    expect(page.body).toContain('相关政策');
    expect(page.body).toContain(`href="/documents/${policy}"`);
    expect(page.body).toContain('（文号：测政规〔2026〕1号）');
    expect(page.body).toContain('同步发布');
    expect((await visitor.get(`/documents/${policy}`)).body).toContain('同步发布');
    const home = (await visitor.get('/')).body;
    expect(home).toMatch(/政策解读<\/h2>[\s\S]*低保办法问答[\s\S]*更多政策解读/);
    const column = (await app.publishing.columns.listForUnit(county.id)).find(
      (c) => c.template_key === 'policy_interpretation',
    );
    expect(home).toContain(`href="/columns/${column!.id}"`);
    expect((await visitor.get(`/columns/${column!.id}`)).body).toContain('低保办法问答');
  });

  it('the late and missing list, for reviewers of the unit', async () => {
    await publishDocument(app.publishing, county, staff, policyInput());
    app.clock.set(new Date('2026-03-09T02:00:00Z'));
    const reviewer = await as(['reviewer']);
    const list = await reviewer.get('/admin/policies/interpretations');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('测试县农村低保管理办法');
    expect(list.body).toContain('未发布·已逾期2个工作日');
    const clerk = await as(['clerk']);
    expect((await clerk.get('/admin/policies/interpretations')).statusCode).toBe(403);
  });

  it('settings: a bad value names the field and changes nothing; a good one is saved and audited', async () => {
    const admin = await as(['disclosure_admin']);
    const url = '/admin/policies/interpretation-settings';
    const page = await admin.get(url);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('政策解读发布时限（工作日）');
    const bad = await admin.post(
      url,
      { interpretationDueWorkingDays: '三天', kindsRequiringInterpretation: 'normative' },
      { csrfFrom: url },
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('解读发布时限必须是数字');
    expect(bad.body).toContain('value="三天"');
    const read = () => app.policies.deps.settings.readGroup(INTERPRETATION_SETTINGS);
    expect([(await read()).dueWorkingDays, (await read()).kinds]).toEqual([3, ['regulation', 'normative']]);
    const ok = await admin.post(
      url,
      { interpretationDueWorkingDays: '5', kindsRequiringInterpretation: 'normative' },
      { csrfFrom: url },
    );
    expect(ok.statusCode).toBe(303);
    expect([(await read()).dueWorkingDays, (await read()).kinds]).toEqual([5, ['normative']]);
    const audit = await app.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'policy.interpretation_settings')
      .execute();
    expect(audit).toHaveLength(1);
    const clerk = await as(['clerk']);
    expect((await clerk.get(url)).statusCode).toBe(403);
  });
});
