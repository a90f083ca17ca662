/** SQL for catalogue items. */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { CatalogueItem, CatalogueItemInput } from './catalogue.model.ts';

type Db = Kysely<DB> | Transaction<DB>;

const parse = (s: string) => JSON.parse(s) as never;

export class CatalogueRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Active items of a unit in catalogue order, with their column links. */
  async listForUnit(unitId: number, q: Db = this.db): Promise<CatalogueItem[]> {
    const rows = await q
      .selectFrom('catalogue_items')
      .selectAll()
      .where('unit_id', '=', unitId)
      .where('active', '=', 1)
      .orderBy('position')
      .orderBy('id')
      .execute();
    const links = rows.length
      ? await q
          .selectFrom('catalogue_item_columns')
          .select(['item_id', 'column_id'])
          .where(
            'item_id',
            'in',
            rows.map((r) => r.id),
          )
          .execute()
      : [];
    return rows.map((r) => ({
      id: r.id,
      unitId: r.unit_id,
      position: r.position,
      level1: r.level1,
      level2: r.level2,
      content: r.content,
      basis: r.basis,
      timeLimit: r.time_limit,
      publisher: r.publisher,
      channels: parse(r.channels_json),
      audiences: parse(r.audiences_json),
      ways: parse(r.ways_json),
      levels: parse(r.levels_json),
      columnIds: links.filter((l) => l.item_id === r.id).map((l) => l.column_id),
    }));
  }

  async find(id: number): Promise<{ id: number; unit_id: number; level1: string } | undefined> {
    return this.db
      .selectFrom('catalogue_items')
      .select(['id', 'unit_id', 'level1'])
      .where('id', '=', id)
      .where('active', '=', 1)
      .executeTakeFirst();
  }

  async nextPosition(trx: Db, unitId: number): Promise<number> {
    const r = await trx
      .selectFrom('catalogue_items')
      .select((eb) => eb.fn.max<number>('position').as('p'))
      .where('unit_id', '=', unitId)
      .executeTakeFirst();
    return Number(r?.p ?? 0) + 1;
  }

  async insert(
    trx: Transaction<DB>,
    unitId: number,
    position: number,
    item: CatalogueItemInput,
    now: string,
  ): Promise<number> {
    const r = await trx
      .insertInto('catalogue_items')
      .values({ unit_id: unitId, position, ...columns(item), active: 1, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.setColumns(trx, r.id, item.columnIds);
    return r.id;
  }

  async update(trx: Transaction<DB>, id: number, item: CatalogueItemInput, now: string): Promise<void> {
    await trx
      .updateTable('catalogue_items')
      .set({ ...columns(item), updated_at: now })
      .where('id', '=', id)
      .execute();
    await this.setColumns(trx, id, item.columnIds);
  }

  /** Retires every active item of the unit (used before a full re-import). */
  async retireAll(trx: Transaction<DB>, unitId: number, now: string): Promise<number> {
    const r = await trx
      .updateTable('catalogue_items')
      .set({ active: 0, updated_at: now })
      .where('unit_id', '=', unitId)
      .where('active', '=', 1)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  async retire(trx: Transaction<DB>, id: number, now: string): Promise<void> {
    await trx
      .updateTable('catalogue_items')
      .set({ active: 0, updated_at: now })
      .where('id', '=', id)
      .execute();
  }

  private async setColumns(trx: Transaction<DB>, itemId: number, columnIds: number[]): Promise<void> {
    await trx.deleteFrom('catalogue_item_columns').where('item_id', '=', itemId).execute();
    if (columnIds.length) {
      await trx
        .insertInto('catalogue_item_columns')
        .values([...new Set(columnIds)].map((column_id) => ({ item_id: itemId, column_id })))
        .execute();
    }
  }

  /** Active columns of a unit, for the link picker and to check submitted ids. */
  async unitColumns(unitId: number): Promise<{ id: number; name: string; depth: number }[]> {
    return this.db
      .selectFrom('site_columns')
      .select(['id', 'name', 'depth'])
      .where('unit_id', '=', unitId)
      .where('active', '=', 1)
      .orderBy('path')
      .execute();
  }
}

function columns(item: CatalogueItemInput) {
  return {
    level1: item.level1,
    level2: item.level2,
    content: item.content,
    basis: item.basis,
    time_limit: item.timeLimit,
    publisher: item.publisher,
    channels_json: JSON.stringify(item.channels),
    audiences_json: JSON.stringify(item.audiences),
    ways_json: JSON.stringify(item.ways),
    levels_json: JSON.stringify(item.levels),
  };
}
