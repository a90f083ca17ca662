/** The public search page (/search): full-text search over published documents, with filters. */
import type { FastifyInstance } from 'fastify';
import type { Unit } from '../../../db/schema.ts';
import { sendPublicPage } from '../../../http/public-cache.tsx';
import { viewContext } from '../../../http/request-context.ts';
import { type ListQuery, parseListQuery } from '../portal/portal-query.tsx';
import type { PublishingContext } from '../publishing.api.ts';
import { recentYears } from '../views/public-parts.tsx';
import { SearchPage } from '../views/public-search.tsx';

/** Most units listed as name matches under the search results. */
const SEARCH_UNIT_MATCHES = 5;

export function registerSearchRoutes(server: FastifyInstance, app: PublishingContext): void {
  server.get('/search', async (req, reply) => {
    const q = parseListQuery(req.query);
    const units = await app.units.activeUnits();
    const unitPath = units.find((u) => u.id === q.unit)?.path;
    const filters = { unitPath, columnId: q.column, topicId: q.topic, genre: q.genre, year: q.year };
    const result = q.q
      ? await app.publishing.search.search({ q: q.q, filters, sort: q.sort, page: q.page })
      : null;
    const page = await searchPageData(app, q, units);
    const ctx = await viewContext(app, req);
    return sendPublicPage(req, reply, SearchPage({ ctx, q, result, ...page }));
  });
}

/** Choices of the search form, and the few units whose name or functions match the query. */
async function searchPageData(app: PublishingContext, q: ListQuery, units: Unit[]) {
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
    topics: await app.publishing.topics.list(),
    years: recentYears(Number(app.clock.now().toISOString().slice(0, 4))),
    matchingUnits,
  };
}
