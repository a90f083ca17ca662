/**
 * Back-office pages of one unit's report for one year (/admin/reports/units/:unitId/:year): the editor,
 * the records behind a number, the entry of figures, and the steps (create, save, regenerate, submit).
 * Every write goes through ReportService, which checks the rights on the unit.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { handleForm, idParam } from '../../http/forms.ts';
import { sendPage } from '../../http/render.ts';
import { requirePermission, viewContext } from '../../http/request-context.ts';
import type { FormState } from '../../http/view-context.ts';
import { AppError } from '../../lib/errors.ts';
import type { RoutesContext } from '../../platform/module.ts';
import { parseCellKey } from './report-values.ts';
import type { Reports } from './reports.services.ts';
import { CellRecordsPage, ReportEditorPage, reportPath, ValuesPage } from './views/report-editor.tsx';

export type ReportsContext = RoutesContext<'reports', Reports>;

const q = (req: FastifyRequest) => (req.query ?? {}) as Record<string, string | undefined>;

export function registerReportRoutes(server: FastifyInstance, app: ReportsContext): void {
  const svc = () => app.reports.reports;
  const params = (req: FastifyRequest) => {
    requirePermission(req, 'report.edit');
    const unitId = idParam(req.params, 'unitId');
    const year = idParam(req.params, 'year');
    if (unitId < 0) throw AppError.notFound('单位');
    return { unitId, year };
  };

  const editor = async (req: FastifyRequest, form?: FormState) => {
    const { unitId, year } = params(req);
    const view = await svc().view(req.ctx, unitId, year);
    return ReportEditorPage({
      ctx: await viewContext(app, req),
      view,
      ...(form ? { form } : {}),
      done: q(req).done,
      reminder: await app.reports.dashboard.reminderLine(view.unit, year),
    });
  };
  server.get('/admin/reports/units/:unitId/:year', async (req, reply) => sendPage(reply, await editor(req)));

  server.post('/admin/reports/units/:unitId/:year/create', async (req, reply) => {
    const { unitId, year } = params(req);
    return handleForm(
      reply,
      req.body,
      async () => {
        await svc().create(req.ctx, unitId, year);
        return `${reportPath(unitId, year)}?done=created`;
      },
      (form) => editor(req, form),
    );
  });

  const reportId = async (req: FastifyRequest) => {
    const { unitId, year } = params(req);
    const view = await svc().view(req.ctx, unitId, year);
    if (!view.row) throw AppError.validation([{ field: '_', message: '报告尚未开始编制' }]);
    return { unitId, year, id: view.row.id };
  };

  server.post('/admin/reports/units/:unitId/:year/sections', async (req, reply) => {
    const { unitId, year, id } = await reportId(req);
    return handleForm(
      reply,
      req.body,
      async () => {
        await svc().saveSections(req.ctx, id, req.body);
        return `${reportPath(unitId, year)}?done=saved`;
      },
      (form) => editor(req, form),
    );
  });

  server.post('/admin/reports/units/:unitId/:year/regenerate', async (req, reply) => {
    const { unitId, year, id } = await reportId(req);
    return handleForm(
      reply,
      req.body,
      async () => {
        await svc().regenerateOverview(req.ctx, id);
        return `${reportPath(unitId, year)}?done=regenerated`;
      },
      (form) => editor(req, { values: {}, problems: form.problems }),
    );
  });

  server.post('/admin/reports/units/:unitId/:year/submit', async (req, reply) => {
    const { unitId, year, id } = await reportId(req);
    return handleForm(
      reply,
      req.body,
      async () => {
        await svc().submit(req.ctx, id, req.body);
        return `${reportPath(unitId, year)}?done=submitted`;
      },
      (form) => editor(req, { values: {}, problems: form.problems }),
    );
  });

  server.get('/admin/reports/units/:unitId/:year/cells/:cell', async (req, reply) => {
    const { unitId, year } = params(req);
    const key = (req.params as { cell: string }).cell;
    if (!parseCellKey(key)) throw AppError.notFound('数字项');
    const view = await svc().view(req.ctx, unitId, year);
    const cell = await app.reports.figures.recordsOf(view.unit, year, key);
    if (!cell) throw AppError.notFound('数字项');
    return sendPage(reply, CellRecordsPage({ ctx: await viewContext(app, req), view, cell }));
  });

  const valuesPage = async (req: FastifyRequest, form?: FormState) => {
    const { unitId, year } = params(req);
    const view = await svc().view(req.ctx, unitId, year);
    const cells = await svc().enterableCells(view.unit, year);
    return ValuesPage({ ctx: await viewContext(app, req), view, cells, ...(form ? { form } : {}) });
  };
  server.get('/admin/reports/units/:unitId/:year/values', async (req, reply) =>
    sendPage(reply, await valuesPage(req)),
  );
  server.post('/admin/reports/units/:unitId/:year/values', async (req, reply) => {
    const { unitId, year } = params(req);
    return handleForm(
      reply,
      req.body,
      async () => {
        await svc().enterValues(req.ctx, unitId, year, req.body);
        return `${reportPath(unitId, year)}?done=values`;
      },
      (form) => valuesPage(req, form),
    );
  });
}
