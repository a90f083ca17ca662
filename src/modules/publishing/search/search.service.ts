/**
 * Search over published documents (条例 第二十四条: 检索、查阅、下载): query tokens (segmenter.ts), filters,
 * relevance or date order, highlighted snippets, paging and suggestions when nothing matches.
 */
import { htmlToText } from '../checks/html-text.ts';
import type { PublicDocumentRepository } from '../documents/document-public.repository.ts';
import { snippet } from './highlight.ts';
import type { DocumentFilters, SearchProvider, SearchSort } from './search-provider.ts';
import { highlightTermsOf, tokensForQuery } from './segmenter.ts';

/** Results per page, and the most a caller may ask for. */
const SEARCH_PAGE_SIZE = 20;
const MAX_SEARCH_PAGE_SIZE = 50;
/** Longest query considered (characters). */
const MAX_QUERY_LENGTH = 100;

export interface SearchRequest {
  q: string;
  filters?: DocumentFilters;
  sort?: SearchSort;
  page?: number;
  pageSize?: number;
}

export interface SearchSuggestion {
  /** A shorter query that has results. */
  query: string;
  total: number;
  /** More than `total` documents match (the count stops at SEARCH_COUNT_CAP). */
  totalCapped: boolean;
}

export class SearchService {
  constructor(
    private readonly provider: SearchProvider,
    private readonly docs: PublicDocumentRepository,
  ) {}

  /** Runs a search; when nothing matches, suggests shorter queries (one term fewer) that do. */
  async search(req: SearchRequest) {
    const tokens = tokensForQuery(req.q.slice(0, MAX_QUERY_LENGTH));
    const pageSize = Math.min(Math.max(1, req.pageSize ?? SEARCH_PAGE_SIZE), MAX_SEARCH_PAGE_SIZE);
    const page = Math.max(1, Math.trunc(req.page ?? 1));
    const filters = req.filters ?? {};
    const sort = req.sort ?? 'relevance';
    const found = await this.provider.search({
      tokens,
      filters,
      sort,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    const rows = await this.docs.publishedSummaries(found.ids);
    const marks = highlightTermsOf(tokens);
    const hits = rows.map(({ body_html, ...doc }) => ({
      ...doc,
      titleHtml: snippet(doc.title, marks, 200),
      snippetHtml: snippet(`${doc.summary ?? ''} ${htmlToText(body_html)}`, marks),
    }));
    const suggestions = found.total === 0 ? await this.suggest(tokens, filters) : [];
    // A capped total pages up to the cap: the results are the newest `cap` matches (SearchProvider).
    const { total, totalCapped } = found;
    return { tokens, total, totalCapped, page, pageSize, hits, suggestions };
  }

  /** Queries with one term fewer that have results, most results first. */
  private async suggest(tokens: readonly string[], filters: DocumentFilters): Promise<SearchSuggestion[]> {
    if (tokens.length < 2) return [];
    const out: SearchSuggestion[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const fewer = tokens.filter((_, j) => j !== i);
      const r = await this.provider.count(fewer, filters);
      if (r.total > 0) out.push({ query: fewer.join(' '), total: r.total, totalCapped: r.totalCapped });
    }
    return out.sort((a, b) => b.total - a.total);
  }
}
