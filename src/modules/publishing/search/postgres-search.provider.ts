/**
 * PostgreSQL search: `document_search.search_tokens` holds jieba tokens joined by spaces; a stored
 * generated column `tsv = to_tsvector('simple', search_tokens)` carries a GIN index. Each query token
 * becomes its own bound `plainto_tsquery('simple', $n)`, combined with &&, so input is never parsed as
 * tsquery syntax.
 */
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import {
  applyDocumentFilters,
  type SearchPage,
  type SearchProvider,
  type SearchQuery,
} from './search-provider.ts';

function tsQuery(tokens: readonly string[]): RawBuilder<unknown> {
  return sql`(${sql.join(
    tokens.map((t) => sql`plainto_tsquery('simple', ${t})`),
    sql` && `,
  )})`;
}

export class PostgresSearchProvider implements SearchProvider {
  constructor(private readonly db: Kysely<DB>) {}

  async index(trx: Transaction<DB>, documentId: number, tokens: string): Promise<void> {
    await trx
      .insertInto('document_search')
      .values({ document_id: documentId, search_tokens: tokens })
      .onConflict((oc) => oc.column('document_id').doUpdateSet({ search_tokens: tokens }))
      .execute();
  }

  async remove(trx: Transaction<DB>, documentId: number): Promise<void> {
    await trx.deleteFrom('document_search').where('document_id', '=', documentId).execute();
  }

  async search(q: SearchQuery): Promise<SearchPage> {
    if (q.tokens.length === 0) return { total: 0, ids: [] };
    const query = tsQuery(q.tokens);
    const base = applyDocumentFilters(
      this.db
        .selectFrom('document_search as s')
        .innerJoin('documents as d', 'd.id', 's.document_id')
        .where(sql<boolean>`s.tsv @@ ${query}`),
      q.filters,
    );
    const count = await base.select(sql<string>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    let page = base.select('d.id');
    page =
      q.sort === 'relevance'
        ? page.orderBy(sql`ts_rank(s.tsv, ${query})`, 'desc').orderBy('d.published_at', 'desc')
        : page.orderBy('d.published_at', 'desc');
    const rows = await page.orderBy('d.id', 'desc').limit(q.limit).offset(q.offset).execute();
    return { total: Number(count.n), ids: rows.map((r) => r.id) };
  }
}
