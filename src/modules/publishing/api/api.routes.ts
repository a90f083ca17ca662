/**
 * The open API (issue 3 §9): read-only JSON under /api/v1 with cursor paging, and /api/openapi.json.
 * Documents come from the public repository and the search service only; every response carries an ETag
 * and public Cache-Control.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParam } from '../../../http/forms.ts';
import { sendCached } from '../../../http/public-cache.tsx';
import { AppError } from '../../../lib/errors.ts';
import { activeUnit } from '../portal/portal.routes.tsx';
import { parseListQuery } from '../portal/portal-query.tsx';
import type { PublishingContext } from '../publishing.api.ts';
import { openApiDocumentFor } from './api-openapi.ts';
import {
  API_DEFAULT_LIMIT,
  API_MAX_LIMIT,
  presentCatalogueItem,
  presentColumn,
  presentDocument,
  presentDocumentSummary,
  presentUnit,
} from './api-presenters.ts';

const JSON_TYPE = 'application/json; charset=utf-8';

/** Opaque cursor: the next page number, base64url-encoded (stable for a given query). */
function encodeCursor(page: number): string {
  return Buffer.from(JSON.stringify({ p: page })).toString('base64url');
}

function decodeCursor(cursor: unknown): number {
  if (cursor === undefined || cursor === '') return 1;
  try {
    const { p } = z
      .object({ p: z.number().int().min(1).max(10_000) })
      .parse(JSON.parse(Buffer.from(String(cursor), 'base64url').toString('utf8')));
    return p;
  } catch {
    throw AppError.validation([{ field: 'cursor', message: '游标无效，请从第一页重新开始' }]);
  }
}

function sendJson(req: FastifyRequest, reply: FastifyReply, body: unknown): FastifyReply {
  return sendCached(req, reply, JSON.stringify(body), JSON_TYPE);
}

const limitOf = (raw: unknown) => {
  const n = Number((raw as Record<string, unknown>).limit);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, API_MAX_LIMIT) : API_DEFAULT_LIMIT;
};

export function registerOpenApiRoutes(server: FastifyInstance, app: PublishingContext): void {
  const pub = app.publishing;
  const catalogue = app.catalogue;
  const unitOf = async (raw: unknown) => activeUnit(app, Number((raw as Record<string, unknown>).unit) || -1);

  server.get('/api/openapi.json', async (req, reply) => sendJson(req, reply, openApiDocumentFor(server)));

  server.get('/api/v1/documents', async (req, reply) => {
    const q = parseListQuery(req.query);
    const page = decodeCursor((req.query as Record<string, unknown>).cursor);
    const pageSize = limitOf(req.query);
    const unitPath = q.unit ? (await activeUnit(app, q.unit)).path : undefined;
    const filters = { unitPath, columnId: q.column, topicId: q.topic, genre: q.genre, year: q.year };
    const r = q.q
      ? await pub.search.search({ q: q.q, filters, sort: q.sort, page, pageSize })
      : q.column
        ? await pub.publicDocuments.listPublishedInColumn(q.column, filters, { page, pageSize })
        : await pub.publicDocuments.listPublishedForUnit(unitPath ?? '/', filters, { page, pageSize });
    const rows = 'hits' in r ? r.hits : r.items;
    const nextCursor = page * r.pageSize < r.total ? encodeCursor(page + 1) : null;
    const totalCapped = 'totalCapped' in r && r.totalCapped;
    const data = rows.map(presentDocumentSummary);
    return sendJson(req, reply, { data, total: r.total, totalCapped, nextCursor });
  });

  server.get('/api/v1/documents/:id', async (req, reply) => {
    const doc = await pub.publicDocuments.getPublished(idParam(req.params));
    if (!doc) throw AppError.notFound('信息');
    return sendJson(req, reply, presentDocument(doc));
  });

  server.get('/api/v1/columns', async (req, reply) => {
    const unit = await unitOf(req.query);
    const columns = await pub.columns.listActiveForUnit(unit.id);
    return sendJson(req, reply, { data: columns.map(presentColumn) });
  });

  server.get('/api/v1/units', async (req, reply) =>
    sendJson(req, reply, { data: (await app.units.activeUnits()).map(presentUnit) }),
  );

  server.get('/api/v1/catalogue', async (req, reply) => {
    const { items } = await catalogue.list((await unitOf(req.query)).id);
    return sendJson(req, reply, { data: items.map(presentCatalogueItem) });
  });
}
