/** SQL for users, role grants and sessions. */
import type { Kysely, Transaction } from 'kysely';
import type { DB, User } from '../../db/schema.ts';
import type { RoleGrant } from '../../lib/actor.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface UserWithUnit extends User {
  unit_name: string;
  unit_path: string;
}

export class AccountRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async findUserByUsername(username: string, q: Db = this.db): Promise<User | undefined> {
    return q.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  }

  async findUserById(id: number, q: Db = this.db): Promise<UserWithUnit | undefined> {
    return q
      .selectFrom('users')
      .innerJoin('units', 'units.id', 'users.unit_id')
      .selectAll('users')
      .select(['units.name as unit_name', 'units.path as unit_path'])
      .where('users.id', '=', id)
      .executeTakeFirst();
  }

  /** Users whose unit lies in one of the given subtrees. */
  async listUsers(scopePaths: string[]): Promise<UserWithUnit[]> {
    if (scopePaths.length === 0) return [];
    return this.db
      .selectFrom('users')
      .innerJoin('units', 'units.id', 'users.unit_id')
      .selectAll('users')
      .select(['units.name as unit_name', 'units.path as unit_path'])
      .where((eb) => eb.or(scopePaths.map((p) => eb('units.path', 'like', `${p}%`))))
      .orderBy('units.path')
      .orderBy('users.username')
      .execute();
  }

  async insertUser(trx: Transaction<DB>, u: Omit<User, 'id'>): Promise<number> {
    const r = await trx.insertInto('users').values(u).returning('id').executeTakeFirstOrThrow();
    return r.id;
  }

  async updateUser(q: Db, id: number, patch: Partial<Omit<User, 'id'>>): Promise<void> {
    await q.updateTable('users').set(patch).where('id', '=', id).execute();
  }

  /** The grants of a user with the path of each granted unit. */
  async grantsOf(userId: number, q: Db = this.db): Promise<(RoleGrant & { id: number; unitName: string })[]> {
    const rows = await q
      .selectFrom('role_grants')
      .innerJoin('units', 'units.id', 'role_grants.unit_id')
      .select(['role_grants.id', 'role_grants.role', 'role_grants.unit_id', 'units.path', 'units.name'])
      .where('role_grants.user_id', '=', userId)
      .orderBy('role_grants.id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      role: r.role,
      unitId: r.unit_id,
      unitPath: r.path,
      unitName: r.name,
    }));
  }

  async insertGrant(
    trx: Transaction<DB>,
    userId: number,
    role: string,
    unitId: number,
    now: string,
  ): Promise<number> {
    const r = await trx
      .insertInto('role_grants')
      .values({ user_id: userId, role, unit_id: unitId, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  }

  async findGrant(id: number) {
    return this.db.selectFrom('role_grants').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async deleteGrant(trx: Transaction<DB>, id: number): Promise<void> {
    await trx.deleteFrom('role_grants').where('id', '=', id).execute();
  }

  async insertSession(
    trx: Transaction<DB>,
    s: { id: string; user_id: number; now: string; user_agent: string | null },
  ) {
    await trx
      .insertInto('sessions')
      .values({
        id: s.id,
        user_id: s.user_id,
        created_at: s.now,
        last_seen_at: s.now,
        revoked_at: null,
        user_agent: s.user_agent,
      })
      .execute();
  }

  async findSession(id: string) {
    return this.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async touchSession(id: string, now: string): Promise<void> {
    await this.db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
  }

  async revokeSession(q: Db, id: string, now: string): Promise<void> {
    await q
      .updateTable('sessions')
      .set({ revoked_at: now })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
  }

  async revokeUserSessions(q: Db, userId: number, now: string, exceptId?: string): Promise<void> {
    let u = q
      .updateTable('sessions')
      .set({ revoked_at: now })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null);
    if (exceptId) u = u.where('id', '!=', exceptId);
    await u.execute();
  }

  async activeSessions(userId: number) {
    return this.db
      .selectFrom('sessions')
      .selectAll()
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .orderBy('last_seen_at', 'desc')
      .execute();
  }
}
