/**
 * Library entries for the 清理 tests, inserted by hand: the publication hook that creates
 * policy_entries is being written separately; switch these to it once it lands.
 */
import type { App } from '../../src/app.ts';
import type { Unit } from '../../src/db/schema.ts';
import type { Publishing } from '../../src/modules/publishing/publishing.services.ts';
import { publishDocument, type Staff } from './publishing.ts';

type AppParts = Pick<App, 'db' | 'clock' | 'publishing'>;

/** Inserts the policy_entries row of a published document (state 现行有效 unless told otherwise). */
export async function insertEntryFor(
  app: AppParts,
  docId: number,
  over: Partial<{
    kind: string;
    state: string;
    publishedOn: string;
    registrationNumber: string | null;
  }> = {},
): Promise<void> {
  const doc = await app.db
    .selectFrom('documents')
    .select(['id', 'unit_id', 'title', 'doc_number', 'published_at'])
    .where('id', '=', docId)
    .executeTakeFirstOrThrow();
  const now = app.clock.now().toISOString();
  // The published hook has written an entry; the tests state their own rows.
  await app.db.deleteFrom('policy_entries').where('document_id', '=', docId).execute();
  await app.db
    .insertInto('policy_entries')
    .values({
      document_id: docId,
      unit_id: doc.unit_id,
      kind: over.kind ?? 'normative',
      title: doc.title,
      doc_number: doc.doc_number,
      issuers: null,
      registration_number:
        over.registrationNumber === undefined ? `TEST-2026-${docId}` : over.registrationNumber,
      published_on: over.publishedOn ?? '2026-01-15',
      effective_on: over.publishedOn ?? '2026-01-15',
      expires_on: null,
      expiry_source: 'none',
      topic_id: null,
      state: over.state ?? 'in_force',
      certainty: 'official',
      state_since: over.publishedOn ?? '2026-01-15',
      no_interpretation_reason: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

let serial = 100;

/** Publishes a 行政规范性文件 through the real workflow and inserts its library entry. */
export async function publishPolicy(
  app: AppParts,
  unit: Unit,
  staff: Staff,
  title: string,
  entry: Parameters<typeof insertEntryFor>[2] = {},
  over: Record<string, unknown> = {},
): Promise<number> {
  const pub: Publishing = app.publishing;
  const id = await publishDocument(pub, unit, staff, {
    title,
    kind: entry.kind ?? 'normative',
    docNumber: `测政规〔2026〕${serial++}号`,
    'meta.interpretationPlan': '由起草单位同步起草文字解读。', // 三同步
    ...over,
  });
  await insertEntryFor(app, id, entry);
  return id;
}
