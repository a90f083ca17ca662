/** Public portal routes. Only active units are shown; everything here is read-only. */
import type { FastifyInstance } from 'fastify';
import { idParam } from '../../http/forms.ts';
import { servePublic } from '../../http/public-cache.tsx';
import { sendPage } from '../../http/render.ts';
import { viewContext } from '../../http/request-context.ts';
import { AppError } from '../../lib/errors.ts';
import type { Registry } from '../../platform/module.ts';
import { HOME_INTERPRETATIONS, HOME_LATEST, interpretationColumn, topicColumns } from './portal-data.ts';
import { AccessibilityPage, HomePage, UnitDirectoryPage, UnitPage } from './views/portal-pages.tsx';

export function registerPortalRoutes(server: FastifyInstance, app: Registry): void {
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
        interpretations:
          (await (app as Partial<Registry>).policies?.interpretations.latestPublished(
            HOME_INTERPRETATIONS,
          )) ?? [],
        interpretationColumn: root ? await interpretationColumn(app, root.id) : undefined,
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
        leaders: await app.units.leaders(unit.id),
      }),
    );
  });

  server.get('/accessibility', async (req, reply) =>
    sendPage(reply, AccessibilityPage({ ctx: await viewContext(app, req) })),
  );
}
