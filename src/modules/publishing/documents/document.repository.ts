/**
 * SQL for documents as the back office sees them (every state). Public pages use
 * document-public.repository.ts instead, whose every query carries the published-only condition.
 */
import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import { sql } from 'kysely';
import { isPostgres } from '../../../db/dialect.ts';
import type { DB } from '../../../db/schema.ts';
import type { Actor } from '../../../lib/actor.ts';
import type { InternalLinkLookup, InternalLinkTarget } from '../checks/internal-links.ts';
import type {
  DocumentAttachmentTable,
  DocumentReviewTable,
  DocumentRow,
  DocumentTable,
  DocumentVersionTable,
} from '../publishing.tables.ts';
import { LISTED_STATES } from '../review/document.workflow.ts';

type Db = Kysely<DB> | Transaction<DB>;

export class DocumentRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async findById(id: number, q: Db = this.db): Promise<DocumentRow | undefined> {
    return q.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insert(trx: Transaction<DB>, row: Insertable<DocumentTable>): Promise<number> {
    const r = await trx.insertInto('documents').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  }

  /** Every change of a document goes through here, so its denormalised copies follow in `trx`. */
  async update(trx: Transaction<DB>, id: number, patch: Updateable<DocumentTable>): Promise<void> {
    await trx.updateTable('documents').set(patch).where('id', '=', id).execute();
    await this.syncDenormalised(trx, id);
  }

  /**
   * Changes a document only if it is still in `state` (the workflow's compare-and-set); false when a
   * concurrent change got there first. Its denormalised copies follow like in `update`.
   */
  async updateInState(
    trx: Transaction<DB>,
    id: number,
    state: string,
    patch: Updateable<DocumentTable>,
  ): Promise<boolean> {
    const r = await trx
      .updateTable('documents')
      .set(patch)
      .where('id', '=', id)
      .where('state', '=', state)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return false;
    await this.syncDenormalised(trx, id);
    return true;
  }

  /**
   * Copies the document's current values to the rows that repeat them (migration 0013): its column
   * placements carry published_at while it is published (else null); on PostgreSQL its search row, if it
   * is indexed, carries title, dates, unit, topic and genre. Called after every update and placement
   * change, inside the same transaction.
   */
  async syncDenormalised(trx: Transaction<DB>, id: number): Promise<void> {
    await trx
      .updateTable('document_columns')
      .set((eb) => ({
        published_at: eb
          .selectFrom('documents as d')
          .select('d.published_at')
          .where('d.id', '=', id)
          .where('d.state', '=', 'published'),
      }))
      .where('document_id', '=', id)
      .execute();
    if (isPostgres(trx))
      await sql`update document_search s set title = d.title, published_at = d.published_at,
          published_on = d.published_on, unit_id = d.unit_id, topic_id = d.topic_id, genre = d.genre
        from documents d where d.id = s.document_id and s.document_id = ${id}`.execute(trx);
  }

  /** Removes a never-published draft and everything hanging off it. */
  async delete(trx: Transaction<DB>, id: number): Promise<void> {
    for (const t of [
      'document_reviews',
      'document_attachments',
      'document_columns',
      'document_issuers',
    ] as const)
      await trx.deleteFrom(t).where('document_id', '=', id).execute();
    await trx
      .deleteFrom('document_relations')
      .where((eb) => eb.or([eb('from_document_id', '=', id), eb('to_document_id', '=', id)]))
      .execute();
    await trx.deleteFrom('documents').where('id', '=', id).execute();
  }

  async setIssuers(trx: Transaction<DB>, id: number, names: readonly string[]): Promise<void> {
    await trx.deleteFrom('document_issuers').where('document_id', '=', id).execute();
    if (names.length)
      await trx
        .insertInto('document_issuers')
        .values(names.map((name, position) => ({ document_id: id, position, name })))
        .execute();
  }

  async issuers(id: number, q: Db = this.db): Promise<string[]> {
    const rows = await q
      .selectFrom('document_issuers')
      .select('name')
      .where('document_id', '=', id)
      .orderBy('position')
      .execute();
    return rows.map((r) => r.name);
  }

  async setColumns(trx: Transaction<DB>, id: number, columnIds: readonly number[]): Promise<void> {
    await trx.deleteFrom('document_columns').where('document_id', '=', id).execute();
    if (columnIds.length)
      await trx
        .insertInto('document_columns')
        .values(columnIds.map((column_id) => ({ document_id: id, column_id })))
        .execute();
    await this.syncDenormalised(trx, id);
  }

