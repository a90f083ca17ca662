/** SQL of the 意见征集 module: consultations, their articles and comments. */
import {
  type Insertable,
  type Kysely,
  type Selectable,
  sql,
  type Transaction,
  type Updateable,
} from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type CommentState, type ConsultationState, PUBLIC_STATES } from './consultation.model.ts';
import type {
  ConsultationArticleTable,
  ConsultationCommentTable,
  ConsultationTable,
} from './consultations.tables.ts';

export type ConsultationRow = Selectable<ConsultationTable>;
export type ArticleRow = Selectable<ConsultationArticleTable>;
export type CommentRow = Selectable<ConsultationCommentTable>;
export type ConsultationListRow = ConsultationRow & { unit_name: string };

type Db = Kysely<DB> | Transaction<DB>;

export class ConsultationRepository {
  constructor(private readonly db: Kysely<DB>) {}

  findById(id: number, q: Db = this.db): Promise<ConsultationRow | undefined> {
    return q.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The public scope: a consultation the public may see (征集中, 已截止, 已反馈). */
  findPublic(id: number): Promise<ConsultationListRow | undefined> {
    return this.listQuery()
      .where('c.id', '=', id)
      .where('c.state', 'in', [...PUBLIC_STATES])
      .executeTakeFirst();
  }

  /** The public list: open ones first (closing soonest first), then closed and answered, newest first. */
  listPublic(limit = 200): Promise<ConsultationListRow[]> {
    return this.listQuery()
      .where('c.state', 'in', [...PUBLIC_STATES])
      .orderBy(sql`case when c.state = 'open' then 0 else 1 end`)
      .orderBy(sql`case when c.state = 'open' then c.closes_on end`, 'asc')
      .orderBy('c.closes_on', 'desc')
      .orderBy('c.id', 'desc')
      .limit(limit)
      .execute();
  }

  /** Every consultation of the units whose path starts with one of `paths` (back office). */
  listForPaths(paths: readonly string[] | 'all'): Promise<ConsultationListRow[]> {
    let q = this.listQuery();
    if (paths !== 'all') {
      if (!paths.length) return Promise.resolve([]);
      q = q.where((eb) => eb.or(paths.map((p) => eb('u.path', 'like', `${p}%`))));
    }
    return q.orderBy('c.id', 'desc').execute();
  }

  private listQuery() {
    return this.db
      .selectFrom('consultations as c')
      .innerJoin('units as u', 'u.id', 'c.unit_id')
      .selectAll('c')
      .select('u.name as unit_name');
  }

  /** Consultations whose final policy is `documentId` (the pre-publication check). */
  byFinalDocument(documentId: number): Promise<ConsultationRow[]> {
    return this.db
      .selectFrom('consultations')
      .selectAll()
      .where('final_document_id', '=', documentId)
      .execute();
  }

  byFeedbackDocument(documentId: number, q: Db = this.db): Promise<ConsultationRow | undefined> {
    return q
      .selectFrom('consultations')
      .selectAll()
      .where('feedback_document_id', '=', documentId)
      .executeTakeFirst();
  }

  /** Ids of the consultations a daily step applies to on `day`: scheduled ones due to open, open ones past closing. */
  async dueOn(day: string): Promise<{ toOpen: number[]; toClose: number[] }> {
    const toOpen = await this.db
      .selectFrom('consultations')
      .select('id')
      .where('state', '=', 'scheduled')
      .where('opens_on', '<=', day)
      .execute();
    const toClose = await this.db
      .selectFrom('consultations')
      .select('id')
      .where('state', '=', 'open')
      .where('closes_on', '<', day)
      .execute();
    return { toOpen: toOpen.map((r) => r.id), toClose: toClose.map((r) => r.id) };
  }

  insert(trx: Transaction<DB>, row: Insertable<ConsultationTable>): Promise<ConsultationRow> {
    return trx.insertInto('consultations').values(row).returningAll().executeTakeFirstOrThrow();
  }

  /** Updates the consultation only if it is still in one of `from` (compare-and-set); false otherwise. */
  async update(
    trx: Transaction<DB>,
    id: number,
    from: readonly ConsultationState[],
    patch: Updateable<ConsultationTable>,
  ): Promise<boolean> {
    const r = await trx
      .updateTable('consultations')
      .set(patch)
      .where('id', '=', id)
      .where('state', 'in', [...from])
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  articles(consultationId: number, q: Db = this.db): Promise<ArticleRow[]> {
    return q
      .selectFrom('consultation_articles')
      .selectAll()
      .where('consultation_id', '=', consultationId)
      .orderBy('position')
      .execute();
  }

  /** Replaces the articles of a draft (no comment can refer to a draft's articles). */
  async replaceArticles(
    trx: Transaction<DB>,
    consultationId: number,
    articles: readonly { number: string | null; text: string }[],
  ): Promise<void> {
    await trx.deleteFrom('consultation_articles').where('consultation_id', '=', consultationId).execute();
    if (articles.length)
      await trx
        .insertInto('consultation_articles')
        .values(articles.map((a, i) => ({ consultation_id: consultationId, position: i + 1, ...a })))
        .execute();
  }

  comments(consultationId: number, states?: readonly CommentState[], q: Db = this.db): Promise<CommentRow[]> {
    let query = q
      .selectFrom('consultation_comments')
      .selectAll()
      .where('consultation_id', '=', consultationId);
    if (states) query = query.where('state', 'in', [...states]);
    return query.orderBy('id').execute();
  }

  findComment(id: number, q: Db = this.db): Promise<CommentRow | undefined> {
    return q.selectFrom('consultation_comments').selectAll().where('id', '=', id).executeTakeFirst();
  }

  insertComment(trx: Transaction<DB>, row: Insertable<ConsultationCommentTable>): Promise<CommentRow> {
    return trx.insertInto('consultation_comments').values(row).returningAll().executeTakeFirstOrThrow();
  }

  /** Updates a comment only if it is still in one of `from`; false otherwise. */
  async updateComment(
    trx: Transaction<DB>,
    id: number,
    from: readonly CommentState[],
    patch: Updateable<ConsultationCommentTable>,
  ): Promise<boolean> {
    const r = await trx
      .updateTable('consultation_comments')
      .set(patch)
      .where('id', '=', id)
      .where('state', 'in', [...from])
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Records one 采纳 decision on shown comments of a consultation. */
  async decide(
    trx: Transaction<DB>,
    consultationId: number,
    ids: readonly number[],
    patch: Pick<
      Updateable<ConsultationCommentTable>,
      'adoption' | 'adoption_reason' | 'adoption_group' | 'decided_by' | 'decided_at'
    >,
  ): Promise<number> {
    const r = await trx
      .updateTable('consultation_comments')
      .set(patch)
      .where('consultation_id', '=', consultationId)
      .where('id', 'in', [...ids])
      .where('state', '=', 'shown')
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  async maxGroup(trx: Transaction<DB>, consultationId: number): Promise<number> {
    const r = await trx
      .selectFrom('consultation_comments')
      .select((eb) => eb.fn.max<number | null>('adoption_group').as('g'))
      .where('consultation_id', '=', consultationId)
      .executeTakeFirst();
    return Number(r?.g ?? 0);
  }

  /** Whether the 反馈 relation feedback —feedback_on→ final exists (publishing's document_relations). */
  async hasFeedbackRelation(q: Db, feedbackId: number, finalId: number): Promise<boolean> {
    const r = await q
      .selectFrom('document_relations')
      .select('id')
      .where('from_document_id', '=', feedbackId)
      .where('to_document_id', '=', finalId)
      .where('relation_type', '=', 'feedback_on')
      .executeTakeFirst();
    return r !== undefined;
  }

  /** The state of a publishing document (null when it does not exist). */
  async documentState(documentId: number | null): Promise<string | null> {
    if (documentId === null) return null;
    const r = await this.db
      .selectFrom('documents')
      .select('state')
      .where('id', '=', documentId)
      .executeTakeFirst();
    return r?.state ?? null;
  }
}
