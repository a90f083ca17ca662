/**
 * SQL of the settings store: rows of the `settings` table (migration 0001; key, JSON value, updated_at).
 * A unit's own value of a unit setting is the row `<key>.<unitId>`; the site-wide value is the row `<key>`
 * (keys never end in a segment of digits, so the two cannot be confused).
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

export class SettingsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The stored JSON of each of `keys` that has a row. */
  async values(keys: readonly string[]): Promise<Map<string, string>> {
    if (keys.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('settings')
      .select(['key', 'value'])
      .where('key', 'in', [...keys])
      .execute();
    return new Map(rows.map((r) => [r.key, r.value]));
  }

  /** Rows `<key>.<unitId>` of one unit setting: each unit with a value of its own. */
  async unitValues(key: string): Promise<{ unitId: number; value: string }[]> {
    const prefix = `${key}.`;
    const rows = await this.db
      .selectFrom('settings')
      .select(['key', 'value'])
      // '_' in a key is a LIKE wildcard (SQLite has no default escape character): the prefix is checked below
      .where('key', 'like', `${prefix}%`)
      .execute();
    return rows
      .filter((r) => r.key.startsWith(prefix))
      .map((r) => ({ suffix: r.key.slice(prefix.length), value: r.value }))
      .filter((r) => r.suffix !== '' && /^\d+$/.test(r.suffix))
      .map((r) => ({ unitId: Number(r.suffix), value: r.value }))
      .sort((a, b) => a.unitId - b.unitId);
  }

  async put(trx: Transaction<DB>, key: string, value: string, now: string): Promise<void> {
    await trx
      .insertInto('settings')
      .values({ key, value, updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
      .execute();
  }

  async remove(trx: Transaction<DB>, key: string): Promise<void> {
    await trx.deleteFrom('settings').where('key', '=', key).execute();
  }
}
