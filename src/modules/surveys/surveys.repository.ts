/** SQL of the 在线调查 module: surveys, their questions, responses and answers. */
import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type Answer, PUBLIC_SURVEY_STATES, type Question, type QuestionKind } from './survey.model.ts';
import type { ResponseRecord } from './survey-results.ts';
import type { SurveyQuestionTable, SurveyTable } from './surveys.tables.ts';

export type SurveyRow = Selectable<SurveyTable>;
export type SurveyListRow = SurveyRow & { unit_name: string; unit_path: string; responses: number };
type Db = Kysely<DB> | Transaction<DB>;

const toQuestion = (r: Selectable<SurveyQuestionTable>): Question => ({
  id: r.id,
  position: r.position,
  kind: r.kind as QuestionKind,
  title: r.title,
  help: r.help,
  required: r.required === 1,
  options: JSON.parse(r.options) as string[],
  minChoices: r.min_choices,
  maxChoices: r.max_choices,
  maxLength: r.max_length,
});

export class SurveyRepository {
  constructor(private readonly db: Kysely<DB>) {}

  find(id: number, q: Db = this.db): Promise<SurveyRow | undefined> {
    return q.selectFrom('surveys').selectAll().where('id', '=', id).executeTakeFirst();
  }

  private listQuery(q: Db) {
    return q
      .selectFrom('surveys as s')
      .innerJoin('units as u', 'u.id', 's.unit_id')
      .selectAll('s')
      .select(['u.name as unit_name', 'u.path as unit_path'])
      .select((eb) =>
        eb
          .selectFrom('survey_responses as r')
          .whereRef('r.survey_id', '=', 's.id')
          .select(eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
          .as('responses'),
      );
  }

  async listAll(): Promise<SurveyListRow[]> {
    const rows = await this.listQuery(this.db).orderBy('s.id', 'desc').execute();
    return rows.map((r) => ({ ...r, responses: Number(r.responses ?? 0) }));
  }

  /** The public scope: only surveys that are or were open; newest window first. */
  async listPublic(limit = 200): Promise<SurveyListRow[]> {
    const rows = await this.listQuery(this.db)
      .where('s.state', 'in', [...PUBLIC_SURVEY_STATES])
      .orderBy('s.state', 'desc') // 'open' before 'closed'
      .orderBy('s.opened_at', 'desc')
      .orderBy('s.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ ...r, responses: Number(r.responses ?? 0) }));
  }

  /** A survey the public may see (open or closed), or undefined. */
  findPublic(id: number): Promise<SurveyRow | undefined> {
    return this.db
      .selectFrom('surveys')
      .selectAll()
      .where('id', '=', id)
      .where('state', 'in', [...PUBLIC_SURVEY_STATES])
      .executeTakeFirst();
  }

  async insert(trx: Transaction<DB>, row: Insertable<SurveyTable>): Promise<number> {
    const r = await trx.insertInto('surveys').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  }

  /** Updates the survey when it is still in `fromState`; the number of rows changed (0: it moved on). */
  async update(
    trx: Transaction<DB>,
    id: number,
    fromState: string,
    patch: Updateable<SurveyTable>,
  ): Promise<number> {
    const r = await trx
      .updateTable('surveys')
      .set(patch)
      .where('id', '=', id)
      .where('state', '=', fromState)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  async questions(surveyId: number, q: Db = this.db): Promise<Question[]> {
    const rows = await q
      .selectFrom('survey_questions')
      .selectAll()
      .where('survey_id', '=', surveyId)
      .orderBy('position')
      .orderBy('id')
      .execute();
    return rows.map(toQuestion);
  }

  async insertQuestion(trx: Transaction<DB>, row: Insertable<SurveyQuestionTable>): Promise<number> {
    const r = await trx.insertInto('survey_questions').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  }

  async updateQuestion(trx: Transaction<DB>, id: number, patch: Updateable<SurveyQuestionTable>) {
    await trx.updateTable('survey_questions').set(patch).where('id', '=', id).execute();
  }

  async deleteQuestion(trx: Transaction<DB>, id: number) {
    await trx.deleteFrom('survey_questions').where('id', '=', id).execute();
  }

  async countResponses(surveyId: number, q: Db = this.db): Promise<number> {
    const r = await q
      .selectFrom('survey_responses')
      .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
      .where('survey_id', '=', surveyId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async hasResponded(surveyId: number, voterHash: string, q: Db = this.db): Promise<boolean> {
    const r = await q
      .selectFrom('survey_responses')
      .select('id')
      .where('survey_id', '=', surveyId)
      .where('voter_hash', '=', voterHash)
      .executeTakeFirst();
    return r !== undefined;
  }

  /** Stores one response and its answers (in the caller's transaction); its id. */
  async insertResponse(
    trx: Transaction<DB>,
    row: { survey_id: number; voter_hash: string; contact_enc: string | null; submitted_at: string },
    answers: ReadonlyMap<number, Answer>,
  ): Promise<number> {
    const { id } = await trx
      .insertInto('survey_responses')
      .values(row)
      .returning('id')
      .executeTakeFirstOrThrow();
    // every row names every column: SQLite has no DEFAULT in a multi-row VALUES list
    const answerRow = (
      questionId: number,
      v: Partial<Record<'option_index' | 'rating' | 'text_value', number | string>>,
    ) => ({
      response_id: id,
      question_id: questionId,
      option_index: (v.option_index as number | undefined) ?? null,
      rating: (v.rating as number | undefined) ?? null,
      text_value: (v.text_value as string | undefined) ?? null,
    });
    const rows = [...answers].flatMap(([questionId, a]) =>
      a.kind === 'choice'
        ? a.options.map((o) => answerRow(questionId, { option_index: o }))
        : a.kind === 'rating'
          ? [answerRow(questionId, { rating: a.rating })]
          : [answerRow(questionId, { text_value: a.text })],
    );
    if (rows.length) await trx.insertInto('survey_answers').values(rows).execute();
    return id;
  }

  /** Every response of a survey with its answers, in submission order. */
  async responses(surveyId: number): Promise<(ResponseRecord & { contactEnc: string | null })[]> {
    const heads = await this.db
      .selectFrom('survey_responses')
      .select(['id', 'submitted_at', 'contact_enc'])
      .where('survey_id', '=', surveyId)
      .orderBy('id')
      .execute();
    const rows = await this.db
      .selectFrom('survey_answers as a')
      .innerJoin('survey_responses as r', 'r.id', 'a.response_id')
      .innerJoin('survey_questions as q', 'q.id', 'a.question_id')
      .select(['a.response_id', 'a.question_id', 'a.option_index', 'a.rating', 'a.text_value', 'q.kind'])
      .where('r.survey_id', '=', surveyId)
      .orderBy('a.id')
      .execute();
    const byResponse = new Map<number, Map<number, Answer>>(heads.map((h) => [h.id, new Map()]));
    for (const a of rows) {
      const m = byResponse.get(a.response_id);
      if (!m) continue;
      if (a.kind === 'single' || a.kind === 'multiple') {
        const prev = m.get(a.question_id);
        const options = prev?.kind === 'choice' ? prev.options : [];
        m.set(a.question_id, { kind: 'choice', options: [...options, a.option_index ?? 0] });
      } else if (a.kind === 'rating') m.set(a.question_id, { kind: 'rating', rating: a.rating ?? 0 });
      else m.set(a.question_id, { kind: 'text', text: a.text_value ?? '' });
    }
    return heads.map((h) => ({
      id: h.id,
      submittedAt: h.submitted_at,
      contactEnc: h.contact_enc,
      answers: byResponse.get(h.id) ?? new Map(),
    }));
  }

  /** Drafts whose window has begun on `day` (and not already ended) and that have a question. */
  dueToOpen(day: string): Promise<{ id: number; title: string }[]> {
    return this.db
      .selectFrom('surveys as s')
      .select(['s.id', 's.title'])
      .where('s.state', '=', 'draft')
      .where('s.opens_on', 'is not', null)
      .where('s.opens_on', '<=', day)
      .where((eb) => eb.or([eb('s.closes_on', 'is', null), eb('s.closes_on', '>=', day)]))
      .where((eb) =>
        eb.exists(eb.selectFrom('survey_questions as q').select('q.id').whereRef('q.survey_id', '=', 's.id')),
      )
      .execute();
  }

  /** Open surveys whose last day is before `day`. */
  dueToClose(day: string): Promise<{ id: number; title: string }[]> {
    return this.db
      .selectFrom('surveys')
      .select(['id', 'title'])
      .where('state', '=', 'open')
      .where('closes_on', 'is not', null)
      .where('closes_on', '<', day)
      .execute();
  }
}
