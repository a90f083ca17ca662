/**
 * Builds the publishing module from the parts of an App, as src/app.ts will, plus shortcuts that take a
 * document through the real workflow. For the publishing tests.
 */
import type { App } from '../../src/app.ts';
import type { Unit } from '../../src/db/schema.ts';
import type { CallContext } from '../../src/lib/actor.ts';
import type { Publishing } from '../../src/modules/publishing/publishing.services.ts';
import { buildUser } from './factories.ts';
import type { TestApp } from './test-app.ts';

/** The App's publishing module (built once per App: a second one would register its hooks twice). */
export function publishingFor(app: App): Publishing {
  return app.publishing;
}

/** Form input of a complete document; override any field. */
export function documentInput(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '关于做好2026年农村低保工作的通知',
    topicId: '1',
    genre: '通知',
    docNumber: '张政办发[2026]3号',
    issuers: '测试县人民政府办公室',
    writtenOn: '2026-02-26',
    formedOn: '2026-02-27',
    disclosureMode: 'proactive',
    keywords: '低保，社会救助',
    summary: '部署农村最低生活保障工作。',
    source: '县政府办',
    bodyHtml: '<p>各乡镇人民政府：现就做好农村低保工作通知如下。</p>',
    ...over,
  };
}

/** The three people of the workflow on one unit. */
export interface Staff {
  clerk: CallContext;
  confidentiality: CallContext;
  reviewer: CallContext;
}

/** A 信息员, a 保密审查员 and a 审核员 of `unit`. */
export async function buildStaff(app: TestApp, unit: Unit): Promise<Staff> {
  return {
    clerk: (await buildUser(app, unit, ['clerk'])).ctx,
    confidentiality: (await buildUser(app, unit, ['confidentiality_reviewer'])).ctx,
    reviewer: (await buildUser(app, unit, ['reviewer'])).ctx,
  };
}

/** Creates, submits, clears and approves a document through the real services; returns its id. */
export async function publishDocument(
  pub: Publishing,
  unit: Unit,
  staff: Staff,
  over: Record<string, unknown> = {},
): Promise<number> {
  const doc = await pub.documents.createDraft(staff.clerk, unit.id, documentInput(over));
  await pub.review.submit(staff.clerk, doc.id);
  await pub.review.reviewConfidentiality(staff.confidentiality, doc.id, { conclusion: 'disclose' });
  await pub.review.approve(staff.reviewer, doc.id);
  return doc.id;
}
