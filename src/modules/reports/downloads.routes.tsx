/**
 * The report in its official layout: the preview page and the .docx / PDF of a unit's report as it stands
 * (back office), and the .docx / PDF of a published report (public, linked from its document page).
 * Without a CJK font the PDF answers 503 and offers the .docx.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendDownload } from '../../http/downloads.ts';
import { idParam } from '../../http/forms.ts';
import { sendPage } from '../../http/render.ts';
import { requirePermission, viewContext } from '../../http/request-context.ts';
import { findCjkFont } from '../../lib/cjk-font.ts';
import { AppError } from '../../lib/errors.ts';
import { type ReportDocument, reportTitle } from './report.model.ts';
import { reportDocx } from './report-docx.ts';
import { reportBodyHtml } from './report-html.ts';
import { reportPdf } from './report-pdf.ts';
import type { ReportsContext } from './reports.routes.tsx';
import { PdfUnavailablePage, ReportPreviewPage } from './views/report-preview.tsx';

/** Public download paths of a published report. */
export const PUBLIC_DOWNLOAD_PATTERN = /^\/reports\/(\d+)\/report\.(?:docx|pdf)$/;

export function registerReportDownloadRoutes(server: FastifyInstance, app: ReportsContext): void {
  const svc = () => app.reports.reports;
  const current = async (req: FastifyRequest) => {
    requirePermission(req, 'report.edit');
    const view = await svc().view(req.ctx, idParam(req.params, 'unitId'), idParam(req.params, 'year'));
    return { view, doc: svc().documentOf(view) };
  };
  const pdf = async (req: FastifyRequest, reply: FastifyReply, doc: ReportDocument, docxHref: string) => {
    const font = findCjkFont();
    const title = reportTitle(doc.unitName, doc.year);
    if (!font)
      return sendPage(
        reply,
        PdfUnavailablePage({
          ctx: await viewContext(app, req),
          title,
          docxHref,
          publicPage: !docxHref.startsWith('/admin/'),
        }),
        503,
      );
    return sendDownload(reply, { fileName: `${title}.pdf`, kind: 'pdf', body: await reportPdf(doc, font) });
  };

  server.get('/admin/reports/units/:unitId/:year/preview', async (req, reply) => {
    const { view, doc } = await current(req);
    return sendPage(
      reply,
      ReportPreviewPage({ ctx: await viewContext(app, req), view, bodyHtml: reportBodyHtml(doc) }),
    );
  });
  server.get('/admin/reports/units/:unitId/:year/report.docx', async (req, reply) => {
    const { doc } = await current(req);
    const title = reportTitle(doc.unitName, doc.year);
    return sendDownload(reply, { fileName: `${title}.docx`, kind: 'docx', body: await reportDocx(doc) });
  });
  server.get('/admin/reports/units/:unitId/:year/report.pdf', async (req, reply) => {
    const { view, doc } = await current(req);
    return pdf(req, reply, doc, `/admin/reports/units/${view.unit.id}/${view.year}/report.docx`);
  });

  const published = async (req: FastifyRequest) => {
    const found = await svc().published(idParam(req.params, 'id'));
    if (!found) throw AppError.notFound('年度报告');
    return found.doc;
  };
  server.get('/reports/:id/report.docx', async (req, reply) => {
    const doc = await published(req);
    const title = reportTitle(doc.unitName, doc.year);
    return sendDownload(reply, { fileName: `${title}.docx`, kind: 'docx', body: await reportDocx(doc) });
  });
  server.get('/reports/:id/report.pdf', async (req, reply) => {
    const doc = await published(req);
    return pdf(req, reply, doc, `/reports/${idParam(req.params, 'id')}/report.docx`);
  });
}
