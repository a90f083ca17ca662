/**
 * 政策解读 through the real services on a real database: a 解读 drafted from its policy with the relation
 * in the same transaction, a relation to a non-policy refused, 三同步 at 审核, the clock, the late and
 * missing list and the daily reminders, 新旧政策差异, the latest 解读s.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCounty, SYSTEM } from '../../../test/support/factories.ts';
import { buildStaff, documentInput, publishDocument, type Staff } from '../../../test/support/publishing.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import type { Unit } from '../../db/schema.ts';
import type { Publishing } from '../publishing/publishing.services.ts';
import type { InterpretationService } from './interpretation.service.ts';
import { THREE_SYNC_CHECK } from './interpretation-checks.ts';
import { INTERPRETATION_SETTINGS } from './policy-settings.ts';

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);
const policyInput = (over: Record<string, unknown> = {}) =>
  documentInput({
    kind: 'normative',
    title: '测试县农村低保管理办法',
    docNumber: '测政规〔2026〕1号',
    'meta.registrationNumber': 'CSCR-2026-00001',
    ...over,
  });
const interpretationInput = (over: Record<string, unknown> = {}) => ({
  title: '《测试县农村低保管理办法》政策解读',
  'meta.form': 'text',
  'meta.interpreter': '县民政局局长',
  'meta.byPrincipal': 'yes',
  bodyHtml: '<p>一、出台背景。</p>',
  ...over,
});

describe(`政策解读 on ${ENGINE}`, () => {
  let app: TestApp;
  let pub: Publishing;
  let svc: InterpretationService;
  let county: Unit;
  let staff: Staff;
  const auditCount = async (action: string) =>
    (await app.db.selectFrom('audit_events').select('id').where('action', '=', action).execute()).length;
  const publish = async (id: number, on: string) => {
    app.clock.set(new Date(`${on}T02:00:00Z`));
    await pub.review.submit(staff.clerk, id);
    await pub.review.reviewConfidentiality(staff.confidentiality, id, { conclusion: 'disclose' });
    await pub.review.approve(staff.reviewer, id);
  };

  beforeEach(async () => {
    app = await createTestApp({ now: '2026-03-02T02:00:00Z' });
    pub = app.publishing;
    svc = app.policies.interpretations;
    county = (await buildCounty(app)).county;
    staff = await buildStaff(app, county);
  });
  afterEach(async () => app.destroy());

  describe('三同步 at 审核', () => {
    it('blocks submission of a 行政规范性文件 with none of the four, saying what to add', async () => {
      const draft = await pub.documents.createDraft(staff.clerk, county.id, policyInput());
      const e = await pub.review.submit(staff.clerk, draft.id).catch((x) => x);
      expect(e.code).toBe('invalid_transition');
      expect(e.message).toContain('三同步：行政规范性文件须同步解读');
      const finding = (await pub.review.runChecks(draft)).findings.find((f) => f.check === THREE_SYNC_CHECK);
      expect(finding?.severity).toBe('block');
      for (const part of ['解读方案', '解读材料', '新建解读', '无需解读的理由'])
        expect(finding?.message).toContain(part);
      expect((await pub.documentRepo.findById(draft.id))?.state).toBe('draft');
    });

    it.each([
      ['a 解读方案', { 'meta.interpretationPlan': '由县民政局同步起草文字解读和图解。' }],
      ['a reason why none is needed', { 'meta.noInterpretationReason': '仅修改文字表述，不涉及实质内容。' }],
    ])('passes with %s', async (_name, over) => {
      const draft = await pub.documents.createDraft(staff.clerk, county.id, policyInput(over));
      const checks = await pub.review.runChecks(draft);
      expect(checks.findings.map((f) => f.check)).not.toContain(THREE_SYNC_CHECK);
    });

    it('passes with an attached 解读 material, not with another attachment', async () => {
      const draft = await pub.documents.createDraft(staff.clerk, county.id, policyInput());
      await pub.documents.addAttachment(staff.clerk, draft.id, '附件1 申请表.pdf', pdf('a'));
      const has = async () =>
        (await pub.review.runChecks((await pub.documentRepo.findById(draft.id))!)).findings.some(
          (f) => f.check === THREE_SYNC_CHECK,
        );
      expect(await has()).toBe(true);
      await pub.documents.addAttachment(staff.clerk, draft.id, '一图读懂农村低保管理办法.pdf', pdf('b'));
      expect(await has()).toBe(false);
    });

    it('passes once a 解读 draft interprets it; 其他政策文件 is not required unless the setting says so', async () => {
      const draft = await pub.documents.createDraft(staff.clerk, county.id, policyInput());
      const interp = await svc.createForPolicy(staff.clerk, draft.id, interpretationInput());
      await pub.review.submit(staff.clerk, draft.id);
      expect((await pub.documentRepo.findById(draft.id))?.state).not.toBe('draft');
      // the relation removed before 审核: approval is refused
      await pub.review.reviewConfidentiality(staff.confidentiality, draft.id, { conclusion: 'disclose' });
      const [rel] = (await pub.relations.relationsOf(staff.clerk, interp.id)).outgoing;
      await pub.relations.removeRelation(staff.clerk, interp.id, rel!.id);
      const refused = await pub.review.approve(staff.reviewer, draft.id).catch((x) => x);
      expect(refused.message).toContain('三同步');
      expect((await pub.documentRepo.findById(draft.id))?.state).not.toBe('published');

      const other = await pub.documents.createDraft(staff.clerk, county.id, policyInput({ kind: 'policy' }));
      const ids = async () =>
        (await pub.review.runChecks((await pub.documentRepo.findById(other.id))!)).findings.map(
          (f) => f.check,
        );
      expect(await ids()).not.toContain(THREE_SYNC_CHECK);
      await app.policies.deps.settings.write(
        SYSTEM,
        INTERPRETATION_SETTINGS,
        { kinds: ['regulation', 'normative', 'policy'] },
        { audit: { action: 'test.settings', summary: '测试' } },
      );
      expect(await ids()).toContain(THREE_SYNC_CHECK);
    });
  });

  describe('linking', () => {
    it('creates the 解读 draft in the policy’s unit with its relation and both audit events', async () => {
      const policy = await pub.documents.createDraft(staff.clerk, county.id, policyInput());
      const draft = await svc.createForPolicy(staff.clerk, policy.id, interpretationInput());
      expect([draft.kind, draft.unit_id, draft.state]).toEqual(['interpretation', county.id, 'draft']);
      const rel = await pub.relations.relationsOf(staff.clerk, draft.id);
      expect(rel.outgoing.map((r) => [r.type, r.documentId])).toEqual([['interpretation_of', policy.id]]);
      expect(await auditCount('document.relation_add')).toBe(1);
      expect((await svc.policiesOf(draft.id)).map((p) => [p.title, p.doc_number])).toEqual([
        ['测试县农村低保管理办法', '测政规〔2026〕1号'],
      ]);
    });

    it('a bad 解读 input creates nothing (no draft, no relation)', async () => {
      const policy = await pub.documents.createDraft(staff.clerk, county.id, policyInput());
      const before = (await app.db.selectFrom('documents').select('id').execute()).length;
      const e = await svc
        .createForPolicy(staff.clerk, policy.id, interpretationInput({ title: '', 'meta.form': '' }))
        .catch((x) => x);
      expect(e.problems.map((p: { field: string }) => p.field)).toEqual(['title', 'meta.form']);
      expect((await app.db.selectFrom('documents').select('id').execute()).length).toBe(before);
      expect(await app.db.selectFrom('document_relations').selectAll().execute()).toEqual([]);
    });

    it('refuses a 解读 of a document that is not a policy, naming the kinds, writing nothing', async () => {
      const plain = await publishDocument(pub, county, staff);
      const interp = await pub.documents.createDraft(staff.clerk, county.id, {
        ...documentInput(),
        ...interpretationInput(),
        kind: 'interpretation',
      });
      const relationsBefore = await auditCount('document.relation_add');
      const e = await pub.relations
        .addRelation(staff.clerk, interp.id, { type: 'interpretation_of', toId: String(plain) })
        .catch((x) => x);
      expect(e.code).toBe('validation');
      expect(e.problems).toEqual([
        {
          field: 'toId',
          message: '政策解读只能解读“规章”、“行政规范性文件”、“其他政策文件”，所选信息是“政府信息”',
        },
      ]);
      // the same checks inside a transaction: the draft created with it is rolled back
      const before = (await app.db.selectFrom('documents').select('id').execute()).length;
      const e2 = await svc.createForPolicy(staff.clerk, plain, interpretationInput()).catch((x) => x);
      expect(e2.code).toBe('not_found');
      const inTrx = await pub.documents
        .createDraft(
          staff.clerk,
          county.id,
          { ...interpretationInput(), kind: 'interpretation', disclosureMode: 'proactive' },
          {
            inTransaction: async (trx, [id]) => {
              await pub.relations.addInTransaction(trx, staff.clerk, id!, {
                type: 'interpretation_of',
                toId: plain,
              });
            },
          },
        )
        .catch((x) => x);
      expect(inTrx.problems?.[0]?.field).toBe('toId');
      expect((await app.db.selectFrom('documents').select('id').execute()).length).toBe(before);
      expect(await app.db.selectFrom('document_relations').selectAll().execute()).toEqual([]);
      expect(await auditCount('document.relation_add')).toBe(relationsBefore);
    });
  });

  describe('the clock, the late list and the reminders', () => {
    it('times a policy from its publication and shows 同步发布 / 逾期发布 / 未发布', async () => {
      const withPlan = { 'meta.interpretationPlan': '同步起草解读。' };
      const a = await pub.documents.createDraft(staff.clerk, county.id, policyInput(withPlan));
      const ia = await svc.createForPolicy(staff.clerk, a.id, interpretationInput());
      await publish(ia.id, '2026-03-02');
      await publish(a.id, '2026-03-02');
      expect((await svc.clockOf(a.id))?.clock.label).toBe('同步发布');

      const b = await pub.documents.createDraft(
        staff.clerk,
        county.id,
        policyInput({ ...withPlan, title: '乙' }),
      );
      await publish(b.id, '2026-03-02'); // Monday: due Thursday 2026-03-05
      const cb = (await svc.clockOf(b.id))!.clock;
      expect([cb.dueOn, cb.label]).toEqual(['2026-03-05', '未发布·剩余3个工作日']);
      expect(cb.explanation).toBe('公开日 2026-03-02（周一）起第3个工作日 2026-03-05（周四）');

      const c = await pub.documents.createDraft(
        staff.clerk,
        county.id,
        policyInput({ ...withPlan, title: '丙' }),
      );
      await publish(c.id, '2026-03-02');
      const ic = await svc.createForPolicy(staff.clerk, c.id, interpretationInput({ title: '丙的解读' }));
      await publish(ic.id, '2026-03-09');
      expect((await svc.clockOf(c.id))?.clock.label).toBe('逾期发布（逾期2个工作日）');
      expect((await svc.clockOf(b.id))?.clock.label).toBe('未发布·已逾期2个工作日');
      const late = await svc.lateAndMissing(staff.reviewer);
      expect(late.map((l) => [l.title, l.clock.state])).toEqual([
        ['乙', 'overdue'],
        ['丙', 'late'],
      ]);
      expect((await svc.clocksOfInterpretation(ic.id)).map((x) => x.title)).toEqual(['丙']);
      await expect(svc.lateAndMissing(staff.clerk)).rejects.toMatchObject({ code: 'forbidden' });
    });

    it('records one reminder per policy per day, due soon or overdue, with one audit event per run', async () => {
      const withPlan = { 'meta.interpretationPlan': '同步起草解读。' };
      const p = await pub.documents.createDraft(staff.clerk, county.id, policyInput(withPlan));
      await publish(p.id, '2026-03-02');
      app.clock.set(new Date('2026-03-03T02:00:00Z')); // 2 working days left: not yet
      expect((await svc.sendReminders('2026-03-03')).reminders).toBe(0);
      app.clock.set(new Date('2026-03-04T02:00:00Z')); // 1 left
      expect((await svc.sendReminders('2026-03-04')).reminders).toBe(1);
      expect((await svc.sendReminders('2026-03-04')).reminders).toBe(0);
      app.clock.set(new Date('2026-03-06T02:00:00Z')); // overdue
      expect((await svc.sendReminders('2026-03-06')).reminders).toBe(1);
      expect((await svc.repo.reminders(p.id)).map((r) => r.run_key)).toEqual(['2026-03-04', '2026-03-06']);
      const runs = await app.db
        .selectFrom('audit_events')
        .select('summary')
        .where('action', '=', 'policy.interpretation_reminders')
        .orderBy('id')
        .execute();
      expect(runs.map((r) => r.summary)).toEqual([
        '政策解读提醒：2026-03-03 记录提醒 0 条',
        `政策解读提醒：2026-03-04 记录提醒 1 条（${county.name}“测试县农村低保管理办法”未发布·剩余1个工作日）`,
        '政策解读提醒：2026-03-04 记录提醒 0 条',
        `政策解读提醒：2026-03-06 记录提醒 1 条（${county.name}“测试县农村低保管理办法”未发布·已逾期1个工作日）`,
      ]);
    });

    it('the daily job files the 政策解读 column under a unit created before it joined the template, once', async () => {
      const column = () =>
        app.db
          .selectFrom('site_columns')
          .select('id')
          .where('unit_id', '=', county.id)
          .where('template_key', '=', 'policy_interpretation')
          .execute();
      await app.db
        .deleteFrom('site_columns')
        .where('id', '=', (await column())[0]!.id)
        .execute();
      expect((await svc.sendReminders('2026-03-02')).columns).toBe(1);
      expect(await column()).toHaveLength(1);
      expect((await svc.sendReminders('2026-03-03')).columns).toBe(0);
    });
  });

  it('shows the differences against the edition the policy amends, and lists the latest 解读s', async () => {
    const withPlan = { 'meta.interpretationPlan': '同步起草解读。' };
    const old = await publishDocument(pub, county, staff, {
      ...policyInput(withPlan),
      bodyHtml: '<p>第一条 补贴标准为每人每月300元。第二条 每季度发放。</p>',
    });
    const next = await pub.documents.createDraft(
      staff.clerk,
      county.id,
      policyInput({
        ...withPlan,
        title: '修订后的办法',
        bodyHtml: '<p>第一条 补贴标准为每人每月350元。第二条 每季度发放。</p>',
      }),
    );
    await pub.relations.addRelation(staff.clerk, next.id, { type: 'amends', toId: String(old) });
    await publish(next.id, '2026-03-02');
    const interp = await svc.createForPolicy(staff.clerk, next.id, interpretationInput());
    await publish(interp.id, '2026-03-02');
    const [d] = await svc.editionDiffs(interp.id);
    expect(d?.previous.id).toBe(old);
    expect(d?.diff.parts).toEqual([
      { kind: 'removed', text: '第一条 补贴标准为每人每月300元。' },
      { kind: 'added', text: '第一条 补贴标准为每人每月350元。' },
      { kind: 'same', text: '第二条 每季度发放。' },
    ]);
    expect((await svc.latestPublished(5)).map((x) => x.id)).toEqual([interp.id]);
  });
});
