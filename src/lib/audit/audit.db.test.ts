import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCounty, SYSTEM } from '../../../test/support/factories.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import { isPostgres } from '../../db/dialect.ts';

/** What an attacker with database access would do first: remove the append-only guard. */
async function dropGuard(app: TestApp) {
  const db = app.database.db;
  if (isPostgres(db)) await sql`drop trigger audit_events_no_update on audit_events`.execute(db);
  else {
    await sql`drop trigger audit_events_no_update`.execute(db);
    await sql`drop trigger audit_events_no_delete`.execute(db);
  }
}

describe(`audit log on ${ENGINE}`, () => {
  let app: TestApp;
  /** Rows written by creating the county (units and their column templates). */
  let setup: number;
  beforeEach(async () => {
    app = await createTestApp();
    await buildCounty(app);
    setup = await app.auditRepo.count({});
    for (let i = 0; i < 3; i++) await app.units.addLeader(SYSTEM, 1, { name: `领导${i}`, title: '副县长' });
  });
  afterEach(async () => app.destroy());

  it('chains every row; verify passes on an untouched log', async () => {
    expect(await app.auditRepo.count({})).toBe(setup + 3);
    expect(await app.auditRepo.verify()).toBeNull();
  });

  it('names the first row edited with SQL', async () => {
    await dropGuard(app);
    await sql`update audit_events set summary = ${'被篡改'} where id = 4`.execute(app.database.db);
    expect(await app.auditRepo.verify()).toEqual({ id: 4, reason: 'hash_mismatch' });
  });

  it('detects a deleted row in the middle and at the end', async () => {
    await dropGuard(app);
    await sql`delete from audit_events where id = 2`.execute(app.database.db);
    expect(await app.auditRepo.verify()).toMatchObject({ id: 3, reason: 'gap' });
  });

  it('detects truncation of the newest rows', async () => {
    await dropGuard(app);
    await sql`delete from audit_events where id = ${setup + 3}`.execute(app.database.db);
    expect(await app.auditRepo.verify()).toMatchObject({ reason: 'head_mismatch' });
  });

  it('keeps the chain intact under concurrent appends', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        app.units.addLeader(SYSTEM, 1, { name: `并发${i}`, title: '干部' }),
      ),
    );
    expect(await app.auditRepo.count({})).toBe(setup + 15);
    expect(await app.auditRepo.verify()).toBeNull();
  });

  it('filters by action prefix, actor text and Beijing-time dates', async () => {
    expect(await app.auditRepo.count({ action: 'unit.leader' })).toBe(3);
    expect(await app.auditRepo.count({ action: 'unit.create' })).toBe(3);
    expect(await app.auditRepo.count({ actor: '测试' })).toBe(setup + 3);
    expect(await app.auditRepo.count({ actor: '%' })).toBe(0);
    expect(await app.auditRepo.count({ from: '2026-03-03T00:00:00Z' })).toBe(0);
  });
});
