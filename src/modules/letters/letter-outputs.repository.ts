/**
 * The SQL of the letters' outputs: publication of replies, public statistics, reminders and the monitor's
 * overdue list. The public scope (`listPublished`, `findPublished`) is a WHERE clause here, so no public page
 * can show a letter that is not published, not consented to, or closed.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { LetterStatus } from './letter.model.ts';

type Q = Kysely<DB> | Transaction<DB>;

/** States in which a letter still waits for its answer (the clock runs). */
export const OPEN_STATUSES: readonly LetterStatus[] = ['received', 'assigned', 'in_review'];

export interface PublishedFilter {
  channelId?: number | null;
  unitId?: number | null;
  limit: number;
  offset: number;
}

/** The columns a letter's outputs need (never the encrypted writer data). */
const LETTER_COLUMNS = [
  'letters.id',
  'letters.reference',
  'letters.channel_id',
  'letters.type',
  'letters.title',
  'letters.body',
  'letters.writer_masked',
  'letters.consent_publish',
  'letters.status',
  'letters.unit_id',
  'letters.page_url',
  'letters.error_kind',
  'letters.received_on',
  'letters.due_on',
  'letters.answered_on',
  'letters.closed_at',
  'letters.rating',
  'letters.follow_up',
  'letters.published_at',
  'letters.public_title',
  'letters.public_body',
  'letters.public_reply',
  'letters.revision',
] as const;

