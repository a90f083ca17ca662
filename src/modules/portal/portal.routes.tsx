/** Public portal routes. Only active units are shown; everything here is read-only. */
import type { FastifyInstance } from 'fastify';
import type { App } from '../../app.ts';
import { idParam } from '../../http/forms.ts';
import { sendPage } from '../../http/render.ts';
import { viewContext } from '../../http/request-context.ts';
import { AppError } from '../../lib/errors.ts';
import {
  AccessibilityPage,
  HomePage,
  SearchPage,
  UnitDirectoryPage,
  UnitPage,
} from './views/portal-pages.tsx';

export function registerPortalRoutes(server: FastifyInstance, app: App): void {
  server.get('/', async (req, reply) => {
    const units = await app.units.activeUnits();
    const root = units.find((u) => u.parent_id === null);
    return sendPage(
      reply,
      HomePage({
        ctx: await viewContext(app, req),
        root,
        departments: units.filter((u) => u.kind === 'department' && u.parent_id === root?.id),
        townships: units.filter((u) => u.kind === 'township'),
      }),
    );
  });

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
    const q = String((req.query as Record<string, unknown>).q ?? '')
      .trim()
      .slice(0, 100);
    const units = q
      ? (await app.units.activeUnits()).filter((u) => u.name.includes(q) || (u.functions ?? '').includes(q))
      : [];
    return sendPage(reply, SearchPage({ ctx: await viewContext(app, req), q, units }));
  });

  server.get('/accessibility', async (req, reply) =>
    sendPage(reply, AccessibilityPage({ ctx: await viewContext(app, req) })),
  );
}
