/**
 * 依申请公开 (info requests): cases, their consultations, the public timeline, reminders and the
 * per-unit, per-year serial behind each 受理编号. Applicant personal data is stored only encrypted
 * (applicant_enc, AES-256-GCM); see src/lib/field-cipher.ts.
 */
import type { Kysely } from 'kysely';
import { withId } from '../dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('info_request_serials')
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_no', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('info_request_serials_pk', ['unit_id', 'year'])
    .execute();

  await withId(db, db.schema.createTable('info_requests'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('serial_year', 'integer', (c) => c.notNull())
    .addColumn('lookup_code_hash', 'text', (c) => c.notNull())
    .addColumn('lookup_code_enc', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.unique())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('applicant_kind', 'text', (c) => c.notNull())
    .addColumn('report_category', 'text', (c) => c.notNull())
    .addColumn('applicant_enc', 'text', (c) => c.notNull())
    .addColumn('info_name', 'text')
    .addColumn('info_doc_number', 'text')
    .addColumn('info_description', 'text')
    .addColumn('delivery_method', 'text', (c) => c.notNull())
    .addColumn('carrier', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text')
    .addColumn('correction_requested_on', 'text')
    .addColumn('correction_period_end', 'text')
    .addColumn('correction_received_on', 'text')
    .addColumn('extension_working_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('extension_reason', 'text')
    .addColumn('extension_approved_by', 'integer', (c) => c.references('users.id'))
    .addColumn('due_date', 'text')
    .addColumn('overdue_since', 'text')
    .addColumn('decision', 'text')
    .addColumn('reply_type', 'text')
    .addColumn('reply_summary', 'text')
    .addColumn('drafted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('review_passed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('answered_on', 'text')
    .addColumn('answer_delivery', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('responsible_agency', 'text')
    .addColumn('transferred_to_unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('handler_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('info_requests_unit_idx')
    .on('info_requests')
    .columns(['unit_id', 'state'])
    .execute();
  await db.schema
    .createIndex('info_requests_due_idx')
    .on('info_requests')
    .columns(['state', 'due_date'])
    .execute();

  await withId(db, db.schema.createTable('info_request_consultations'))
    .addColumn('request_id', 'integer', (c) => c.notNull().references('info_requests.id'))
    .addColumn('party_kind', 'text', (c) => c.notNull())
    .addColumn('party_name', 'text', (c) => c.notNull())
    .addColumn('sent_on', 'text', (c) => c.notNull())
    .addColumn('replied_on', 'text')
    .addColumn('ended', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('info_request_consultations_req_idx')
    .on('info_request_consultations')
    .column('request_id')
    .execute();

  await withId(db, db.schema.createTable('info_request_events'))
    .addColumn('request_id', 'integer', (c) => c.notNull().references('info_requests.id'))
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('public_note', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
    .execute();
  await db.schema
    .createIndex('info_request_events_req_idx')
    .on('info_request_events')
    .column('request_id')
    .execute();

  await withId(db, db.schema.createTable('info_request_reminders'))
    .addColumn('request_id', 'integer', (c) => c.notNull().references('info_requests.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('created_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // One reminder per case, kind and due date: re-runs and concurrent runs insert nothing twice.
    .addUniqueConstraint('info_request_reminders_unique', ['request_id', 'kind', 'due_date'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'info_request_reminders',
    'info_request_events',
    'info_request_consultations',
    'info_requests',
    'info_request_serials',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
