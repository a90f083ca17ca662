/**
 * Test applications on a real database: SQLite (a temp file) or PostgreSQL (a fresh database on
 * the server that scripts/test-all.sh starts; URL in TEST_PG_URL). Choose with TEST_DB.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type App, createApp, type Logger } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/database.ts';
import { migrateUp } from '../../src/db/migrator.ts';
import { FixedClock } from '../../src/lib/clock.ts';
import type { AnyModule } from '../../src/modules.ts';

export type Engine = 'sqlite' | 'postgres';

export const ENGINE: Engine = process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';

export const quietLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

export interface TestApp extends App {
  clock: FixedClock;
  /** Drops the database and removes temp files. */
  destroy(): Promise<void>;
  url: string;
}

/** A fresh, migrated, empty database on the engine under test. */
export async function createTestDatabaseUrl(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (ENGINE === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'gk-test-'));
    return {
      url: `sqlite:${path.join(dir, 'test.sqlite')}`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const admin = process.env.TEST_PG_URL;
  if (!admin)
    throw new Error('TEST_DB=postgres needs TEST_PG_URL (scripts/test-all.sh starts a server and sets it)');
  const name = `gk_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = admin.replace(/\/[^/]*$/, `/${name}`);
  return {
    url,
    drop: async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export async function createTestApp(
  opts: { now?: string; env?: Record<string, string>; modules?: readonly AnyModule[] } = {},
): Promise<TestApp> {
  const { url, drop } = await createTestDatabaseUrl();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gk-data-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    DATABASE_URL: url,
    SESSION_SECRET: 'test-secret-test-secret-test-secret-0123',
    DEMO_MODE: '1',
    ...opts.env,
  });
  const clock = new FixedClock(new Date(opts.now ?? '2026-03-02T02:00:00Z'));
  const database = openDatabase({ url, poolMax: 5, onIdleError: () => {} });
  await migrateUp(database.db);
  const app = createApp(config, {
    clock,
    log: quietLogger,
    database,
    ...(opts.modules ? { modules: opts.modules } : {}),
  });
  return Object.assign(app, {
    clock,
    url,
    destroy: async () => {
      await app.close();
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  });
}
