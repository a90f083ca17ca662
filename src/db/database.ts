/**
 * Opens the database chosen by DATABASE_URL: better-sqlite3 (embedded default) or PostgreSQL.
 * Dialect differences live here, in db/dialect.ts and in the search providers — nowhere else.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';

// pg returns int8 (count(*), bigint) as strings by default; our ids and counts fit in a double.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
// NUMERIC stays a string (money); DATE stays a plain 'YYYY-MM-DD' string, never a local Date.
pg.types.setTypeParser(1082, (v) => v);

export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  close(): Promise<void>;
  ping(): Promise<void>;
}

export interface OpenOptions {
  url: string;
  poolMax?: number;
  /** Called when an idle pooled PostgreSQL connection fails. */
  onIdleError?: (e: Error) => void;
}

/** Opens a connection (pool) for the URL: `sqlite:/path/file.sqlite`, `sqlite::memory:` or `postgres://…`. */
export function openDatabase({ url, poolMax = 10, onIdleError }: OpenOptions): Database {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({ connectionString: url, max: poolMax });
    // An idle connection that the server closes (restart, failover, admin termination) must not
    // crash the process: the pool drops it and opens a new one on demand.
    pool.on('error', (e) => onIdleError?.(e));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return wrap(db, 'postgres');
  }
  const file = url.replace(/^sqlite:(\/\/)?/, '').replace(/^file:(\/\/)?/, '');
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return wrap(db, 'sqlite');
}

function wrap(db: Kysely<DB>, dialect: Dialect): Database {
  return {
    db,
    dialect,
    close: () => db.destroy(),
    ping: async () => {
      await sql`select 1`.execute(db);
    },
  };
}
