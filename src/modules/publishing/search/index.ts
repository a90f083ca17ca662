/** Search: the provider for the engine in use. */
import type { Kysely } from 'kysely';
import { isPostgres } from '../../../db/dialect.ts';
import type { DB } from '../../../db/schema.ts';
import { PostgresSearchProvider } from './postgres-search.provider.ts';
import { SEARCH_COUNT_CAP, type SearchProvider } from './search-provider.ts';
import { SqliteSearchProvider } from './sqlite-search.provider.ts';

/** The search provider matching the database engine of `db`; `countCap` only differs in tests. */
export function searchProviderFor(db: Kysely<DB>, countCap = SEARCH_COUNT_CAP): SearchProvider {
  return isPostgres(db) ? new PostgresSearchProvider(db, countCap) : new SqliteSearchProvider(db, countCap);
}
