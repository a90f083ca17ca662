/**
 * PostgreSQL search: `document_search` has one row per published document — `tsv`, the tsvector of its
 * jieba tokens (GIN index), and copies of the values a search filters and orders by (migration 0013:
 * title, published_at, published_on, unit_id, topic_id, genre), so matches are filtered, counted and
 * ordered from this one table. Each query token becomes its own bound `plainto_tsquery('simple', $n)`,
 * combined with &&, so input is never parsed as tsquery syntax.
 */
import {
  CompiledQuery,
  type Kysely,
  type RawBuilder,
  type SelectQueryBuilder,
  sql,
  type Transaction,
} from 'kysely';
import type { DB } from '../../../db/schema.ts';
import {
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

/** A tsquery lexeme in quotes (quotes and backslashes escaped), `:*` when it is a prefix. */
function lexeme(token: string, prefix: boolean): string {
  return `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'${prefix ? ':*' : ''}`;
}

function tsPhrase(p: IndexPhrase): string {
  return p.tokens.map((t, k) => lexeme(t, p.prefixLast && k === p.tokens.length - 1)).join(' <-> ');
}

/**
 * The tsquery text of query words: every word (&), as any of its phrases (|), each phrase its tokens in
 * order (<->). Built only from quoted lexemes and bound as one parameter of to_tsquery, so user input is
 * never parsed as tsquery syntax. Null: nothing to match.
 */
export function tsQueryText(tokens: readonly string[]): string | null {
  const words = wordForms(tokens).map((forms) => `(${forms.map(tsPhrase).join(' | ')})`);
  return words.length ? words.join(' & ') : null;
}

function tsQuery(text: string): RawBuilder<unknown> {
  return sql`to_tsquery('simple', ${text})`;
}

/**
 * Beyond the count cap, the newest `cap` matches are found either by walking the published-date index
 * (it stops after `cap` matches, so it visits ≈ cap / density documents) or from the whole match set via
 * the GIN index (it reads every match once). The walk wins when matches² ≥ factor × cap × documents;
 * the factor covers a walk probe costing more than a match-set row and matches bunching in older years.
 * Measured at 100,000 documents (docs/performance.md): a walk for a word in 7 % of the documents visited
 * 31,000 of them (360 ms) where the match set took 46 ms; for a word in every document the walk took
 * 15 ms.
 */
const WALK_COST_FACTOR = 6;
/** How long the estimated number of documents (pg_class.reltuples) is reused. */
const DOCUMENT_ESTIMATE_TTL_MS = 60_000;

/** How the newest matches beyond the cap are found (tests force one). */
export type NewestMatchesRoute = 'walk' | 'match-set';

export class PostgresSearchProvider implements SearchProvider {
  private documents: { at: number; n: number } | null = null;

  /** `cap`: see SEARCH_COUNT_CAP; `route`: chosen by estimate unless given. Both differ only in tests. */
  constructor(
    private readonly db: Kysely<DB>,
    private readonly cap = SEARCH_COUNT_CAP,
    private readonly route?: NewestMatchesRoute,
  ) {}

  /** The row takes the document's current values; later changes follow via DocumentRepository. */
  async index(trx: Transaction<DB>, documentId: number, tokens: string): Promise<void> {
    await sql`insert into document_search
        (document_id, tsv, title, published_at, published_on, unit_id, topic_id, genre)
      select d.id, to_tsvector('simple', ${tokens}), d.title, d.published_at, d.published_on, d.unit_id,
        d.topic_id, d.genre
      from documents d where d.id = ${documentId}
      on conflict (document_id) do update set tsv = excluded.tsv, title = excluded.title,
        published_at = excluded.published_at, published_on = excluded.published_on,
        unit_id = excluded.unit_id, topic_id = excluded.topic_id, genre = excluded.genre`.execute(trx);
  }

  async remove(trx: Transaction<DB>, documentId: number): Promise<void> {
    await trx.deleteFrom('document_search').where('document_id', '=', documentId).execute();
  }

  /**
   * Up to the count cap, every match is ranked by ts_rank (or date). Beyond it, only the newest `cap`
   * matches are ranked (title hits first). Common words walk the published-date index, which stops
   * early; other words read their match set once through the GIN index, counting and windowing it in the
   * same query. The choice follows PostgreSQL's own estimate of the matches, because its planner assumes
   * that matches are spread evenly over time and walks the date index too eagerly.
   */
  async search(q: SearchQuery): Promise<SearchPage> {
    const text = tsQueryText(q.tokens);
    if (text === null) return NO_MATCHES;
    const query = tsQuery(text);
    if ((await this.routeFor(q, query)) === 'match-set') return this.searchMatchSet(q, query);
    const counted = await this.count(q.tokens, q.filters);
    if (!counted.totalCapped) return this.searchMatchSet(q, query);
    if (q.offset >= counted.total) return { ...counted, ids: [] };
    const newest = this.candidates(q, query)
      .orderBy('s.published_at', 'desc')
      .orderBy('s.document_id', 'desc')
      .limit(this.cap);
    const page = this.db
      .with(
        (cte) => cte('c').materialized(),
        () => newest,
      )
      .selectFrom('c')
      .select('c.id');
    const ordered = q.sort === 'relevance' ? page.orderBy('c.title_hit', 'desc') : page;
    const ids = await this.rankAndPage(ordered, q, query).execute();
    return { ...counted, ids: ids.map((r) => Number(r.id)) };
  }

  async count(tokens: readonly string[], filters: DocumentFilters) {
    if (tokens.length === 0) return cappedTotal(0, this.cap);
    const text = tsQueryText(tokens);
    if (text === null) return cappedTotal(0, this.cap);
    return cappedTotal(await countUpTo(this.db, this.matches(filters, tsQuery(text)), this.cap), this.cap);
  }

  /**
   * Matching rows of `document_search` (only published documents have one: indexed on publish, removed
   * on withdrawal) with the filters applied to its own copies of the document's values.
   */
  private matches(f: DocumentFilters, query: RawBuilder<unknown>) {
    let r = this.db.selectFrom('document_search as s').where(sql<boolean>`s.tsv @@ ${query}`);
    if (f.unitPath !== undefined) {
      const path = f.unitPath;
      r = r.where('s.unit_id', 'in', (eb) =>
        eb.selectFrom('units as fu').select('fu.id').where('fu.path', 'like', `${path}%`),
      );
    }
    if (f.columnId !== undefined) {
      const columnId = f.columnId;
      r = r.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('document_columns as fc')
            .select('fc.column_id')
            .whereRef('fc.document_id', '=', 's.document_id')
            .where('fc.column_id', '=', columnId),
        ),
      );
    }
    if (f.topicId !== undefined) r = r.where('s.topic_id', '=', f.topicId);
    if (f.genre !== undefined) r = r.where('s.genre', '=', f.genre);
    if (f.year !== undefined)
      r = r.where('s.published_on', '>=', `${f.year}-01-01`).where('s.published_on', '<=', `${f.year}-12-31`);
    return r;
  }

  /** Matches as narrow rows (the tsvector is read again only for the page being ranked). */
  private candidates(q: SearchQuery, query: RawBuilder<unknown>) {
    return this.matches(q.filters, query).select([
      's.document_id as id',
      's.published_at as published_at',
      titleHit(q.tokens, 's.title').as('title_hit'),
    ]);
  }

  /** One pass over every match: materialised once, counted, the newest `cap` of them ranked and paged. */
  private async searchMatchSet(q: SearchQuery, query: RawBuilder<unknown>): Promise<SearchPage> {
    const page = this.db
      .with(
        (cte) => cte('m').materialized(),
        () => this.candidates(q, query),
      )
      .with(
        (cte) => cte('n').materialized(),
        (db) => db.selectFrom('m').select((eb) => eb.fn.countAll<string | number>().as('n')),
      )
      .with(
        (cte) => cte('c').materialized(),
        (db) =>
          db
            .selectFrom('m')
            .selectAll()
            .orderBy('published_at', 'desc')
            .orderBy('id', 'desc')
            .limit(this.cap),
      )
      .selectFrom('c')
      .innerJoin('n', (join) => join.onTrue())
      .select(['c.id', 'n.n']);
    const ordered =
      q.sort === 'relevance'
        ? page.orderBy(sql`case when n.n > ${this.cap} then c.title_hit else 0 end`, 'desc')
        : page;
    const rows = await this.rankAndPage(ordered, q, query).execute();
    const first = rows[0];
    if (!first) return q.offset === 0 ? NO_MATCHES : { ...(await this.count(q.tokens, q.filters)), ids: [] };
    return { ...cappedTotal(Number(first.n), this.cap), ids: rows.map((r) => Number(r.id)) };
  }

  /** Relevance (ts_rank, read for the candidates only) or date order over the candidates `c`, one page. */
  private rankAndPage<T extends SelectQueryBuilder<any, any, any>>(
    page: T,
    q: SearchQuery,
    query: RawBuilder<unknown>,
  ): T {
    let ranked: SelectQueryBuilder<any, any, any> = page;
    if (q.sort === 'relevance') {
      ranked = ranked.innerJoin('document_search as rs', 'rs.document_id', 'c.id');
      const exact = exactPhraseOf(q.tokens);
      if (exact) ranked = ranked.orderBy(sql`rs.tsv @@ ${tsQuery(tsPhrase(exact))}`, 'desc');
      ranked = ranked.orderBy(sql`ts_rank(rs.tsv, ${query})`, 'desc');
    }
    return ranked
      .orderBy('c.published_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(q.limit)
      .offset(q.offset) as T;
  }

  /** 'walk' when matches are common enough that walking the date index stops early (see WALK_COST_FACTOR). */
  private async routeFor(q: SearchQuery, query: RawBuilder<unknown>): Promise<NewestMatchesRoute> {
    if (this.route) return this.route;
    const matches = await this.estimatedRows(this.matches(q.filters, query).select('s.document_id'));
    const documents = await this.estimatedDocuments();
    return matches * matches >= WALK_COST_FACTOR * this.cap * documents ? 'walk' : 'match-set';
  }

  /** PostgreSQL's estimate of the rows `query` returns (planning only, no execution). */
  private async estimatedRows(query: SelectQueryBuilder<any, any, any>): Promise<number> {
    const compiled = query.compile();
    const r = await this.db.executeQuery<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(
      CompiledQuery.raw(`explain (format json) ${compiled.sql}`, [...compiled.parameters]),
    );
    return r.rows[0]?.['QUERY PLAN'][0].Plan['Plan Rows'] ?? 0;
  }

  /** The planner's count of indexed documents (pg_class.reltuples, kept current by autovacuum's analyze). */
  private async estimatedDocuments(): Promise<number> {
    if (this.documents && Date.now() - this.documents.at < DOCUMENT_ESTIMATE_TTL_MS) return this.documents.n;
    const r = await sql<{
      n: number | string;
    }>`select reltuples as n from pg_class where oid = 'document_search'::regclass`.execute(this.db);
    // Never analysed (-1): unknown, so no walk — the match set costs at most its own size.
    const n = Number(r.rows[0]?.n ?? -1);
    this.documents = { at: Date.now(), n: n > 0 ? n : Number.POSITIVE_INFINITY };
    return this.documents.n;
  }
}
