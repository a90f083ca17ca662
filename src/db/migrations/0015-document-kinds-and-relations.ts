/**
 * Extension points of 主动公开 (docs/publishing-extension-points.md):
 *
 * - `documents.kind` — the key of the document's kind (document-kinds.ts); every existing row is the
 *   built-in 政府信息 kind 'document'. `documents.kind_metadata_json` — the extra metadata the kind
 *   declares, as JSON (null for kinds without extra fields). Kept on the row, not in a side table, so
 *   the version kept at a correction (document_versions.snapshot_json) carries it too.
 * - `document_relations` — typed links between documents (解读 / 修改 / 废止 / 反馈, document-relation.model.ts):
 *   from the document that interprets, amends, repeals or answers to the one it names.
 */
import type { Kysely } from 'kysely';
import { withId } from '../dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('documents')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('document'))
    .execute();
  await db.schema.alterTable('documents').addColumn('kind_metadata_json', 'text').execute();
  await withId(db, db.schema.createTable('document_relations'))
    .addColumn('from_document_id', 'integer', (c) => c.notNull().references('documents.id'))
    .addColumn('to_document_id', 'integer', (c) => c.notNull().references('documents.id'))
    .addColumn('relation_type', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('document_relations_unique', ['from_document_id', 'to_document_id', 'relation_type'])
    .execute();
  await db.schema
    .createIndex('document_relations_to_idx')
    .on('document_relations')
    .columns(['to_document_id', 'relation_type'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('document_relations').execute();
  await db.schema.alterTable('documents').dropColumn('kind_metadata_json').execute();
  await db.schema.alterTable('documents').dropColumn('kind').execute();
}
