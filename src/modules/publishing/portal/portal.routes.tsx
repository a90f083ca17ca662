/**
 * Public 政府信息公开 routes (issue 3 §7): a unit's index and 指南, column lists and 单页, the document page,
 * its print view and attachment downloads. Read-only; documents come from the public repository only.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Unit } from '../../../db/schema.ts';
import { sendDownload } from '../../../http/downloads.ts';
import { idParam } from '../../../http/forms.ts';
import { type PublicOutput, servePublic } from '../../../http/public-cache.tsx';
import { viewContext } from '../../../http/request-context.ts';
import { AppError } from '../../../lib/errors.ts';
import type { FileKind } from '../../../lib/file-types.ts';
import { AttachmentStore } from '../documents/attachment-store.ts';
import type { PublishingContext } from '../publishing.api.ts';
import type { SiteColumn } from '../publishing.tables.ts';
import { DocumentPage, DocumentPrintPage } from '../views/public-document.tsx';
import { ColumnListPage, ColumnSinglePage, DisclosureIndexPage, GuidePage } from '../views/public-pages.tsx';
import { recentYears } from '../views/public-parts.tsx';
import { buildGuide } from './guide.ts';
import { parseListQuery } from './portal-query.tsx';

/** Items per page of a column list. */
const COLUMN_PAGE_SIZE = 20;
/** Latest items on a unit's 政府信息公开 index. */
const INDEX_LATEST = 10;
/** Related items under a document. */
const RELATED_COUNT = 5;

/** An active unit by id, or 404. */
export async function activeUnit(app: PublishingContext, id: number): Promise<Unit> {
  const unit = id > 0 ? await app.units.get(id).catch(() => undefined) : undefined;
  if (!unit?.active) throw AppError.notFound('单位');
  return unit;
}

/** An active column by id, or 404. */
export async function activeColumn(app: PublishingContext, id: number): Promise<SiteColumn> {
  const column = id > 0 ? await app.publishing.columns.get(id).catch(() => undefined) : undefined;
  if (!column?.active) throw AppError.notFound('栏目');
  return column;
}

export function registerPublicDisclosureRoutes(server: FastifyInstance, app: PublishingContext): void {
  const pub = app.publishing;
  const catalogue = app.catalogue;
  const files = new AttachmentStore(app.config.DATA_DIR);
  const publicDoc = async (req: FastifyRequest) => {
    const doc = await pub.publicDocuments.getPublished(idParam(req.params));
    if (!doc) throw AppError.notFound('信息');
    return { doc, unit: await app.units.get(doc.unit_id) };
  };

  server.get('/units/:id/disclosure', (req, reply) =>
    servePublic(app, req, reply, async () => {
      const unit = await activeUnit(app, idParam(req.params));
      const columns = await pub.columns.listActiveForUnit(unit.id);
      const latest = await pub.publicDocuments.latestPublished(INDEX_LATEST, unit.path);
      const ctx = await viewContext(app, req);
      return DisclosureIndexPage({ ctx, unit, columns, latest });
    }),
  );

  server.get('/units/:id/guide', (req, reply) =>
    servePublic(app, req, reply, async () => {
      const unit = await activeUnit(app, idParam(req.params));
      const children = (await app.units.activeUnits()).filter((u) => u.parent_id === unit.id);
      const columns = await pub.columns.listActiveForUnit(unit.id);
      const { items } = await catalogue.list(unit.id);
      const guide = buildGuide(unit, children, columns, items.length);
      return GuidePage({ ctx: await viewContext(app, req), guide });
    }),
  );

  server.get('/columns/:id', (req, reply) => servePublic(app, req, reply, () => columnPage(req)));

  const columnPage = async (req: FastifyRequest): Promise<PublicOutput> => {
    const column = await activeColumn(app, idParam(req.params));
    if (column.kind === 'link' && column.external_url) return { redirect: column.external_url };
    if (column.template_key === 'guide') return { redirect: `/units/${column.unit_id}/guide` };
    const unit = await activeUnit(app, column.unit_id);
    const all = await pub.columns.listActiveForUnit(unit.id);
    const trail = all.filter((c) => c.id !== column.id && column.path.includes(`/${c.id}/`));
    const ctx = await viewContext(app, req);
    if (column.kind === 'page') return ColumnSinglePage({ ctx, unit, column, trail });
    const q = parseListQuery(req.query);
    const filters = { year: q.year, topicId: q.topic, genre: q.genre };
    const docs = await pub.publicDocuments.listPublishedInColumn(column.id, filters, {
      page: q.page,
      pageSize: COLUMN_PAGE_SIZE,
    });
    const topics = await pub.documentRepo.listTopics();
    const years = recentYears(Number(app.clock.now().toISOString().slice(0, 4)));
    const children = all.filter((c) => c.path.startsWith(column.path) && c.id !== column.id);
    const page = { ctx, unit, column, trail, children, docs, q, topics, years };
    return ColumnListPage(page);
  };

  server.get('/documents/:id', (req, reply) =>
    servePublic(app, req, reply, async () => {
      const { doc, unit } = await publicDoc(req);
      const first = doc.columns[0];
      const near = first ? await pub.publicDocuments.recentInColumn(first.id, RELATED_COUNT + 1) : [];
      const related = near.filter((d) => d.id !== doc.id).slice(0, RELATED_COUNT);
      const relations = await pub.relations.publicRelationsOf(doc.id);
      const panels = await pub.panels.render(
        { id: doc.id, kind: doc.kind, unitId: doc.unit_id, title: doc.title, state: doc.state },
        'public',
      );
      return DocumentPage({ ctx: await viewContext(app, req), doc, unit, related, relations, panels });
    }),
  );

  server.get('/documents/:id/print', (req, reply) =>
    servePublic(app, req, reply, async () => {
      const { doc, unit } = await publicDoc(req);
      return DocumentPrintPage({ ctx: await viewContext(app, req), doc, unit });
    }),
  );

  server.get('/documents/:id/attachments/:attachmentId', async (req, reply) => {
    const { doc } = await publicDoc(req);
    const listed = doc.attachments.find((a) => a.id === idParam(req.params, 'attachmentId'));
    // A withdrawn document keeps its page, but its files are no longer offered.
    if (!listed || doc.state !== 'published') throw AppError.notFound('附件');
    const row = await pub.documentRepo.attachment(listed.id);
    if (!row) throw AppError.notFound('附件');
    const body = await files.read(row.sha256);
    return sendDownload(reply, { fileName: row.file_name, kind: row.kind as FileKind, body });
  });
}
