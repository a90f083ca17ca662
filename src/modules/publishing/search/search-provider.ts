/**
 * Full-text search over published documents, behind one interface with an implementation per engine
 * (Outline-style SearchProvider). Both are fed jieba tokens (segmenter.ts) as space-joined text; the
 * index is written inside the caller's transaction, so it changes together with publish and withdraw.
 */
import type { SelectQueryBuilder, Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';

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
  total: number;
  ids: number[];
}

export interface SearchProvider {
  /** Adds or replaces the index entry of a document (within the publishing transaction). */
  index(trx: Transaction<DB>, documentId: number, tokens: string): Promise<void>;
  /** Removes the index entry of a document (within the withdrawing transaction). */
  remove(trx: Transaction<DB>, documentId: number): Promise<void>;
  /** Published documents matching every token and the filters. */
  search(query: SearchQuery): Promise<SearchPage>;
}

/**
 * Applies the filters and the published-only condition to a query over `documents as d`. Used by both
 * providers and the public repository, so no list can forget a condition.
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
