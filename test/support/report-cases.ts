/**
 * 依申请公开 cases written straight into the tables, for the tests of the annual report's figures: only
 * the columns the statistics read are meaningful (unit, category, decision, received, concluded), the
 * rest are placeholders. Tests of the requests workflow itself use the real services instead.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';

let serial = 0;

export interface CaseInput {
  unitId: number;
  category?: string;
  decision?: string | null;
  receivedOn: string;
  answeredOn?: string | null;
  appeal?: { kind: string; filedOn: string; result: string; concludedOn: string | null };
  feeFen?: { amount: number; paidOn: string };
}

/** Inserts the cases (and their 复议/诉讼 and fees); returns their ids. */
export async function insertCases(db: Kysely<DB>, cases: readonly CaseInput[]): Promise<number[]> {
  const ids: number[] = [];
  for (const c of cases) {
    serial++;
    const at = `${c.receivedOn}T02:00:00.000Z`;
    const { id } = await db
      .insertInto('info_requests')
      .values({
        unit_id: c.unitId,
        reference: `T-${process.pid}-${serial}`,
        serial_year: Number(c.receivedOn.slice(0, 4)),
        lookup_code_hash: `h${serial}`,
        lookup_code_enc: 'x',
        state: c.answeredOn ? 'answered' : 'accepted',
        channel: 'online',
        applicant_kind: 'person',
        report_category: c.category ?? 'natural_person',
        applicant_enc: 'x',
        delivery_method: 'electronic',
        carrier: 'email',
        submitted_at: at,
        received_on: c.receivedOn,
        decision: c.decision ?? null,
        answered_on: c.answeredOn ?? null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(id);
    if (c.appeal)
      await db
        .insertInto('info_request_appeals')
        .values({
          request_id: id,
          kind: c.appeal.kind,
          filed_on: c.appeal.filedOn,
          body: '不服答复',
          result: c.appeal.result,
          concluded_on: c.appeal.concludedOn,
          created_at: at,
        })
        .execute();
    if (c.feeFen)
      await db
        .insertInto('info_request_fees')
        .values({
          request_id: id,
          method: 'per_item',
          quantity: 11,
          amount_fen: c.feeFen.amount,
          breakdown: '[]',
          notice_on: c.feeFen.paidOn,
          pay_by: c.feeFen.paidOn,
          paid_on: c.feeFen.paidOn,
          status: 'paid',
          created_at: at,
        })
        .execute();
  }
  return ids;
}
