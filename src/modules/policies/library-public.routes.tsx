/**
 * Public routes of the 规范性文件库 (issue 11 §5): /library and /units/:id/library (the unit and every unit
 * below it), their Atom feeds, and the open API (library-api.ts). Read-only; served through the public
 * page cache (servePublic: one public content generation, which every audited validity change moves on).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Unit } from '../../db/schema.ts';
import { idParam } from '../../http/forms.ts';
import { registerModuleStylesheet } from '../../http/kit/module-stylesheet.tsx';
import { type PublicOutput, servePublic } from '../../http/public-cache.tsx';
import { viewContext } from '../../http/request-context.ts';
import { AppError } from '../../lib/errors.ts';
import type { RoutesContext } from '../../platform/module.ts';
import { registerLibraryApi } from './library-api.ts';
import { libraryFeed } from './library-feed.ts';
import { parseLibraryQuery } from './library-public.service.ts';
import type { Policies } from './policies.services.ts';
import { POLICY_KINDS } from './policy.model.ts';
import { LibraryPage } from './views/library-public-list.tsx';
import { LIBRARY_STYLESHEET, libraryPath } from './views/library-public-parts.tsx';

export type PolicyRoutesContext = RoutesContext<'policies', Policies>;

/** Rows per page of the library table. */
const LIBRARY_PAGE_SIZE = 20;
/** Entries per feed. */
const FEED_SIZE = 20;
const ATOM = 'application/atom+xml; charset=utf-8';

export function registerLibraryPublicRoutes(server: FastifyInstance, app: PolicyRoutesContext): void {
  const lib = app.policies.library;
  registerModuleStylesheet(
    server,
    LIBRARY_STYLESHEET,
    new URL('./views/library-public.css', import.meta.url),
  );

  /** The unit of /units/:id/library, active, or 404; null for /library. */
  const unitOf = async (req: FastifyRequest): Promise<Unit | null> => {
    if (!(req.params as Record<string, unknown>).id) return null;
    const id = idParam(req.params);
    const unit = id > 0 ? await app.units.get(id).catch(() => undefined) : undefined;
    if (!unit?.active) throw AppError.notFound('单位');
    return unit;
  };

  const page = async (req: FastifyRequest): Promise<PublicOutput> => {
    const unit = await unitOf(req);
    const units = (await app.units.activeUnits()).filter((u) => !unit || u.path.startsWith(unit.path));
    const q = parseLibraryQuery(req.query);
    const f = lib.sqlFilters(q, unit, units);
    const raw = Number((req.query as Record<string, unknown>).page);
    const n = Number.isInteger(raw) && raw >= 1 && raw <= 10_000 ? raw : 1;
    const listing = await lib.list(q, f, n, LIBRARY_PAGE_SIZE);
    const topics = (await app.publishing.topics.list()).filter((t) => t.active);
    const ctx = await viewContext(app, req);
    return LibraryPage({ ctx, unit, units, topics, q, listing, base: libraryPath(unit?.id ?? null) });
  };

  const feed = async (req: FastifyRequest): Promise<PublicOutput> => {
    const unit = await unitOf(req);
    const origin = (app.config.PUBLIC_URL ?? `${req.protocol}://${req.host}`).replace(/\/$/, '');
    const path = libraryPath(unit?.id ?? null);
    const unitPath = unit?.path ?? '/';
    const entries = await lib.repo.list({ unitPath, kinds: POLICY_KINDS }, { page: 1, pageSize: FEED_SIZE });
    const changes = await lib.repo.recentChanges(unitPath, POLICY_KINDS, FEED_SIZE);
    const xml = libraryFeed({
      origin,
      title: `${unit ? unit.name : app.http.site.name} · 规范性文件库`,
      author: unit?.name ?? app.http.site.name,
      pagePath: path,
      selfPath: `${path}/feed.xml`,
      fallbackUpdated: app.clock.now().toISOString(),
      entries: entries.items,
      changes,
      size: FEED_SIZE,
    });
    return { body: xml, contentType: ATOM };
  };

  server.get('/library', (req, reply) => servePublic(app, req, reply, () => page(req)));
  server.get('/units/:id/library', (req, reply) => servePublic(app, req, reply, () => page(req)));
  server.get('/library/feed.xml', (req, reply) => servePublic(app, req, reply, () => feed(req)));
  server.get('/units/:id/library/feed.xml', (req, reply) => servePublic(app, req, reply, () => feed(req)));
  registerLibraryApi(server, app.units, lib);
}
