/**
 * SQLite FTS5 search: a `document_fts` table (unicode61 tokenizer) holding jieba tokens joined by spaces,
 * rowid = document id. Every query token is quoted as an FTS5 string, so user input cannot inject FTS
 * syntax (AND, NEAR, column filters, *).
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import {
  applyDocumentFilters,
  type SearchPage,
  type SearchProvider,
  type SearchQuery,
} from './search-provider.ts';

/** An FTS5 string literal: the token in double quotes, inner quotes doubled. */
export function fts5Phrase(token: string): string {
  return `"${token.replace(/"/g, '""')}"`;
}

export class SqliteSearchProvider implements SearchProvider {
  constructor(private readonly db: Kysely<DB>) {}

  async index(trx: Transaction<DB>, documentId: number, tokens: string): Promise<void> {
    await this.remove(trx, documentId);
    await trx.insertInto('document_fts').values({ rowid: documentId, tokens }).execute();
  }

  async remove(trx: Transaction<DB>, documentId: number): Promise<void> {
    await trx.deleteFrom('document_fts').where('rowid', '=', documentId).execute();
  }

  async search(q: SearchQuery): Promise<SearchPage> {
    if (q.tokens.length === 0) return { total: 0, ids: [] };
    const match = q.tokens.map(fts5Phrase).join(' ');
    const base = applyDocumentFilters(
      this.db
        .selectFrom('document_fts')
        .innerJoin('documents as d', 'd.id', 'document_fts.rowid')
        .where(sql<boolean>`document_fts match ${match}`),
      q.filters,
    );
    const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    let page = base.select('d.id');
    page =
      q.sort === 'relevance'
        ? page.orderBy(sql`bm25(document_fts)`).orderBy('d.published_at', 'desc')
        : page.orderBy('d.published_at', 'desc');
    const rows = await page.orderBy('d.id', 'desc').limit(q.limit).offset(q.offset).execute();
    return { total: Number(count.n), ids: rows.map((r) => r.id) };
  }
}
