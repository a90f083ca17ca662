/** SQL for letters, their boxes, replies, timeline, attachments and the yearly 编号 counter. */
import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type {
  LetterAttachmentTable,
  LetterChannelTable,
  LetterEventTable,
  LetterReplyTable,
  LetterTable,
} from './letters.tables.ts';

type Db = Kysely<DB> | Transaction<DB>;
export type LetterRow = Selectable<LetterTable>;
export type ChannelRow = Selectable<LetterChannelTable>;
export type ReplyRow = Selectable<LetterReplyTable>;
export type EventRow = Selectable<LetterEventTable>;
export type AttachmentMeta = Omit<Selectable<LetterAttachmentTable>, 'content_enc'>;

/** Queue filters; `scopes` are unit paths (each covers its subtree) the actor may see. */
export interface LetterFilter {
  /** Letters handled by a unit in these subtrees. */
  scopes: string[];
  /** Also the letters waiting to be routed (received) in boxes owned by units in these subtrees. */
  routeScopes?: string[];
  statuses?: string[];
  unitId?: number;
  type?: string;
  channelId?: number;
}

export type QueueRow = LetterRow & { channel_name: string; unit_name: string | null };

export class LettersRepository {
  constructor(private readonly db: Kysely<DB>) {}

  // ── boxes ──

  async channels(opts: { activeOnly?: boolean } = {}): Promise<(ChannelRow & { unit_name: string })[]> {
    let q = this.db
      .selectFrom('letter_channels')
      .innerJoin('units', 'units.id', 'letter_channels.unit_id')
      .selectAll('letter_channels')
      .select('units.name as unit_name');
    if (opts.activeOnly) q = q.where('letter_channels.active', '=', 1);
    return q.orderBy('letter_channels.position').orderBy('letter_channels.id').execute();
  }

