/** SQL of the library's files part: the entries a 目录 lists, the candidates an import may reclassify. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { PolicyKind } from './policy.model.ts';
import type { PolicyEntry } from './policy-entry.repository.ts';

export class LibraryFilesRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Entries of published documents of the given units (and kind), by 公布日期 then id. */
  async entriesOfUnits(unitIds: readonly number[], kind?: PolicyKind): Promise<PolicyEntry[]> {
    if (unitIds.length === 0) return [];
    let q = this.db
      .selectFrom('policy_entries as e')
      .innerJoin('documents as d', 'd.id', 'e.document_id')
      .selectAll('e')
      .where('d.state', '=', 'published')
      .where('e.unit_id', 'in', [...unitIds]);
    if (kind) q = q.where('e.kind', '=', kind);
    return q.orderBy('e.published_on').orderBy('e.document_id').execute();
  }

  /** Published documents of the built-in 政府信息 kind in the given units (reclassification candidates). */
  async publishedPlainDocuments(unitIds: readonly number[], limit: number) {
    if (unitIds.length === 0) return [];
    return this.db
      .selectFrom('documents')
      .select(['id', 'unit_id', 'title', 'doc_number', 'written_on', 'published_on', 'body_html'])
      .where('state', '=', 'published')
      .where('kind', '=', 'document')
      .where('unit_id', 'in', [...unitIds])
      .orderBy('published_on', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }

  /** 制定机关 of a document, in order. */
  async issuersOf(documentId: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('document_issuers')
      .select('name')
      .where('document_id', '=', documentId)
      .orderBy('position')
      .execute();
    return rows.map((r) => r.name);
  }
}
