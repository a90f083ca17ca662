/**
 * 政务公开主题日 / 政府开放日 (issue 13 item 5, module open-days):
 *
 * - `open_days`: one event and its plan — theme, type (主题日 / 开放日), China-local date and times, place,
 *   invited groups and activities (JSON arrays of text: data, not code), capacity with the number taken
 *   (`registered`, raised by a conditional update so the capacity holds under concurrency), the
 *   registration window, the post-event questionnaire (`survey_id` of the surveys module, nullable, not a
 *   foreign key: that module is optional), the 活动记录 text and the publishing document it was filed as.
 * - `open_day_registrations`: the public's registrations; name, phone and note encrypted at rest
 *   (lib/field-cipher.ts), the phone also as a keyed hash so the same phone cannot register twice.
 * - `open_day_images`: images of the 活动记录 (content checked at upload, base64).
 */
import type { Kysely } from 'kysely';
import { withId } from '../dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('open_days'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('theme', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('event_date', 'text', (c) => c.notNull())
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('end_time', 'text')
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('invited_groups', 'text', (c) => c.notNull())
    .addColumn('activities', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('registered', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('registration_opens_on', 'text', (c) => c.notNull())
    .addColumn('registration_closes_on', 'text', (c) => c.notNull())
    .addColumn('survey_id', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('record_text', 'text')
    .addColumn('document_id', 'integer', (c) => c.references('documents.id'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('open_days_date_idx')
    .on('open_days')
    .columns(['event_date', 'status'])
    .execute();

  await withId(db, db.schema.createTable('open_day_registrations'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('open_days.id').onDelete('cascade'))
    .addColumn('name_enc', 'text', (c) => c.notNull())
    .addColumn('phone_enc', 'text', (c) => c.notNull())
    .addColumn('phone_hash', 'text', (c) => c.notNull())
    .addColumn('group_name', 'text', (c) => c.notNull())
    .addColumn('note_enc', 'text')
    .addColumn('attended', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('attended_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('open_day_registrations_phone', ['event_id', 'phone_hash'])
    .execute();

  await withId(db, db.schema.createTable('open_day_images'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('open_days.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['open_day_images', 'open_day_registrations', 'open_days'])
    await db.schema.dropTable(t).execute();
}
