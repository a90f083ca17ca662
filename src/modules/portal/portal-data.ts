/** Data the portal's home and search pages gather from other modules' public scopes. */
import type { App } from '../../app.ts';
import type { Unit } from '../../db/schema.ts';
import type { ListQuery } from '../publishing/portal-query.tsx';
import type { SiteColumn } from '../publishing/publishing.tables.ts';
import { recentYears } from '../publishing/views/public-parts.tsx';

/** Latest documents on the home page. */
export const HOME_LATEST = 10;
/** Most units listed as name matches under the search results. */
export const SEARCH_UNIT_MATCHES = 5;

/** 专题专栏 of a unit: its active top-level columns that are not part of the 政府信息公开 template. */
export async function topicColumns(app: App, unitId: number): Promise<SiteColumn[]> {
  const columns = await app.publishing.columns.listActiveForUnit(unitId);
  return columns.filter((c) => c.parent_id === null && c.template_key === null);
}

/** Choices of the search form, and the few units whose name or functions match the query. */
export async function searchPageData(app: App, q: ListQuery, units: Unit[]) {
  const columns = q.unit ? await app.publishing.columns.listActiveForUnit(q.unit) : [];
  const text = q.q;
  const matchingUnits = text
    ? units
        .filter((u) => u.name.includes(text) || (u.functions ?? '').includes(text))
        .slice(0, SEARCH_UNIT_MATCHES)
    : [];
  return {
    units,
    columns: columns.filter((c) => c.kind === 'list'),
    topics: await app.publishing.documentRepo.listTopics(),
    years: recentYears(Number(app.clock.now().toISOString().slice(0, 4))),
    matchingUnits,
  };
}
