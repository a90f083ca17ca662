import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCounty, buildUser } from '../../../../test/support/factories.ts';
import {
  buildStaff,
  documentInput,
  publishDocument,
  publishingFor,
  type Staff,
} from '../../../../test/support/publishing.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../../test/support/test-app.ts';
import type { Unit } from '../../../db/schema.ts';
import { DEFAULT_PRE_PUBLICATION_CONFIG } from '../checks/pre-publication-checks.ts';
import { validIdNumber } from '../checks/test-numbers.ts';
import type { Publishing } from '../publishing.services.ts';
import { DocumentReviewService, type DocumentReviewServiceDeps } from './document-review.service.ts';

describe(`document workflow on ${ENGINE}`, () => {
  let app: TestApp;
  let pub: Publishing;
  let county: Unit;
  let staff: Staff;
  let admin: Staff['clerk'];
  beforeEach(async () => {
    app = await createTestApp();
    pub = publishingFor(app);
    county = (await buildCounty(app)).county;
    staff = await buildStaff(app, county);
    admin = (await buildUser(app, county, ['disclosure_admin'])).ctx;
  });
  afterEach(async () => app.destroy());

  const doc = (id: number) => pub.documentRepo.findById(id).then((d) => d!);
  const actions = async () => (await app.auditRepo.list({}, 500)).map((e) => e.action);

  it('stores normalised metadata and shows one document in many columns', async () => {
    const cols = (await pub.columns.listForUnit(county.id)).filter((c) => c.kind === 'list').slice(0, 2);
    const d = await pub.documents.createDraft(
      staff.clerk,
      county.id,
      documentInput({ columnIds: cols.map((c) => c.id), issuers: ['县政府办', '县民政局'] }),
    );
    expect(d).toMatchObject({
      state: 'draft',
      doc_number: '张政办发〔2026〕3号',
      doc_number_key: '张政办发2026年3号',
      index_number: null,
    });
    expect(JSON.parse(d.keywords_json)).toEqual(['低保', '社会救助']);
    expect(await pub.documentRepo.issuers(d.id)).toEqual(['县政府办', '县民政局']);
    expect(await pub.documentRepo.columnIds(d.id)).toEqual(cols.map((c) => c.id).sort((a, b) => a - b));
    const bad = await pub.documents
      .createDraft(
        staff.clerk,
        county.id,
        documentInput({ disclosureMode: 'withheld', writtenOn: '2026-02-30' }),
      )
      .catch((e) => e);
    expect(bad.problems.map((p: { field: string }) => p.field).sort()).toEqual([
      'withheldGround',
      'writtenOn',
    ]);
  });

  it('publishes through 保密审查 and 审核, assigning a unique 索引号 per unit that never changes', async () => {
    const first = await publishDocument(pub, county, staff);
    const second = await publishDocument(pub, county, staff, { title: '第二份' });
    expect(await doc(first)).toMatchObject({
      state: 'published',
      index_number: `${county.code}/2026-00001`,
      published_on: '2026-03-02',
      version: 1,
      ever_published: 1,
    });
    expect((await doc(second)).index_number).toBe(`${county.code}/2026-00002`);
    await pub.documents.correctPublished(
      staff.reviewer,
      first,
      documentInput({ title: '更正后的标题' }),
      '标题有误',
    );
    expect(await doc(first)).toMatchObject({
      title: '更正后的标题',
      index_number: `${county.code}/2026-00001`,
      version: 2,
    });
    const reviews = (await pub.documentRepo.reviews(first)).map(
      (r) => `${r.event}:${r.from_state}>${r.to_state}`,
    );
    expect(reviews).toEqual([
      'submit:draft>confidentiality_review',
      'clear:confidentiality_review>approval_review',
      'approve:approval_review>published',
    ]);
    expect(await actions()).toEqual(
      expect.arrayContaining([
        'document.create',
        'document.submit',
        'document.clear',
        'document.approve',
        'document.correct',
      ]),
    );
  });

  it('keeps the earlier version with a dated 更正说明 shown on the public page', async () => {
    const id = await publishDocument(pub, county, staff);
    app.clock.set(new Date('2026-03-05T03:00:00Z'));
    await pub.documents.correctPublished(
      staff.reviewer,
      id,
      documentInput({ bodyHtml: '<p>新正文</p>' }),
      '正文数字有误',
    );
    const versions = await pub.documentRepo.versions(id);
    expect(versions).toHaveLength(1);
    expect(JSON.parse(versions[0]!.snapshot_json).body_html).toContain('各乡镇');
    const page = await pub.publicDocuments.getPublished(id);
    expect(page?.corrections).toEqual([
      { version: 1, corrected_on: '2026-03-05', correction_note: '正文数字有误' },
    ]);
    await expect(
      pub.documents.correctPublished(staff.reviewer, id, documentInput(), ''),
    ).rejects.toMatchObject({ code: 'validation' });
  });

  it('refuses self-approval, even to a user holding every role', async () => {
    const all = (await buildUser(app, county, ['clerk', 'confidentiality_reviewer', 'reviewer'])).ctx;
    const d = await pub.documents.createDraft(all, county.id, documentInput());
    await pub.review.submit(all, d.id);
    await expect(pub.review.reviewConfidentiality(all, d.id, { conclusion: 'disclose' })).rejects.toThrow(
      /本人提交/,
    );
    await pub.review.reviewConfidentiality(staff.confidentiality, d.id, { conclusion: 'disclose' });
    await expect(pub.review.approve(all, d.id)).rejects.toThrow(/本人提交/);
    expect((await doc(d.id)).state).toBe('approval_review');
  });

  it('refuses a step whose document another reviewer moved meanwhile, writing nothing', async () => {
    const d = await pub.documents.createDraft(staff.clerk, county.id, documentInput());
    await pub.review.submit(staff.clerk, d.id);
    await pub.review.reviewConfidentiality(staff.confidentiality, d.id, { conclusion: 'disclose' });
    // The check configuration is read after the document was loaded and checked, before the
    // transaction: the moment another reviewer's 退回修改 can get in between.
    const racing = new DocumentReviewService({
      ...(pub.review as unknown as { d: DocumentReviewServiceDeps }).d,
      checks: undefined,
      checkSettings: {
        load: async () => {
          await pub.review.returnForRevision(staff.reviewer, d.id, '同时退回');
          return DEFAULT_PRE_PUBLICATION_CONFIG;
        },
      },
    });
    await expect(racing.approve(staff.reviewer, d.id)).rejects.toMatchObject({
      code: 'invalid_transition',
      message: '该信息刚刚已被他人处理，请刷新后重试',
    });
    expect((await doc(d.id)).state).toBe('draft');
    expect(await actions()).not.toContain('document.approve');
  });

  it('returns for revision with a required reason from either step', async () => {
    const d = await pub.documents.createDraft(staff.clerk, county.id, documentInput());
    await pub.review.submit(staff.clerk, d.id);
    await expect(pub.review.returnForRevision(staff.confidentiality, d.id, ' ')).rejects.toMatchObject({
      code: 'validation',
    });
    await pub.review.returnForRevision(staff.confidentiality, d.id, '请核对数字');
    expect((await doc(d.id)).state).toBe('draft');
    await pub.review.submit(staff.clerk, d.id);
    await pub.review.reviewConfidentiality(staff.confidentiality, d.id, { conclusion: 'disclose' });
    await pub.review.returnForRevision(staff.reviewer, d.id, '标题不规范');
    expect((await pub.documentRepo.reviews(d.id)).map((r) => r.reason).filter(Boolean)).toEqual([
      '请核对数字',
      '标题不规范',
    ]);
  });

  it('records 保密审查 conclusions: redact returns to the editor, withhold needs a ground', async () => {
    const d = await pub.documents.createDraft(staff.clerk, county.id, documentInput());
    await pub.review.submit(staff.clerk, d.id);
    await expect(
      pub.review.reviewConfidentiality(staff.confidentiality, d.id, { conclusion: 'withhold' }),
    ).rejects.toMatchObject({ code: 'validation' });
    await pub.review.reviewConfidentiality(staff.confidentiality, d.id, {
      conclusion: 'redact',
      note: '删除附表中的姓名',
    });
    expect(await doc(d.id)).toMatchObject({ state: 'draft', confidentiality_conclusion: 'redact' });
    await pub.review.submit(staff.clerk, d.id);
    await pub.review.reviewConfidentiality(staff.confidentiality, d.id, {
      conclusion: 'withhold',
      ground: 'art16_process_information',
    });
    expect(await doc(d.id)).toMatchObject({
      state: 'withheld',
      disclosure_mode: 'withheld',
      withheld_ground: 'art16_process_information',
    });
  });

  it('blocks submission and force-publication when a check says block', async () => {
    const body = `<p>申请人身份证号 ${validIdNumber('11010519491231002')}</p>`;
    const d = await pub.documents.createDraft(staff.clerk, county.id, documentInput({ bodyHtml: body }));
    await expect(pub.review.submit(staff.clerk, d.id)).rejects.toThrow(/发布前检查未通过/);
    await expect(pub.review.forcePublish(admin, d.id, '紧急')).rejects.toThrow(/发布前检查未通过/);
    expect((await doc(d.id)).state).toBe('draft');
  });

  it('force-publishes with a recorded reason', async () => {
    const d = await pub.documents.createDraft(staff.clerk, county.id, documentInput());
    await expect(pub.review.forcePublish(admin, d.id, '')).rejects.toMatchObject({ code: 'validation' });
    await expect(pub.review.forcePublish(staff.reviewer, d.id, '紧急')).rejects.toMatchObject({
      code: 'invalid_transition',
    });
    await pub.review.forcePublish(admin, d.id, '防汛紧急通知');
    expect((await doc(d.id)).state).toBe('published');
    expect((await pub.documentRepo.reviews(d.id)).at(-1)).toMatchObject({
      event: 'force_publish',
      reason: '防汛紧急通知',
    });
  });

  it('schedules publication and publishes when due, as the system job', async () => {
    const d = await pub.documents.createDraft(staff.clerk, county.id, documentInput());
    await pub.review.submit(staff.clerk, d.id);
    await pub.review.reviewConfidentiality(staff.confidentiality, d.id, { conclusion: 'disclose' });
    await expect(
      pub.review.approve(staff.reviewer, d.id, { scheduledAt: '2026-03-01T00:00:00Z' }),
    ).rejects.toMatchObject({ code: 'validation' });
    await pub.review.approve(staff.reviewer, d.id, { scheduledAt: '2026-03-03T01:00:00Z' });
    expect(await doc(d.id)).toMatchObject({ state: 'scheduled', index_number: null });
    expect(await pub.review.publishDue(new Date('2026-03-03T00:59:00Z'))).toBe(0);
    app.clock.set(new Date('2026-03-03T01:00:00Z'));
    expect(await pub.review.publishDue()).toBe(1);
    expect(await doc(d.id)).toMatchObject({
      state: 'published',
      published_on: '2026-03-03',
      scheduled_at: null,
    });
    expect(await pub.review.publishDue()).toBe(0);
    const audit = (await app.auditRepo.list({}, 50)).find((e) => e.action === 'document.publish_due');
    expect(audit?.actor_name).toBe('定时发布任务');
  });

  it('withdraws with a reason from the list, keeping the page with its notice', async () => {
    const id = await publishDocument(pub, county, staff);
    await expect(pub.review.withdraw(staff.reviewer, id, { reason: 'other' })).rejects.toMatchObject({
      code: 'validation',
    });
    await pub.review.withdraw(staff.reviewer, id, { reason: 'expired' });
    const page = await pub.publicDocuments.getPublished(id);
    expect(page).toMatchObject({
      state: 'withdrawn',
      withdrawal_reason: 'expired',
      withdrawn_at: '2026-03-02T02:00:00.000Z',
    });
    const list = await pub.publicDocuments.listPublishedForUnit(county.path, {}, { page: 1, pageSize: 10 });
    expect(list.total).toBe(0);
  });

  it('deletes only never-published drafts', async () => {
    const d = await pub.documents.createDraft(staff.clerk, county.id, documentInput());
    await pub.documents.deleteDraft(staff.clerk, d.id);
    expect(await pub.documentRepo.findById(d.id)).toBeUndefined();
    const id = await publishDocument(pub, county, staff);
    await pub.review.withdraw(staff.reviewer, id, { reason: 'publishing_error' });
    await expect(pub.documents.deleteDraft(staff.clerk, id)).rejects.toMatchObject({
      code: 'invalid_transition',
    });
    expect(await actions()).toContain('document.delete');
  });

  it('stores attachments by content hash with the original name, checking the type by content', async () => {
    const d = await pub.documents.createDraft(staff.clerk, county.id, documentInput());
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
    const attId = await pub.documents.addAttachment(staff.clerk, d.id, '附件1：申报表.pdf', pdf);
    const att = await pub.documentRepo.attachment(attId);
    expect(att).toMatchObject({ file_name: '附件1：申报表.pdf', kind: 'pdf', size: pdf.length });
    await expect(
      pub.documents.addAttachment(staff.clerk, d.id, '伪装.pdf', Buffer.from('MZ not a pdf')),
    ).rejects.toMatchObject({ code: 'validation' });
  });
});