  async channel(id: number, q: Db = this.db): Promise<ChannelRow | undefined> {
    return q.selectFrom('letter_channels').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insertChannel(trx: Transaction<DB>, row: Insertable<LetterChannelTable>): Promise<ChannelRow> {
    return trx.insertInto('letter_channels').values(row).returningAll().executeTakeFirstOrThrow();
  }

  async updateChannel(
    trx: Transaction<DB>,
    id: number,
    patch: Updateable<LetterChannelTable>,
  ): Promise<void> {
    await trx.updateTable('letter_channels').set(patch).where('id', '=', id).execute();
  }

  // ── letters ──

  /** The next 编号 serial of a year: one upsert, so concurrent letters never share a number. */
  async nextSerial(trx: Transaction<DB>, year: number): Promise<number> {
    const r = await trx
      .insertInto('letter_serials')
      .values({ year, last: 1 })
      .onConflict((oc) => oc.column('year').doUpdateSet({ last: sql<number>`letter_serials.last + 1` }))
      .returning('last')
      .executeTakeFirstOrThrow();
    return Number(r.last);
  }

  async findById(id: number, q: Db = this.db): Promise<LetterRow | undefined> {
    return q.selectFrom('letters').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async findByReference(reference: string, q: Db = this.db): Promise<LetterRow | undefined> {
    return q.selectFrom('letters').selectAll().where('reference', '=', reference).executeTakeFirst();
  }

  async findByIdempotencyKey(key: string, q: Db = this.db): Promise<LetterRow | undefined> {
    return q.selectFrom('letters').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
  }

  async insert(trx: Transaction<DB>, row: Insertable<LetterTable>): Promise<LetterRow> {
    return trx.insertInto('letters').values(row).returningAll().executeTakeFirstOrThrow();
  }

  /**
   * Updates a letter only if it still has `revision` (optimistic lock): false when a concurrent change
   * got there first. The revision is bumped.
   */
  async updateIfRevision(
    trx: Transaction<DB>,
    id: number,
    revision: number,
    patch: Updateable<LetterTable>,
  ): Promise<boolean> {
    const r = await trx
      .updateTable('letters')
      .set({ ...patch, revision: revision + 1 })
      .where('id', '=', id)
      .where('revision', '=', revision)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** The staff queue: soonest due first. */
  async queue(f: LetterFilter, limit = 200): Promise<QueueRow[]> {
    const route = f.routeScopes ?? [];
    if (f.scopes.length === 0 && route.length === 0) return [];
    let q = this.db
      .selectFrom('letters')
      .innerJoin('letter_channels as ch', 'ch.id', 'letters.channel_id')
      .innerJoin('units as owner', 'owner.id', 'ch.unit_id')
      .leftJoin('units as handler', 'handler.id', 'letters.unit_id')
      .selectAll('letters')
      .select(['ch.name as channel_name', 'handler.name as unit_name'])
      .where((eb) =>
        eb.or([
          ...f.scopes.map((p) => eb('handler.path', 'like', `${p}%`)),
          ...route.map((p) =>
            eb.and([eb('letters.status', '=', 'received'), eb('owner.path', 'like', `${p}%`)]),
          ),
        ]),
      );
    if (f.statuses?.length) q = q.where('letters.status', 'in', f.statuses);
    if (f.unitId !== undefined) q = q.where('letters.unit_id', '=', f.unitId);
    if (f.type) q = q.where('letters.type', '=', f.type);
    if (f.channelId !== undefined) q = q.where('letters.channel_id', '=', f.channelId);
    return q.orderBy('letters.due_on').orderBy('letters.id').limit(limit).execute();
  }

  // ── timeline ──

  async addEvent(trx: Transaction<DB>, row: Insertable<LetterEventTable>): Promise<void> {
    await trx.insertInto('letter_events').values(row).execute();
  }

  async events(
    letterId: number,
  ): Promise<(EventRow & { from_unit: string | null; to_unit: string | null })[]> {
    return this.db
      .selectFrom('letter_events')
      .leftJoin('units as f', 'f.id', 'letter_events.from_unit_id')
      .leftJoin('units as t', 't.id', 'letter_events.to_unit_id')
      .selectAll('letter_events')
      .select(['f.name as from_unit', 't.name as to_unit'])
      .where('letter_id', '=', letterId)
      .orderBy('letter_events.at')
      .orderBy('letter_events.id')
      .execute();
  }

  // ── replies ──

  async replies(letterId: number, q: Db = this.db): Promise<ReplyRow[]> {
    return q
      .selectFrom('letter_replies')
      .selectAll()
      .where('letter_id', '=', letterId)
      .orderBy('round')
      .orderBy('id')
      .execute();
  }

  /** The latest reply of a round (draft, in review, returned or sent), if any. */
  async currentReply(letterId: number, round: number, q: Db = this.db): Promise<ReplyRow | undefined> {
    return q
      .selectFrom('letter_replies')
      .selectAll()
      .where('letter_id', '=', letterId)
      .where('round', '=', round)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  async insertReply(trx: Transaction<DB>, row: Insertable<LetterReplyTable>): Promise<ReplyRow> {
    return trx.insertInto('letter_replies').values(row).returningAll().executeTakeFirstOrThrow();
  }

  async updateReply(trx: Transaction<DB>, id: number, patch: Updateable<LetterReplyTable>): Promise<void> {
    await trx.updateTable('letter_replies').set(patch).where('id', '=', id).execute();
  }

  // ── attachments ──

  async insertAttachment(trx: Transaction<DB>, row: Insertable<LetterAttachmentTable>): Promise<void> {
    await trx.insertInto('letter_attachments').values(row).execute();
  }

  async attachments(letterId: number): Promise<AttachmentMeta[]> {
    return this.db
      .selectFrom('letter_attachments')
      .select(['id', 'letter_id', 'file_name', 'file_kind', 'size', 'created_at'])
      .where('letter_id', '=', letterId)
      .orderBy('id')
      .execute();
  }

  async attachment(id: number): Promise<Selectable<LetterAttachmentTable> | undefined> {
    return this.db.selectFrom('letter_attachments').selectAll().where('id', '=', id).executeTakeFirst();
  }
}
