/**
 * 有效性 · 施行日期 · 废止日期 of 政府信息 (regulations §6 and §9: 国办发〔2017〕47号 asks sites to mark
 * amended, repealed or expired documents on the original). All three are nullable: most documents carry
 * no validity mark. The pre-publication check configuration needs no schema: it is stored as JSON in the
 * `settings` table of 0001 under the key 'publishing.checks' (check-settings.service.ts).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('documents').addColumn('validity', 'text').execute();
  await db.schema.alterTable('documents').addColumn('effective_on', 'text').execute();
  await db.schema.alterTable('documents').addColumn('repealed_on', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['repealed_on', 'effective_on', 'validity'])
    await db.schema.alterTable('documents').dropColumn(column).execute();
}