  async columnIds(id: number, q: Db = this.db): Promise<number[]> {
    const rows = await q
      .selectFrom('document_columns')
      .select('column_id')
      .where('document_id', '=', id)
      .orderBy('column_id')
      .execute();
    return rows.map((r) => r.column_id);
  }

  /** Takes the next 索引号 sequence of a unit in a period, atomically within `trx`. */
  async nextIndexSequence(trx: Transaction<DB>, unitId: number, period: string): Promise<number> {
    const r = await trx
      .insertInto('index_number_counters')
      .values({ unit_id: unitId, period, last_seq: 1 })
      .onConflict((oc) =>
        oc
          .columns(['unit_id', 'period'])
          .doUpdateSet({ last_seq: sql<number>`index_number_counters.last_seq + 1` }),
      )
      .returning('last_seq')
      .executeTakeFirstOrThrow();
    return Number(r.last_seq);
  }

  async indexNumberTaken(indexNumber: string, q: Db = this.db): Promise<boolean> {
    const r = await q
      .selectFrom('documents')
      .select('id')
      .where('index_number', '=', indexNumber)
      .executeTakeFirst();
    return r !== undefined;
  }

  async insertVersion(trx: Transaction<DB>, row: Insertable<DocumentVersionTable>): Promise<void> {
    await trx.insertInto('document_versions').values(row).execute();
  }

  /**
   * Keeps the current published version of `doc` (row and 发文机关) in document_versions before a published
   * change; with a correction, its dated 更正说明 (shown on the public page).
   */
  async keepVersion(
    trx: Transaction<DB>,
    doc: DocumentRow,
    opts: { by: Actor; at: Date; correction?: { note: string; on: string } },
  ): Promise<void> {
    await this.insertVersion(trx, {
      document_id: doc.id,
      version: doc.version,
      snapshot_json: JSON.stringify({ ...doc, issuers: await this.issuers(doc.id, trx) }),
      published_at: doc.published_at,
      correction_note: opts.correction?.note ?? null,
      corrected_on: opts.correction?.on ?? null,
      created_by: opts.by.kind === 'user' ? opts.by.userId : null,
      created_at: opts.at.toISOString(),
    });
  }

  async versions(id: number) {
    return this.db
      .selectFrom('document_versions')
      .selectAll()
      .where('document_id', '=', id)
      .orderBy('version')
      .execute();
  }

  async insertReview(trx: Transaction<DB>, row: Insertable<DocumentReviewTable>): Promise<void> {
    await trx.insertInto('document_reviews').values(row).execute();
  }

  async reviews(id: number) {
    return this.db
      .selectFrom('document_reviews')
      .selectAll()
      .where('document_id', '=', id)
      .orderBy('id')
      .execute();
  }

  async insertAttachment(trx: Transaction<DB>, row: Insertable<DocumentAttachmentTable>): Promise<number> {
    const r = await trx
      .insertInto('document_attachments')
      .values(row)
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  }

  async deleteAttachment(trx: Transaction<DB>, id: number): Promise<void> {
    await trx.deleteFrom('document_attachments').where('id', '=', id).execute();
  }

  /**
   * Whether any attachment row still refers to the stored file `sha256`. The attachment store is shared by
   * content with the progress-report evidence of the tasks module (src/app.ts), so both tables count.
   */
  async fileReferenced(sha256: string, q: Db = this.db): Promise<boolean> {
    const r = await q
      .selectFrom('document_attachments')
      .select('id')
      .where('sha256', '=', sha256)
      .unionAll(q.selectFrom('task_report_attachments').select('id').where('sha256', '=', sha256))
      .limit(1)
      .executeTakeFirst();
    return r !== undefined;
  }

