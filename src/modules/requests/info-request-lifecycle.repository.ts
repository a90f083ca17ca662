/**
 * SQL for what happens to a case as a whole: splitting it into linked cases (一事一申请) and erasing
 * the applicant's personal data once the retention period after 办结 has passed.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** What applicant_enc holds once the applicant's data has been erased (not valid ciphertext). */
export const ERASED_APPLICANT_MARKER = 'erased';

/** A case whose applicant data the retention job may erase. */
export interface ErasableCase {
  id: number;
  reference: string;
  unit_id: number;
}

export class InfoRequestLifecycleRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * Replaces a case's items with item 1 of a split, only if it is still 已受理 and unchanged since
   * the form was shown (`version` = its updated_at); false when someone got there first.
   */
  async keepFirstItem(
    trx: Transaction<DB>,
    id: number,
    version: string,
    patch: { info_name: string | null; info_doc_number: string | null; info_description: string | null },
    now: string,
  ): Promise<boolean> {
    const r = await trx
      .updateTable('info_requests')
      .set({ ...patch, updated_at: now })
      .where('id', '=', id)
      .where('state', '=', 'accepted')
      .where('updated_at', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** Copies the consultations of one case to another (a split case shares the clock's history). */
  async copyConsultations(trx: Transaction<DB>, fromId: number, toId: number): Promise<void> {
    const rows = await trx
      .selectFrom('info_request_consultations')
      .selectAll()
      .where('request_id', '=', fromId)
      .orderBy('id')
      .execute();
    for (const { id: _id, ...c } of rows) {
      await trx
        .insertInto('info_request_consultations')
        .values({ ...c, request_id: toId })
        .execute();
    }
  }

  /** Copies the files sent with an application (the encrypted ID scan) to a split case. */
  async copyFiles(trx: Transaction<DB>, fromId: number, toId: number): Promise<void> {
    const rows = await trx
      .selectFrom('info_request_files')
      .selectAll()
      .where('request_id', '=', fromId)
      .orderBy('id')
      .execute();
    for (const { id: _id, ...f } of rows) {
      await trx
        .insertInto('info_request_files')
        .values({ ...f, request_id: toId })
        .execute();
    }
  }

  /** The cases split from `id`, in order. */
  async splitChildren(id: number, q: Db = this.db) {
    return q
      .selectFrom('info_requests')
      .select(['id', 'reference', 'state', 'lookup_code_enc'])
      .where('split_from_id', '=', id)
      .orderBy('id')
      .execute();
  }

  async referenceOf(id: number): Promise<string | null> {
    const r = await this.db
      .selectFrom('info_requests')
      .select('reference')
      .where('id', '=', id)
      .executeTakeFirst();
    return r?.reference ?? null;
  }

  /**
   * Cases concluded before `cutoff` whose applicant data is still kept, in the given units (or in
   * every unit except `exceptUnitIds`). Concluded: 已办结 (closed_on) or 已答复 (answered_on); a
   * 转办 case on the day it was passed on (its last change). A case with a 复议/诉讼 still pending is
   * kept: the file is evidence until it is decided.
   */
  async erasable(
    scope: { unitIds: number[] } | { exceptUnitIds: number[] },
    cutoff: string,
  ): Promise<ErasableCase[]> {
    if ('unitIds' in scope && scope.unitIds.length === 0) return [];
    let q = this.db
      .selectFrom('info_requests')
      .select(['id', 'reference', 'unit_id'])
      .where('applicant_erased_on', 'is', null)
      .where((eb) =>
        eb.or([
          eb.and([
            eb('state', 'in', ['closed', 'answered']),
            eb(eb.fn.coalesce('closed_on', 'answered_on'), '<', cutoff),
          ]),
          eb.and([eb('state', '=', 'transferred'), eb('updated_at', '<', cutoff)]),
        ]),
      )
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('info_request_appeals')
              .select('info_request_appeals.id')
              .whereRef('info_request_appeals.request_id', '=', 'info_requests.id')
              .where('info_request_appeals.result', '=', 'pending'),
          ),
        ),
      );
    if ('unitIds' in scope) q = q.where('unit_id', 'in', scope.unitIds);
    else if (scope.exceptUnitIds.length) q = q.where('unit_id', 'not in', scope.exceptUnitIds);
    return q.orderBy('id').execute();
  }

  /** Erases a case's applicant data once; false when another run already did. */
  async eraseApplicant(trx: Transaction<DB>, id: number, today: string, now: string): Promise<boolean> {
    const r = await trx
      .updateTable('info_requests')
      .set({
        applicant_enc: ERASED_APPLICANT_MARKER,
        applicant_key: null,
        applicant_erased_on: today,
        updated_at: now,
      })
      .where('id', '=', id)
      .where('applicant_erased_on', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** Deletes the files sent with an application (the ID scan); returns how many. */
  async deleteFiles(trx: Transaction<DB>, requestId: number): Promise<number> {
    const r = await trx
      .deleteFrom('info_request_files')
      .where('request_id', '=', requestId)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
