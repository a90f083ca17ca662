/**
 * 在线调查 (issue 13 item 3, module surveys):
 *
 * - `surveys`: one questionnaire of a unit — title, description, the window of China dates in which it
 *   takes answers (`opens_on`…`closes_on`, both inclusive), its state (draft → open → closed), whether its
 *   results are to be public and when they were published, whether text answers are shown publicly and
 *   whether it asks for a contact (kept encrypted).
 * - `survey_questions`: the questions in order (`position`), with kind-specific settings as columns.
 * - `survey_responses`: one submitted questionnaire; `voter_hash` (HMAC of the survey and the browser's
 *   signed voter token) is unique per survey, so a person answers once. No IP or name is stored in clear.
 * - `survey_answers`: one row per chosen option / rating / text of a response.
 */
import type { Kysely } from 'kysely';
import { withId } from '../dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('surveys'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('opens_on', 'text')
    .addColumn('closes_on', 'text')
    .addColumn('results_public', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('public_text_answers', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('asks_contact', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('results_published_at', 'text')
    .addColumn('opened_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('surveys_state_idx').on('surveys').columns(['state', 'opens_on']).execute();

  await withId(db, db.schema.createTable('survey_questions'))
    .addColumn('survey_id', 'integer', (c) => c.notNull().references('surveys.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('help', 'text', (c) => c.notNull())
    .addColumn('required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('options', 'text', (c) => c.notNull())
    .addColumn('min_choices', 'integer')
    .addColumn('max_choices', 'integer')
    .addColumn('max_length', 'integer')
    .execute();
  await db.schema
    .createIndex('survey_questions_survey_idx')
    .on('survey_questions')
    .columns(['survey_id', 'position'])
    .execute();

  await withId(db, db.schema.createTable('survey_responses'))
    .addColumn('survey_id', 'integer', (c) => c.notNull().references('surveys.id'))
    .addColumn('voter_hash', 'text', (c) => c.notNull())
    .addColumn('contact_enc', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('survey_responses_voter', ['survey_id', 'voter_hash'])
    .execute();

  await withId(db, db.schema.createTable('survey_answers'))
    .addColumn('response_id', 'integer', (c) => c.notNull().references('survey_responses.id'))
    .addColumn('question_id', 'integer', (c) => c.notNull().references('survey_questions.id'))
    .addColumn('option_index', 'integer')
    .addColumn('rating', 'integer')
    .addColumn('text_value', 'text')
    .execute();
  await db.schema
    .createIndex('survey_answers_response_idx')
    .on('survey_answers')
    .columns(['response_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['survey_answers', 'survey_responses', 'survey_questions', 'surveys'])
    await db.schema.dropTable(t).execute();
}
