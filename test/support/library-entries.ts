/**
 * Library entries for the public library tests: a policy document published through the real workflow,
 * then the policy_entries row its published hook wrote is updated here to the test's own dates, and its
 * state computed by the ledger; events go through the ledger too.
 */
import type { Unit } from '../../src/db/schema.ts';
import type { EventInput } from '../../src/modules/policies/validity-ledger.ts';
import { SYSTEM } from './factories.ts';
import { publishDocument, type Staff } from './publishing.ts';
import type { TestApp } from './test-app.ts';

export interface PolicyInput {
  title: string;
  kind?: 'regulation' | 'normative' | 'policy';
  docNumber?: string;
  issuers?: string;
  registrationNumber?: string | null;
  publishedOn: string;
  effectiveOn?: string | null;
  expiresOn?: string | null;
  expirySource?: 'metadata' | 'text' | 'rule' | 'none' | null;
  topicId?: number | null;
}

/** Publishes a policy document of `unit` and files it in the library; returns its id. */
export async function publishPolicy(app: TestApp, unit: Unit, staff: Staff, p: PolicyInput): Promise<number> {
  const kind = p.kind ?? 'normative';
  const id = await publishDocument(app.publishing, unit, staff, {
    kind,
    title: p.title,
    docNumber: p.docNumber ?? '',
    issuers: p.issuers ?? unit.name,
    ...(p.topicId ? { topicId: String(p.topicId) } : {}),
    'meta.registrationNumber': p.registrationNumber ?? '',
    'meta.interpretationPlan': '由起草单位同步起草文字解读。', // 三同步
    'meta.publishedOn': p.publishedOn,
    'meta.effectiveOn': p.effectiveOn ?? '',
    // 有效期至 goes into the entry row below only: a past one would (rightly) block the publication.
  });
  const doc = await app.db
    .selectFrom('documents')
    .select(['doc_number', 'topic_id'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const now = app.clock.now().toISOString();
  const row = {
    unit_id: unit.id,
    kind,
    title: p.title,
    doc_number: doc.doc_number,
    issuers: p.issuers ?? unit.name,
    registration_number: p.registrationNumber ?? null,
    published_on: p.publishedOn,
    effective_on: p.effectiveOn ?? null,
    expires_on: p.expiresOn ?? null,
    expiry_source: p.expiresOn ? (p.expirySource ?? 'metadata') : 'none',
    topic_id: doc.topic_id,
    state: 'in_force',
    certainty: 'official',
    state_since: p.effectiveOn ?? p.publishedOn,
    no_interpretation_reason: null,
    updated_at: now,
  };
  const existing = await app.db
    .selectFrom('policy_entries')
    .select('document_id')
    .where('document_id', '=', id)
    .executeTakeFirst();
  if (existing) await app.db.updateTable('policy_entries').set(row).where('document_id', '=', id).execute();
  else
    await app.db
      .insertInto('policy_entries')
      .values({ ...row, document_id: id, created_at: now })
      .execute();
  await app.db.transaction().execute((trx) => app.policies.ledger.recompute(trx, id));
  return id;
}

/** Records a validity event through the ledger (as the system). */
export async function recordEvent(app: TestApp, documentId: number, e: EventInput): Promise<number> {
  return app.policies.ledger.record(SYSTEM, documentId, e);
}
