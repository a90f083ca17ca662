import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { MIGRATIONS, migrateDown, migrateUp, migrationStatus } from '../../src/db/migrator.ts';
import { createTestDatabaseUrl, ENGINE } from '../support/test-app.ts';

async function tableNames(db: ReturnType<typeof openDatabase>): Promise<string[]> {
  const tables = await db.db.introspection.getTables();
  return tables.map((t) => t.name).filter((n) => !n.startsWith('schema_migrations'));
}

describe(`migrations on ${ENGINE}`, async () => {
  const { url, drop } = await createTestDatabaseUrl();
  const database = openDatabase({ url });
  afterAll(async () => {
    await database.close();
    await drop();
  });

  it('runs up, reports status, runs down and up again', async () => {
    await migrateUp(database.db);
    expect(await tableNames(database)).toEqual(
      expect.arrayContaining(['units', 'users', 'audit_events', 'calendar_days', 'sessions']),
    );
    const status = await migrationStatus(database.db);
    expect(status.map((s) => s.name)).toEqual(Object.keys(MIGRATIONS));
    expect(status.every((s) => s.executedAt)).toBe(true);

    for (let i = 0; i < Object.keys(MIGRATIONS).length; i++) await migrateDown(database.db);
    expect(await tableNames(database)).toEqual([]);
    expect((await migrationStatus(database.db)).every((s) => !s.executedAt)).toBe(true);

    await migrateUp(database.db);
    expect(await tableNames(database)).toContain('units');
  });

  it('refuses UPDATE and DELETE on the audit log at the database level', async () => {
    await migrateUp(database.db);
    const now = new Date().toISOString();
    await sql`insert into audit_events (occurred_at, actor_name, action, summary, prev_hash, hash) values (${now}, ${'x'}, ${'t'}, ${'s'}, ${'0'}, ${'0'})`.execute(
      database.db,
    );
    await expect(sql`update audit_events set summary = 'changed'`.execute(database.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_events`.execute(database.db)).rejects.toThrow(/append-only/);
  });
});
