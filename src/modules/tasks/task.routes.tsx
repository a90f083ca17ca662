/** The ledger (工作台账): office matrix, 我的任务, task page, reports, review, export, 回头看. */
import type { FastifyInstance } from 'fastify';
import { sendDownload } from '../../http/downloads.ts';
import { handleForm, idParam } from '../../http/forms.ts';
import { registerModuleStylesheet } from '../../http/kit/module-stylesheet.tsx';
import { sendPage } from '../../http/render.ts';
import { requirePermission, requireUser, type viewContext } from '../../http/request-context.ts';
import { formFields, uploadedFiles } from '../../http/uploads.ts';
import { emptyForm } from '../../http/view-context.ts';
import { AppError } from '../../lib/errors.ts';
import type { Registry } from '../../platform/module.ts';
import { registerBulletinRoutes } from './bulletin.routes.tsx';
import { registerPlanImportRoutes } from './plan-import.routes.tsx';
import { registerTaskEditRoutes } from './task-edit.routes.tsx';
import { ledgerPageData, myTasksData, taskPageData } from './task-page-data.ts';
import { LedgerPage, MyTasksPage } from './views/ledger-pages.tsx';
import { ReturnReportPage, TaskPage } from './views/task-pages.tsx';
import { TASKS_CSS } from './views/task-ui.tsx';

/** Registers every route of the tasks module. */
export function registerTaskRoutes(server: FastifyInstance, app: Registry): void {
  registerModuleStylesheet(server, TASKS_CSS, new URL('./views/tasks.css', import.meta.url));
  registerPlanImportRoutes(server, app);
  registerBulletinRoutes(server, app);
  registerTaskEditRoutes(server, app);

  const reportOf = async (id: number) => {
    const report = await app.tasks.ledger.findReport(id);
    if (!report) throw AppError.notFound('进展报告');
    return report;
  };

  server.get('/admin/tasks', async (req, reply) => {
    requirePermission(req, 'task.manage');
    return sendPage(reply, LedgerPage(await ledgerPageData(app, req)));
  });

  server.get('/admin/tasks/mine', async (req, reply) => {
    requirePermission(req, 'task.report');
    return sendPage(reply, MyTasksPage(await myTasksData(app, req)));
  });

  server.get('/admin/tasks/:id', async (req, reply) => {
    requireUser(req);
    return sendPage(reply, TaskPage(await taskPageData(app, req, idParam(req.params))));
  });

  server.post('/admin/tasks/:id/reports', async (req, reply) => {
    requirePermission(req, 'task.report');
    const id = idParam(req.params);
    await taskPageData(app, req, id);
    return handleForm(
      reply,
      req.body,
      async () => {
        const files = await uploadedFiles(req.body, 'attachments');
        await app.tasks.reports.submitReport(req.ctx, id, formFields(req.body), files);
        return `/admin/tasks/${id}?done=reported`;
      },
      async (reportForm) => TaskPage(await taskPageData(app, req, id, { reportForm })),
    );
  });

  server.get('/admin/tasks/reports/attachments/:id', async (req, reply) => {
    requireUser(req);
    return sendDownload(reply, await app.tasks.reports.readAttachment(req.ctx, idParam(req.params)));
  });

  server.post('/admin/tasks/:id/columns', async (req, reply) => {
    requirePermission(req, 'task.manage');
    const id = idParam(req.params);
    return handleForm(
      reply,
      req.body,
      async () => {
        await app.tasks.evidence.linkColumn(req.ctx, id, req.body);
        return `/admin/tasks/${id}?done=evidence#evidence`;
      },
      async (evidenceForm) => TaskPage(await taskPageData(app, req, id, { evidenceForm })),
    );
  });

  server.post('/admin/tasks/:id/columns/:columnId/unlink', async (req, reply) => {
    requirePermission(req, 'task.manage');
    const id = idParam(req.params);
    await app.tasks.evidence.unlinkColumn(req.ctx, id, idParam(req.params, 'columnId'));
    return reply.redirect(`/admin/tasks/${id}?done=evidence#evidence`, 303);
  });

  server.post('/admin/tasks/:id/catalogue-items', async (req, reply) => {
    requirePermission(req, 'task.manage');
    const id = idParam(req.params);
    return handleForm(
      reply,
      req.body,
      async () => {
        await app.tasks.evidence.linkItem(req.ctx, id, req.body);
        return `/admin/tasks/${id}?done=evidence#evidence-items`;
      },
      async (itemForm) => TaskPage(await taskPageData(app, req, id, { itemForm })),
    );
  });

  server.post('/admin/tasks/:id/catalogue-items/:itemId/unlink', async (req, reply) => {
    requirePermission(req, 'task.manage');
    const id = idParam(req.params);
    await app.tasks.evidence.unlinkItem(req.ctx, id, idParam(req.params, 'itemId'));
    return reply.redirect(`/admin/tasks/${id}?done=evidence#evidence-items`, 303);
  });

  server.post('/admin/tasks/reports/:id/accept', async (req, reply) => {
    requirePermission(req, 'task.manage');
    const report = await reportOf(idParam(req.params));
    return handleForm(
      reply,
      req.body,
      async () => {
        await app.tasks.reports.acceptReport(req.ctx, report.id);
        return `/admin/tasks/${report.task_id}?done=accepted`;
      },
      async (form) =>
        TaskPage(await taskPageData(app, req, report.task_id, { reviewProblems: form.problems })),
    );
  });

  const returnPage = async (req: Parameters<typeof viewContext>[1], reportId: number, form = emptyForm()) => {
    const report = await reportOf(reportId);
    const data = await taskPageData(app, req, report.task_id);
    const view = data.reports.find((r) => r.id === report.id);
    if (!view || !data.canReview) throw AppError.forbidden();
    return ReturnReportPage({ ctx: data.ctx, report: view, task: data.task, form });
  };

  server.get('/admin/tasks/reports/:id/return', async (req, reply) => {
    requirePermission(req, 'task.manage');
    return sendPage(reply, await returnPage(req, idParam(req.params)));
  });

  server.post('/admin/tasks/reports/:id/return', async (req, reply) => {
    requirePermission(req, 'task.manage');
    const report = await reportOf(idParam(req.params));
    return handleForm(
      reply,
      req.body,
      async () => {
        await app.tasks.reports.returnReport(req.ctx, report.id, req.body);
        return `/admin/tasks/${report.task_id}?done=returned`;
      },
      (form) => returnPage(req, report.id, form),
    );
  });

  server.get('/admin/tasks/plans/:id/ledger.xlsx', async (req, reply) => {
    requirePermission(req, 'task.manage');
    const file = await app.tasks.plans.exportLedger(req.ctx, idParam(req.params));
    return sendDownload(reply, { ...file, kind: 'xlsx' });
  });

  server.post('/admin/tasks/plans/:id/carry-over', async (req, reply) => {
    requirePermission(req, 'task.manage');
    const planId = idParam(req.params);
    return handleForm(
      reply,
      req.body,
      async () =>
        `/admin/tasks?plan=${(await app.tasks.assessment.carryOver(req.ctx, planId)).planId}&done=carried`,
      async (form) => {
        const data = await ledgerPageData(app, req);
        return LedgerPage({ ...data, done: undefined, carryProblems: form.problems });
      },
    );
  });
}
