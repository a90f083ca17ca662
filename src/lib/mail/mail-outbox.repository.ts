/** SQL of the mail outbox. Claims are compare-and-set updates, so they are atomic on both engines. */
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { MailOutboxTable, MailStatus } from './mail.tables.ts';

export type OutboxRow = Selectable<MailOutboxTable>;

/** recipient_enc / content_enc of a message whose personal data was erased (MailOutbox#purgeOld). */
const PURGED = '';
export class MailOutboxRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(trx: Transaction<DB>, row: Insertable<MailOutboxTable>): Promise<number> {
    const r = await trx.insertInto('mail_outbox').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  }

  /** Ids of messages due now: pending ones whose time has come and claims whose lease ran out. */
  async dueIds(now: string, limit: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('mail_outbox')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
          eb.and([eb('status', '=', 'sending'), eb('lease_until', '<=', now)]),
        ]),
      )
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => Number(r.id));
  }

  /**
   * Claims message `id` for one attempt if it is still due: a single conditional UPDATE, so of two
   * processes racing for it exactly one gets the row back (PostgreSQL re-checks the condition after
   * the other's update commits; SQLite serialises writers).
   */
  async claim(id: number, token: string, now: string, leaseUntil: string): Promise<OutboxRow | undefined> {
    return this.db
      .updateTable('mail_outbox')
      .set({
        status: 'sending',
        claim_token: token,
        lease_until: leaseUntil,
        attempts: sql<number>`attempts + 1`,
        last_attempt_at: now,
        updated_at: now,
      })
      .where('id', '=', id)
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
          eb.and([eb('status', '=', 'sending'), eb('lease_until', '<=', now)]),
        ]),
      )
      .returningAll()
      .executeTakeFirst();
  }

  /** Records the outcome of a claimed attempt; false when the claim was lost (lease expired). */
  async finish(
    trx: Transaction<DB>,
    id: number,
    token: string,
    change: {
      status: MailStatus;
      now: string;
      nextAttemptAt?: string;
      lastError?: string;
      messageId?: string;
    },
  ): Promise<boolean> {
    const r = await trx
      .updateTable('mail_outbox')
      .set({
        status: change.status,
        claim_token: null,
        lease_until: null,
        updated_at: change.now,
        ...(change.nextAttemptAt ? { next_attempt_at: change.nextAttemptAt } : {}),
        ...(change.lastError !== undefined ? { last_error: change.lastError } : {}),
        ...(change.status === 'sent' ? { sent_at: change.now, message_id: change.messageId ?? null } : {}),
      })
      .where('id', '=', id)
      .where('claim_token', '=', token)
      .where('status', '=', 'sending')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Puts failed messages back in the queue with a fresh retry schedule; returns their rows. */
  async requeueFailed(trx: Transaction<DB>, now: string): Promise<OutboxRow[]> {
    return trx
      .updateTable('mail_outbox')
      .set({ status: 'pending', attempts: 0, next_attempt_at: now, updated_at: now })
      .where('status', '=', 'failed')
      .where('content_enc', '<>', PURGED)
      .returningAll()
      .execute();
  }

  /** Erases recipient and content of sent or failed messages last changed before `before`. */
  async purgeContent(trx: Transaction<DB>, before: string, now: string): Promise<number> {
    const r = await trx
      .updateTable('mail_outbox')
      .set({ recipient_enc: PURGED, content_enc: PURGED, updated_at: now })
      .where('status', 'in', ['sent', 'failed'])
      .where('updated_at', '<', before)
      .where('content_enc', '<>', PURGED)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  async countByStatus(): Promise<Record<string, number>> {
    const rows = await this.db
      .selectFrom('mail_outbox')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  }

  async oldestWaiting(): Promise<OutboxRow | undefined> {
    return this.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('status', 'in', ['pending', 'sending'])
      .orderBy('created_at')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
  }

  /** The most recent failed attempt (of a message still waiting or given up). */
  async lastFailure(): Promise<OutboxRow | undefined> {
    return this.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('last_error', 'is not', null)
      .where('status', '!=', 'sent')
      .orderBy('last_attempt_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  /** Messages about the given things (e.g. letters), newest first. */
  async forRefs(refType: string, refIds: number[]): Promise<OutboxRow[]> {
    if (!refIds.length) return [];
    return this.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('ref_type', '=', refType)
      .where('ref_id', 'in', refIds)
      .orderBy('id', 'desc')
      .execute();
  }

  async byId(id: number): Promise<OutboxRow | undefined> {
    return this.db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst();
  }
}
