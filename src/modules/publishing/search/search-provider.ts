/**
 * Full-text search over published documents, behind one interface with an implementation per engine
 * (Outline-style SearchProvider). Both are fed jieba tokens (segmenter.ts) as space-joined text; the
 * index is written inside the caller's transaction, so it changes together with publish and withdraw.
 */
import { type Kysely, type RawBuilder, type SelectQueryBuilder, sql, type Transaction } from 'kysely';
import { escapeLike } from '../../../db/dialect.ts';
import type { DB } from '../../../db/schema.ts';
import { type IndexPhrase, isDocNumberKey, matchFormsOf } from './segmenter.ts';

/**
 * Matches are counted up to this many ("1,000+ 条"). Counting and ranking every match of a common word
 * grows with the collection (hundreds of milliseconds at 100,000 documents); nobody pages past 50 pages
 * of results, and a query that matches more than this many documents is narrowed by date: see
 * SearchProvider#search.
 */
export const SEARCH_COUNT_CAP = 1_000;

/** Filters shared by search and the public lists. */
export interface DocumentFilters {
  /** Materialised path of a unit: its documents and those of its whole subtree. */
  unitPath?: string;
  columnId?: number;
  topicId?: number;
  genre?: string;
  /** Year of publication. */
  year?: number;
}

export type SearchSort = 'relevance' | 'date';

export interface SearchQuery {
  /** Query tokens (tokensForQuery); every one must match. */
  tokens: readonly string[];
  filters: DocumentFilters;
  sort: SearchSort;
  limit: number;
  offset: number;
}

export interface SearchPage {
  /** Matches, counted up to the cap (then exactly the cap, with totalCapped). */
  total: number;
  /** More than `total` documents match. */
  totalCapped: boolean;
  ids: number[];
}

export const NO_MATCHES: SearchPage = { total: 0, totalCapped: false, ids: [] };

export interface SearchProvider {
  /** Adds or replaces the index entry of a document (within the publishing transaction). */
  index(trx: Transaction<DB>, documentId: number, tokens: string): Promise<void>;
  /** Removes the index entry of a document (within the withdrawing transaction). */
  remove(trx: Transaction<DB>, documentId: number): Promise<void>;
  /**
   * Published documents matching every token and the filters. Up to the count cap every match is
   * ranked (relevance, then newest). Beyond it, the results are the newest `cap` matches: in date order
   * unchanged; in relevance order those whose title contains every query word first, then newest.
   */
  search(query: SearchQuery): Promise<SearchPage>;
  /** How many published documents match every token and the filters, counted up to the cap. */
  count(
    tokens: readonly string[],
    filters: DocumentFilters,
  ): Promise<Pick<SearchPage, 'total' | 'totalCapped'>>;
}

/**
 * Applies the filters and the published-only condition to a query over `documents as d`. Used by the
 * SQLite provider and the public repository, so no list can forget a condition; the PostgreSQL provider
 * applies the same filters to the copies on `document_search` (PostgresSearchProvider#matches), whose
 * rows exist only for published documents.
 */
export function applyDocumentFilters<Q extends SelectQueryBuilder<any, any, any>>(
  query: Q,
  f: DocumentFilters,
): Q {
  // Loosely typed on purpose: callers join `documents as d` to different tables (FTS, columns).
  let r = query.where('d.state', '=', 'published') as SelectQueryBuilder<any, any, any>;
  // The unit filter drives from the few matching units; the column filter stays a correlated EXISTS so
  // that a newest-first list walks the published-date index and stops after one page.
  if (f.unitPath !== undefined) {
    const path = f.unitPath;
    r = r.where('d.unit_id', 'in', ({ selectFrom }: any) =>
      selectFrom('units as fu').select('fu.id').where('fu.path', 'like', `${path}%`),
    );
  }
  if (f.columnId !== undefined) {
    const columnId = f.columnId;
    r = r.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('document_columns as fc')
          .select('fc.column_id')
          .whereRef('fc.document_id', '=', 'd.id')
          .where('fc.column_id', '=', columnId),
      ),
    );
  }
  if (f.topicId !== undefined) r = r.where('d.topic_id', '=', f.topicId);
  if (f.genre !== undefined) r = r.where('d.genre', '=', f.genre);
  if (f.year !== undefined)
    r = r.where('d.published_on', '>=', `${f.year}-01-01`).where('d.published_on', '<=', `${f.year}-12-31`);
  return r as Q;
}

/** Counts the rows of `matches` up to `cap + 1` (enough to know whether there are more than `cap`). */
export async function countUpTo(
  db: Kysely<DB>,
  matches: SelectQueryBuilder<any, any, any>,
  cap: number,
): Promise<number> {
  const r = await db
    .selectFrom(
      matches
        .select(sql<number>`1`.as('one'))
        .limit(cap + 1)
        .as('m'),
    )
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The total a page reports: the count, or the cap when more match. */
export function cappedTotal(n: number, cap: number): Pick<SearchPage, 'total' | 'totalCapped'> {
  return n > cap ? { total: cap, totalCapped: true } : { total: n, totalCapped: false };
}

/** 1 when `column` (a title) contains every token (case-insensitively), else 0: the first key of a capped ranking. */
export function titleHit(tokens: readonly string[], column = 'd.title'): RawBuilder<number> {
  const conditions = tokens.map(
    (t) => sql`lower(${sql.ref(column)}) like ${`%${escapeLike(t.toLowerCase())}%`} escape '\\'`,
  );
  return sql<number>`case when ${sql.join(conditions, sql` and `)} then 1 else 0 end`;
}

/**
 * Each query word with the index phrases that satisfy it (its own, its synonyms'); words without any
 * (nothing a tokenizer keeps) are dropped. Both providers build their engine's query from this.
 */
export function wordForms(tokens: readonly string[]): IndexPhrase[][] {
  return tokens.map((t) => matchFormsOf(t)).filter((forms) => forms.length > 0);
}

/**
 * The whole query as one phrase (its words in the order typed, nothing between them), for ranking: with
 * several words, documents that contain the exact phrase come first. Null for one word (every match
 * contains it) or a query with a 发文字号.
 */
export function exactPhraseOf(tokens: readonly string[]): IndexPhrase | null {
  if (tokens.length < 2 || tokens.some(isDocNumberKey)) return null;
  return matchFormsOf(tokens.join(''))[0] ?? null;
}
