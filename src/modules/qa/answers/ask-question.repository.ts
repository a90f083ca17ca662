/** SQL of the "send to the unit" step: one row of the unanswered queue (qa_questions), source 'ask'. */
import type { Insertable, Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { QaQuestionTable } from '../qa.tables.ts';

export async function insertAskedQuestion(
  trx: Transaction<DB>,
  row: Insertable<QaQuestionTable>,
): Promise<number> {
  return (await trx.insertInto('qa_questions').values(row).returning('id').executeTakeFirstOrThrow()).id;
}
