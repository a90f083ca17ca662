import { createHash } from 'node:crypto';
import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCounty } from '../../../../test/support/factories.ts';
import { buildStaff, documentInput, type Staff } from '../../../../test/support/publishing.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../../test/support/test-app.ts';
import type { Unit } from '../../../db/schema.ts';
import type { Publishing } from '../publishing.services.ts';
import { AttachmentStore } from './attachment-store.ts';
import { UNREFERENCED_FILE_GRACE_HOURS } from './attachment-sweep.ts';

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);
const hashOf = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe(`removing attachments on ${ENGINE}`, () => {
  let app: TestApp;
  let pub: Publishing;
  let county: Unit;
  let staff: Staff;
  let files: AttachmentStore;
  beforeEach(async () => {
    app = await createTestApp();
    pub = app.publishing;
    county = (await buildCounty(app)).county;
    staff = await buildStaff(app, county);
    files = new AttachmentStore(app.config.DATA_DIR);
  });
  afterEach(async () => app.destroy());

  it('removes an attachment from a draft, audited, keeping the file for the sweep', async () => {
    const a = await pub.documents.createDraft(staff.clerk, county.id, documentInput());
    const b = await pub.documents.createDraft(staff.clerk, county.id, documentInput({ title: '另一份' }));
    const shared = pdf('shared');
    const own = pdf('own');
    const sharedInA = await pub.documents.addAttachment(staff.clerk, a.id, '共用.pdf', shared);
    const ownInA = await pub.documents.addAttachment(staff.clerk, a.id, '独有.pdf', own);
    await pub.documents.addAttachment(staff.clerk, b.id, '共用副本.pdf', shared);

    await pub.documents.removeAttachment(staff.clerk, a.id, sharedInA);
    expect((await pub.documentRepo.attachments(a.id)).map((x) => x.id)).toEqual([ownInA]);
    expect(files.has(hashOf(shared))).toBe(true); // still attached to b
    await pub.documents.removeAttachment(staff.clerk, a.id, ownInA);
    expect(await pub.documentRepo.attachments(a.id)).toEqual([]);
    expect(files.has(hashOf(own))).toBe(true); // the row is gone; the file goes with the daily sweep

    const events = await app.auditRepo.list({ action: 'document.attachment_remove' }, 5);
    expect(events.map((e) => e.summary).sort()).toEqual([
      '从信息草稿“关于做好2026年农村低保工作的通知”删除附件“共用.pdf”',
      '从信息草稿“关于做好2026年农村低保工作的通知”删除附件“独有.pdf”',
    ]);
    expect(JSON.parse(events[0]!.before_json!)).toHaveProperty('fileName');
  });

  it('the daily sweep deletes files nothing refers to once their grace period is over', async () => {
    const a = await pub.documents.createDraft(staff.clerk, county.id, documentInput());
    const kept = pdf('kept');
    const removed = pdf('removed');
    const fresh = pdf('fresh');
    await pub.documents.addAttachment(staff.clerk, a.id, '保留.pdf', kept);
    const removedId = await pub.documents.addAttachment(staff.clerk, a.id, '删除.pdf', removed);
    const freshId = await pub.documents.addAttachment(staff.clerk, a.id, '刚删除.pdf', fresh);
    await pub.documents.removeAttachment(staff.clerk, a.id, removedId);
    await pub.documents.removeAttachment(staff.clerk, a.id, freshId);
    const root = path.join(app.config.DATA_DIR, 'files');
    const old = new Date(Date.now() - (UNREFERENCED_FILE_GRACE_HOURS + 1) * 3_600_000);
    const fileOf = (b: Buffer) => path.join(root, hashOf(b).slice(0, 2), hashOf(b));
    for (const b of [kept, removed]) utimesSync(fileOf(b), old, old);
    const tmp = `${fileOf(kept)}.123.456.tmp`;
    writeFileSync(tmp, 'half an upload');
    utimesSync(tmp, old, old);
    app.clock.set(new Date());

    expect(await pub.fileSweep.run()).toEqual({ deleted: 1, temporary: 1, kept: 2 });
    expect(files.has(hashOf(kept))).toBe(true); // still attached
    expect(files.has(hashOf(removed))).toBe(false);
    expect(files.has(hashOf(fresh))).toBe(true); // unreferenced, but within the grace period
    expect(existsSync(tmp)).toBe(false);
    const [event] = await app.auditRepo.list({ action: 'files.sweep' }, 1);
    expect(event?.summary).toBe('清理不再使用的附件文件 1 个、未完成上传的临时文件 1 个');

    // storing the same bytes again refreshes the file, so a sweep right after an upload keeps it
    utimesSync(fileOf(fresh), old, old);
    await pub.documents.addAttachment(staff.clerk, a.id, '再次上传.pdf', fresh);
    await pub.documents.removeAttachment(
      staff.clerk,
      a.id,
      (await pub.documentRepo.attachments(a.id)).at(-1)!.id,
    );
    expect(await pub.fileSweep.run()).toEqual({ deleted: 0, temporary: 0, kept: 2 });
    expect(files.has(hashOf(fresh))).toBe(true);
  });

  it('refuses attachments of other documents, published documents and people without 起草 rights', async () => {
    const draft = await pub.documents.createDraft(staff.clerk, county.id, documentInput());
    const other = await pub.documents.createDraft(staff.clerk, county.id, documentInput({ title: '别的' }));
    const att = await pub.documents.addAttachment(staff.clerk, draft.id, '附件.pdf', pdf('x'));
    expect((await pub.documents.removeAttachment(staff.clerk, other.id, att).catch((e) => e)).code).toBe(
      'not_found',
    );
    const secrecy = await pub.documents
      .removeAttachment(staff.confidentiality, draft.id, att)
      .catch((e) => e);
    expect(secrecy.code).toBe('forbidden');

    await pub.review.submit(staff.clerk, draft.id);
    const inReview = await pub.documents.removeAttachment(staff.clerk, draft.id, att).catch((e) => e);
    expect(inReview.code).toBe('invalid_transition');
    await pub.review.reviewConfidentiality(staff.confidentiality, draft.id, { conclusion: 'disclose' });
    await pub.review.approve(staff.reviewer, draft.id);
    const published = await pub.documents.removeAttachment(staff.reviewer, draft.id, att).catch((e) => e);
    expect(published.code).toBe('invalid_transition');
    expect(published.message).toContain('已发布信息的附件属于已公开的内容，不能删除');
    expect((await pub.documentRepo.attachments(draft.id)).map((a) => a.id)).toEqual([att]);
    expect(files.has(hashOf(pdf('x')))).toBe(true);
    expect(await app.auditRepo.list({ action: 'document.attachment_remove' }, 5)).toEqual([]);
  });

  it('a draft returned for revision (退回修改) can lose an attachment again', async () => {
    const draft = await pub.documents.createDraft(staff.clerk, county.id, documentInput());
    const att = await pub.documents.addAttachment(staff.clerk, draft.id, '附件.pdf', pdf('y'));
    await pub.review.submit(staff.clerk, draft.id);
    await pub.review.returnForRevision(staff.confidentiality, draft.id, '附件含有个人信息');
    await pub.documents.removeAttachment(staff.clerk, draft.id, att);
    expect(await pub.documentRepo.attachments(draft.id)).toEqual([]);
  });
});
