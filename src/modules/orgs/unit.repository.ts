/** SQL for units and their leaders. Public scopes only ever return active units. */
import type { Kysely, Transaction } from 'kysely';
import type { DB, NewUnit, Unit, UnitUpdate } from '../../db/schema.ts';
import { moveSubtree } from '../../db/tree.ts';

type Db = Kysely<DB> | Transaction<DB>;

export class UnitRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async findById(id: number, q: Db = this.db): Promise<Unit | undefined> {
    return q.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async findByName(name: string): Promise<Unit | undefined> {
    return this.db.selectFrom('units').selectAll().where('name', '=', name).executeTakeFirst();
  }

  /** All units in tree order (path, then sort order) — the back office tree. */
  async listAll(): Promise<Unit[]> {
    return this.db
      .selectFrom('units')
      .selectAll()
      .orderBy('depth')
      .orderBy('sort_order')
      .orderBy('id')
      .execute();
  }

  /** Active units, for public pages and pickers. */
  async listActive(): Promise<Unit[]> {
    return this.db
      .selectFrom('units')
      .selectAll()
      .where('active', '=', 1)
      .orderBy('depth')
      .orderBy('sort_order')
      .orderBy('id')
      .execute();
  }

  async listSubtree(path: string): Promise<Unit[]> {
    return this.db
      .selectFrom('units')
      .selectAll()
      .where('path', 'like', `${path}%`)
      .orderBy('depth')
      .orderBy('sort_order')
      .execute();
  }

  async countActiveChildren(id: number, q: Db = this.db): Promise<number> {
    const r = await q
      .selectFrom('units')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('parent_id', '=', id)
      .where('active', '=', 1)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async codeTaken(code: string, exceptId: number | null, q: Db = this.db): Promise<boolean> {
    let s = q.selectFrom('units').select('id').where('code', '=', code);
    if (exceptId !== null) s = s.where('id', '!=', exceptId);
    return (await s.executeTakeFirst()) !== undefined;
  }

  /** Inserts a unit and sets its materialised path from the parent's. */
  async insert(
    trx: Transaction<DB>,
    unit: Omit<NewUnit, 'path' | 'depth' | 'code'> & { code?: string },
    parent: Unit | null,
  ) {
    const row = await trx
      .insertInto('units')
      .values({
        ...unit,
        code: unit.code ?? `tmp-${Date.now()}-${Math.random()}`,
        path: '/',
        depth: parent ? parent.depth + 1 : 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const path = `${parent ? parent.path : '/'}${row.id}/`;
    await trx
      .updateTable('units')
      .set({ path, ...(unit.code ? {} : { code: `U${String(row.id).padStart(6, '0')}` }) })
      .where('id', '=', row.id)
      .execute();
    return (await this.findById(row.id, trx))!;
  }

  async update(trx: Transaction<DB>, id: number, patch: UnitUpdate): Promise<void> {
    await trx.updateTable('units').set(patch).where('id', '=', id).execute();
  }

  /** Re-roots a subtree: every path under `oldPath` gets the new prefix and depth. */
  async moveSubtree(
    trx: Transaction<DB>,
    oldPath: string,
    newPath: string,
    depthDelta: number,
  ): Promise<void> {
    await moveSubtree(trx, 'units', oldPath, newPath, depthDelta);
  }

  async leaders(unitId: number) {
    return this.db
      .selectFrom('unit_leaders')
      .selectAll()
      .where('unit_id', '=', unitId)
      .orderBy('sort_order')
      .orderBy('id')
      .execute();
  }

  async findLeader(id: number) {
    return this.db.selectFrom('unit_leaders').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insertLeader(
    trx: Transaction<DB>,
    leader: { unit_id: number; name: string; title: string; duties: string | null; sort_order: number },
  ) {
    const r = await trx.insertInto('unit_leaders').values(leader).returning('id').executeTakeFirstOrThrow();
    return r.id;
  }

  async deleteLeader(trx: Transaction<DB>, id: number): Promise<void> {
    await trx.deleteFrom('unit_leaders').where('id', '=', id).execute();
  }
}
