import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCounty, buildUser } from '../../../../test/support/factories.ts';
import {
  buildStaff,
  documentInput,
  publishDocument,
  type Staff,
} from '../../../../test/support/publishing.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../../test/support/test-app.ts';
import type { Unit } from '../../../db/schema.ts';
import { configToForm } from '../checks/check-settings.service.ts';
import type { Publishing } from '../publishing.services.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe(`broken internal links on ${ENGINE}`, () => {
  let app: TestApp;
  let pub: Publishing;
  let county: Unit;
  let staff: Staff;
  let admin: Staff['clerk'];
  beforeEach(async () => {
    app = await createTestApp({ env: { PUBLIC_URL: 'https://www.shifan.gov.cn' } });
    pub = app.publishing;
    county = (await buildCounty(app)).county;
    staff = await buildStaff(app, county);
    admin = (await buildUser(app, county, ['disclosure_admin'])).ctx;
  });
  afterEach(async () => app.destroy());

  it('resolves link targets: published documents, active columns and units, existing attachments', async () => {
    const published = await publishDocument(pub, county, staff);
    const withdrawn = await publishDocument(pub, county, staff, { title: '将撤回的信息' });
    await pub.review.withdraw(staff.reviewer, withdrawn, { reason: 'expired' });
    const draft = await pub.documents.createDraft(staff.clerk, county.id, documentInput());
    const attachment = await pub.documents.addAttachment(staff.clerk, draft.id, '附件.pdf', PDF);
    const columns = (await pub.columns.listForUnit(county.id)).filter((c) => c.kind === 'list');
    const [active, retired] = [columns[0]!, columns[1]!];
    await app.database.db
      .updateTable('site_columns')
      .set({ active: 0 })
      .where('id', '=', retired.id)
      .execute();

    const lookup = await pub.documentRepo.linkTargets([
      { kind: 'document', documentId: published },
      { kind: 'document', documentId: withdrawn },
      { kind: 'document', documentId: draft.id },
      { kind: 'document', documentId: 99_999 },
      { kind: 'column', columnId: active.id },
      { kind: 'column', columnId: retired.id },
      { kind: 'unit', unitId: county.id },
      { kind: 'unit', unitId: 99_999 },
      { kind: 'attachment', documentId: draft.id, attachmentId: attachment },
      { kind: 'attachment', documentId: draft.id, attachmentId: 99_999 },
      { kind: 'route' },
    ]);
    expect([...lookup.publishedDocumentIds]).toEqual([published]);
    expect([...lookup.columnIds]).toEqual([active.id]);
    expect([...lookup.unitIds]).toEqual([county.id]);
    expect([...lookup.attachmentKeys]).toEqual([`${draft.id}/${attachment}`]);
    const empty = await pub.documentRepo.linkTargets([]);
    expect(empty.publishedDocumentIds.size + empty.columnIds.size + empty.attachmentKeys.size).toBe(0);
  });

  it('the reviewer sees broken links in the body, relative or on PUBLIC_URL, and a configured block stops publication', async () => {
    const target = await publishDocument(pub, county, staff, { title: '被引用的信息' });
    const gone = await publishDocument(pub, county, staff, { title: '已撤回的信息' });
    await pub.review.withdraw(staff.reviewer, gone, { reason: 'superseded' });
    const html = [
      `<p><a href="/documents/${target}">有效链接</a></p>`,
      `<p><a href="https://www.shifan.gov.cn/documents/${gone}">已撤回</a></p>`,
      `<p><a href="/columns/99999">旧栏目</a></p>`,
      `<p><a href="https://www.shifan.gov.cn/zwgk/old.html">旧网站页面</a></p>`,
      `<p><a href="https://www.gov.cn/zhengce/">国务院</a></p>`,
    ].join('');
    const draft = await pub.documents.createDraft(staff.clerk, county.id, documentInput({ bodyHtml: html }));
    const own = await pub.documents.addAttachment(staff.clerk, draft.id, '附件.pdf', PDF);
    await pub.documents.updateDraft(
      staff.clerk,
      draft.id,
      documentInput({
        bodyHtml: `${html}<p><a href="/documents/${draft.id}/attachments/${own}">本文附件</a></p>`,
      }),
    );
    const doc = (await pub.documentRepo.findById(draft.id))!;
    const checks = await pub.review.runChecks(doc);
    expect(checks.findings.map((f) => [f.check, f.severity, f.excerpt])).toEqual([
      ['internal-link', 'warn', `https://www.shifan.gov.cn/documents/${gone}`],
      ['internal-link', 'warn', '/columns/99999'],
      ['internal-link', 'warn', 'https://www.shifan.gov.cn/zwgk/old.html'],
    ]);
    await pub.review.submit(staff.clerk, draft.id);
    await pub.review.reviewConfidentiality(staff.confidentiality, draft.id, { conclusion: 'disclose' });
    const form = {
      ...configToForm(await pub.checkSettings.load()),
      'severity-internal-link': 'block',
    };
    await pub.checkSettings.save(admin, form);
    const refused = await pub.review.approve(staff.reviewer, draft.id).catch((e) => e);
    expect(refused.code).toBe('invalid_transition');
    expect(refused.message).toContain('站内链接无效（本站没有这个页面）：/zwgk/old.html');
  });
});
