import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/db/schema.ts';
import { publishPolicy } from '../support/cleanup-entries.ts';
import { buildCounty, buildUser, PASSWORD } from '../support/factories.ts';
import { Browser, startTestServer } from '../support/http.ts';
import { buildStaff, type Staff } from '../support/publishing.ts';
import { createTestApp, ENGINE, type TestApp } from '../support/test-app.ts';

// The published hook writes each entry; test/support/cleanup-entries.ts replaces it with rows stating their own dates.
describe(`HTTP: 文件清理 on ${ENGINE}`, () => {
  let app: TestApp;
  let server: FastifyInstance;
  let county: Unit;
  let staff: Staff;
  let admin: Browser;
  let reviewer: Browser;
  let clerk: Browser;
  let confidentiality: Browser;
  const docs: number[] = [];
  const base = '/admin/policies/cleanups';

  const login = async (roles: string[]) => {
    const u = await buildUser(app, county, roles);
    const b = new Browser(server);
    await b.login(u.username, PASSWORD);
    return b;
  };

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-06-01T02:00:00Z' });
    county = (await buildCounty(app)).county;
    staff = await buildStaff(app, county);
    for (const [t, d] of [
      ['测试县甲办法', '2024-03-01'],
      ['测试县乙规定', '2025-03-01'],
      ['测试县丙细则', '2025-09-01'],
    ] as const)
      docs.push(await publishPolicy(app, county, staff, t, { publishedOn: d }));
    server = await startTestServer(app);
    admin = await login(['disclosure_admin']);
    reviewer = await login(['reviewer']);
    clerk = await login(['clerk']);
    confidentiality = await login(['confidentiality_reviewer']);
  });
  afterAll(async () => {
    await server.close();
    await app.destroy();
  });

  const a = () => docs[0]!;
  const b = () => docs[1]!;
  const c = () => docs[2]!;
  let batchUrl = '';

  it('a clerk gets 403 on the pages and the posts; the menu shows 文件清理 to the admin', async () => {
    expect((await clerk.get(base)).statusCode).toBe(403);
    expect((await clerk.get(`${base}/new`)).statusCode).toBe(403);
    const post = await clerk.post(base, { title: 'x', unitId: String(county.id) }, { csrfFrom: '/admin' });
    expect(post.statusCode).toBe(403);
    const list = await admin.get(base);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`href="${base}"`);
    expect(list.body).toContain('文件清理');
  });

  it('shows the count before creating; a missing title keeps the range; then the batch is created', async () => {
    const q = `unitId=${county.id}&kinds=normative&publishedFrom=2025-01-01&preview=1`;
    const preview = await admin.get(`${base}/new?${q}`);
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('共 <strong>2</strong> 件文件符合条件');
    expect(preview.body).toContain('测试县乙规定');
    expect(preview.body).not.toContain('测试县甲办法');
    const bad = await admin.get(`${base}/new?unitId=${county.id}&publishedFrom=明年&preview=1`);
    expect(bad.body).toContain('公布日期起：应为有效日期');
    const form = { unitId: String(county.id), kinds: 'normative', publishedFrom: '', publishedTo: '' };
    const noTitle = await admin.post(base, { ...form, title: '' }, { csrfFrom: `${base}/new` });
    expect(noTitle.statusCode).toBe(422);
    expect(noTitle.body).toContain('请填写清理名称');
    expect(noTitle.body).toContain('共 <strong>3</strong> 件文件符合条件');
    const ok = await admin.post(
      base,
      { ...form, title: '2026年行政规范性文件清理', basis: '《测试省行政规范性文件管理办法》' },
      { csrfFrom: `${base}/new` },
    );
    expect(ok.statusCode).toBe(303);
    batchUrl = String(ok.headers.location).split('?')[0]!;
    expect(batchUrl).toMatch(/^\/admin\/policies\/cleanups\/\d+$/);
    const page = await admin.get(batchUrl);
    for (const d of docs) expect(page.body).toContain(`name="item.${d}.decision"`);
  });

  it('a missing reason is shown on its row with what was typed, nothing saved; a good form saves', async () => {
    const bad = await admin.post(
      `${batchUrl}/decisions`,
      {
        [`item.${a()}.decision`]: 'keep',
        [`item.${b()}.decision`]: 'repeal',
        [`item.${b()}.reason`]: '',
        [`item.${c()}.decision`]: 'declare_invalid',
        [`item.${c()}.reason`]: '调整对象已消失',
      },
      { csrfFrom: batchUrl },
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('第2行《测试县乙规定》：清理结论为“废止”的，须填写理由');
    expect(bad.body).toContain(`href="#f-item.${b()}.reason"`);
    expect(bad.body).toContain(`id="e-item.${b()}.reason"`);
    expect(bad.body).toContain('调整对象已消失</textarea>');
    expect(bad.body).toMatch(
      new RegExp(`name="item\\.${b()}\\.decision"[^]*?<option value="repeal" selected`),
    );
    const stored = await app.db.selectFrom('policy_cleanup_items').select('decision').execute();
    expect(stored.every((i) => i.decision === null)).toBe(true);
    const ok = await admin.post(
      `${batchUrl}/decisions`,
      {
        [`item.${b()}.decision`]: 'repeal',
        [`item.${b()}.reason`]: '上位法已废止',
        [`item.${c()}.decision`]: 'declare_invalid',
        [`item.${c()}.reason`]: '调整对象已消失',
      },
      { csrfFrom: batchUrl },
    );
    expect(ok.statusCode).toBe(303);
    expect((await admin.post(`${batchUrl}/keep-rest`, {}, { csrfFrom: batchUrl })).statusCode).toBe(303);
    expect((await admin.post(`${batchUrl}/submit`, {}, { csrfFrom: batchUrl })).statusCode).toBe(303);
    expect((await admin.get(batchUrl)).body).toContain('待审核');
  });

  it('the reviewer returns it with a note (required), then approves it into the result draft', async () => {
    const queue = await reviewer.get(`${base}?review=1`);
    expect(queue.body).toContain(`href="${base}?review=1"`);
    expect(queue.body).toContain(`href="${batchUrl}"`);
    expect(queue.body).not.toContain('新建清理批次');
    const page = await reviewer.get(batchUrl);
    expect(page.body).toContain('审核通过，生成清理结果文件');
    const noNote = await reviewer.post(`${batchUrl}/return`, { note: '' }, { csrfFrom: batchUrl });
    expect(noNote.statusCode).toBe(422);
    expect(noNote.body).toContain('请填写退回意见');
    await reviewer.post(`${batchUrl}/return`, { note: '请补充甲办法的评估情况' }, { csrfFrom: batchUrl });
    expect((await admin.get(batchUrl)).body).toContain('审核退回意见：请补充甲办法的评估情况');
    await admin.post(`${batchUrl}/submit`, {}, { csrfFrom: batchUrl });
    expect((await clerk.post(`${batchUrl}/approve`, {}, { csrfFrom: '/admin' })).statusCode).toBe(403);
    const ok = await reviewer.post(`${batchUrl}/approve`, {}, { csrfFrom: batchUrl });
    expect(ok.statusCode).toBe(303);
    const after = await admin.get(batchUrl);
    const m = /href="\/admin\/documents\/(\d+)">清理结果文件/.exec(after.body);
    expect(m).not.toBeNull();
    const doc = await admin.get(`/admin/documents/${m![1]}`);
    expect(doc.body).toContain('测试县人民政府关于公布行政规范性文件清理结果的决定');
  });

  it('publishing the result refuses, naming the document, when one was repealed meanwhile', async () => {
    const batch = await app.db
      .selectFrom('policy_cleanups')
      .select(['id', 'result_document_id'])
      .executeTakeFirstOrThrow();
    const resultId = batch.result_document_id!;
    const docUrl = `/admin/documents/${resultId}`;
    await admin.post(`${docUrl}/submit`, {}, { csrfFrom: docUrl });
    await confidentiality.post(`${docUrl}/review`, { conclusion: 'disclose' }, { csrfFrom: docUrl });
    await app.policies.ledger.record(staff.reviewer, b(), {
      type: 'repealed',
      occursOn: '2026-05-20',
      sourceTitle: '另一份废止决定',
    });
    const refused = await reviewer.post(`${docUrl}/approve`, {}, { csrfFrom: docUrl });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('清理结果不能发布：《测试县乙规定》');
    expect(
      await app.db
        .selectFrom('policy_validity_events')
        .select('id')
        .where('cleanup_id', '=', batch.id)
        .execute(),
    ).toEqual([]);
    // The wrong record cancelled, the same publication goes through and the events land.
    const wrong = await app.db
      .selectFrom('policy_validity_events')
      .select('id')
      .where('document_id', '=', b())
      .executeTakeFirstOrThrow();
    await app.policies.ledger.cancel(staff.reviewer, wrong.id, { reason: '误录' });
    const ok = await reviewer.post(`${docUrl}/approve`, {}, { csrfFrom: docUrl });
    expect(ok.statusCode).toBe(303);
    const states = await app.db
      .selectFrom('policy_entries')
      .select(['document_id', 'state'])
      .where('document_id', 'in', docs)
      .orderBy('document_id')
      .execute();
    expect(states.map((e) => e.state)).toEqual(['in_force', 'repealed', 'expired']);
    const page = await admin.get(batchUrl);
    expect(page.body).toContain('已公布');
    expect((await clerk.get(batchUrl)).statusCode).toBe(403);
  });
});
