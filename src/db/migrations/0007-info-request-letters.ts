/**
 * 依申请公开, second part: per-unit settings (申请指南, letter number prefix, fee payment period),
 * editable letter templates, numbered letters attached to cases, processing-fee notices,
 * 行政复议/行政诉讼 records, and a keyed hash of the applicant (to count an applicant's applications
 * in a natural month for the 按件 fee without decrypting anything).
 */
import type { Kysely } from 'kysely';
import { withId } from '../dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('info_requests').addColumn('applicant_key', 'text').execute();
  await db.schema
    .createIndex('info_requests_applicant_idx')
    .on('info_requests')
    .columns(['applicant_key', 'submitted_at'])
    .execute();

  await db.schema
    .createTable('info_request_settings')
    .addColumn('unit_id', 'integer', (c) => c.primaryKey().references('units.id'))
    .addColumn('accepting_body', 'text')
    .addColumn('address', 'text')
    .addColumn('postcode', 'text')
    .addColumn('office_hours', 'text')
    .addColumn('phone', 'text')
    .addColumn('fax', 'text')
    .addColumn('email', 'text')
    .addColumn('letter_prefix', 'text')
    .addColumn('fee_payment_working_days', 'integer', (c) => c.notNull().defaultTo(20))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('info_request_letter_templates')
    .addColumn('kind', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('info_request_letter_serials')
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_no', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('info_request_letter_serials_pk', ['unit_id', 'year'])
    .execute();

  await withId(db, db.schema.createTable('info_request_letters'))
    .addColumn('request_id', 'integer', (c) => c.notNull().references('info_requests.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('sent_on', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('info_request_letters_req_idx')
    .on('info_request_letters')
    .column('request_id')
    .execute();

  await withId(db, db.schema.createTable('info_request_fees'))
    .addColumn('request_id', 'integer', (c) => c.notNull().references('info_requests.id'))
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('breakdown', 'text', (c) => c.notNull())
    .addColumn('notice_on', 'text', (c) => c.notNull())
    .addColumn('pay_by', 'text', (c) => c.notNull())
    .addColumn('paid_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('info_request_fees_req_idx')
    .on('info_request_fees')
    .column('request_id')
    .execute();

  await withId(db, db.schema.createTable('info_request_files'))
    .addColumn('request_id', 'integer', (c) => c.notNull().references('info_requests.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_kind', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    // base64 of the file, encrypted like the applicant data (it is an identity document)
    .addColumn('content_enc', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('info_request_appeals'))
    .addColumn('request_id', 'integer', (c) => c.notNull().references('info_requests.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('filed_on', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('concluded_on', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('info_request_appeals_req_idx')
    .on('info_request_appeals')
    .column('request_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'info_request_appeals',
    'info_request_files',
    'info_request_fees',
    'info_request_letters',
    'info_request_letter_serials',
    'info_request_letter_templates',
    'info_request_settings',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  await db.schema.dropIndex('info_requests_applicant_idx').ifExists().execute();
  await db.schema.alterTable('info_requests').dropColumn('applicant_key').execute();
}
