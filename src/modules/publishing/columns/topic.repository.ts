/** SQL for 主题分类 (topic_categories). */
import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { TopicCategoryTable } from '../publishing.tables.ts';

export class TopicRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Every topic (active or not) in display order. */
  async list() {
    return this.db.selectFrom('topic_categories').selectAll().orderBy('sort_order').orderBy('id').execute();
  }

  async findById(id: number) {
    return this.db.selectFrom('topic_categories').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async findByName(name: string) {
    return this.db.selectFrom('topic_categories').selectAll().where('name', '=', name).executeTakeFirst();
  }

  async insert(trx: Transaction<DB>, row: Insertable<TopicCategoryTable>): Promise<number> {
    const r = await trx.insertInto('topic_categories').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  }

  async update(trx: Transaction<DB>, id: number, patch: Updateable<TopicCategoryTable>): Promise<void> {
    await trx.updateTable('topic_categories').set(patch).where('id', '=', id).execute();
  }
}
