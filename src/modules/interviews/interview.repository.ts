/** SQL of the 在线访谈 tables. Public scopes (`…Public`) filter by PUBLIC_STATES here, nowhere else. */
import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type InterviewState, PUBLIC_STATES } from './interview.model.ts';
import type { InterviewEntryTable, InterviewQuestionTable, InterviewTable } from './interviews.tables.ts';

export type InterviewRow = Selectable<InterviewTable>;
export type QuestionRow = Selectable<InterviewQuestionTable>;
export type EntryRow = Selectable<InterviewEntryTable>;
type Db = Kysely<DB> | Transaction<DB>;

const ENTRY_COLUMNS = [
  'id',
  'interview_id',
  'position',
  'role',
  'speaker',
  'content',
  'question_id',
  'image_name',
  'image_kind',
  'created_at',
] as const;
export type EntryListRow = Pick<EntryRow, (typeof ENTRY_COLUMNS)[number]>;

export class InterviewRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(trx: Transaction<DB>, row: Insertable<InterviewTable>): Promise<number> {
    const r = await trx.insertInto('interviews').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  }

  /** Updates the row only while it is still in `status` (another user may have moved it). */
  async update(
    trx: Transaction<DB>,
    id: number,
    status: InterviewState,
    patch: Updateable<InterviewTable>,
  ): Promise<boolean> {
    const r = await trx
      .updateTable('interviews')
      .set(patch)
      .where('id', '=', id)
      .where('status', '=', status)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async findById(id: number, q: Db = this.db): Promise<InterviewRow | undefined> {
    return q.selectFrom('interviews').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async findByDocument(documentId: number, q: Db = this.db): Promise<InterviewRow | undefined> {
    return q.selectFrom('interviews').selectAll().where('document_id', '=', documentId).executeTakeFirst();
  }

  async listForUnits(unitIds: readonly number[]): Promise<InterviewRow[]> {
    if (!unitIds.length) return [];
    return this.db
      .selectFrom('interviews')
      .selectAll()
      .where('unit_id', 'in', unitIds)
      .orderBy('starts_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
  }

  /** Public scope: interviews in `states` (a subset of PUBLIC_STATES), newest session first. */
  async listPublic(states: readonly InterviewState[], limit = 100): Promise<InterviewRow[]> {
    const allowed = states.filter((s) => PUBLIC_STATES.includes(s));
    if (!allowed.length) return [];
    return this.db
      .selectFrom('interviews')
      .selectAll()
      .where('status', 'in', allowed)
      .orderBy('starts_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }

  async findPublic(id: number): Promise<InterviewRow | undefined> {
    return this.db
      .selectFrom('interviews')
      .selectAll()
      .where('id', '=', id)
      .where('status', 'in', PUBLIC_STATES)
      .executeTakeFirst();
  }

  async policyIds(interviewId: number, q: Db = this.db): Promise<number[]> {
    const rows = await q
      .selectFrom('interview_policies')
      .select('document_id')
      .where('interview_id', '=', interviewId)
      .orderBy('document_id')
      .execute();
    return rows.map((r) => r.document_id);
  }

  async setPolicies(trx: Transaction<DB>, interviewId: number, ids: readonly number[]): Promise<void> {
    await trx.deleteFrom('interview_policies').where('interview_id', '=', interviewId).execute();
    if (ids.length)
      await trx
        .insertInto('interview_policies')
        .values(ids.map((document_id) => ({ interview_id: interviewId, document_id })))
        .execute();
  }

  async questions(interviewId: number, statuses?: readonly string[]): Promise<QuestionRow[]> {
    let q = this.db.selectFrom('interview_questions').selectAll().where('interview_id', '=', interviewId);
    if (statuses) q = q.where('status', 'in', statuses);
    return q.orderBy('created_at').orderBy('id').execute();
  }

  async findQuestion(id: number, q: Db = this.db): Promise<QuestionRow | undefined> {
    return q.selectFrom('interview_questions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insertQuestion(trx: Transaction<DB>, row: Insertable<InterviewQuestionTable>): Promise<number> {
    const r = await trx
      .insertInto('interview_questions')
      .values(row)
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  }

  /** Moderates a question only while it is still 待审核. */
  async moderate(
    trx: Transaction<DB>,
    id: number,
    patch: Pick<QuestionRow, 'status' | 'moderated_by' | 'moderated_at'>,
  ): Promise<boolean> {
    const r = await trx
      .updateTable('interview_questions')
      .set(patch)
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async entries(interviewId: number, q: Db = this.db): Promise<EntryListRow[]> {
    return q
      .selectFrom('interview_entries')
      .select(ENTRY_COLUMNS)
      .where('interview_id', '=', interviewId)
      .orderBy('position')
      .orderBy('id')
      .execute();
  }

  async insertEntry(
    trx: Transaction<DB>,
    row: Omit<Insertable<InterviewEntryTable>, 'position'>,
  ): Promise<number> {
    const last = await trx
      .selectFrom('interview_entries')
      .select((eb) => eb.fn.max<number | null>('position').as('p'))
      .where('interview_id', '=', row.interview_id)
      .executeTakeFirst();
    const position = Number(last?.p ?? 0) + 1;
    const r = await trx
      .insertInto('interview_entries')
      .values({ ...row, position })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  }

  async deleteEntry(trx: Transaction<DB>, interviewId: number, entryId: number): Promise<boolean> {
    const r = await trx
      .deleteFrom('interview_entries')
      .where('id', '=', entryId)
      .where('interview_id', '=', interviewId)
      .executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }

  /** An entry's image with its interview's state and unit (the route decides who may see it). */
  async image(interviewId: number, entryId: number) {
    return this.db
      .selectFrom('interview_entries as e')
      .innerJoin('interviews as i', 'i.id', 'e.interview_id')
      .select(['e.image_kind', 'e.image_data', 'i.status', 'i.unit_id'])
      .where('e.id', '=', entryId)
      .where('e.interview_id', '=', interviewId)
      .executeTakeFirst();
  }
}
