/** Public portal routes. Only active units are shown; everything here is read-only. */
import type { FastifyInstance } from 'fastify';
import type { App } from '../../app.ts';
import { idParam } from '../../http/forms.ts';
import { sendPage } from '../../http/render.ts';
import { viewContext } from '../../http/request-context.ts';
import { AppError } from '../../lib/errors.ts';
import { sendPublicPage, servePublic } from '../publishing/portal-cache.tsx';
import { parseListQuery } from '../publishing/portal-query.tsx';
import { SearchPage } from '../publishing/views/public-search.tsx';
import { HOME_LATEST, searchPageData, topicColumns } from './portal-data.ts';
import { AccessibilityPage, HomePage, UnitDirectoryPage, UnitPage } from './views/portal-pages.tsx';

export function registerPortalRoutes(server: FastifyInstance, app: App): void {
  server.get('/', (req, reply) =>
    servePublic(app, req, reply, async () => {
      const units = await app.units.activeUnits();
      const root = units.find((u) => u.parent_id === null);
      return HomePage({
        ctx: await viewContext(app, req),
        root,
        departments: units.filter((u) => u.kind === 'department' && u.parent_id === root?.id),
        townships: units.filter((u) => u.kind === 'township'),
        latest: await app.publishing.publicDocuments.latestPublished(HOME_LATEST),
        topics: root ? await topicColumns(app, root.id) : [],
      });
    }),
  );

  server.get('/units', async (req, reply) => {
    return sendPage(
      reply,
      UnitDirectoryPage({ ctx: await viewContext(app, req), units: await app.units.activeUnits() }),
    );
  });

  server.get('/units/:id', async (req, reply) => {
    const id = idParam(req.params);
    const all = await app.units.activeUnits();
    const unit = all.find((u) => u.id === id);
    if (!unit) throw AppError.notFound('单位');
    return sendPage(
      reply,
      UnitPage({
        ctx: await viewContext(app, req),
        unit,
        parent: all.find((u) => u.id === unit.parent_id),
        children: all.filter((u) => u.parent_id === unit.id),
        leaders: await app.unitRepo.leaders(unit.id),
      }),
    );
  });

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

  server.get('/accessibility', async (req, reply) =>
    sendPage(reply, AccessibilityPage({ ctx: await viewContext(app, req) })),
  );
}
