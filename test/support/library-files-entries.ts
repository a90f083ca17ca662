/**
 * Library entries for tests of the files part: a 行政规范性文件 is published through the normal workflow (the
 * published hook writes its entry), then the entry is replaced by one stating exactly the dates the test
 * gives (no rule-inferred 有效期) and its state computed by the ledger.
 */
import type { Unit } from '../../src/db/schema.ts';
import type { Policies } from '../../src/modules/policies/policies.services.ts';
import type { PolicyKind } from '../../src/modules/policies/policy.model.ts';
import type { Publishing } from '../../src/modules/publishing/publishing.services.ts';
import { documentInput, publishDocument, type Staff } from './publishing.ts';

export interface LibraryDocInput {
  kind?: PolicyKind;
  title?: string;
  docNumber?: string;
  registrationNumber?: string;
  publishedOn?: string;
  effectiveOn?: string;
  expiresOn?: string;
  bodyHtml?: string;
}

/** Publishes a library document and files its entry (state derived as of today). Returns its id. */
export async function publishLibraryDocument(
  pub: Publishing,
  policies: Policies,
  unit: Unit,
  staff: Staff,
  over: LibraryDocInput = {},
): Promise<number> {
  const kind = over.kind ?? 'normative';
  const title = over.title ?? '某县农村集体资产管理办法';
  const docNumber = over.docNumber ?? '测政规〔2026〕1号';
  const id = await publishDocument(pub, unit, staff, {
    ...documentInput({ title, docNumber, issuers: '测试县人民政府' }),
    kind,
    genre: '通知',
    'meta.registrationNumber': over.registrationNumber ?? '',
    'meta.publishedOn': over.publishedOn ?? '',
    'meta.effectiveOn': over.effectiveOn ?? '',
    'meta.expiresOn': over.expiresOn ?? '',
    // The three 三同步 fields (when that check lands): no 解读 needed for a test document.
    'meta.noInterpretationReason': '测试文件，无需解读',
    ...(over.bodyHtml ? { bodyHtml: over.bodyHtml } : {}),
  }).catch((e) => {
    throw new Error(JSON.stringify(e.problems ?? e.message));
  });
  const doc = (await pub.documentRepo.findById(id))!;
  const now = new Date().toISOString();
  const db = policies.deps.db;
  await db.transaction().execute(async (trx) => {
    // The published hook has written an entry; these tests state their own row.
    await trx.deleteFrom('policy_entries').where('document_id', '=', id).execute();
    await trx
      .insertInto('policy_entries')
      .values({
        document_id: id,
        unit_id: unit.id,
        kind,
        title,
        doc_number: doc.doc_number,
        issuers: '测试县人民政府',
        registration_number: over.registrationNumber ?? null,
        published_on: over.publishedOn ?? doc.published_on,
        effective_on: over.effectiveOn ?? null,
        expires_on: over.expiresOn ?? null,
        expiry_source: over.expiresOn ? 'metadata' : 'none',
        topic_id: null,
        state: 'in_force',
        certainty: 'presumed',
        state_since: null,
        no_interpretation_reason: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await policies.ledger.recompute(trx, id);
  });
  return id;
}
