/**
 * 政策问答库, entries part (issue 14 item 2, 5): two columns on `qa_entries`.
 *
 * - `revision_of`: a published entry is edited as a revision — a draft row pointing at the published one,
 *   reviewed like any entry; when it is published its text replaces the original's (same id, version + 1)
 *   and the revision row goes. Until then the public page keeps the published text.
 * - `stale_notified_at`: when the owning unit was told that the entry is 待更新 (told once per flag).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('qa_entries')
    .addColumn('revision_of', 'integer', (c) => c.references('qa_entries.id'))
    .execute();
  await db.schema.alterTable('qa_entries').addColumn('stale_notified_at', 'text').execute();
  await db.schema.createIndex('qa_entries_revision_idx').on('qa_entries').columns(['revision_of']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('qa_entries_revision_idx').ifExists().execute();
  await db.schema.alterTable('qa_entries').dropColumn('stale_notified_at').execute();
  await db.schema.alterTable('qa_entries').dropColumn('revision_of').execute();
}