  async attachment(id: number) {
    return this.db.selectFrom('document_attachments').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async attachments(documentId: number, q: Db = this.db) {
    return q
      .selectFrom('document_attachments')
      .selectAll()
      .where('document_id', '=', documentId)
      .orderBy('sort_order')
      .orderBy('id')
      .execute();
  }

  /**
   * What the database says about the targets of internal links (checks/internal-links.ts): which of the
   * documents are published and not withdrawn, which columns and units are active, which attachments exist.
   */
  async linkTargets(targets: readonly InternalLinkTarget[], q: Db = this.db): Promise<InternalLinkLookup> {
    const ids = (kind: InternalLinkTarget['kind'], pick: (t: InternalLinkTarget) => number | undefined) =>
      [...new Set(targets.filter((t) => t.kind === kind).map(pick))] as number[];
    const docIds = [
      ...new Set(
        targets.flatMap((t) => (t.kind === 'document' || t.kind === 'attachment' ? [t.documentId] : [])),
      ),
    ];
    const columnIds = ids('column', (t) => (t.kind === 'column' ? t.columnId : undefined));
    const unitIds = ids('unit', (t) => (t.kind === 'unit' ? t.unitId : undefined));
    const attachmentIds = ids('attachment', (t) => (t.kind === 'attachment' ? t.attachmentId : undefined));
    const docs = docIds.length
      ? await q
          .selectFrom('documents')
          .select('id')
          .where('id', 'in', docIds)
          .where('state', 'in', [...LISTED_STATES])
          .execute()
      : [];
    const cols = columnIds.length
      ? await q
          .selectFrom('site_columns')
          .select('id')
          .where('id', 'in', columnIds)
          .where('active', '=', 1)
          .execute()
      : [];
    const units = unitIds.length
      ? await q.selectFrom('units').select('id').where('id', 'in', unitIds).where('active', '=', 1).execute()
      : [];
    const atts = attachmentIds.length
      ? await q
          .selectFrom('document_attachments')
          .select(['id', 'document_id'])
          .where('id', 'in', attachmentIds)
          .execute()
      : [];
    return {
      publishedDocumentIds: new Set(docs.map((r) => r.id)),
      columnIds: new Set(cols.map((r) => r.id)),
      unitIds: new Set(units.map((r) => r.id)),
      attachmentKeys: new Set(atts.map((r) => `${r.document_id}/${r.id}`)),
    };
  }

  /** Ids of scheduled documents whose time has come, oldest first. */
  async dueScheduled(nowIso: string, limit: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('documents')
      .select('id')
      .where('state', '=', 'scheduled')
      .where('scheduled_at', '<=', nowIso)
      .orderBy('scheduled_at')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  async topicExists(id: number): Promise<boolean> {
    const r = await this.db
      .selectFrom('topic_categories')
      .select('id')
      .where('id', '=', id)
      .where('active', '=', 1)
      .executeTakeFirst();
    return r !== undefined;
  }

  async listTopics() {
    return this.db.selectFrom('topic_categories').selectAll().orderBy('sort_order').orderBy('id').execute();
  }

  /** Back-office list: documents of the units under `unitPath`, optionally filtered, latest change first. */
  async listForAdmin(unitPath: string, f: AdminDocumentFilters, paging: { page: number; pageSize: number }) {
    let q = this.db
      .selectFrom('documents as d')
      .innerJoin('units as u', 'u.id', 'd.unit_id')
      .where('u.path', 'like', `${unitPath}%`);
    if (f.state) q = q.where('d.state', '=', f.state);
    if (f.unitId) q = q.where('d.unit_id', '=', f.unitId);
    if (f.topicId) q = q.where('d.topic_id', '=', f.topicId);
    if (f.title) q = q.where('d.title', 'like', `%${f.title.replace(/[\\%_]/g, '')}%`);
    const count = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const items = await q
      .select([
        'd.id',
        'd.title',
        'd.state',
        'd.doc_number',
        'd.index_number',
        'd.updated_at',
        'd.published_on',
        'd.scheduled_at',
        'd.kind',
        'd.kind_metadata_json',
        'u.name as unit_name',
      ])
      .orderBy('d.updated_at', 'desc')
      .orderBy('d.id', 'desc')
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize)
      .execute();
    return { items, total: Number(count.n) };
  }

  /** How many documents of the units under `unitPath` are in each state. */
  async countByState(unitPath: string): Promise<Record<string, number>> {
    const rows = await this.db
      .selectFrom('documents as d')
      .innerJoin('units as u', 'u.id', 'd.unit_id')
      .where('u.path', 'like', `${unitPath}%`)
      .select(['d.state', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('d.state')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
  }
}

/** Filters of the back-office document list. */
export interface AdminDocumentFilters {
  state?: string;
  unitId?: number;
  topicId?: number;
  title?: string;
}
