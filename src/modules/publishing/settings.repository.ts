/** SQL of the publishing module's site-wide settings: rows of the `settings` table (migration 0001). */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

export class PublishingSettingsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async get(key: string): Promise<string | undefined> {
    const r = await this.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
    return r?.value;
  }

  async put(trx: Transaction<DB>, key: string, value: string, now: string): Promise<void> {
    await trx
      .insertInto('settings')
      .values({ key, value, updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
      .execute();
  }
}
