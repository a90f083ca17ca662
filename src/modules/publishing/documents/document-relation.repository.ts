/** SQL of the typed links between documents (document_relations, migration 0014). */
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { DocumentRelationTable } from '../publishing.tables.ts';
import { LISTED_STATES } from '../review/document.workflow.ts';
import type { RelationType, RelationView } from './document-relation.model.ts';

type Db = Kysely<DB> | Transaction<DB>;

export class DocumentRelationRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(trx: Transaction<DB>, row: Insertable<DocumentRelationTable>): Promise<number> {
    const r = await trx
      .insertInto('document_relations')
      .values(row)
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  }

  async delete(trx: Transaction<DB>, id: number): Promise<void> {
    await trx.deleteFrom('document_relations').where('id', '=', id).execute();
  }

  async findById(id: number, q: Db = this.db) {
    return q.selectFrom('document_relations').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The path of a unit (permission checks inside a transaction). */
  async unitPath(unitId: number, q: Db = this.db): Promise<string | undefined> {
    const r = await q.selectFrom('units').select('path').where('id', '=', unitId).executeTakeFirst();
    return r?.path;
  }

  /** Whether `from` → `to` of `type` exists. */
  async exists(from: number, to: number, type: RelationType, q: Db = this.db): Promise<boolean> {
    const r = await q
      .selectFrom('document_relations')
      .select('id')
      .where('from_document_id', '=', from)
      .where('to_document_id', '=', to)
      .where('relation_type', '=', type)
      .executeTakeFirst();
    return r !== undefined;
  }

  /** Whether `documentId` starts a relation of `type` (e.g. is itself an interpretation). */
  async startsAny(documentId: number, type: RelationType, q: Db = this.db): Promise<boolean> {
    const r = await q
      .selectFrom('document_relations')
      .select('id')
      .where('from_document_id', '=', documentId)
      .where('relation_type', '=', type)
      .executeTakeFirst();
    return r !== undefined;
  }

  /**
   * The relations of `documentId` in one direction, with the document at the other end; only those whose
   * other end is published when `publicOnly` (the public page never names a draft).
   */
  async list(
    documentId: number,
    direction: 'outgoing' | 'incoming',
    publicOnly: boolean,
  ): Promise<RelationView[]> {
    const [self, other] =
      direction === 'outgoing'
        ? (['r.from_document_id', 'r.to_document_id'] as const)
        : (['r.to_document_id', 'r.from_document_id'] as const);
    let q = this.db
      .selectFrom('document_relations as r')
      .innerJoin('documents as d', 'd.id', other)
      .where(self, '=', documentId);
    if (publicOnly) q = q.where('d.state', 'in', [...LISTED_STATES]);
    const rows = await q
      .select([
        'r.id',
        'r.relation_type',
        'd.id as document_id',
        'd.title',
        'd.state',
        'd.doc_number',
        'd.published_on',
      ])
      .orderBy('r.relation_type')
      .orderBy('r.id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      type: r.relation_type as RelationType,
      documentId: r.document_id,
      title: r.title,
      state: r.state,
      docNumber: r.doc_number,
      publishedOn: r.published_on,
    }));
  }
}
