/**
 * 依申请公开, third part: linked cases from splitting a multi-item application (一事一申请,
 * 国办函〔2020〕109号), the erasure of applicant data after the retention period (a per-unit setting, null =
 * the default), and per-unit versions of the letter templates (a unit without its own version uses
 * the global one).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('info_requests')
    .addColumn('split_from_id', 'integer', (c) => c.references('info_requests.id'))
    .execute();
  await db.schema.alterTable('info_requests').addColumn('applicant_erased_on', 'text').execute();
  await db.schema
    .createIndex('info_requests_split_idx')
    .on('info_requests')
    .column('split_from_id')
    .execute();
  await db.schema
    .alterTable('info_request_settings')
    .addColumn('applicant_retention_years', 'integer')
    .execute();

  await db.schema
    .createTable('info_request_unit_letter_templates')
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('info_request_unit_letter_templates_pk', ['unit_id', 'kind'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('info_request_unit_letter_templates').ifExists().execute();
  await db.schema.alterTable('info_request_settings').dropColumn('applicant_retention_years').execute();
  await db.schema.dropIndex('info_requests_split_idx').ifExists().execute();
  await db.schema.alterTable('info_requests').dropColumn('applicant_erased_on').execute();
  await db.schema.alterTable('info_requests').dropColumn('split_from_id').execute();
}
