import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCounty } from '../../../../test/support/factories.ts';
import { buildStaff, publishDocument, type Staff } from '../../../../test/support/publishing.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../../test/support/test-app.ts';
import { searchProviderFor } from './index.ts';
import { PostgresSearchProvider } from './postgres-search.provider.ts';
import { SearchService } from './search.service.ts';
import type { SearchProvider, SearchQuery, SearchSort } from './search-provider.ts';
import { tokensForQuery } from './segmenter.ts';
import { SqliteSearchProvider } from './sqlite-search.provider.ts';

/**
 * The count cap (SEARCH_COUNT_CAP), exercised with a cap of 2: beyond it the results are the newest
 * `cap` matches, in date order or with title hits first; up to it nothing changes.
 */
describe(`search count cap on ${ENGINE}`, () => {
  let app: TestApp;
  const ids = { jan: 0, feb: 0, mar: 0, apr: 0 };

  beforeAll(async () => {
    app = await createTestApp();
    const { dept } = await buildCounty(app);
    const staff: Staff = await buildStaff(app, dept);
    const publishOn = async (day: string, over: Record<string, unknown>) => {
      app.clock.set(new Date(`${day}T02:00:00Z`));
      return publishDocument(app.publishing, dept, staff, { docNumber: '', ...over });
    };
    const body = '<p>做好防汛准备，落实防汛责任。</p>';
    ids.jan = await publishOn('2026-01-05', { title: '防汛工作方案', bodyHtml: body });
    ids.feb = await publishOn('2026-02-05', { title: '汛前检查安排', bodyHtml: body });
    ids.mar = await publishOn('2026-03-05', { title: '关于加强防汛值班的通知', bodyHtml: body });
    ids.apr = await publishOn('2026-04-05', { title: '水利设施维护意见', genre: '意见', bodyHtml: body });
  });
  afterAll(async () => app.destroy());

  const query = (sort: SearchSort, over: Partial<SearchQuery> = {}): SearchQuery => ({
    tokens: tokensForQuery('防汛'),
    filters: {},
    sort,
    limit: 20,
    offset: 0,
    ...over,
  });

  /** Every way an engine finds the newest matches beyond the cap. */
  const cappedProviders = (): [string, SearchProvider][] =>
    ENGINE === 'postgres'
      ? [
          ['walking the date index', new PostgresSearchProvider(app.database.db, 2, 'walk')],
          ['from the match set', new PostgresSearchProvider(app.database.db, 2, 'match-set')],
        ]
      : [['FTS5', new SqliteSearchProvider(app.database.db, 2)]];

  it('counts up to the cap and keeps the newest matches, by date or with title hits first', async () => {
    for (const [route, provider] of cappedProviders()) {
      const byDate = await provider.search(query('date'));
      expect(byDate, route).toEqual({ total: 2, totalCapped: true, ids: [ids.apr, ids.mar] });
      // 防汛 is in the title of March's and January's documents; January's is not among the newest two.
      const byRelevance = await provider.search(query('relevance'));
      expect(byRelevance, route).toEqual({ total: 2, totalCapped: true, ids: [ids.mar, ids.apr] });
      expect((await provider.search(query('date', { limit: 1, offset: 1 }))).ids, route).toEqual([ids.mar]);
      expect((await provider.search(query('date', { offset: 2 }))).ids, route).toEqual([]);
      expect(await provider.count(tokensForQuery('防汛'), {}), route).toEqual({
        total: 2,
        totalCapped: true,
      });
    }
  });

  it('ranks every match exactly as before while the count stays within the cap', async () => {
    const [, provider] = cappedProviders()[0]!;
    expect(await provider.search(query('date', { filters: { genre: '意见' } }))).toEqual({
      total: 1,
      totalCapped: false,
      ids: [ids.apr],
    });
    const roomy = searchProviderFor(app.database.db, 10);
    expect(await roomy.search(query('date'))).toEqual({
      total: 4,
      totalCapped: false,
      ids: [ids.apr, ids.mar, ids.feb, ids.jan],
    });
    const relevance = await roomy.search(query('relevance'));
    expect(relevance.totalCapped).toBe(false);
    expect([...relevance.ids].sort()).toEqual([ids.jan, ids.feb, ids.mar, ids.apr].sort());
    const standard = await searchProviderFor(app.database.db).search(query('relevance'));
    expect(relevance.ids).toEqual(standard.ids);
    expect(await roomy.count(tokensForQuery('防汛'), {})).toEqual({ total: 4, totalCapped: false });
    expect(await roomy.search(query('date', { tokens: tokensForQuery('台风') }))).toEqual({
      total: 0,
      totalCapped: false,
      ids: [],
    });
  });

  it('reports a capped total and capped suggestions through the search service', async () => {
    const service = new SearchService(searchProviderFor(app.database.db, 2), app.publishing.publicDocuments);
    const r = await service.search({ q: '防汛', sort: 'date' });
    expect(r).toMatchObject({ total: 2, totalCapped: true });
    expect(r.hits.map((h) => h.id)).toEqual([ids.apr, ids.mar]);
    const none = await service.search({ q: '防汛 火星' });
    expect(none.total).toBe(0);
    expect(none.suggestions).toEqual([{ query: '防汛', total: 2, totalCapped: true }]);
  });
});
