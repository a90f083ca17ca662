/** Schema migrations: one ordered list, run with Kysely's Migrator on both engines. */
import { type Kysely, type Migration, type MigrationResultSet, Migrator } from 'kysely';
import * as m0001 from './migrations/0001-platform.ts';
import * as m0002 from './migrations/0002-info-requests.ts';
import * as m0003 from './migrations/0003-tasks.ts';
import * as m0004 from './migrations/0004-publishing.ts';
import * as m0006 from './migrations/0006-catalogue.ts';
import * as m0007 from './migrations/0007-info-request-letters.ts';
import * as m0008 from './migrations/0008-task-evidence.ts';
import * as m0009 from './migrations/0009-task-report-attachments.ts';
import * as m0010 from './migrations/0010-info-request-splits.ts';
import * as m0011 from './migrations/0011-mail-outbox.ts';
import * as m0012 from './migrations/0012-document-validity-and-check-settings.ts';
import * as m0013 from './migrations/0013-read-path-denormalised.ts';
import * as m0014 from './migrations/0014-typed-settings.ts';
import * as m0015 from './migrations/0015-document-kinds-and-relations.ts';
import * as m0016 from './migrations/0016-task-unit-parts.ts';
import * as m0017 from './migrations/0017-task-catalogue-items.ts';
import * as m0018 from './migrations/0018-task-bulletin-documents.ts';
import * as m0019 from './migrations/0019-policies.ts';
import * as m0020 from './migrations/0020-annual-reports.ts';
import * as m0021 from './migrations/0021-letters.ts';
// ── consultations ──
import * as m0022 from './migrations/0022-consultations.ts';
// ── end consultations ──
// ── surveys ──
import * as m0023 from './migrations/0023-surveys.ts';
// ── end surveys ──
// ── interviews ──
import * as m0024 from './migrations/0024-interviews.ts';
// ── end interviews ──
// ── open-days ──
import * as m0025 from './migrations/0025-open-days.ts';
// ── end open-days ──
// Issue 14: qa (0027, 0029), subscriptions (0028), search (0030).
import * as m0027 from './migrations/0027-qa.ts';
import * as m0028 from './migrations/0028-subscriptions.ts';
import * as m0029 from './migrations/0029-qa-more.ts';
import * as m0030 from './migrations/0030-search-bigrams.ts';

/** Every migration in order. Add new ones at the end; never edit one that has shipped. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-platform': m0001,
  '0002-info-requests': m0002,
  '0003-tasks': m0003,
  '0004-publishing': m0004,
  '0006-catalogue': m0006,
  '0007-info-request-letters': m0007,
  '0008-task-evidence': m0008,
  '0009-task-report-attachments': m0009,
  '0010-info-request-splits': m0010,
  '0011-mail-outbox': m0011,
  '0012-document-validity-and-check-settings': m0012,
  '0013-read-path-denormalised': m0013,
  '0014-typed-settings': m0014,
  '0015-document-kinds-and-relations': m0015,
  '0016-task-unit-parts': m0016,
  '0017-task-catalogue-items': m0017,
  '0018-task-bulletin-documents': m0018,
  '0019-policies': m0019,
  '0020-annual-reports': m0020,
  '0021-letters': m0021,
  // ── consultations ──
  '0022-consultations': m0022,
  // ── end consultations ──
  // ── surveys ──
  '0023-surveys': m0023,
  // ── end surveys ──
  // ── interviews ──
  '0024-interviews': m0024,
  // ── end interviews ──
  // ── open-days ──
  '0025-open-days': m0025,
  // ── end open-days ──
  // ── qa ──
  // Issue 14: qa (0027, 0029), subscriptions (0028), search (0030).
  '0027-qa': m0027,
  '0028-subscriptions': m0028,
  '0029-qa-more': m0029,
  '0030-search-bigrams': m0030,
};

function createMigrator(db: Kysely<any>): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  });
}

function check(result: MigrationResultSet): MigrationResultSet {
  if (result.error) throw result.error;
  return result;
}

export async function migrateUp(db: Kysely<any>): Promise<MigrationResultSet> {
  return check(await createMigrator(db).migrateToLatest());
}

export async function migrateDown(db: Kysely<any>): Promise<MigrationResultSet> {
  return check(await createMigrator(db).migrateDown());
}

export async function migrationStatus(db: Kysely<any>): Promise<{ name: string; executedAt: Date | null }[]> {
  const list = await createMigrator(db).getMigrations();
  return list.map((m) => ({ name: m.name, executedAt: m.executedAt ?? null }));
}
