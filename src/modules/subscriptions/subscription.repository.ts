/** SQL of 政策找人: subscriptions, the sent-log, digest runs, and the read of newly published documents. */
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { SubscriptionTable } from './subscriptions.tables.ts';

export type SubscriptionRow = Selectable<SubscriptionTable>;
type Db = Kysely<DB> | Transaction<DB>;

/** email_enc of an erased subscription. */
const ERASED = '';

export class SubscriptionRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(trx: Transaction<DB>, row: Insertable<SubscriptionTable>): Promise<number> {
    const r = await trx.insertInto('subscriptions').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  }

  async byId(id: number, q: Db = this.db): Promise<SubscriptionRow | undefined> {
    return q.selectFrom('subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Pending and confirmed subscriptions of one address (by its keyed hash). */
  async liveByHash(hash: string, q: Db = this.db): Promise<SubscriptionRow[]> {
    return q
      .selectFrom('subscriptions')
      .selectAll()
      .where('email_hash', '=', hash)
      .where('state', 'in', ['pending', 'confirmed'])
      .orderBy('id')
      .execute();
  }

  /** Confirms a pending subscription once: the nonce is cleared in the same conditional update. */
  async confirm(trx: Transaction<DB>, id: number, nonce: string, now: string): Promise<boolean> {
    const r = await trx
      .updateTable('subscriptions')
      .set({ state: 'confirmed', confirm_nonce: null, confirmed_at: now, updated_at: now })
      .where('id', '=', id)
      .where('state', '=', 'pending')
      .where('confirm_nonce', '=', nonce)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async updateChoices(
    trx: Transaction<DB>,
    id: number,
    choices: Pick<SubscriptionTable, 'topics_json' | 'units_json' | 'audiences_json' | 'kinds_json'>,
    now: string,
  ): Promise<void> {
    await trx
      .updateTable('subscriptions')
      .set({ ...choices, updated_at: now })
      .where('id', '=', id)
      .execute();
  }

  /** Unsubscribes and erases the address (encrypted value and hash) and every link of the subscription. */
  async unsubscribe(trx: Transaction<DB>, id: number, now: string): Promise<boolean> {
    const r = await trx
      .updateTable('subscriptions')
      .set({
        state: 'unsubscribed',
        email_enc: ERASED,
        email_hash: null,
        confirm_nonce: null,
        manage_nonce: null,
        unsubscribed_at: now,
        updated_at: now,
      })
      .where('id', '=', id)
      .where('state', 'in', ['pending', 'confirmed'])
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Deletes subscriptions still unconfirmed that were made before `before`; returns how many. */
  async purgePending(trx: Transaction<DB>, before: string): Promise<number> {
    const r = await trx
      .deleteFrom('subscriptions')
      .where('state', '=', 'pending')
      .where('created_at', '<', before)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async confirmed(): Promise<SubscriptionRow[]> {
    return this.db
      .selectFrom('subscriptions')
      .selectAll()
      .where('state', '=', 'confirmed')
      .orderBy('id')
      .execute();
  }

  /** Records that `item` goes to `subscriptionId`; false when it was already recorded (sent before). */
  async recordDelivery(
    trx: Transaction<DB>,
    row: { subscription_id: number; source: string; item_id: number; run_key: string; created_at: string },
  ): Promise<boolean> {
    const r = await trx
      .insertInto('subscription_deliveries')
      .values({ ...row, mail_id: null })
      .onConflict((oc) => oc.columns(['subscription_id', 'source', 'item_id']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async setDeliveryMail(
    trx: Transaction<DB>,
    subscriptionId: number,
    runKey: string,
    mailId: number,
    now: string,
  ): Promise<void> {
    await trx
      .updateTable('subscription_deliveries')
      .set({ mail_id: mailId })
      .where('subscription_id', '=', subscriptionId)
      .where('run_key', '=', runKey)
      .execute();
    await trx
      .updateTable('subscriptions')
      .set({ last_sent_at: now })
      .where('id', '=', subscriptionId)
      .execute();
  }

  /** Where the next run starts, as the last finished run left it (null: no run yet). */
  async nextSince(): Promise<string | null> {
    const r = await this.db
      .selectFrom('subscription_runs')
      .select('next_since')
      .where('finished_at', 'is not', null)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return r?.next_since ?? null;
  }

  /** Claims run `runKey` (unique): true for exactly one caller, in any process. */
  async claimRun(runKey: string, since: string, until: string, now: string): Promise<boolean> {
    const r = await this.db
      .insertInto('subscription_runs')
      .values({ run_key: runKey, since, until, next_since: null, finished_at: null, created_at: now })
      .onConflict((oc) => oc.column('run_key').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async finishRun(
    runKey: string,
    done: { items: number; mails: number; until: string; nextSince: string },
    now: string,
  ): Promise<void> {
    await this.db
      .updateTable('subscription_runs')
      .set({
        items: done.items,
        mails: done.mails,
        until: done.until,
        next_since: done.nextSince,
        finished_at: now,
      })
      .where('run_key', '=', runKey)
      .execute();
  }

  /** Removes the claim of a run that failed, so a later run covers its window again. */
  async dropRun(runKey: string): Promise<void> {
    await this.db.deleteFrom('subscription_runs').where('run_key', '=', runKey).execute();
  }

  async recentRuns(limit: number) {
    return this.db.selectFrom('subscription_runs').selectAll().orderBy('id', 'desc').limit(limit).execute();
  }

  /** Every subscription's state and choices (no address), for the admin counts. */
  async allChoices() {
    return this.db
      .selectFrom('subscriptions')
      .select(['id', 'state', 'email_masked', 'topics_json', 'units_json', 'audiences_json', 'kinds_json'])
      .orderBy('id')
      .execute();
  }

  async deliveryCount(): Promise<number> {
    const r = await this.db
      .selectFrom('subscription_deliveries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** The digest mails of the outbox by state (kind 'subscription.*'; no address in clear). */
  async mailCounts(): Promise<Record<string, number>> {
    const rows = await this.db
      .selectFrom('mail_outbox')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('kind', 'like', 'subscription.%')
      .groupBy('status')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  }

  /** The latest failed subscription mails: masked recipient, subject, error. */
  async mailFailures(limit: number) {
    return this.db
      .selectFrom('mail_outbox')
      .select(['id', 'kind', 'recipient_masked', 'subject', 'last_error', 'updated_at'])
      .where('kind', 'like', 'subscription.%')
      .where('status', '=', 'failed')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }

  /**
   * Documents published after `since` (主动公开's public scope: state 'published'), oldest first. Read-only;
   * the subscriptions module never writes publishing's tables.
   */
  async documentsSince(since: string, limit: number) {
    return this.db
      .selectFrom('documents')
      .select(['id', 'title', 'kind', 'unit_id', 'topic_id', 'published_at'])
      .where('state', '=', 'published')
      .where('published_at', '>', since)
      .orderBy('published_at')
      .orderBy('id')
      .limit(limit)
      .execute();
  }
}
