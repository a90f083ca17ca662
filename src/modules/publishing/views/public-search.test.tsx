import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import type { ViewContext } from '../../../http/view-context.ts';
import { ANONYMOUS } from '../../../lib/actor.ts';
import { parseListQuery } from '../portal/portal-query.tsx';
import { countLabel, Pager } from './public-parts.tsx';
import { SearchPage, type SearchResult } from './public-search.tsx';

const ctx: ViewContext = {
  actor: ANONYMOUS,
  csrfToken: '',
  elder: false,
  path: '/search',
  site: { name: '示范县人民政府', sponsor: '示范县人民政府办公室', identifier: '1', icp: '', psb: '' },
};

const result = (over: Partial<SearchResult>): SearchResult => ({
  tokens: ['防汛'],
  total: 1000,
  totalCapped: true,
  page: 1,
  pageSize: 20,
  hits: [],
  suggestions: [],
  ...over,
});

const render = (q: string, r: SearchResult) =>
  renderToString(
    SearchPage({
      ctx,
      q: parseListQuery({ q }),
      result: r,
      units: [],
      columns: [],
      topics: [],
      years: [],
      matchingUnits: [],
    }),
  );

describe('search view with a capped count', () => {
  it('labels a capped count “1,000+” and an exact one as is', () => {
    expect(countLabel(1000, true)).toBe('1,000+');
    expect(countLabel(12_345)).toBe('12,345');
    expect(countLabel(7)).toBe('7');
  });

  it('says that more than the cap matched, and pages up to the cap', () => {
    const html = render('防汛', result({}));
    expect(html).toContain('找到 1,000+ 条政府信息');
    expect(html).toContain('最新的 1,000 条中，标题含全部关键词的排在前面');
    expect(html).toContain('第 1 页，共 50 页（1,000+ 条）');
    const exact = render('防汛', result({ total: 12, totalCapped: false }));
    expect(exact).toContain('找到 12 条政府信息');
    expect(exact).not.toContain('结果较多');
  });

  it('shows capped suggestion counts', () => {
    const html = render(
      '防汛 火星',
      result({
        total: 0,
        totalCapped: false,
        suggestions: [{ query: '防汛', total: 1000, totalCapped: true }],
      }),
    );
    expect(html).toContain('1,000+ 条');
  });

  it('keeps the plain pager label for lists', () => {
    const html = renderToString(Pager({ base: '/columns/1', params: {}, page: 2, pageSize: 20, total: 45 })!);
    expect(html).toContain('第 2 页，共 3 页（45 条）');
  });
});
