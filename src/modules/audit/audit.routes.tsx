/** Routes of the audit log screen (安全审计员 only). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendDownload } from '../../http/downloads.ts';
import { sendPage } from '../../http/render.ts';
import { requirePermission, viewContext } from '../../http/request-context.ts';
import type { ChainBreak } from '../../lib/audit/audit-chain.ts';
import { isAppError } from '../../lib/errors.ts';
import type { Registry } from '../../platform/module.ts';
import type { AuditService } from './audit.service.ts';
import { auditToCsv, auditToXlsx } from './audit-export.ts';
import { AuditPage } from './views/audit-pages.tsx';

export function registerAuditRoutes(server: FastifyInstance, app: Registry, service: AuditService): void {
  const page = async (req: FastifyRequest, query: unknown, verifyResult?: ChainBreak | null | 'ok') => {
    try {
      const r = await service.search(req.ctx, query);
      return AuditPage({ ctx: await viewContext(app, req), ...r, verifyResult });
    } catch (e) {
      if (!isAppError(e) || e.code !== 'validation') throw e;
      const r = await service.search(req.ctx, {});
      return AuditPage({
        ctx: await viewContext(app, req),
        ...r,
        form: { values: query as Record<string, unknown>, problems: e.problems },
      });
    }
  };

  server.get('/admin/audit', async (req, reply) => {
    requirePermission(req, 'audit.read');
    return sendPage(reply, await page(req, req.query));
  });

  server.post('/admin/audit/verify', async (req, reply) => {
    requirePermission(req, 'audit.read');
    const broken = await service.verify(req.ctx);
    return sendPage(reply, await page(req, {}, broken ?? 'ok'));
  });

  server.get('/admin/audit/export.csv', async (req, reply) => {
    requirePermission(req, 'audit.export');
    const rows = await service.exportRows(req.ctx, req.query, 'csv');
    return sendDownload(reply, {
      fileName: '审计日志.csv',
      kind: 'txt',
      contentType: 'text/csv; charset=utf-8',
      body: auditToCsv(rows),
    });
  });

  server.get('/admin/audit/export.xlsx', async (req, reply) => {
    requirePermission(req, 'audit.export');
    const rows = await service.exportRows(req.ctx, req.query, 'xlsx');
    return sendDownload(reply, { fileName: '审计日志.xlsx', kind: 'xlsx', body: await auditToXlsx(rows) });
  });
}
