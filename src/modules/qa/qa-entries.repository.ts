/**
 * SQL of 政策问答 entries and their sources. Public scopes (`listPublished`, `getPublished`,
 * `publishedSince`, `publishedForIndex`) carry the published-only condition here, so no public page can
 * forget it. Cited documents are read from `documents` by id (their published state, validity mark and
 * latest version) — the columns a citation shows, nothing else of publishing's.
 */
import {
  type Expression,
  type Insertable,
  type Kysely,
  type SqlBool,
  sql,
  type Transaction,
  type Updateable,
} from 'kysely';
import { escapeLike } from '../../db/dialect.ts';
import type { DB } from '../../db/schema.ts';
import type { QaEntrySourceTable, QaEntryTable } from './qa.tables.ts';
import { QA_PUBLIC_STATES } from './qa-entry.model.ts';

declare module './qa.tables.ts' {
  interface QaEntryTable {
    /** Migration 0029: the published entry this draft revises (null: an entry of its own). */
    revision_of: number | null;
    /** Migration 0029: when the owning unit was told the entry is 待更新. */
    stale_notified_at: string | null;
  }
}

type Db = Kysely<DB> | Transaction<DB>;

export interface AdminListFilters {
  unitIds: readonly number[];
  state?: string | undefined;
  stale?: boolean;
  /** 过期未复核: published and review_on before this day. */
  overdueOn?: string | undefined;
  q?: string | undefined;
}

/** A search word and its synonyms: an entry matches the word when it contains any of them. */
export type WordAlternatives = readonly string[];

const PUBLIC = QA_PUBLIC_STATES as string[];

