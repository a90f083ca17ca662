/** Catalogue items (主动公开目录 / 基层政务公开标准目录 事项) tied to a task as evidence (issue 10 §7). */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('task_catalogue_items')
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('catalogue_items.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('task_catalogue_items_pk', ['task_id', 'item_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('task_catalogue_items').ifExists().execute();
}
