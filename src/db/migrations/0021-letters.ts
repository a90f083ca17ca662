/**
 * 政民互动 letters (issue 13, module letters): 领导信箱, 咨询, 建议, 投诉 and 我为政府网站找错 as one model.
 *
 * - `letter_channels`: the boxes a citizen writes to (a leader's or a unit's 信箱, 政务咨询, 找错), each owned by a
 *   unit, with an optional reply limit of its own (null = the settings' limit for the letter's type).
 * - `letters`: one letter — 编号 (reference) and the 查询码 (hashed, and encrypted to repeat it on a double
 *   submit), the writer's personal data encrypted (writer_enc) and masked for lists (writer_masked), consent to
 *   publish, the type (a code of LETTER_TYPES, data), the page address of a 找错 report, the handling unit, the
 *   clock (received_on, due_on and what it was computed from), the state, the closing reason, the writer's
 *   rating and one follow-up, and the public version (masked text, set when published).
 * - `letter_replies`: every reply drafted for a letter (round 1, and round 2 after the follow-up), with its
 *   review (审核) and when it was sent.
 * - `letter_events`: the timeline (received, routed, handed back, transferred with reason, reply sent, …).
 * - `letter_attachments`: files sent with a letter, checked by content and size, stored encrypted.
 * - `letter_serials`: the yearly counter behind the 编号.
 * - `letter_reminders`: reminders the daily job raised (unique per letter, kind and day: idempotent across
 *   processes).
 */
import type { Kysely } from 'kysely';
import { withId } from '../dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('letter_channels'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('leader_name', 'text')
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reply_working_days', 'integer')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // The 编号 counter: one row per year (LETTER_REFERENCE in letter.model.ts).
  await db.schema
    .createTable('letter_serials')
    .addColumn('year', 'integer', (c) => c.notNull().primaryKey())
    .addColumn('last', 'integer', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('letters'))
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('lookup_code_hash', 'text', (c) => c.notNull())
    .addColumn('lookup_code_enc', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.unique())
    .addColumn('channel_id', 'integer', (c) => c.notNull().references('letter_channels.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('writer_enc', 'text', (c) => c.notNull())
    .addColumn('writer_masked', 'text', (c) => c.notNull())
    .addColumn('consent_publish', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('page_url', 'text')
    .addColumn('error_kind', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('simple', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('clock_started_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('limit_working_days', 'integer', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .addColumn('answered_on', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('close_reason', 'text')
    .addColumn('close_note', 'text')
    .addColumn('duplicate_of', 'integer')
    .addColumn('rating', 'text')
    .addColumn('rated_at', 'text')
    .addColumn('follow_up', 'text')
    .addColumn('follow_up_at', 'text')
    .addColumn('published_at', 'text')
    .addColumn('public_title', 'text')
    .addColumn('public_body', 'text')
    .addColumn('public_reply', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('letters_status_idx').on('letters').columns(['status', 'due_on']).execute();
  await db.schema.createIndex('letters_unit_idx').on('letters').columns(['unit_id', 'received_on']).execute();
  await db.schema
    .createIndex('letters_channel_idx')
    .on('letters')
    .columns(['channel_id', 'received_on'])
    .execute();
  await db.schema.createIndex('letters_published_idx').on('letters').columns(['published_at']).execute();

  await withId(db, db.schema.createTable('letter_replies'))
    .addColumn('letter_id', 'integer', (c) => c.notNull().references('letters.id'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('drafted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('drafted_at', 'text', (c) => c.notNull())
    .addColumn('reviewed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('reviewed_at', 'text')
    .addColumn('review_note', 'text')
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('letter_replies_letter_idx').on('letter_replies').column('letter_id').execute();

  await withId(db, db.schema.createTable('letter_events'))
    .addColumn('letter_id', 'integer', (c) => c.notNull().references('letters.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('to_unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('note', 'text')
    .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('letter_events_letter_idx').on('letter_events').column('letter_id').execute();

  await withId(db, db.schema.createTable('letter_attachments'))
    .addColumn('letter_id', 'integer', (c) => c.notNull().references('letters.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_kind', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content_enc', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('letter_reminders')
    .addColumn('letter_id', 'integer', (c) => c.notNull().references('letters.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('letter_reminders_pk', ['letter_id', 'kind', 'day'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'letter_reminders',
    'letter_attachments',
    'letter_events',
    'letter_replies',
    'letters',
    'letter_channels',
    'letter_serials',
  ])
    await db.schema.dropTable(t).execute();
}
