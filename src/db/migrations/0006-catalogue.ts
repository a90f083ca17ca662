/** 主动公开目录 (catalogue items) and their links to columns. */
import type { Kysely } from 'kysely';
import { withId } from '../dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('catalogue_items'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('level1', 'text', (c) => c.notNull())
    .addColumn('level2', 'text')
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('basis', 'text')
    .addColumn('time_limit', 'text')
    .addColumn('publisher', 'text', (c) => c.notNull())
    .addColumn('channels_json', 'text', (c) => c.notNull())
    .addColumn('audiences_json', 'text', (c) => c.notNull())
    .addColumn('ways_json', 'text', (c) => c.notNull())
    .addColumn('levels_json', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('catalogue_items_unit_idx')
    .on('catalogue_items')
    .columns(['unit_id', 'position'])
    .execute();
  await db.schema
    .createTable('catalogue_item_columns')
    .addColumn('item_id', 'integer', (c) => c.notNull().references('catalogue_items.id'))
    .addColumn('column_id', 'integer', (c) => c.notNull().references('site_columns.id'))
    .addPrimaryKeyConstraint('catalogue_item_columns_pk', ['item_id', 'column_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('catalogue_item_columns').ifExists().execute();
  await db.schema.dropTable('catalogue_items').ifExists().execute();
}
