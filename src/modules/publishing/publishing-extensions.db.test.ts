/**
 * The extension points of 主动公开 through the real services on a real database: a registered document
 * kind, a registered check, typed relations and the published / withdrawn hooks.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildCounty } from '../../../test/support/factories.ts';
import { buildStaff, documentInput, publishDocument, type Staff } from '../../../test/support/publishing.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import type { Unit } from '../../db/schema.ts';
import { optionalChecked, requiredText } from '../../lib/validation.ts';
import type { DocumentLifecycleNotice } from './documents/document-events.ts';
import type { DocumentKind } from './documents/document-kinds.ts';
import type { Publishing } from './publishing.services.ts';

const NORMATIVE: DocumentKind<{ organ: string; expiresOn: string | null }> = {
  key: 'sample_normative',
  label: '规范性文件',
  metadataSchema: z.object({
    organ: requiredText('制定机关', 100),
    expiresOn: optionalChecked('有效期至', (v) =>
      /^\d{4}-\d{2}-\d{2}$/.test(v) ? null : '格式应为 2026-03-02',
    ),
  }),
  fields: [
    { name: 'organ', label: '制定机关', type: 'text', required: true },
    { name: 'expiresOn', label: '有效期至', type: 'date' },
  ],
  listColumns: [{ header: '有效期至', value: (m) => m.expiresOn }],
  defaultColumns: ['art20_01'],
  checks: [
    {
      name: 'library.expiry',
      label: '有效期',
      defaultSeverity: 'block',
      run: ({ document }) =>
        document?.kindMetadata.expiresOn ? [] : [{ message: '规范性文件须填写有效期' }],
    },
  ],
  relations: { from: ['amends', 'repeals'], to: ['amends', 'repeals', 'interpretation_of'] },
};

const normativeInput = (over: Record<string, unknown> = {}) =>
  documentInput({
    kind: 'sample_normative',
    'meta.organ': '测试县人民政府',
    'meta.expiresOn': '2031-03-01',
    ...over,
  });

describe(`publishing extension points on ${ENGINE}`, () => {
  let app: TestApp;
  let pub: Publishing;
  let county: Unit;
  let staff: Staff;
  beforeEach(async () => {
    app = await createTestApp();
    pub = app.publishing;
    county = (await buildCounty(app)).county;
    staff = await buildStaff(app, county);
  });
  afterEach(async () => app.destroy());

  describe('document kinds', () => {
    beforeEach(() => pub.kinds.register(NORMATIVE));

    it('stores the kind and its metadata, files it under its default column, keeps them on edit', async () => {
      const draft = await pub.documents.createDraft(staff.clerk, county.id, normativeInput());
      expect(draft.kind).toBe('sample_normative');
      expect(JSON.parse(draft.kind_metadata_json!)).toEqual({
        organ: '测试县人民政府',
        expiresOn: '2031-03-01',
      });
      const column = (await pub.columns.listForUnit(county.id)).find((c) => c.template_key === 'art20_01')!;
      expect(await pub.documentRepo.columnIds(draft.id)).toEqual([column.id]);
      const edited = await pub.documents.updateDraft(
        staff.clerk,
        draft.id,
        normativeInput({ kind: 'document', 'meta.expiresOn': '' }),
      );
      expect(edited.kind).toBe('sample_normative');
      expect(JSON.parse(edited.kind_metadata_json!)).toEqual({ organ: '测试县人民政府', expiresOn: null });
    });

    it('lists the problems of the core and the kind fields together, naming each field', async () => {
      const e = await pub.documents
        .createDraft(
          staff.clerk,
          county.id,
          normativeInput({ title: '', 'meta.organ': '', 'meta.expiresOn': '明年' }),
        )
        .catch((x) => x);
      expect(e.code).toBe('validation');
      expect(e.problems).toEqual([
        { field: 'title', message: '请填写标题' },
        { field: 'meta.organ', message: '请填写制定机关' },
        { field: 'meta.expiresOn', message: '有效期至：格式应为 2026-03-02' },
      ]);
      const unknown = await pub.documents
        .createDraft(staff.clerk, county.id, documentInput({ kind: 'no_such_kind' }))
        .catch((x) => x);
      expect(unknown.problems).toEqual([{ field: 'kind', message: '信息类型不存在' }]);
    });

    it('an ordinary document is 政府信息 with no metadata and is not checked by the kind’s check', async () => {
      const plain = await pub.documents.createDraft(staff.clerk, county.id, documentInput());
      expect([plain.kind, plain.kind_metadata_json]).toEqual(['document', null]);
      expect(await pub.documentRepo.columnIds(plain.id)).toEqual([]);
      expect((await pub.review.runChecks(plain)).findings.map((f) => f.check)).not.toContain(
        'library.expiry',
      );
    });

    it('runs the kind’s check on its documents: a missing 有效期 blocks submission', async () => {
      const draft = await pub.documents.createDraft(
        staff.clerk,
        county.id,
        normativeInput({ 'meta.expiresOn': '' }),
      );
      const e = await pub.review.submit(staff.clerk, draft.id).catch((x) => x);
      expect(e.code).toBe('invalid_transition');
      expect(e.message).toContain('发布前检查未通过：规范性文件须填写有效期');
      await pub.documents.updateDraft(staff.clerk, draft.id, normativeInput());
      await pub.review.submit(staff.clerk, draft.id);
      expect((await pub.documentRepo.findById(draft.id))?.state).toBe('confidentiality_review');
    });
  });

  it('a registered check runs on every document and its findings are recorded with the step', async () => {
    pub.checkRegistry.register({
      name: 'test.summary',
      label: '内容概述',
      defaultSeverity: 'warn',
      run: ({ input }) =>
        input.bodyHtml.includes('低保') ? [{ message: '请核对低保标准', location: 'body' }] : [],
    });
    const id = await publishDocument(pub, county, staff);
    const [submit] = await pub.documentRepo.reviews(id);
    expect(JSON.parse(submit!.findings_json!)).toContainEqual({
      check: 'test.summary',
      severity: 'warn',
      message: '请核对低保标准',
      location: 'body',
    });
  });

  describe('typed relations', () => {
    it('links a 解读 to its document: both directions, audited in the same transaction', async () => {
      const policy = await publishDocument(pub, county, staff, { title: '关于印发养老服务补贴办法的通知' });
      const reading = await pub.documents.createDraft(
        staff.clerk,
        county.id,
        documentInput({ title: '一图读懂养老服务补贴办法' }),
      );
      const relationId = await pub.relations.addRelation(staff.clerk, reading.id, {
        type: 'interpretation_of',
        toId: String(policy),
      });
      const [event] = await app.auditRepo.list({ action: 'document.relation_add' }, 5);
      expect(event).toMatchObject({ target_id: String(reading.id) });
      expect(event?.summary).toBe(
        '关联信息“一图读懂养老服务补贴办法”与“关于印发养老服务补贴办法的通知”：解读',
      );
      const mine = await pub.relations.relationsOf(staff.clerk, reading.id);
      expect(mine.outgoing.map((r) => [r.id, r.type, r.documentId])).toEqual([
        [relationId, 'interpretation_of', policy],
      ]);
      const theirs = await pub.relations.relationsOf(staff.clerk, policy);
      expect(theirs.incoming.map((r) => [r.type, r.documentId, r.state])).toEqual([
        ['interpretation_of', reading.id, 'draft'],
      ]);
      // The public page never names a draft.
      expect((await pub.relations.publicRelationsOf(policy)).incoming).toEqual([]);
      await pub.review.submit(staff.clerk, reading.id);
      await pub.review.reviewConfidentiality(staff.confidentiality, reading.id, { conclusion: 'disclose' });
      await pub.review.approve(staff.reviewer, reading.id);
      expect((await pub.relations.publicRelationsOf(policy)).incoming.map((r) => r.title)).toEqual([
        '一图读懂养老服务补贴办法',
      ]);
      await pub.relations.removeRelation(staff.reviewer, reading.id, relationId);
      expect((await pub.relations.relationsOf(staff.clerk, policy)).incoming).toEqual([]);
      const [removed] = await app.auditRepo.list({ action: 'document.relation_remove' }, 5);
      expect(JSON.parse(removed!.before_json!)).toMatchObject({ type: 'interpretation_of', toId: policy });
    });

    it('lists every reason a relation cannot be added', async () => {
      const draft = await pub.documents.createDraft(staff.clerk, county.id, documentInput());
      const other = await pub.documents.createDraft(
        staff.clerk,
        county.id,
        documentInput({ title: '另一份草稿' }),
      );
      const add = (from: number, type: string, toId: number | string) =>
        pub.relations.addRelation(staff.clerk, from, { type, toId: String(toId) }).catch((e) => e.problems);
      expect(await add(draft.id, 'interpretation_of', draft.id)).toEqual([
        { field: 'toId', message: '不能关联信息本身' },
      ]);
      expect(await add(draft.id, 'repeals', 99_999)).toEqual([
        { field: 'toId', message: '关联信息编号 99999 不存在' },
      ]);
      expect(await add(draft.id, 'repeals', other.id)).toEqual([
        { field: 'toId', message: '只能废止已发布过的信息' },
      ]);
      expect(await add(draft.id, 'cites', '')).toEqual([
        { field: 'type', message: '请选择关联类型' },
        { field: 'toId', message: '请填写关联信息编号' },
      ]);
      await pub.relations.addRelation(staff.clerk, draft.id, { type: 'feedback_on', toId: String(other.id) });
      expect(await add(draft.id, 'feedback_on', other.id)).toEqual([
        { field: 'toId', message: '已存在同样的反馈关联' },
      ]);
      await pub.relations.addRelation(staff.clerk, draft.id, {
        type: 'interpretation_of',
        toId: String(other.id),
      });
      const third = await pub.documents.createDraft(
        staff.clerk,
        county.id,
        documentInput({ title: '第三份' }),
      );
      expect(await add(third.id, 'interpretation_of', draft.id)).toEqual([
        { field: 'toId', message: '所选信息本身是解读，不能再被解读' },
      ]);
      // Deleting a draft removes its relations with it.
      await pub.documents.deleteDraft(staff.clerk, draft.id);
      expect(await pub.relations.relationsOf(staff.clerk, other.id)).toEqual({ outgoing: [], incoming: [] });
    });

    it('applies the kinds’ rules and refuses documents two ways', async () => {
      pub.kinds.register(NORMATIVE);
      const old = await publishDocument(pub, county, staff, normativeInput({ title: '旧办法' }));
      const next = await publishDocument(pub, county, staff, normativeInput({ title: '新办法' }));
      const plain = await publishDocument(pub, county, staff, { title: '普通通知' });
      const add = (from: number, type: string, toId: number) =>
        pub.relations.addRelation(staff.clerk, from, { type, toId: String(toId) }).catch((e) => e.problems);
      expect(typeof (await add(next, 'repeals', old))).toBe('number');
      expect(await add(old, 'repeals', next)).toEqual([
        { field: 'toId', message: '所选信息已废止本信息，两份信息不能互相废止' },
      ]);
      expect(await add(next, 'interpretation_of', plain)).toEqual([
        { field: 'type', message: '“规范性文件”类信息不能作为解读关联的发起方' },
      ]);
      expect(await add(plain, 'feedback_on', old)).toEqual([
        { field: 'type', message: '“规范性文件”类信息不能被反馈' },
      ]);
      expect(typeof (await add(plain, 'interpretation_of', old))).toBe('number');
      const forbidden = await pub.relations
        .addRelation(staff.confidentiality, plain, { type: 'amends', toId: String(old) })
        .catch((e) => e.code);
      expect(forbidden).toBe('forbidden');
    });
  });

  describe('published and withdrawn hooks', () => {
    it('runs in-transaction subscribers in the step (their rows commit with it) and after-commit ones after', async () => {
      const seen: string[] = [];
      pub.events.inTransaction('published', async (n, trx) => {
        const stateInTrx = await trx
          .selectFrom('documents')
          .select('state')
          .where('id', '=', n.documentId)
          .executeTakeFirst();
        seen.push(`trx:${n.step}:${stateInTrx?.state}:${n.firstPublication}`);
        await trx
          .insertInto('settings')
          .values({ key: `test.published.${n.documentId}`, value: n.kind, updated_at: n.at })
          .execute();
      });
      pub.events.afterCommit('published', (n) => {
        seen.push(`after:${n.step}`);
      });
      pub.events.afterCommit('withdrawn', (n: DocumentLifecycleNotice) => {
        seen.push(`withdrawn:${n.step}:${n.title}`);
      });
      const id = await publishDocument(pub, county, staff);
      const row = await app.database.db
        .selectFrom('settings')
        .select('value')
        .where('key', '=', `test.published.${id}`)
        .executeTakeFirst();
      expect(row?.value).toBe('document');
      await pub.review.withdraw(staff.reviewer, id, { reason: 'expired' });
      expect(seen).toEqual([
        'trx:approve:published:true',
        'after:approve',
        'withdrawn:withdraw:关于做好2026年农村低保工作的通知',
      ]);
    });

    it('an in-transaction subscriber that fails rolls the publication back; an after-commit one cannot', async () => {
      const draft = await pub.documents.createDraft(staff.clerk, county.id, documentInput());
      await pub.review.submit(staff.clerk, draft.id);
      await pub.review.reviewConfidentiality(staff.confidentiality, draft.id, { conclusion: 'disclose' });
      let fail = true;
      pub.events.inTransaction('published', async () => {
        if (fail) throw new Error('三同步记录写入失败');
      });
      await expect(pub.review.approve(staff.reviewer, draft.id)).rejects.toThrow('三同步记录写入失败');
      const doc = await pub.documentRepo.findById(draft.id);
      expect([doc?.state, doc?.index_number]).toEqual(['approval_review', null]);
      expect(await app.auditRepo.list({ action: 'document.approve' }, 5)).toEqual([]);
      fail = false;
      const errors: string[] = [];
      pub.events.handleErrorsWith((e, n) => errors.push(`${n.documentId}:${(e as Error).message}`));
      pub.events.afterCommit('published', () => {
        throw new Error('通知发送失败');
      });
      await pub.review.approve(staff.reviewer, draft.id);
      expect((await pub.documentRepo.findById(draft.id))?.state).toBe('published');
      expect(errors).toEqual([`${draft.id}:通知发送失败`]);
    });
  });
});