export class QaEntriesRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(trx: Transaction<DB>, row: Insertable<QaEntryTable>): Promise<number> {
    const r = await trx.insertInto('qa_entries').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  }

  /** Updates the entry only while it is still in `state` (compare-and-set); false when it moved. */
  async updateIfState(
    trx: Transaction<DB>,
    id: number,
    state: string,
    patch: Updateable<QaEntryTable>,
  ): Promise<boolean> {
    const r = await trx
      .updateTable('qa_entries')
      .set(patch)
      .where('id', '=', id)
      .where('state', '=', state)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async delete(trx: Transaction<DB>, id: number): Promise<void> {
    await trx.deleteFrom('qa_entry_sources').where('entry_id', '=', id).execute();
    await trx.deleteFrom('qa_entries').where('id', '=', id).execute();
  }

  findById(id: number, db: Db = this.db) {
    return db.selectFrom('qa_entries').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The open revision of a published entry, if any. */
  findRevision(id: number) {
    return this.db.selectFrom('qa_entries').selectAll().where('revision_of', '=', id).executeTakeFirst();
  }

  findByExternalId(externalId: string) {
    return this.db
      .selectFrom('qa_entries')
      .selectAll()
      .where('external_id', '=', externalId)
      .where('revision_of', 'is', null)
      .executeTakeFirst();
  }

  sources(entryId: number, db: Db = this.db) {
    return db
      .selectFrom('qa_entry_sources')
      .selectAll()
      .where('entry_id', '=', entryId)
      .orderBy('position')
      .execute();
  }

  async sourcesOf(entryIds: readonly number[]) {
    if (!entryIds.length) return [];
    return this.db
      .selectFrom('qa_entry_sources')
      .selectAll()
      .where('entry_id', 'in', [...entryIds])
      .orderBy('entry_id')
      .orderBy('position')
      .execute();
  }

  async replaceSources(
    trx: Transaction<DB>,
    entryId: number,
    rows: readonly Omit<Insertable<QaEntrySourceTable>, 'entry_id' | 'position'>[],
  ): Promise<void> {
    await trx.deleteFrom('qa_entry_sources').where('entry_id', '=', entryId).execute();
    if (!rows.length) return;
    await trx
      .insertInto('qa_entry_sources')
      .values(rows.map((r, i) => ({ ...r, entry_id: entryId, position: i + 1 })))
      .execute();
  }

  /** The back-office list: entries of the given units (revisions included, marked), newest change first. */
  async listAdmin(f: AdminListFilters, page: number, pageSize: number) {
    if (!f.unitIds.length) return { rows: [], total: 0 };
    let q = this.db.selectFrom('qa_entries as e').where('e.unit_id', 'in', [...f.unitIds]);
    if (f.state) q = q.where('e.state', '=', f.state);
    if (f.stale) q = q.where('e.stale', '=', 1).where('e.state', '=', 'published');
    if (f.overdueOn) q = q.where('e.state', '=', 'published').where('e.review_on', '<', f.overdueOn);
    if (f.q) q = q.where('e.question', 'like', `%${escapeLike(f.q)}%`);
    const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await q
      .selectAll('e')
      .orderBy('e.updated_at', 'desc')
      .orderBy('e.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return { rows, total: Number(total.n) };
  }

  /** Entries waiting for review in the given units (the review tab). */
  inReview(unitIds: readonly number[]) {
    if (!unitIds.length) return Promise.resolve([]);
    return this.db
      .selectFrom('qa_entries')
      .selectAll()
      .where('unit_id', 'in', [...unitIds])
      .where('state', '=', 'in_review')
      .orderBy('updated_at')
      .execute();
  }

  /**
   * Published entries, filtered by unit and topic; every word must occur (any of its alternatives) in
   * the question, the other questions or the answer. Plain LIKE: the 问答库 is small (hundreds).
   */
  async listPublished(
    f: { unitId?: number | undefined; topicId?: number | undefined; words: readonly WordAlternatives[] },
    page: number,
    pageSize: number,
  ) {
    let q = this.db.selectFrom('qa_entries as e').where('e.state', 'in', PUBLIC);
    if (f.unitId) q = q.where('e.unit_id', '=', f.unitId);
    if (f.topicId) q = q.where('e.topic_id', '=', f.topicId);
    for (const alternatives of f.words) {
      q = q.where((eb) =>
        eb.or(
          alternatives.flatMap((w) => {
            const p = `%${escapeLike(w)}%`;
            return ['e.question', 'e.alt_questions', 'e.answer'].map(
              (c) => sql<SqlBool>`${sql.ref(c)} like ${p} escape '\\'` as Expression<SqlBool>,
            );
          }),
        ),
      );
    }
    const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await q
      .select([
        'e.id',
        'e.unit_id',
        'e.question',
        'e.answer',
        'e.topic_id',
        'e.stale',
        'e.published_at',
        'e.audiences',
      ])
      .orderBy('e.published_at', 'desc')
      .orderBy('e.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return { rows, total: Number(total.n) };
  }

  getPublished(id: number) {
    return this.db
      .selectFrom('qa_entries')
      .selectAll()
      .where('id', '=', id)
      .where('state', 'in', PUBLIC)
      .executeTakeFirst();
  }

  publishedSince(sinceIso: string, limit: number) {
    return this.db
      .selectFrom('qa_entries')
      .select(['id', 'question', 'unit_id', 'topic_id', 'audiences', 'published_at'])
      .where('state', 'in', PUBLIC)
      .where('published_at', '>', sinceIso)
      .orderBy('published_at')
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  /** Units that have published entries (the public unit filter). */
  async publishedUnitIds(): Promise<number[]> {
    const rows = await this.db
      .selectFrom('qa_entries')
      .select('unit_id')
      .distinct()
      .where('state', 'in', PUBLIC)
      .execute();
    return rows.map((r) => Number(r.unit_id));
  }

  publishedAll() {
    return this.db.selectFrom('qa_entries').selectAll().where('state', 'in', PUBLIC).orderBy('id').execute();
  }

  /** Count and newest change of published entries: changes whenever one is published, edited or withdrawn. */
  async generation(): Promise<string> {
    const r = await this.db
      .selectFrom('qa_entries')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('last')])
      .where('state', 'in', PUBLIC)
      .executeTakeFirstOrThrow();
    const w = await this.db
      .selectFrom('qa_entries')
      .select((eb) => eb.fn.max('updated_at').as('last'))
      .where('state', '=', 'withdrawn')
      .executeTakeFirstOrThrow();
    return `${Number(r.n)}:${r.last ?? ''}:${w.last ?? ''}`;
  }

  /** Published documents whose title or 文号 contains `q` (the source picker). */
  searchDocuments(q: string, limit = 20) {
    const p = `%${escapeLike(q)}%`;
    return this.db
      .selectFrom('documents')
      .select(['id', 'title', 'doc_number', 'published_on', 'kind'])
      .where('state', '=', 'published')
      .where((eb) =>
        eb.or([sql<SqlBool>`title like ${p} escape '\\'`, sql<SqlBool>`doc_number like ${p} escape '\\'`]),
      )
      .orderBy('published_at', 'desc')
      .limit(limit)
      .execute();
  }

  /** Published documents with exactly this 文号 (canonical) or title. */
  documentsByRef(docNumber: string | null, title: string) {
    return this.db
      .selectFrom('documents')
      .select(['id', 'title', 'doc_number'])
      .where('state', '=', 'published')
      .where((eb) =>
        docNumber
          ? eb.or([eb('doc_number', '=', docNumber), eb('title', '=', title)])
          : eb('title', '=', title),
      )
      .limit(5)
      .execute();
  }

  /** What a citation shows of its documents: state, validity mark, kind, newest version. */
  async documentFacts(ids: readonly number[]) {
    if (!ids.length) return [];
    return this.db
      .selectFrom('documents as d')
      .select((eb) => [
        'd.id',
        'd.title',
        'd.doc_number',
        'd.state',
        'd.validity',
        'd.kind',
        'd.published_at',
        eb
          .selectFrom('document_versions as v')
          .select((v) => v.fn.max('v.created_at').as('x'))
          .whereRef('v.document_id', '=', 'd.id')
          .as('last_version_at'),
      ])
      .where('d.id', 'in', [...ids])
      .execute();
  }

  /** Topic names for the filters and pages. */
  topics() {
    return this.db
      .selectFrom('topic_categories')
      .select(['id', 'name'])
      .where('active', '=', 1)
      .orderBy('sort_order')
      .execute();
  }
}
