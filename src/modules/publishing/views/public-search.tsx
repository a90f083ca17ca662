/** 站内搜索 (条例 第二十四条: 检索、查阅、下载): published documents with filters, plus matching units. */
import type { Unit } from '../../../db/schema.ts';
import type { ViewContext } from '../../../http/view-context.ts';
import { Breadcrumbs } from '../../../http/views/components.tsx';
import { PublicLayout } from '../../../http/views/layouts.tsx';
import { hrefWith, type ListQuery, listParams } from '../portal/portal-query.tsx';
import type { SiteColumn, TopicCategory } from '../publishing.tables.ts';
import type { SearchService } from '../search/search.service.ts';
import { countLabel, FilterFields, Pager } from './public-parts.tsx';

export type SearchResult = Awaited<ReturnType<SearchService['search']>>;

export function SearchPage({
  ctx,
  q,
  result,
  units,
  columns,
  topics,
  years,
  matchingUnits,
}: {
  ctx: ViewContext;
  q: ListQuery;
  result: SearchResult | null;
  units: Unit[];
  columns: SiteColumn[];
  topics: TopicCategory[];
  years: number[];
  matchingUnits: Unit[];
}) {
  const byId = new Map(units.map((u) => [u.id, u]));
  return (
    <PublicLayout ctx={ctx} title={q.q ? `搜索：${q.q}` : '搜索'}>
      <Breadcrumbs items={[{ href: '/', label: '首页' }, { label: '搜索' }]} />
      <h1>搜索政府信息</h1>
      <search>
        <form method="get" action="/search" class="filters">
          <div class="field">
            <label for="search-q">关键词或发文字号</label>
            <input class="input input-full" id="search-q" name="q" type="search" value={q.q} />
          </div>
          <div class="field">
            <label for="f-unit">发布单位（含下级单位）</label>
            <select class="select" id="f-unit" name="unit">
              <option value="">全部单位</option>
              {units.map((u) => (
                <option key={u.id} value={String(u.id)} selected={q.unit === u.id}>
                  {'　'.repeat(u.depth)}
                  {u.name}
                </option>
              ))}
            </select>
          </div>
          {columns.length ? (
            <div class="field">
              <label for="f-column">栏目</label>
              <select class="select" id="f-column" name="column">
                <option value="">全部栏目</option>
                {columns.map((c) => (
                  <option key={c.id} value={String(c.id)} selected={q.column === c.id}>
                    {'　'.repeat(c.depth)}
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <FilterFields q={q} topics={topics} years={years} />
          <div class="field">
            <label for="f-sort">排序</label>
            <select class="select" id="f-sort" name="sort">
              <option value="relevance" selected={q.sort === 'relevance'}>
                按相关度
              </option>
              <option value="date" selected={q.sort === 'date'}>
                按发布日期
              </option>
            </select>
          </div>
          <button type="submit" class="button button-primary">
            搜索
          </button>
        </form>
      </search>
      {result ? (
        <Results q={q} result={result} byId={byId} />
      ) : (
        <p>请输入关键词或发文字号，例如“乡村振兴”“张政办发〔2022〕14号”。</p>
      )}
      {matchingUnits.length ? (
        <section aria-labelledby="unit-matches">
          <h2 id="unit-matches">相关机构（{matchingUnits.length}）</h2>
          <ul>
            {matchingUnits.map((u) => (
              <li key={u.id}>
                <a href={`/units/${u.id}`}>{u.name}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </PublicLayout>
  );
}

function Results({ q, result, byId }: { q: ListQuery; result: SearchResult; byId: Map<number, Unit> }) {
  if (result.total === 0)
    return (
      <section aria-labelledby="results">
        <h2 id="results">没有找到与“{q.q}”相关的政府信息</h2>
        {result.suggestions.length ? (
          <>
            <p>您可以试试：</p>
            <ul>
              {result.suggestions.map((s) => (
                <li key={s.query}>
                  <a href={hrefWith('/search', { ...listParams(q), q: s.query })}>{s.query}</a>（
                  {countLabel(s.total, s.totalCapped)} 条）
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>请检查输入是否有误，或使用更短、更常用的关键词，或减少筛选条件。</p>
        )}
      </section>
    );
  return (
    <section aria-labelledby="results">
      <h2 id="results">找到 {countLabel(result.total, result.totalCapped)} 条政府信息</h2>
      {result.totalCapped ? (
        <p class="hint">
          {q.sort === 'date'
            ? `结果较多，按日期列出最新的 ${countLabel(result.total)} 条。`
            : `结果较多，在最新的 ${countLabel(result.total)} 条中，标题含全部关键词的排在前面。`}
          可以增加关键词或使用筛选条件缩小范围。
        </p>
      ) : null}
      <ol class="search-results" start={(result.page - 1) * result.pageSize + 1}>
        {result.hits.map((h) => (
          <li key={h.id}>
            {/* titleHtml and snippetHtml are escaped by the search service, with <mark> around matches. */}
            <a href={`/documents/${h.id}`} dangerouslySetInnerHTML={{ __html: h.titleHtml }} />
            <p dangerouslySetInnerHTML={{ __html: h.snippetHtml }} />
            <p class="hint">
              {[byId.get(h.unit_id)?.name, h.doc_number, h.index_number, h.published_on]
                .filter(Boolean)
                .join(' · ')}
            </p>
          </li>
        ))}
      </ol>
      <Pager
        base="/search"
        params={listParams(q)}
        page={result.page}
        pageSize={result.pageSize}
        total={result.total}
        capped={result.totalCapped}
      />
    </section>
  );
}
