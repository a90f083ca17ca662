/**
 * 政策找人 subscriptions (issue 14 item 7, module subscriptions):
 *
 * - `subscriptions`: one e-mail subscription — its choices (topics, units, 对象, kinds: JSON arrays of
 *   keys/ids), its state (pending → confirmed → unsubscribed), the address encrypted at rest
 *   (lib/field-cipher.ts), a keyed hash of it for dedupe and the per-address limit, the masked form for
 *   staff pages, and the random nonces the signed links are bound to (the confirm nonce is cleared on use,
 *   so a confirmation link works once). Atom subscriptions store nothing (the filters are in the URL).
 * - `subscription_deliveries`: the sent-log, unique per (subscription, source, item), so an item is mailed
 *   to a subscriber at most once however many runs or processes see it.
 * - `subscription_runs`: one row per digest run (unique run key: the claim), with the window it covered and
 *   where the next run starts (`next_since`).
 */
import type { Kysely } from 'kysely';
import { withId } from '../dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('subscriptions'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('email_enc', 'text', (c) => c.notNull())
    .addColumn('email_hash', 'text')
    .addColumn('email_masked', 'text', (c) => c.notNull())
    .addColumn('topics_json', 'text', (c) => c.notNull())
    .addColumn('units_json', 'text', (c) => c.notNull())
    .addColumn('audiences_json', 'text', (c) => c.notNull())
    .addColumn('kinds_json', 'text', (c) => c.notNull())
    .addColumn('confirm_nonce', 'text')
    .addColumn('manage_nonce', 'text')
    .addColumn('consent_text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('unsubscribed_at', 'text')
    .addColumn('last_sent_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('subscriptions_hash_idx').on('subscriptions').columns(['email_hash']).execute();
  await db.schema
    .createIndex('subscriptions_state_idx')
    .on('subscriptions')
    .columns(['state', 'created_at'])
    .execute();

  await withId(db, db.schema.createTable('subscription_deliveries'))
    .addColumn('subscription_id', 'integer', (c) =>
      c.notNull().references('subscriptions.id').onDelete('cascade'),
    )
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('item_id', 'integer', (c) => c.notNull())
    .addColumn('run_key', 'text', (c) => c.notNull())
    .addColumn('mail_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('subscription_deliveries_once', ['subscription_id', 'source', 'item_id'])
    .execute();

  await withId(db, db.schema.createTable('subscription_runs'))
    .addColumn('run_key', 'text', (c) => c.notNull().unique())
    .addColumn('since', 'text', (c) => c.notNull())
    .addColumn('until', 'text', (c) => c.notNull())
    .addColumn('next_since', 'text')
    .addColumn('items', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('mails', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('finished_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('subscription_runs').ifExists().execute();
  await db.schema.dropTable('subscription_deliveries').ifExists().execute();
  await db.schema.dropTable('subscriptions').ifExists().execute();
}
