/**
 * SQLite FTS5 search: a `document_fts` table (unicode61 tokenizer) holding jieba tokens joined by spaces,
 * rowid = document id. Every query token is quoted as an FTS5 string, so user input cannot inject FTS
 * syntax (AND, NEAR, column filters, *).
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import {
  applyDocumentFilters,
  cappedTotal,
  countUpTo,
  type DocumentFilters,
  exactPhraseOf,
  NO_MATCHES,
  SEARCH_COUNT_CAP,
  type SearchPage,
  type SearchProvider,
  type SearchQuery,
  titleHit,
  wordForms,
} from './search-provider.ts';
import type { IndexPhrase } from './segmenter.ts';

/** An FTS5 phrase: its tokens in double quotes (inner quotes doubled), `*` when the last is a prefix. */
function fts5Phrase(p: IndexPhrase): string {
  return `"${p.tokens.join(' ').replace(/"/g, '""')}"${p.prefixLast ? ' *' : ''}`;
}

/**
 * The MATCH expression of query words: every word, as any of its phrases. Built only from quoted
 * phrases, so user input cannot inject FTS5 syntax (AND, NEAR, column filters, *). Null: nothing to match.
 */
export function fts5Match(tokens: readonly string[]): string | null {
  const words = wordForms(tokens).map((forms) =>
    forms.length === 1 ? fts5Phrase(forms[0]!) : `(${forms.map(fts5Phrase).join(' OR ')})`,
  );
  return words.length ? words.join(' AND ') : null;
}

export class SqliteSearchProvider implements SearchProvider {
  /** `cap`: see SEARCH_COUNT_CAP (smaller in tests). */
  constructor(
    private readonly db: Kysely<DB>,
    private readonly cap = SEARCH_COUNT_CAP,
  ) {}

  async index(trx: Transaction<DB>, documentId: number, tokens: string): Promise<void> {
    await this.remove(trx, documentId);
    await trx.insertInto('document_fts').values({ rowid: documentId, tokens }).execute();
  }

  async remove(trx: Transaction<DB>, documentId: number): Promise<void> {
    await trx.deleteFrom('document_fts').where('rowid', '=', documentId).execute();
  }

  /**
   * Counts up to the cap first. Up to the cap, FTS5 drives and every match is ranked by bm25 (or date).
   * Beyond it, bm25 over every match would cost more than the target (tens of milliseconds per 100,000
   * matches), so the newest `cap` matches are taken by walking the published-date index against the set
   * of matching rowids, and ranked by title hit, then date.
   */
  async search(q: SearchQuery): Promise<SearchPage> {
    const match = fts5Match(q.tokens);
    if (match === null) return NO_MATCHES;
    const base = this.matches(match, q.filters);
    const counted = cappedTotal(await countUpTo(this.db, base, this.cap), this.cap);
    if (counted.total === 0 || q.offset >= counted.total) return { ...counted, ids: [] };
    if (counted.totalCapped) return { ...counted, ids: await this.newestMatches(q, match) };
    let page = base.select('d.id');
    if (q.sort === 'relevance') {
      const exact = exactPhraseOf(q.tokens);
      if (exact)
        page = page.orderBy(
          sql`case when document_fts.rowid in (select rowid from document_fts where document_fts match ${fts5Phrase(exact)}) then 0 else 1 end`,
        );
      page = page.orderBy(sql`bm25(document_fts)`);
    }
    page = page.orderBy('d.published_at', 'desc');
    const rows = await page.orderBy('d.id', 'desc').limit(q.limit).offset(q.offset).execute();
    return { ...counted, ids: rows.map((r) => r.id) };
  }

  async count(tokens: readonly string[], filters: DocumentFilters) {
    const match = fts5Match(tokens);
    if (match === null) return cappedTotal(0, this.cap);
    return cappedTotal(await countUpTo(this.db, this.matches(match, filters), this.cap), this.cap);
  }

  private matches(match: string, filters: DocumentFilters) {
    return applyDocumentFilters(
      this.db
        .selectFrom('document_fts')
        .innerJoin('documents as d', 'd.id', 'document_fts.rowid')
        .where(sql<boolean>`document_fts match ${match}`),
      filters,
    );
  }

  /** A page of the newest `cap` matches, by title hit (relevance) or date. */
  private async newestMatches(q: SearchQuery, match: string): Promise<number[]> {
    // `d.id + 0` keeps SQLite from looking every matching rowid up by primary key and sorting them all.
    const window = applyDocumentFilters(this.db.selectFrom('documents as d'), q.filters)
      .where(sql<number>`${sql.ref('d.id')} + 0`, 'in', (eb) =>
        eb
          .selectFrom('document_fts')
          .select('document_fts.rowid')
          .where(sql<boolean>`document_fts match ${match}`),
      )
      .select(['d.id as id', 'd.published_at as published_at', titleHit(q.tokens).as('title_hit')])
      .orderBy('d.published_at', 'desc')
      .orderBy('d.id', 'desc')
      .limit(this.cap);
    let page = this.db
      .with(
        (cte) => cte('w').materialized(),
        () => window,
      )
      .selectFrom('w')
      .select('w.id');
    if (q.sort === 'relevance') page = page.orderBy('w.title_hit', 'desc');
    const rows = await page
      .orderBy('w.published_at', 'desc')
      .orderBy('w.id', 'desc')
      .limit(q.limit)
      .offset(q.offset)
      .execute();
    return rows.map((r) => r.id);
  }
}
