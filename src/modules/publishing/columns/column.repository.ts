/** SQL for 栏目 (site_columns). Public scopes return active columns only. */
import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { moveSubtree } from '../../../db/tree.ts';
import type { SiteColumn, SiteColumnTable } from '../publishing.tables.ts';

type Db = Kysely<DB> | Transaction<DB>;

export class ColumnRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async findById(id: number, q: Db = this.db): Promise<SiteColumn | undefined> {
    return q.selectFrom('site_columns').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Every column of a unit (active or not) in tree order, for the back office. */
  async listForUnit(unitId: number, q: Db = this.db): Promise<SiteColumn[]> {
    return q
      .selectFrom('site_columns')
      .selectAll()
      .where('unit_id', '=', unitId)
      .orderBy('depth')
      .orderBy('sort_order')
      .orderBy('id')
      .execute();
  }

  /** Public scope: active columns of a unit in tree order. */
  async listActiveForUnit(unitId: number): Promise<SiteColumn[]> {
    return this.db
      .selectFrom('site_columns')
      .selectAll()
      .where('unit_id', '=', unitId)
      .where('active', '=', 1)
      .orderBy('depth')
      .orderBy('sort_order')
      .orderBy('id')
      .execute();
  }

  /** The unit's columns made from the template, by template key. */
  async templateColumns(unitId: number, q: Db = this.db): Promise<Map<string, SiteColumn>> {
    const rows = await q
      .selectFrom('site_columns')
      .selectAll()
      .where('unit_id', '=', unitId)
      .where('template_key', 'is not', null)
      .execute();
    return new Map(rows.map((r) => [r.template_key as string, r as SiteColumn]));
  }

  async countActiveChildren(id: number, q: Db = this.db): Promise<number> {
    const r = await q
      .selectFrom('site_columns')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('parent_id', '=', id)
      .where('active', '=', 1)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** Inserts a column and sets its materialised path from the parent's. */
  async insert(
    trx: Transaction<DB>,
    row: Omit<Insertable<SiteColumnTable>, 'path' | 'depth'>,
    parent: SiteColumn | null,
  ): Promise<SiteColumn> {
    const { id } = await trx
      .insertInto('site_columns')
      .values({ ...row, path: '/', depth: parent ? parent.depth + 1 : 0 })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('site_columns')
      .set({ path: `${parent ? parent.path : '/'}${id}/` })
      .where('id', '=', id)
      .execute();
    return (await this.findById(id, trx))!;
  }

  async update(trx: Transaction<DB>, id: number, patch: Updateable<SiteColumnTable>): Promise<void> {
    await trx.updateTable('site_columns').set(patch).where('id', '=', id).execute();
  }

  /** Re-roots a subtree of columns: every path under `oldPath` gets the new prefix and depth. */
  async moveSubtree(
    trx: Transaction<DB>,
    oldPath: string,
    newPath: string,
    depthDelta: number,
  ): Promise<void> {
    await moveSubtree(trx, 'site_columns', oldPath, newPath, depthDelta);
  }
}
