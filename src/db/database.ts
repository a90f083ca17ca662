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
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return wrap(db, 'sqlite');
}

/** How many prepared statements a SQLite connection keeps (least recently used dropped first). */
const SQLITE_STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely's SQLite driver prepares every query anew; a page runs the same few statements on every
 * request, and preparing was ≈ 8 % of a document page's CPU. Statements are reused by their SQL text.
 * Safe because every call runs a statement to completion synchronously (`all`/`run`; nothing streams
 * with `iterate`), and SQLite re-prepares a statement by itself when the schema changed.
 */
export function withStatementCache(
  sqlite: SQLite.Database,
  max = SQLITE_STATEMENT_CACHE_SIZE,
): { prepare(sql: string): SQLite.Statement; close(): void } {
  const cache = new Map<string, SQLite.Statement>();
  return {
    prepare(text: string) {
      let stmt = cache.get(text);
      if (stmt) {
        cache.delete(text); // re-inserted below: most recently used last
      } else {
        stmt = sqlite.prepare(text);
        if (cache.size >= max) cache.delete(cache.keys().next().value as string);
      }
      cache.set(text, stmt);
      return stmt;
    },
    close: () => sqlite.close(),
  };
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
