/** SQL for 依申请公开 cases, their consultations, timeline, reminders and serial numbers. */
import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type {
  InfoRequestConsultationTable,
  InfoRequestEventTable,
  InfoRequestTable,
} from './info-request.tables.ts';

type Db = Kysely<DB> | Transaction<DB>;
export type InfoRequestRow = Selectable<InfoRequestTable>;
export type ConsultationRow = Selectable<InfoRequestConsultationTable>;
export type TimelineRow = Selectable<InfoRequestEventTable>;

/** Workbench filters; `scopes` are unit paths (each covers its subtree) the actor may see. */
export interface CaseFilter {
  scopes: string[];
  states?: string[];
  unitId?: number;
  channel?: string;
  dueOnOrBefore?: string;
}

export class InfoRequestRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async findById(id: number, q: Db = this.db): Promise<InfoRequestRow | undefined> {
    return q.selectFrom('info_requests').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async findByReference(reference: string): Promise<InfoRequestRow | undefined> {
    return this.db
      .selectFrom('info_requests')
      .selectAll()
      .where('reference', '=', reference)
      .executeTakeFirst();
  }

  async findByIdempotencyKey(key: string, q: Db = this.db): Promise<InfoRequestRow | undefined> {
    return q.selectFrom('info_requests').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
  }

  /**
   * The next serial of a unit in a year. One upsert statement, so two concurrent submissions can
   * never receive the same number (the row lock serialises them on both engines).
   */
  async nextSerial(trx: Transaction<DB>, unitId: number, year: number): Promise<number> {
    const r = await trx
      .insertInto('info_request_serials')
      .values({ unit_id: unitId, year, last_no: 1 })
      .onConflict((oc) =>
        oc
          .columns(['unit_id', 'year'])
          .doUpdateSet({ last_no: sql<number>`info_request_serials.last_no + 1` }),
      )
      .returning('last_no')
      .executeTakeFirstOrThrow();
    return Number(r.last_no);
  }

  async insert(trx: Transaction<DB>, row: Insertable<InfoRequestTable>): Promise<InfoRequestRow> {
    return trx.insertInto('info_requests').values(row).returningAll().executeTakeFirstOrThrow();
  }

  async update(trx: Transaction<DB>, id: number, patch: Updateable<InfoRequestTable>): Promise<void> {
    await trx.updateTable('info_requests').set(patch).where('id', '=', id).execute();
  }

