/**
 * Typed settings (src/lib/settings): every setting lives in the `settings` table of 0001 as JSON — a
 * site-wide value under its key, a unit's own value under `<key>.<unitId>`. The per-unit 依申请公开
 * settings move there from `info_request_settings` (0007, 0010), one row per value set; a null column was
 * "no value of its own" and gets no row. 发布前检查 ('publishing.checks') and the 年度考核 weights
 * ('tasks.assessment_weights.<unitId>') are stored that way already.
 * The keys are spelled out here (not imported): a shipped migration never changes with the code.
 */
import type { Kysely } from 'kysely';

/** info_request_settings column → setting key (requests/info-request-settings.service.ts). */
const COLUMNS = {
  accepting_body: 'requests.accepting_body',
  address: 'requests.address',
  postcode: 'requests.postcode',
  office_hours: 'requests.office_hours',
  phone: 'requests.phone',
  fax: 'requests.fax',
  email: 'requests.email',
  letter_prefix: 'requests.letter_prefix',
  fee_payment_working_days: 'requests.fee_payment_working_days',
  applicant_retention_years: 'requests.applicant_retention_years',
} as const;
type Column = keyof typeof COLUMNS;
const INTEGER_COLUMNS: readonly Column[] = ['fee_payment_working_days', 'applicant_retention_years'];

export async function up(db: Kysely<any>): Promise<void> {
  const rows = (await db.selectFrom('info_request_settings').selectAll().execute()) as Record<
    string,
    unknown
  >[];
  for (const row of rows) {
    for (const [column, key] of Object.entries(COLUMNS) as [Column, string][]) {
      const v = row[column];
      if (v === null || v === undefined) continue;
      const value = JSON.stringify(INTEGER_COLUMNS.includes(column) ? Number(v) : String(v));
      await db
        .insertInto('settings')
        .values({ key: `${key}.${Number(row.unit_id)}`, value, updated_at: String(row.updated_at) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute();
    }
  }
  await db.schema.dropTable('info_request_settings').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
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
    .addColumn('applicant_retention_years', 'integer')
    .execute();
  const byUnit = new Map<number, Record<string, unknown>>();
  for (const [column, key] of Object.entries(COLUMNS) as [Column, string][]) {
    const rows = await db
      .selectFrom('settings')
      .select(['key', 'value', 'updated_at'])
      .where('key', 'like', `${key}.%`)
      .execute();
    for (const r of rows as { key: string; value: string; updated_at: string }[]) {
      const suffix = r.key.slice(key.length + 1);
      if (!r.key.startsWith(`${key}.`) || !/^\d+$/.test(suffix)) continue;
      const unitId = Number(suffix);
      const row = byUnit.get(unitId) ?? { unit_id: unitId, updated_at: r.updated_at };
      row[column] = JSON.parse(r.value);
      if (r.updated_at > String(row.updated_at)) row.updated_at = r.updated_at;
      byUnit.set(unitId, row);
      await db.deleteFrom('settings').where('key', '=', r.key).execute();
    }
  }
  for (const row of byUnit.values()) await db.insertInto('info_request_settings').values(row).execute();
}
