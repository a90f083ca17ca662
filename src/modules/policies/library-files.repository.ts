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
}
