/** SQL for the columns and catalogue items tied to tasks as evidence. */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

export class TaskEvidenceRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async columnIds(taskId: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('task_columns')
      .select('column_id')
      .where('task_id', '=', taskId)
      .orderBy('column_id')
      .execute();
    return rows.map((r) => r.column_id);
  }

  async link(trx: Transaction<DB>, taskId: number, columnId: number, now: string): Promise<void> {
    await trx
      .insertInto('task_columns')
      .values({ task_id: taskId, column_id: columnId, created_at: now })
      .execute();
  }

  async unlink(trx: Transaction<DB>, taskId: number, columnId: number): Promise<void> {
    await trx
      .deleteFrom('task_columns')
      .where('task_id', '=', taskId)
      .where('column_id', '=', columnId)
      .execute();
  }

  async itemIds(taskId: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('task_catalogue_items')
      .select('item_id')
      .where('task_id', '=', taskId)
      .orderBy('item_id')
      .execute();
    return rows.map((r) => r.item_id);
  }

  async linkItem(trx: Transaction<DB>, taskId: number, itemId: number, now: string): Promise<void> {
    await trx
      .insertInto('task_catalogue_items')
      .values({ task_id: taskId, item_id: itemId, created_at: now })
      .execute();
  }

  async unlinkItem(trx: Transaction<DB>, taskId: number, itemId: number): Promise<void> {
    await trx
      .deleteFrom('task_catalogue_items')
      .where('task_id', '=', taskId)
      .where('item_id', '=', itemId)
      .execute();
  }
}