export class LetterOutputsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** One letter with its box and handling unit (names), or undefined. */
  findLetter(id: number, q: Q = this.db) {
    return q
      .selectFrom('letters')
      .innerJoin('letter_channels as c', 'c.id', 'letters.channel_id')
      .leftJoin('units as u', 'u.id', 'letters.unit_id')
      .select(LETTER_COLUMNS)
      .select(['c.name as channel_name', 'c.kind as channel_kind', 'c.unit_id as channel_unit_id'])
      .select(['u.name as unit_name', 'u.path as unit_path'])
      .where('letters.id', '=', id)
      .executeTakeFirst();
  }

  /** The replies sent for a letter, round 1 first. */
  sentReplies(letterId: number, q: Q = this.db) {
    return q
      .selectFrom('letter_replies')
      .select(['id', 'round', 'body', 'sent_at', 'unit_id'])
      .where('letter_id', '=', letterId)
      .where('status', '=', 'sent')
      .orderBy('round')
      .orderBy('id')
      .execute();
  }

  /** Sets the public version with the revision the reviewer saw; false when someone changed it meanwhile. */
  async setPublic(
    trx: Transaction<DB>,
    id: number,
    revision: number,
    values: {
      published_at: string | null;
      public_title?: string;
      public_body?: string;
      public_reply?: string;
      updated_at: string;
    },
  ): Promise<boolean> {
    const r = await trx
      .updateTable('letters')
      .set({ ...values, revision: revision + 1 })
      .where('id', '=', id)
      .where('revision', '=', revision)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async addEvent(
    trx: Transaction<DB>,
    e: { letter_id: number; kind: string; note: string | null; actor_id: number | null; at: string },
  ): Promise<void> {
    await trx
      .insertInto('letter_events')
      .values({ ...e, from_unit_id: null, to_unit_id: null })
      .execute();
  }

  /** The public scope: published, consented, not closed. */
  private published(q: Q = this.db) {
    return q
      .selectFrom('letters')
      .innerJoin('letter_channels as c', 'c.id', 'letters.channel_id')
      .leftJoin('units as u', 'u.id', 'letters.unit_id')
      .where('letters.published_at', 'is not', null)
      .where('letters.consent_publish', '=', 1)
      .where('letters.status', '!=', 'closed');
  }

  /** Published letters, newest first, with the total for the pager. */
  async listPublished(f: PublishedFilter) {
    let q = this.published();
    if (f.channelId) q = q.where('letters.channel_id', '=', f.channelId);
    if (f.unitId) q = q.where('letters.unit_id', '=', f.unitId);
    const [rows, total] = await Promise.all([
      q
        .select([
          'letters.id',
          'letters.reference',
          'letters.type',
          'letters.public_title',
          'letters.received_on',
          'letters.answered_on',
          'letters.published_at',
          'c.name as channel_name',
          'u.name as unit_name',
        ])
        .orderBy('letters.published_at', 'desc')
        .orderBy('letters.id', 'desc')
        .limit(f.limit)
        .offset(f.offset)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    ]);
    return { rows, total: Number(total?.n ?? 0) };
  }

  /** One published letter, or undefined (also for one that is not published). */
  findPublished(id: number) {
    return this.published()
      .select([
        'letters.id',
        'letters.reference',
        'letters.type',
        'letters.writer_masked',
        'letters.public_title',
        'letters.public_body',
        'letters.public_reply',
        'letters.received_on',
        'letters.answered_on',
        'letters.published_at',
        'letters.rating',
        'c.name as channel_name',
        'u.name as unit_name',
      ])
      .where('letters.id', '=', id)
      .executeTakeFirst();
  }

  /** Boxes and units that have published letters (the filters of the public list). */
  async publishedFacets() {
    const [channels, units] = await Promise.all([
      this.published()
        .select(['c.id', 'c.name', 'c.position'])
        .distinct()
        .orderBy('c.position')
        .orderBy('c.id')
        .execute(),
      this.published()
        .where('u.id', 'is not', null)
        .select(['u.id', 'u.name', 'u.sort_order'])
        .distinct()
        .orderBy('u.sort_order')
        .orderBy('u.id')
        .execute(),
    ]);
    return {
      channels: channels.map((c) => ({ id: c.id, name: c.name })),
      units: units.flatMap((u) => (u.id === null || u.name === null ? [] : [{ id: u.id, name: u.name }])),
    };
  }

  /**
   * The letters received in [from, to] (mailbox boxes only, or 找错 only), with the time their first reply
   * was sent, for the statistics.
   */
  statsRows(from: string, to: string, opts: { channelKind?: string; unitIds?: readonly number[] } = {}) {
    let q = this.db
      .selectFrom('letters')
      .innerJoin('letter_channels as c', 'c.id', 'letters.channel_id')
      .select([
        'letters.id',
        'letters.reference',
        'letters.title',
        'letters.channel_id',
        'letters.unit_id',
        'letters.status',
        'letters.received_on',
        'letters.due_on',
        'letters.answered_on',
        'letters.closed_at',
        'letters.rating',
      ])
      .select((eb) =>
        eb
          .selectFrom('letter_replies as r')
          .select((e2) => e2.fn.min('r.sent_at').as('first'))
          .whereRef('r.letter_id', '=', 'letters.id')
          .where('r.round', '=', 1)
          .where('r.status', '=', 'sent')
          .as('first_sent_at'),
      )
      .where('letters.received_on', '>=', from)
      .where('letters.received_on', '<=', to);
    if (opts.channelKind) q = q.where('c.kind', '=', opts.channelKind);
    if (opts.unitIds) q = q.where('letters.unit_id', 'in', opts.unitIds.length ? [...opts.unitIds] : [-1]);
    return q.orderBy('letters.received_on').orderBy('letters.id').execute();
  }

  /** Names of these units, in the site's order. */
  unitNames(ids: readonly number[]) {
    if (!ids.length) return Promise.resolve([] as { id: number; name: string; sort_order: number }[]);
    return this.db
      .selectFrom('units')
      .select(['id', 'name', 'sort_order'])
      .where('id', 'in', [...ids])
      .orderBy('sort_order')
      .orderBy('id')
      .execute();
  }

  /** Active boxes, in their order. */
  channels() {
    return this.db
      .selectFrom('letter_channels')
      .select(['id', 'name', 'kind', 'unit_id'])
      .where('active', '=', 1)
      .orderBy('position')
      .orderBy('id')
      .execute();
  }

  /** Letters still waiting for their answer, with the box kind and the handling unit's e-mail. */
  openLetters(q: Q = this.db) {
    return q
      .selectFrom('letters')
      .innerJoin('letter_channels as c', 'c.id', 'letters.channel_id')
      .leftJoin('units as u', 'u.id', 'letters.unit_id')
      .innerJoin('units as cu', 'cu.id', 'c.unit_id')
      .select([
        'letters.id',
        'letters.reference',
        'letters.title',
        'letters.type',
        'letters.status',
        'letters.unit_id',
        'letters.received_on',
        'letters.due_on',
        'letters.page_url',
        'c.kind as channel_kind',
        'c.name as channel_name',
        'c.unit_id as channel_unit_id',
        'u.name as unit_name',
        'u.path as unit_path',
        'u.email as unit_email',
        'cu.name as channel_unit_name',
        'cu.email as channel_unit_email',
        'cu.path as channel_unit_path',
      ])
      .where('letters.status', 'in', [...OPEN_STATUSES])
      .orderBy('letters.due_on')
      .orderBy('letters.id')
      .execute();
  }

  /**
   * Records one reminder; false when it was already there (a second run, or another process first). The
   * primary key (letter, kind, day) makes this safe across processes: the insert does nothing on conflict.
   */
  async remindOnce(trx: Transaction<DB>, letterId: number, kind: string, day: string, at: string) {
    const r = await trx
      .insertInto('letter_reminders')
      .values({ letter_id: letterId, kind, day, created_at: at })
      .onConflict((oc) => oc.columns(['letter_id', 'kind', 'day']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  /** The latest reminder of each of these letters (for the staff queue). */
  async latestReminders(letterIds: readonly number[]) {
    if (!letterIds.length) return new Map<number, { kind: string; day: string }>();
    const rows = await this.db
      .selectFrom('letter_reminders')
      .select(['letter_id', 'kind', 'day'])
      .where('letter_id', 'in', [...letterIds])
      .orderBy('day')
      .orderBy('kind')
      .execute();
    const out = new Map<number, { kind: string; day: string }>();
    for (const r of rows) out.set(r.letter_id, { kind: r.kind, day: r.day });
    return out;
  }

  /** The reminders of one letter, newest first. */
  remindersOf(letterId: number) {
    return this.db
      .selectFrom('letter_reminders')
      .select(['kind', 'day', 'created_at'])
      .where('letter_id', '=', letterId)
      .orderBy('day', 'desc')
      .orderBy('kind')
      .execute();
  }
}
