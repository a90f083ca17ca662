/** SQL of 清理 batches and their items (policy_cleanups, policy_cleanup_items). */
import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { CleanupCriteria } from './cleanup.model.ts';
import type { PolicyCleanupItemTable, PolicyCleanupTable } from './policies.tables.ts';

export type CleanupRow = Selectable<PolicyCleanupTable>;
export type CleanupItemRow = Selectable<PolicyCleanupItemTable>;
type Db = Kysely<DB> | Transaction<DB>;

/** An item with what the batch page and the result show of its library entry. */
export interface CleanupItemView extends CleanupItemRow {
  title: string;
  doc_number: string | null;
  registration_number: string | null;
  published_on: string | null;
  state: string;
  kind: string;
  unit_name: string;
}

/** A library entry that matches a batch's criteria. */
export interface MatchingEntry {
  document_id: number;
  title: string;
  doc_number: string | null;
  published_on: string | null;
  state: string;
}

export class CleanupRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async find(id: number, q: Db = this.db): Promise<CleanupRow | undefined> {
    return q.selectFrom('policy_cleanups').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async findByResult(documentId: number, q: Db = this.db): Promise<CleanupRow | undefined> {
    return q
      .selectFrom('policy_cleanups')
      .selectAll()
      .where('result_document_id', '=', documentId)
      .executeTakeFirst();
  }

  /** Batches of the units under any of `paths` (each path covers its subtree), newest first. */
  async listUnder(paths: readonly string[]): Promise<(CleanupRow & { unit_name: string })[]> {
    if (!paths.length) return [];
    return this.db
      .selectFrom('policy_cleanups as c')
      .innerJoin('units as u', 'u.id', 'c.unit_id')
      .selectAll('c')
      .select('u.name as unit_name')
      .where((eb) => eb.or(paths.map((p) => eb('u.path', 'like', `${p}%`))))
      .orderBy('c.id', 'desc')
      .execute();
  }

  /**
   * Library entries of published documents matching the criteria: the unit (and its subtree when asked,
   * `unitPath` is the unit's path), the kinds, the 公布日期 range and the states.
   */
  async matching(c: CleanupCriteria, unitPath: string, q: Db = this.db): Promise<MatchingEntry[]> {
    let query = q
      .selectFrom('policy_entries as e')
      .innerJoin('documents as d', 'd.id', 'e.document_id')
      .innerJoin('units as u', 'u.id', 'e.unit_id')
      .select(['e.document_id', 'e.title', 'e.doc_number', 'e.published_on', 'e.state'])
      .where('d.state', '=', 'published')
      .where('e.kind', 'in', c.kinds)
      .where('e.state', 'in', c.states);
    query = c.includeSubtree
      ? query.where('u.path', 'like', `${unitPath}%`)
      : query.where('e.unit_id', '=', c.unitId);
    if (c.publishedFrom) query = query.where('e.published_on', '>=', c.publishedFrom);
    if (c.publishedTo) query = query.where('e.published_on', '<=', c.publishedTo);
    return query.orderBy('e.published_on').orderBy('e.document_id').execute();
  }

  /** The library entry of a published document whose unit is under `unitPath`, for adding it by hand. */
  async entryUnder(
    documentId: number,
    unitPath: string,
    q: Db = this.db,
  ): Promise<MatchingEntry | undefined> {
    return q
      .selectFrom('policy_entries as e')
      .innerJoin('documents as d', 'd.id', 'e.document_id')
      .innerJoin('units as u', 'u.id', 'e.unit_id')
      .select(['e.document_id', 'e.title', 'e.doc_number', 'e.published_on', 'e.state'])
      .where('e.document_id', '=', documentId)
      .where('d.state', '=', 'published')
      .where('u.path', 'like', `${unitPath}%`)
      .executeTakeFirst();
  }

  async insert(trx: Transaction<DB>, row: Insertable<PolicyCleanupTable>): Promise<number> {
    const r = await trx.insertInto('policy_cleanups').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  }

  async insertItems(trx: Transaction<DB>, cleanupId: number, documentIds: readonly number[]): Promise<void> {
    if (!documentIds.length) return;
    await trx
      .insertInto('policy_cleanup_items')
      .values(
        documentIds.map((document_id) => ({
          cleanup_id: cleanupId,
          document_id,
          decision: null,
          reason: null,
          decided_by: null,
          decided_at: null,
        })),
      )
      .execute();
  }

  async removeItem(trx: Transaction<DB>, cleanupId: number, documentId: number): Promise<boolean> {
    const r = await trx
      .deleteFrom('policy_cleanup_items')
      .where('cleanup_id', '=', cleanupId)
      .where('document_id', '=', documentId)
      .executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }

  async items(cleanupId: number, q: Db = this.db): Promise<CleanupItemView[]> {
    return q
      .selectFrom('policy_cleanup_items as i')
      .innerJoin('policy_entries as e', 'e.document_id', 'i.document_id')
      .innerJoin('units as u', 'u.id', 'e.unit_id')
      .selectAll('i')
      .select([
        'e.title',
        'e.doc_number',
        'e.registration_number',
        'e.published_on',
        'e.state',
        'e.kind',
        'u.name as unit_name',
      ])
      .where('i.cleanup_id', '=', cleanupId)
      .orderBy('e.published_on')
      .orderBy('i.document_id')
      .execute();
  }

  async setDecision(
    trx: Transaction<DB>,
    cleanupId: number,
    documentId: number,
    d: {
      decision: string | null;
      reason: string | null;
      decided_by: number | null;
      decided_at: string | null;
    },
  ): Promise<void> {
    await trx
      .updateTable('policy_cleanup_items')
      .set(d)
      .where('cleanup_id', '=', cleanupId)
      .where('document_id', '=', documentId)
      .execute();
  }

  /**
   * Moves the batch from one of `from` to a new state (with other columns); false when it was not in
   * `from` any more (someone else took the step first).
   */
  async transition(
    trx: Transaction<DB>,
    id: number,
    from: readonly string[],
    set: Updateable<PolicyCleanupTable>,
  ): Promise<boolean> {
    const r = await trx
      .updateTable('policy_cleanups')
      .set(set)
      .where('id', '=', id)
      .where('state', 'in', from)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}
