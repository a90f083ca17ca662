/** Search: the provider for the engine in use. */
import type { Kysely } from 'kysely';
import { isPostgres } from '../../../db/dialect.ts';
import type { DB } from '../../../db/schema.ts';
import { PostgresSearchProvider } from './postgres-search.provider.ts';
import type { SearchProvider } from './search-provider.ts';
import { SqliteSearchProvider } from './sqlite-search.provider.ts';

/** The search provider matching the database engine of `db`. */
export function searchProviderFor(db: Kysely<DB>): SearchProvider {
  return isPostgres(db) ? new PostgresSearchProvider(db) : new SqliteSearchProvider(db);
}