  /** Updates a case only if it is still in `state`; false when a concurrent change got there first. */
  async updateInState(
    trx: Transaction<DB>,
    id: number,
    state: string,
    patch: Updateable<InfoRequestTable>,
  ): Promise<boolean> {
    const r = await trx
      .updateTable('info_requests')
      .set(patch)
      .where('id', '=', id)
      .where('state', '=', state)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** Cases in the actor's scopes, soonest due first (cases without a due date last). */
  async list(f: CaseFilter, limit = 200): Promise<(InfoRequestRow & { unit_path: string })[]> {
    if (f.scopes.length === 0) return [];
    let q = this.db
      .selectFrom('info_requests')
      .innerJoin('units', 'units.id', 'info_requests.unit_id')
      .selectAll('info_requests')
      .select('units.path as unit_path')
      .where((eb) => eb.or(f.scopes.map((p) => eb('units.path', 'like', `${p}%`))));
    if (f.states?.length) q = q.where('info_requests.state', 'in', f.states);
    if (f.unitId !== undefined) q = q.where('info_requests.unit_id', '=', f.unitId);
    if (f.channel) q = q.where('info_requests.channel', '=', f.channel);
    if (f.dueOnOrBefore) q = q.where('info_requests.due_date', '<=', f.dueOnOrBefore);
    return q
      .orderBy(sql`case when info_requests.due_date is null then 1 else 0 end`)
      .orderBy('info_requests.due_date')
      .orderBy('info_requests.id')
      .limit(limit)
      .execute();
  }

  /** Case counts per state in the actor's scopes (the workbench's tabs). */
  async countByState(scopes: string[]): Promise<Record<string, number>> {
    if (scopes.length === 0) return {};
    const rows = await this.db
      .selectFrom('info_requests')
      .innerJoin('units', 'units.id', 'info_requests.unit_id')
      .select(['info_requests.state', (eb) => eb.fn.countAll<number>().as('n')])
      .where((eb) => eb.or(scopes.map((p) => eb('units.path', 'like', `${p}%`))))
      .groupBy('info_requests.state')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
  }

  /** Cases in the given states whose date column is before `date` (the daily job's work list). */
  async listDueBefore(
    states: readonly string[],
    column: 'due_date' | 'correction_period_end',
    date: string,
  ): Promise<InfoRequestRow[]> {
    return this.db
      .selectFrom('info_requests')
      .selectAll()
      .where('state', 'in', [...states])
      .where(column, 'is not', null)
      .where(column, '<', date)
      .orderBy('id')
      .execute();
  }

  /** Cases in the given states due between two dates (inclusive). */
  async listDueBetween(states: readonly string[], from: string, to: string): Promise<InfoRequestRow[]> {
    return this.db
      .selectFrom('info_requests')
      .selectAll()
      .where('state', 'in', [...states])
      .where('due_date', '>=', from)
      .where('due_date', '<=', to)
      .orderBy('id')
      .execute();
  }

  /**
   * Cases relevant to the annual statistics of years `fromYear`..`toYear`: received by the end of
   * `toYear` and not concluded before `fromYear`, in one unit or its subtree. 转办 cases are left out
   * (the receiving unit counts them).
   */
  async statsCases(unit: { id: number; path: string }, subtree: boolean, fromYear: number, toYear: number) {
    const concluded = sql<string | null>`coalesce(info_requests.answered_on, info_requests.closed_on)`;
    let q = this.db
      .selectFrom('info_requests')
      .innerJoin('units', 'units.id', 'info_requests.unit_id')
      .select([
        'info_requests.id',
        'info_requests.reference',
        'info_requests.report_category',
        'info_requests.decision',
        'info_requests.received_on',
        concluded.as('concluded_on'),
      ])
      .where('info_requests.received_on', 'is not', null)
      .where('info_requests.received_on', '<=', `${toYear}-12-31`)
      .where('info_requests.state', '!=', 'transferred')
      .where((eb) => eb.or([eb(concluded, 'is', null), eb(concluded, '>=', `${fromYear}-01-01`)]));
    q = subtree
      ? q.where('units.path', 'like', `${unit.path}%`)
      : q.where('info_requests.unit_id', '=', unit.id);
    return q.execute();
  }

  /** 信息处理费 paid in `year` (by the day it was paid) for the cases of the unit (or its subtree). */
  async feesPaid(unit: { id: number; path: string }, subtree: boolean, year: number) {
    let q = this.db
      .selectFrom('info_request_fees')
      .innerJoin('info_requests', 'info_requests.id', 'info_request_fees.request_id')
      .innerJoin('units', 'units.id', 'info_requests.unit_id')
      .select([
        'info_request_fees.request_id',
        'info_requests.reference',
        'info_request_fees.amount_fen',
        'info_request_fees.paid_on',
      ])
      .where('info_request_fees.status', '=', 'paid')
      .where('info_request_fees.paid_on', '>=', `${year}-01-01`)
      .where('info_request_fees.paid_on', '<=', `${year}-12-31`);
    q = subtree
      ? q.where('units.path', 'like', `${unit.path}%`)
      : q.where('info_requests.unit_id', '=', unit.id);
    return q.orderBy('info_request_fees.paid_on').execute();
  }

  /** Marks a case overdue once; returns false when another run already did. */
  async markOverdue(trx: Transaction<DB>, id: number, today: string, now: string): Promise<boolean> {
    const r = await trx
      .updateTable('info_requests')
      .set({ overdue_since: today, updated_at: now })
      .where('id', '=', id)
      .where('overdue_since', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** Records a reminder unless one exists for this case, kind and due date; true when inserted. */
  async addReminder(
    trx: Transaction<DB>,
    r: { requestId: number; kind: string; dueDate: string; today: string; now: string },
  ): Promise<boolean> {
    const res = await trx
      .insertInto('info_request_reminders')
      .values({
        request_id: r.requestId,
        kind: r.kind,
        due_date: r.dueDate,
        created_on: r.today,
        created_at: r.now,
      })
      .onConflict((oc) => oc.columns(['request_id', 'kind', 'due_date']).doNothing())
      .executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async reminders(requestId: number) {
    return this.db
      .selectFrom('info_request_reminders')
      .selectAll()
      .where('request_id', '=', requestId)
      .orderBy('id')
      .execute();
  }

  async consultations(requestId: number, q: Db = this.db): Promise<ConsultationRow[]> {
    return q
      .selectFrom('info_request_consultations')
      .selectAll()
      .where('request_id', '=', requestId)
      .orderBy('id')
      .execute();
  }

  async insertConsultation(
    trx: Transaction<DB>,
    row: Insertable<InfoRequestConsultationTable>,
  ): Promise<void> {
    await trx.insertInto('info_request_consultations').values(row).execute();
  }

  async endConsultation(trx: Transaction<DB>, id: number, repliedOn: string | null): Promise<void> {
    await trx
      .updateTable('info_request_consultations')
      .set({ replied_on: repliedOn, ended: 1 })
      .where('id', '=', id)
      .execute();
  }

  async addTimeline(trx: Transaction<DB>, row: Insertable<InfoRequestEventTable>): Promise<void> {
    await trx.insertInto('info_request_events').values(row).execute();
  }

  async timeline(requestId: number): Promise<TimelineRow[]> {
    return this.db
      .selectFrom('info_request_events')
      .selectAll()
      .where('request_id', '=', requestId)
      .orderBy('id')
      .execute();
  }

  /** Kinds of the letters attached to a case (the answer guard needs the reply letter). */
  async letterKinds(requestId: number, q: Db = this.db): Promise<string[]> {
    const rows = await q
      .selectFrom('info_request_letters')
      .select('kind')
      .where('request_id', '=', requestId)
      .execute();
    return rows.map((r) => r.kind);
  }

  /** Marks the case's unsent letters of `kind` as sent on `date` (the reply letter, on answering). */
  async markLettersSent(trx: Transaction<DB>, requestId: number, kind: string, date: string): Promise<void> {
    await trx
      .updateTable('info_request_letters')
      .set({ sent_on: date })
      .where('request_id', '=', requestId)
      .where('kind', '=', kind)
      .where('sent_on', 'is', null)
      .execute();
  }

  /** 复议/诉讼 records filed in a year on cases of a unit (or its subtree), for table 四. */
  async appealsForStats(unit: { id: number; path: string }, subtree: boolean, year: number) {
    let q = this.db
      .selectFrom('info_request_appeals')
      .innerJoin('info_requests', 'info_requests.id', 'info_request_appeals.request_id')
      .innerJoin('units', 'units.id', 'info_requests.unit_id')
      .select([
        'info_request_appeals.request_id',
        'info_requests.reference',
        'info_request_appeals.kind',
        'info_request_appeals.result',
        'info_request_appeals.concluded_on',
      ])
      .where('info_request_appeals.filed_on', '>=', `${year}-01-01`)
      .where('info_request_appeals.filed_on', '<=', `${year}-12-31`);
    q = subtree
      ? q.where('units.path', 'like', `${unit.path}%`)
      : q.where('info_requests.unit_id', '=', unit.id);
    return q.execute();
  }

  /** Letters already sent to the applicant (the only ones the public status page shows). */
  async sentLetters(requestId: number) {
    return this.db
      .selectFrom('info_request_letters')
      .select(['id', 'kind', 'number', 'title', 'body', 'sent_on'])
      .where('request_id', '=', requestId)
      .where('sent_on', 'is not', null)
      .orderBy('id')
      .execute();
  }

  // ── annual report, many units at once (年度报告 dashboard) ──

  /** statsCases for many units at once (each unit's own cases), with the unit of each case. */
  async statsCasesOfUnits(unitIds: readonly number[], fromYear: number, toYear: number) {
    const concluded = sql<string | null>`coalesce(info_requests.answered_on, info_requests.closed_on)`;
    const out = [];
    for (const ids of idChunks(unitIds))
      out.push(
        ...(await this.db
          .selectFrom('info_requests')
          .select([
            'info_requests.unit_id',
            'info_requests.id',
            'info_requests.reference',
            'info_requests.report_category',
            'info_requests.decision',
            'info_requests.received_on',
            concluded.as('concluded_on'),
          ])
          .where('info_requests.unit_id', 'in', ids)
          .where('info_requests.received_on', 'is not', null)
          .where('info_requests.received_on', '<=', `${toYear}-12-31`)
          .where('info_requests.state', '!=', 'transferred')
          .where((eb) => eb.or([eb(concluded, 'is', null), eb(concluded, '>=', `${fromYear}-01-01`)]))
          .execute()),
      );
    return out;
  }

  /** appealsForStats for many units at once, with the unit of each case. */
  async appealsForStatsOfUnits(unitIds: readonly number[], year: number) {
    const out = [];
    for (const ids of idChunks(unitIds))
      out.push(
        ...(await this.db
          .selectFrom('info_request_appeals')
          .innerJoin('info_requests', 'info_requests.id', 'info_request_appeals.request_id')
          .select([
            'info_requests.unit_id',
            'info_request_appeals.request_id',
            'info_requests.reference',
            'info_request_appeals.kind',
            'info_request_appeals.result',
            'info_request_appeals.concluded_on',
          ])
          .where('info_requests.unit_id', 'in', ids)
          .where('info_request_appeals.filed_on', '>=', `${year}-01-01`)
          .where('info_request_appeals.filed_on', '<=', `${year}-12-31`)
          .execute()),
      );
    return out;
  }

  /** feesPaid for many units at once, with the unit of each case. */
  async feesPaidOfUnits(unitIds: readonly number[], year: number) {
    const out = [];
    for (const ids of idChunks(unitIds))
      out.push(
        ...(await this.db
          .selectFrom('info_request_fees')
          .innerJoin('info_requests', 'info_requests.id', 'info_request_fees.request_id')
          .select([
            'info_requests.unit_id',
            'info_request_fees.request_id',
            'info_requests.reference',
            'info_request_fees.amount_fen',
            'info_request_fees.paid_on',
          ])
          .where('info_requests.unit_id', 'in', ids)
          .where('info_request_fees.status', '=', 'paid')
          .where('info_request_fees.paid_on', '>=', `${year}-01-01`)
          .where('info_request_fees.paid_on', '<=', `${year}-12-31`)
          .orderBy('info_request_fees.paid_on')
          .execute()),
      );
    return out;
  }
  // ── end annual report, many units ──
}

/** Bound parameters per IN list, well under both engines' limits. */
function idChunks(ids: readonly number[], size = 2000): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size));
  return out;
}
