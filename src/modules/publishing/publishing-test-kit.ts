/**
 * Builds the publishing module from the parts of an App, as src/app.ts will, plus shortcuts that take a
 * document through the real workflow. For this module's db tests only.
 */
import type { App } from '../../app.ts';
import type { Unit } from '../../db/schema.ts';
import type { CallContext } from '../../lib/actor.ts';
import type { Publishing } from './publishing.module.ts';

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
