import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishPolicy } from '../../../test/support/cleanup-entries.ts';
import { buildCounty, buildUser } from '../../../test/support/factories.ts';
import { buildStaff, type Staff } from '../../../test/support/publishing.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import type { Unit } from '../../db/schema.ts';
import type { CallContext } from '../../lib/actor.ts';
import type { CleanupService } from './cleanup.service.ts';
import type { CleanupReviewService } from './cleanup-review.service.ts';

// The published hook writes each entry; insertEntryFor replaces it with a row stating its own dates and state.
describe(`清理 batches on ${ENGINE}`, () => {
  let app: TestApp;
  let svc: CleanupService;
  let review: CleanupReviewService;
  let county: { county: Unit; dept: Unit; other: Unit };
  let staff: Staff;
  let deptStaff: Staff;
  let admin: CallContext;
  let reviewer: CallContext;
  const docs: Record<string, number> = {};

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-06-01T02:00:00Z' });
    svc = app.policies.cleanups;
    review = app.policies.cleanupReview;
    county = await buildCounty(app);
    staff = await buildStaff(app, county.county);
    deptStaff = await buildStaff(app, county.dept);
    admin = (await buildUser(app, county.county, ['disclosure_admin'])).ctx;
    reviewer = staff.reviewer;
    docs.a = await publishPolicy(app, county.county, staff, '测试县甲办法', { publishedOn: '2024-03-01' });
    docs.b = await publishPolicy(app, county.county, staff, '测试县乙规定', { publishedOn: '2025-03-01' });
    docs.c = await publishPolicy(app, county.county, staff, '测试县丙细则', { publishedOn: '2025-09-01' });
    docs.gone = await publishPolicy(app, county.county, staff, '测试县已废止的丁办法', {
      publishedOn: '2024-05-01',
      state: 'repealed',
    });
    docs.dept = await publishPolicy(app, county.dept, deptStaff, '发改局戊办法', {
      publishedOn: '2025-01-01',
    });
    docs.reg = await publishPolicy(app, county.county, staff, '测试县规章己', {
      publishedOn: '2025-02-01',
      kind: 'regulation',
    });
  });
  afterAll(() => app.destroy());

  const criteria = (over: Record<string, unknown> = {}) => ({
    title: '2026年规范性文件清理',
    basis: '《河南省行政规范性文件管理办法》',
    unitId: String(county.county.id),
    kinds: 'normative',
    ...over,
  });

  it('selects by unit (with or without its subtree), kind, 公布日期 and state; in force by default', async () => {
    const ids = async (over: Record<string, unknown>) =>
      (await svc.preview(admin, criteria(over))).entries.map((e) => e.document_id).sort();
    expect(await ids({})).toEqual([docs.a, docs.b, docs.c].sort());
    expect(await ids({ includeSubtree: '1' })).toEqual([docs.a, docs.b, docs.c, docs.dept].sort());
    expect(await ids({ kinds: ['normative', 'regulation'] })).toEqual(
      [docs.a, docs.b, docs.c, docs.reg].sort(),
    );
    expect(await ids({ publishedFrom: '2025-01-01', publishedTo: '2025-06-30' })).toEqual([docs.b]);
    expect(await ids({ states: 'repealed' })).toEqual([docs.gone]);
    const bad = await svc
      .preview(admin, criteria({ publishedFrom: '2025-12-01', publishedTo: '2025-01-01' }))
      .catch((e) => e);
    expect(bad.problems).toContainEqual({ field: 'publishedTo', message: '公布日期止不能早于公布日期起' });
  });

  it('a clerk cannot create a batch; the batch holds the matching documents and is audited', async () => {
    await expect(svc.create(staff.clerk, criteria())).rejects.toMatchObject({ code: 'forbidden' });
    const empty = await svc.create(admin, criteria({ title: '' })).catch((e) => e);
    expect(empty.problems).toContainEqual({ field: 'title', message: '请填写清理名称' });
    const id = await svc.create(admin, criteria());
    const batch = await svc.get(admin, id);
    expect(batch.state).toBe('drafting');
    expect(batch.items.map((i) => i.document_id).sort()).toEqual([docs.a, docs.b, docs.c].sort());
    const audit = await app.db
      .selectFrom('audit_events')
      .select(['action'])
      .where('target_type', '=', 'policy_cleanup')
      .where('target_id', '=', String(id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['policy.cleanup_create']);
  });

  it('items can be added and removed while drafting', async () => {
    const id = await svc.create(admin, criteria({ title: '增减测试' }));
    await svc.addItem(admin, id, { documentId: String(docs.reg) });
    const dup = await svc.addItem(admin, id, { documentId: String(docs.reg) }).catch((e) => e);
    expect(dup.problems[0].message).toContain('已在本批次中');
    const draftOnly = await svc.addItem(admin, id, { documentId: '999999' }).catch((e) => e);
    expect(draftOnly.problems[0]).toMatchObject({ field: 'documentId' });
    await svc.removeItem(admin, id, docs.a!);
    const items = (await svc.get(admin, id)).items.map((i) => i.document_id).sort();
    expect(items).toEqual([docs.b, docs.c, docs.reg].sort());
  });

  it('a missing reason names the row and changes nothing; 其余继续有效 decides the rest', async () => {
    const id = await svc.create(admin, criteria({ title: '结论测试' }));
    const before = await svc.get(admin, id);
    const e = await svc
      .saveDecisions(admin, id, {
        [`item.${docs.a}.decision`]: 'keep',
        [`item.${docs.b}.decision`]: 'repeal',
        [`item.${docs.b}.reason`]: '',
        [`item.${docs.c}.decision`]: 'nonsense',
      })
      .catch((x) => x);
    expect(e.code).toBe('validation');
    expect(e.problems).toEqual([
      { field: `item.${docs.b}.reason`, message: '第2行《测试县乙规定》：清理结论为“废止”的，须填写理由' },
      { field: `item.${docs.c}.decision`, message: '第3行《测试县丙细则》：请选择有效的清理结论' },
    ]);
    expect((await svc.get(admin, id)).items).toEqual(before.items);
    await expect(review.submit(admin, id)).rejects.toMatchObject({ code: 'validation' });
    expect(
      await svc.saveDecisions(admin, id, {
        [`item.${docs.b}.decision`]: 'repeal',
        [`item.${docs.b}.reason`]: '上位法已废止',
      }),
    ).toBe(1);
    expect(await svc.keepRest(admin, id)).toBe(2);
    const items = (await svc.get(admin, id)).items;
    expect(items.map((i) => i.decision)).toEqual(['keep', 'repeal', 'keep']);
  });

  it('review: submitted, returned with a note, approved into a 决定 draft with the catalogues', async () => {
    const id = await svc.create(admin, criteria({ title: '审核测试' }));
    await svc.saveDecisions(admin, id, {
      [`item.${docs.a}.decision`]: 'amend',
      [`item.${docs.a}.reason`]: '与新规定不一致',
      [`item.${docs.b}.decision`]: 'repeal',
      [`item.${docs.b}.reason`]: '上位法已废止',
      [`item.${docs.c}.decision`]: 'declare_invalid',
      [`item.${docs.c}.reason`]: '调整对象已消失',
    });
    await expect(review.approve(reviewer, id)).rejects.toMatchObject({ code: 'invalid_transition' });
    await review.submit(admin, id);
    await expect(svc.saveDecisions(admin, id, {})).rejects.toMatchObject({ code: 'invalid_transition' });
    await expect(review.approve(staff.clerk, id)).rejects.toMatchObject({ code: 'forbidden' });
    const noNote = await review.returnBatch(reviewer, id, { note: '' }).catch((x) => x);
    expect(noNote.problems).toContainEqual({ field: 'note', message: '请填写退回意见' });
    await review.returnBatch(reviewer, id, { note: '请核对乙规定的理由' });
    const returned = await svc.get(admin, id);
    expect(returned.state).toBe('drafting');
    expect(returned.row.review_note).toBe('请核对乙规定的理由');
    await review.submit(admin, id);
    const self = await review.approve(admin, id).catch((x) => x);
    expect(self.problems[0].message).toContain('提交审核的人不能审核本批次');
    const docId = await review.approve(reviewer, id);
    const batch = await svc.get(admin, id);
    expect(batch.state).toBe('approved');
    expect(batch.row.result_document_id).toBe(docId);
    const doc = await app.db
      .selectFrom('documents')
      .selectAll()
      .where('id', '=', docId)
      .executeTakeFirstOrThrow();
    expect(doc.title).toBe('测试县人民政府关于公布行政规范性文件清理结果的决定');
    expect(doc.genre).toBe('决定');
    expect(doc.kind).toBe('document');
    expect(doc.state).toBe('draft');
    const html = doc.body_html ?? '';
    expect(html).toContain('经清理，继续有效0件，废止1件，宣布失效1件，需修改1件');
    const section = (name: string) => html.split(`<caption>${name}`)[1]?.split('</table>')[0] ?? '';
    expect(section('继续有效目录')).toContain('测试县甲办法');
    expect(section('继续有效目录')).toContain('拟修改');
    expect(section('废止目录')).toContain('测试县乙规定');
    expect(section('废止目录')).toContain('上位法已废止');
    expect(section('失效目录')).toContain('测试县丙细则');
    expect(section('失效目录')).not.toContain('测试县乙规定');
  });

  const publishResult = async (docId: number) => {
    const pub = app.publishing;
    await pub.review.submit(staff.clerk, docId);
    await pub.review.reviewConfidentiality(staff.confidentiality, docId, { conclusion: 'disclose' });
    await pub.review.approve(staff.reviewer, docId);
  };
  const decidedBatch = async (title: string, ids: Record<string, [string, string]>) => {
    const id = await svc.create(admin, criteria({ title, states: ['in_force'] }));
    const held = (await svc.get(admin, id)).items.map((i) => i.document_id);
    for (const docId of held) if (!ids[docId]) await svc.removeItem(admin, id, docId);
    for (const docId of Object.keys(ids))
      if (!held.includes(Number(docId))) await svc.addItem(admin, id, { documentId: docId });
    const body: Record<string, string> = {};
    for (const [docId, [decision, reason]] of Object.entries(ids)) {
      body[`item.${docId}.decision`] = decision;
      body[`item.${docId}.reason`] = reason;
    }
    await svc.saveDecisions(admin, id, body);
    await review.submit(admin, id);
    return { id, resultId: await review.approve(reviewer, id) };
  };

  it('publishing the result lands 废止 / 宣布失效 on the documents, with the result as source; once', async () => {
    app.clock.set(new Date('2026-06-30T17:00:00Z')); // 2026-07-01 in China
    const p = await publishPolicy(app, county.county, staff, '发布测试甲（废止）');
    const q = await publishPolicy(app, county.county, staff, '发布测试乙（失效）');
    const r = await publishPolicy(app, county.county, staff, '发布测试丙（继续有效）');
    const s = await publishPolicy(app, county.county, staff, '发布测试丁（修改）');
    const { id, resultId } = await decidedBatch('发布测试', {
      [p]: ['repeal', '上位法已废止'],
      [q]: ['declare_invalid', '任务已完成'],
      [r]: ['keep', ''],
      [s]: ['amend', '需与新规衔接'],
    });
    await publishResult(resultId);
    const entries = await app.db
      .selectFrom('policy_entries')
      .select(['document_id', 'state'])
      .where('document_id', 'in', [p, q, r, s])
      .execute();
    const state = Object.fromEntries(entries.map((e) => [e.document_id, e.state]));
    expect(state).toEqual({ [p]: 'repealed', [q]: 'expired', [r]: 'in_force', [s]: 'in_force' });
    const events = await app.db
      .selectFrom('policy_validity_events')
      .select(['document_id', 'event_type', 'occurs_on', 'source_document_id', 'certainty', 'cleanup_id'])
      .where('document_id', 'in', [p, q, r, s])
      .orderBy('document_id')
      .execute();
    expect(events).toEqual([
      {
        document_id: p,
        event_type: 'repealed',
        occurs_on: '2026-07-01',
        source_document_id: resultId,
        certainty: 'official',
        cleanup_id: id,
      },
      {
        document_id: q,
        event_type: 'declared_invalid',
        occurs_on: '2026-07-01',
        source_document_id: resultId,
        certainty: 'official',
        cleanup_id: id,
      },
    ]);
    const batch = await svc.get(admin, id);
    expect(batch.state).toBe('published');
    expect(batch.row.decided_on).toBe('2026-07-01');
    const validity = await app.db
      .selectFrom('documents')
      .select('validity')
      .where('id', '=', p)
      .executeTakeFirstOrThrow();
    expect(validity.validity).toBe('repealed');
    // The hook seeing the same publication again records nothing twice.
    await app.db.transaction().execute((trx) =>
      review.onPublished(
        {
          event: 'published',
          documentId: resultId,
          kind: 'document',
          unitId: county.county.id,
          title: '',
          step: 'approve',
          firstPublication: false,
          ctx: reviewer,
          at: '2026-07-02T02:00:00Z',
        },
        trx,
      ),
    );
    const again = await app.db
      .selectFrom('policy_validity_events')
      .select('id')
      .where('cleanup_id', '=', id)
      .execute();
    expect(again).toHaveLength(2);
  });

  it('a document repealed meanwhile fails the publication with a message naming it; nothing lands', async () => {
    const p = await publishPolicy(app, county.county, staff, '拒绝测试甲');
    const q = await publishPolicy(app, county.county, staff, '拒绝测试乙');
    const { id, resultId } = await decidedBatch('拒绝测试', {
      [p]: ['repeal', '上位法已废止'],
      [q]: ['declare_invalid', '已过时'],
    });
    await app.policies.ledger.record(admin, q, {
      type: 'repealed',
      occursOn: '2026-06-20',
      sourceTitle: '关于废止部分文件的决定',
    });
    const pub = app.publishing;
    await pub.review.submit(staff.clerk, resultId);
    await pub.review.reviewConfidentiality(staff.confidentiality, resultId, { conclusion: 'disclose' });
    const e = await pub.review.approve(staff.reviewer, resultId).catch((x) => x);
    expect(e.message).toContain('清理结果不能发布：《拒绝测试乙》');
    const doc = await app.db
      .selectFrom('documents')
      .select('state')
      .where('id', '=', resultId)
      .executeTakeFirstOrThrow();
    expect(doc.state).not.toBe('published');
    const landed = await app.db
      .selectFrom('policy_validity_events')
      .select('id')
      .where('cleanup_id', '=', id)
      .execute();
    expect(landed).toHaveLength(0);
    expect((await svc.get(admin, id)).state).toBe('approved');
  });

  it('approval is refused, naming the document, when one to be repealed is no longer in force', async () => {
    const p = await publishPolicy(app, county.county, staff, '审核拒绝测试甲');
    const id = await svc.create(admin, criteria({ title: '审核拒绝测试', states: ['in_force'] }));
    const held = (await svc.get(admin, id)).items.map((i) => i.document_id);
    for (const d of held) if (d !== p) await svc.removeItem(admin, id, d);
    await svc.saveDecisions(admin, id, { [`item.${p}.decision`]: 'repeal', [`item.${p}.reason`]: '过时' });
    await review.submit(admin, id);
    await app.policies.ledger.record(admin, p, {
      type: 'repealed',
      occursOn: '2026-06-20',
      sourceTitle: '另一决定',
    });
    const e = await review.approve(reviewer, id).catch((x) => x);
    expect(e.problems).toEqual([
      { field: '_', message: '《审核拒绝测试甲》已不再有效，不能再废止，请退回修改' },
    ]);
    expect((await svc.get(admin, id)).state).toBe('in_review');
  });
});
