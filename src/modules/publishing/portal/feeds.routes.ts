/** /columns/:id/feed.xml, /units/:id/feed.xml (Atom) and /sitemap.xml. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { idParam } from '../../../http/forms.ts';
import { type PublicOutput, servePublic } from '../../../http/public-cache.tsx';
import type { DocSummaryRow } from '../api/api-presenters.ts';
import type { PublishingContext } from '../publishing.api.ts';
import { atomFeed, type FeedEntry, type SitemapUrl, sitemapXml } from './feeds.ts';
import { activeColumn, activeUnit } from './portal.routes.tsx';

/** Entries per feed. */
const FEED_SIZE = 20;
/** Documents listed in sitemap.xml (newest first), fetched in pages of this size. */
const SITEMAP_DOCUMENTS = 5_000;
const SITEMAP_PAGE = 100;

const ATOM = 'application/atom+xml; charset=utf-8';

/** The site's origin for absolute links: PUBLIC_URL when configured, else the request's. */
function originOf(app: PublishingContext, req: FastifyRequest): string {
  return (app.config.PUBLIC_URL ?? `${req.protocol}://${req.host}`).replace(/\/$/, '');
}

const entry = (d: DocSummaryRow): FeedEntry => ({
  id: d.id,
  title: d.title,
  summary: d.summary,
  docNumber: d.doc_number,
  publishedAt: d.published_at,
});

export function registerFeedRoutes(server: FastifyInstance, app: PublishingContext): void {
  const pub = app.publishing;
  const now = () => app.clock.now().toISOString();

  server.get('/columns/:id/feed.xml', (req, reply) => servePublic(app, req, reply, () => columnFeed(req)));
  server.get('/units/:id/feed.xml', (req, reply) => servePublic(app, req, reply, () => unitFeed(req)));
  server.get('/sitemap.xml', (req, reply) => servePublic(app, req, reply, () => sitemap(req)));

  const columnFeed = async (req: FastifyRequest): Promise<PublicOutput> => {
    const column = await activeColumn(app, idParam(req.params));
    const unit = await activeUnit(app, column.unit_id);
    const list = await pub.publicDocuments.listPublishedInColumn(
      column.id,
      {},
      { page: 1, pageSize: FEED_SIZE },
    );
    const xml = atomFeed(originOf(app, req), {
      title: `${unit.name} · ${column.name}`,
      pagePath: `/columns/${column.id}`,
      selfPath: `/columns/${column.id}/feed.xml`,
      fallbackUpdated: column.updated_at,
      author: unit.name,
      entries: list.items.map(entry),
    });
    return { body: xml, contentType: ATOM };
  };

  const unitFeed = async (req: FastifyRequest): Promise<PublicOutput> => {
    const unit = await activeUnit(app, idParam(req.params));
    const latest = await pub.publicDocuments.latestPublished(FEED_SIZE, unit.path);
    const xml = atomFeed(originOf(app, req), {
      title: `${unit.name} · 政府信息公开`,
      pagePath: `/units/${unit.id}/disclosure`,
      selfPath: `/units/${unit.id}/feed.xml`,
      fallbackUpdated: unit.updated_at ?? now(),
      author: unit.name,
      entries: latest.map(entry),
    });
    return { body: xml, contentType: ATOM };
  };

  const sitemap = async (req: FastifyRequest): Promise<PublicOutput> => {
    // The pages the modules list in their manifests (publicRoutes … sitemap), then columns and documents.
    const entries = app.publicRoutes().flatMap((r) => r.sitemap ?? []);
    const urls: SitemapUrl[] = entries.flatMap((e) => ('path' in e ? [{ path: e.path }] : []));
    for (const u of await app.units.activeUnits()) {
      for (const e of entries) if ('perUnit' in e) urls.push({ path: e.perUnit(u.id) });
      for (const c of await pub.columns.listActiveForUnit(u.id))
        if (c.kind !== 'link') urls.push({ path: `/columns/${c.id}` });
    }
    for (let page = 1; page <= SITEMAP_DOCUMENTS / SITEMAP_PAGE; page++) {
      const r = await pub.publicDocuments.listPublishedForUnit('/', {}, { page, pageSize: SITEMAP_PAGE });
      for (const d of r.items) urls.push({ path: `/documents/${d.id}`, lastmod: d.published_on });
      if (page * SITEMAP_PAGE >= r.total) break;
    }
    return { body: sitemapXml(originOf(app, req), urls), contentType: 'application/xml; charset=utf-8' };
  };
}
