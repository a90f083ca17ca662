/** SQL of the 主题日 / 开放日 tables. Public scopes (`…Public`, `plan`) filter by PUBLIC_STATES here. */
import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type OpenDayState, PUBLIC_STATES } from './open-day.model.ts';
import type { OpenDayRegistrationTable, OpenDayTable } from './open-days.tables.ts';

export type OpenDayRow = Selectable<OpenDayTable>;
export type RegistrationRow = Selectable<OpenDayRegistrationTable>;
type Db = Kysely<DB> | Transaction<DB>;

export class OpenDayRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(trx: Transaction<DB>, row: Insertable<OpenDayTable>): Promise<number> {
    return (await trx.insertInto('open_days').values(row).returning('id').executeTakeFirstOrThrow()).id;
  }

  /** Updates the row only while it is still in `status`. */
  async update(
    trx: Transaction<DB>,
    id: number,
    status: OpenDayState,
    patch: Updateable<OpenDayTable>,
  ): Promise<boolean> {
    const r = await trx
      .updateTable('open_days')
      .set(patch)
      .where('id', '=', id)
      .where('status', '=', status)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async findById(id: number, q: Db = this.db): Promise<OpenDayRow | undefined> {
    return q.selectFrom('open_days').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async findByDocument(documentId: number, q: Db = this.db): Promise<OpenDayRow | undefined> {
    return q.selectFrom('open_days').selectAll().where('document_id', '=', documentId).executeTakeFirst();
  }

  async listForUnits(unitIds: readonly number[]): Promise<OpenDayRow[]> {
    if (!unitIds.length) return [];
    return this.db
      .selectFrom('open_days')
      .selectAll()
      .where('unit_id', 'in', unitIds)
      .orderBy('event_date', 'desc')
      .orderBy('id', 'desc')
      .execute();
  }

  async findPublic(id: number): Promise<OpenDayRow | undefined> {
    return this.db
      .selectFrom('open_days')
      .selectAll()
      .where('id', '=', id)
      .where('status', 'in', PUBLIC_STATES)
      .executeTakeFirst();
  }

  /** Public scope: the events of a year (the 活动计划表), in date order. */
  async plan(year: number): Promise<OpenDayRow[]> {
    return this.db
      .selectFrom('open_days')
      .selectAll()
      .where('status', 'in', PUBLIC_STATES)
      .where('event_date', '>=', `${year}-01-01`)
      .where('event_date', '<=', `${year}-12-31`)
      .orderBy('event_date')
      .orderBy('start_time')
      .orderBy('id')
      .execute();
  }

  /** Public scope: events in `states` (⊆ PUBLIC_STATES), newest date first. */
  async listPublic(states: readonly OpenDayState[], limit = 100): Promise<OpenDayRow[]> {
    const allowed = states.filter((s) => PUBLIC_STATES.includes(s));
    if (!allowed.length) return [];
    return this.db
      .selectFrom('open_days')
      .selectAll()
      .where('status', 'in', allowed)
      .orderBy('event_date', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }

  /**
   * Takes one place: raises `registered` only while the event is 已公布计划 and not full. One statement,
   * so two registrations for the last place cannot both pass (the row is locked by the update).
   */
  async takePlace(trx: Transaction<DB>, id: number): Promise<boolean> {
    const r = await trx
      .updateTable('open_days')
      .set((eb) => ({ registered: eb('registered', '+', 1) }))
      .where('id', '=', id)
      .where('status', '=', 'planned')
      .whereRef('registered', '<', 'capacity')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async hasPhone(eventId: number, phoneHash: string, q: Db = this.db): Promise<boolean> {
    const r = await q
      .selectFrom('open_day_registrations')
      .select('id')
      .where('event_id', '=', eventId)
      .where('phone_hash', '=', phoneHash)
      .executeTakeFirst();
    return r !== undefined;
  }

  async insertRegistration(trx: Transaction<DB>, row: Insertable<OpenDayRegistrationTable>): Promise<number> {
    return (
      await trx.insertInto('open_day_registrations').values(row).returning('id').executeTakeFirstOrThrow()
    ).id;
  }

  async registrations(eventId: number): Promise<RegistrationRow[]> {
    return this.db
      .selectFrom('open_day_registrations')
      .selectAll()
      .where('event_id', '=', eventId)
      .orderBy('id')
      .execute();
  }

  /** Sets who came: `attended` ids ticked, every other registration of the event unticked. */
  async setAttendance(
    trx: Transaction<DB>,
    eventId: number,
    attended: readonly number[],
    at: string,
  ): Promise<void> {
    await trx
      .updateTable('open_day_registrations')
      .set({ attended: 0, attended_at: null })
      .where('event_id', '=', eventId)
      .$if(attended.length > 0, (q) => q.where('id', 'not in', [...attended]))
      .execute();
    if (attended.length)
      await trx
        .updateTable('open_day_registrations')
        .set({ attended: 1, attended_at: at })
        .where('event_id', '=', eventId)
        .where('id', 'in', [...attended])
        .where('attended', '=', 0)
        .execute();
  }

  async insertImage(
    trx: Transaction<DB>,
    row: { event_id: number; file_name: string; kind: string; data: string; created_at: string },
  ) {
    return (await trx.insertInto('open_day_images').values(row).returning('id').executeTakeFirstOrThrow()).id;
  }

  async images(eventId: number, q: Db = this.db) {
    return q
      .selectFrom('open_day_images')
      .select(['id', 'file_name', 'kind'])
      .where('event_id', '=', eventId)
      .orderBy('id')
      .execute();
  }

  async image(eventId: number, imageId: number) {
    return this.db
      .selectFrom('open_day_images as m')
      .innerJoin('open_days as e', 'e.id', 'm.event_id')
      .select(['m.kind', 'm.data', 'e.status', 'e.unit_id'])
      .where('m.id', '=', imageId)
      .where('m.event_id', '=', eventId)
      .executeTakeFirst();
  }

  async deleteImage(trx: Transaction<DB>, eventId: number, imageId: number): Promise<boolean> {
    const r = await trx
      .deleteFrom('open_day_images')
      .where('id', '=', imageId)
      .where('event_id', '=', eventId)
      .executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }
}
