/** Building blocks of the public 政府信息公开 pages: document lists, pager, filters, column tree. */
export { DocList, type DocSummary };

import type { Unit } from '../../../db/schema.ts';
import { Pager as KitPager } from '../../../http/kit/pager.tsx';
import { GENRES } from '../documents/document.model.ts';
import { DocList, type DocSummary } from '../documents/document-list.components.tsx';
import { type ListQuery, listParams } from '../portal/portal-query.tsx';
import type { SiteColumn, TopicCategory } from '../publishing.tables.ts';

/** A count as shown to visitors, with thousands separators; a capped search count reads “1,000+”. */
export function countLabel(total: number, capped = false): string {
  return `${total.toLocaleString('en-US')}${capped ? '+' : ''}`;
}

/** Previous / next links and the position, for lists of `total` items (`capped`: more than `total`). */
export function Pager({
  base,
  params,
  page,
  pageSize,
  total,
  capped = false,
}: {
  base: string;
  params: Record<string, string | number | undefined>;
  page: number;
  pageSize: number;
  total: number;
  capped?: boolean;
}) {
  return (
    <KitPager
      base={base}
      params={params}
      page={page}
      total={total}
      pageSize={pageSize}
      numbers={false}
      summary={`（${countLabel(total, capped)} 条）`}
    />
  );
}

/** The years offered in filters: this year back ten years. */
export function recentYears(thisYear: number): number[] {
  return Array.from({ length: 11 }, (_, i) => thisYear - i);
}

/** 年份 · 主题分类 · 文种 selects (shared by column lists and search). */
export function FilterFields({
  q,
  topics,
  years,
}: {
  q: ListQuery;
  topics: readonly TopicCategory[];
  years: readonly number[];
}) {
  return (
    <>
      <div class="field">
        <label for="f-year">年份</label>
        <select class="select" id="f-year" name="year">
          <option value="">全部年份</option>
          {years.map((y) => (
            <option key={y} value={String(y)} selected={q.year === y}>
              {y} 年
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="f-topic">主题分类</label>
        <select class="select" id="f-topic" name="topic">
          <option value="">全部主题</option>
          {topics.map((t) => (
            <option key={t.id} value={String(t.id)} selected={q.topic === t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="f-genre">文种</label>
        <select class="select" id="f-genre" name="genre">
          <option value="">全部文种</option>
          {GENRES.map((g) => (
            <option key={g} value={g} selected={q.genre === g}>
              {g}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}

/** Nested list of a unit's active columns. */
export function ColumnTree({
  columns,
  parentId = null,
}: {
  columns: readonly SiteColumn[];
  parentId?: number | null;
}) {
  const level = columns.filter((c) => c.parent_id === parentId);
  if (!level.length) return null;
  return (
    <ul class="tree">
      {level.map((c) => (
        <li key={c.id}>
          <a href={`/columns/${c.id}`}>{c.name}</a>
          <ColumnTree columns={columns} parentId={c.id} />
        </li>
      ))}
    </ul>
  );
}

/** Breadcrumb items from the home page down to a unit's 政府信息公开 index. */
export function unitCrumbs(unit: Unit) {
  return [
    { href: '/', label: '首页' },
    { href: `/units/${unit.id}`, label: unit.name },
    { href: `/units/${unit.id}/disclosure`, label: '政府信息公开' },
  ];
}

export { listParams };
