/**
 * The read side of the unit tree that other modules use: orgs' public interface for units. Other
 * modules never import the unit repository; they are given a UnitDirectory (the UnitService is one).
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB, Unit, UnitLeader } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface UnitDirectory {
  /** The unit, or undefined; `q` reads inside a caller's transaction. */
  findById(id: number, q?: Db): Promise<Unit | undefined>;
  findByName(name: string): Promise<Unit | undefined>;
  /** Every unit (active or not) in tree order. */
  listAll(): Promise<Unit[]>;
  /** Active units in tree order. */
  listActive(): Promise<Unit[]>;
  /** Active units in tree order, briefly cached (public pages and pickers). */
  activeUnits(): Promise<Unit[]>;
  /** The unit at `path` and everything below it, in tree order. */
  listSubtree(path: string): Promise<Unit[]>;
  /** The unit's 领导信息 in display order. */
  leaders(unitId: number): Promise<UnitLeader[]>;
  findLeader(id: number): Promise<UnitLeader | undefined>;
}
