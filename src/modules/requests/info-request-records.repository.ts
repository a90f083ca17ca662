/** SQL for what hangs off a case: letter templates and letters, fee notices, 复议/诉讼. */
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type {
  InfoRequestAppealTable,
  InfoRequestFeeTable,
  InfoRequestFileTable,
  InfoRequestLetterTable,
} from './info-request.tables.ts';

type Db = Kysely<DB> | Transaction<DB>;
export type LetterRow = Selectable<InfoRequestLetterTable>;
export type FeeRow = Selectable<InfoRequestFeeTable>;
export type AppealRow = Selectable<InfoRequestAppealTable>;

export class InfoRequestRecordsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async templates() {
    return this.db.selectFrom('info_request_letter_templates').selectAll().execute();
  }

  async saveTemplate(
    trx: Transaction<DB>,
    t: { kind: string; title: string; body: string; updated_by: number | null; updated_at: string },
  ): Promise<void> {
    const { kind, ...rest } = t;
    await trx
      .insertInto('info_request_letter_templates')
      .values(t)
      .onConflict((oc) => oc.column('kind').doUpdateSet(rest))
      .execute();
  }

  /** A unit's own versions of templates (used for its cases instead of the global ones). */
  async unitTemplates(unitId: number) {
    return this.db
      .selectFrom('info_request_unit_letter_templates')
      .selectAll()
      .where('unit_id', '=', unitId)
      .execute();
  }

  async saveUnitTemplate(
    trx: Transaction<DB>,
    t: {
      unit_id: number;
      kind: string;
      title: string;
      body: string;
      updated_by: number | null;
      updated_at: string;
    },
  ): Promise<void> {
    const { unit_id, kind, ...rest } = t;
    await trx
      .insertInto('info_request_unit_letter_templates')
      .values(t)
      .onConflict((oc) => oc.columns(['unit_id', 'kind']).doUpdateSet(rest))
      .execute();
  }

  /** Removes a unit's own version of a template; false when it had none. */
  async deleteUnitTemplate(trx: Transaction<DB>, unitId: number, kind: string): Promise<boolean> {
    const r = await trx
      .deleteFrom('info_request_unit_letter_templates')
      .where('unit_id', '=', unitId)
      .where('kind', '=', kind)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  /** The next letter serial of a unit in a year (one upsert: concurrent letters never share one). */
  async nextLetterSerial(trx: Transaction<DB>, unitId: number, year: number): Promise<number> {
    const r = await trx
      .insertInto('info_request_letter_serials')
      .values({ unit_id: unitId, year, last_no: 1 })
      .onConflict((oc) =>
        oc
          .columns(['unit_id', 'year'])
          .doUpdateSet({ last_no: sql<number>`info_request_letter_serials.last_no + 1` }),
      )
      .returning('last_no')
      .executeTakeFirstOrThrow();
    return Number(r.last_no);
  }

  async insertLetter(trx: Transaction<DB>, row: Insertable<InfoRequestLetterTable>): Promise<LetterRow> {
    return trx.insertInto('info_request_letters').values(row).returningAll().executeTakeFirstOrThrow();
  }

  async letters(requestId: number, q: Db = this.db): Promise<LetterRow[]> {
    return q
      .selectFrom('info_request_letters')
      .selectAll()
      .where('request_id', '=', requestId)
      .orderBy('id')
      .execute();
  }

  async letter(id: number): Promise<LetterRow | undefined> {
    return this.db.selectFrom('info_request_letters').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async markLetterSent(trx: Transaction<DB>, id: number, date: string): Promise<boolean> {
    const r = await trx
      .updateTable('info_request_letters')
      .set({ sent_on: date })
      .where('id', '=', id)
      .where('sent_on', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /**
   * How many applications the same applicant submitted from `fromIso` up to and including `upto`.
   * Cases split from one application (一事一申请) share its submission time: they are ordered by id,
   * so each has its own ordinal instead of all counting as the last.
   */
  async applicationsOfApplicant(
    key: string,
    fromIso: string,
    upto: { submittedAt: string; id: number },
  ): Promise<number> {
    const r = await this.db
      .selectFrom('info_requests')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('applicant_key', '=', key)
      .where('submitted_at', '>=', fromIso)
      .where((eb) =>
        eb.or([
          eb('submitted_at', '<', upto.submittedAt),
          eb.and([eb('submitted_at', '=', upto.submittedAt), eb('id', '<=', upto.id)]),
        ]),
      )
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async insertFee(trx: Transaction<DB>, row: Insertable<InfoRequestFeeTable>): Promise<FeeRow> {
    return trx.insertInto('info_request_fees').values(row).returningAll().executeTakeFirstOrThrow();
  }

  async fees(requestId: number): Promise<FeeRow[]> {
    return this.db
      .selectFrom('info_request_fees')
      .selectAll()
      .where('request_id', '=', requestId)
      .orderBy('id')
      .execute();
  }

  async setFeeStatus(
    trx: Transaction<DB>,
    id: number,
    from: string,
    patch: { status: string; paid_on?: string | null },
  ): Promise<boolean> {
    const r = await trx
      .updateTable('info_request_fees')
      .set(patch)
      .where('id', '=', id)
      .where('status', '=', from)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** Unpaid fee notices whose payment period ended before `today` (the daily job's list). */
  async unpaidFeesBefore(today: string): Promise<FeeRow[]> {
    return this.db
      .selectFrom('info_request_fees')
      .selectAll()
      .where('status', '=', 'unpaid')
      .where('pay_by', '<', today)
      .orderBy('id')
      .execute();
  }

  async insertAppeal(trx: Transaction<DB>, row: Insertable<InfoRequestAppealTable>): Promise<void> {
    await trx.insertInto('info_request_appeals').values(row).execute();
  }

  async appeals(requestId: number): Promise<AppealRow[]> {
    return this.db
      .selectFrom('info_request_appeals')
      .selectAll()
      .where('request_id', '=', requestId)
      .orderBy('id')
      .execute();
  }

  async updateAppeal(
    trx: Transaction<DB>,
    id: number,
    patch: { result: string; concluded_on: string | null },
  ): Promise<void> {
    await trx.updateTable('info_request_appeals').set(patch).where('id', '=', id).execute();
  }

  async appeal(id: number): Promise<AppealRow | undefined> {
    return this.db.selectFrom('info_request_appeals').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insertFile(row: Insertable<InfoRequestFileTable>): Promise<void> {
    await this.db.insertInto('info_request_files').values(row).execute();
  }

  async files(requestId: number) {
    return this.db
      .selectFrom('info_request_files')
      .select(['id', 'kind', 'file_name', 'file_kind', 'size', 'created_at'])
      .where('request_id', '=', requestId)
      .orderBy('id')
      .execute();
  }

  async file(id: number): Promise<Selectable<InfoRequestFileTable> | undefined> {
    return this.db.selectFrom('info_request_files').selectAll().where('id', '=', id).executeTakeFirst();
  }
}
