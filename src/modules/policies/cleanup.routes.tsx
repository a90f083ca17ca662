/** 文件清理 pages: the batches, a new batch (criteria → preview → create) and a batch's page with its forms. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { echoValues, handleForm, idParam } from '../../http/forms.ts';
import { sendPage } from '../../http/render.ts';
import { requirePermission, requireUser, viewContext } from '../../http/request-context.ts';
import { emptyForm } from '../../http/view-context.ts';
import { can } from '../../kernel/permissions.ts';
import { AppError, isAppError } from '../../lib/errors.ts';
import type { Registry } from '../../platform/module.ts';
import { type CleanupBatchForms, CleanupBatchPage } from './views/cleanup-batch-page.tsx';
import { CLEANUPS_PATH, CleanupListPage, NewCleanupPage } from './views/cleanup-pages.tsx';

export function registerCleanupRoutes(server: FastifyInstance, app: Registry): void {
  const svc = app.policies.cleanups;
  const review = app.policies.cleanupReview;

  server.get(CLEANUPS_PATH, async (req, reply) => {
    const actor = requireUser(req);
    if (!can(actor, 'policy.manage') && !can(actor, 'content.approve')) throw AppError.forbidden();
    // ?review=1: the reviewers' queue (batches awaiting review).
    const queue = (req.query as Record<string, string> | undefined)?.review === '1';
    const rows = (await svc.list(req.ctx)).filter((r) => !queue || r.state === 'in_review');
    const canCreate = can(actor, 'policy.manage');
    return sendPage(reply, CleanupListPage({ ctx: await viewContext(app, req), rows, canCreate, queue }));
  });

  /** The new-batch page: the criteria (GET), checked and previewed when `preview=1`. */
  const newPage = async (req: FastifyRequest, criteriaRaw: unknown, createForm = emptyForm()) => {
    const ctx = await viewContext(app, req);
    const units = await svc.unitChoices(req.ctx);
    const values = echoValues(criteriaRaw);
    let preview = null;
    let problems: { field: string; message: string }[] = [];
    if ((criteriaRaw as Record<string, unknown>).preview === '1' || createForm.problems.length)
      try {
        preview = await svc.preview(req.ctx, criteriaRaw);
      } catch (e) {
        if (!isAppError(e) || e.code !== 'validation') throw e;
        problems = e.problems;
      }
    if (!values.unitId && units[0]) values.unitId = String(units[0].id);
    return NewCleanupPage({ ctx, units, criteriaForm: { values, problems }, preview, createForm });
  };

  server.get(`${CLEANUPS_PATH}/new`, async (req, reply) => {
    requirePermission(req, 'policy.manage');
    return sendPage(reply, await newPage(req, req.query ?? {}));
  });

  server.post(CLEANUPS_PATH, async (req, reply) => {
    requirePermission(req, 'policy.manage');
    return handleForm(
      reply,
      req.body,
      async () => `${CLEANUPS_PATH}/${await svc.create(req.ctx, req.body)}?done=created`,
      (form) => newPage(req, req.body, form),
    );
  });

  const batchPage = async (req: FastifyRequest, id: number, forms: CleanupBatchForms = {}) => {
    const batch = await svc.get(req.ctx, id);
    const unitPath = (await app.units.get(batch.row.unit_id)).path;
    const done = (req.query as Record<string, string> | undefined)?.done;
    return CleanupBatchPage({
      ctx: await viewContext(app, req),
      batch,
      canManage: can(req.ctx.actor, 'policy.manage', unitPath),
      canReview: can(req.ctx.actor, 'content.approve', unitPath),
      forms,
      ...(done ? { done } : {}),
    });
  };

  server.get(`${CLEANUPS_PATH}/:id`, async (req, reply) => {
    requireUser(req);
    return sendPage(reply, await batchPage(req, idParam(req.params)));
  });

  /** A POST on a batch: run `action`, go back to the batch page with `done`, or show it with the problems. */
  const post = (
    path: string,
    form: keyof CleanupBatchForms,
    action: (req: FastifyRequest, id: number) => Promise<string>,
  ) =>
    server.post(`${CLEANUPS_PATH}/:id${path}`, async (req, reply) => {
      requireUser(req);
      const id = idParam(req.params);
      return handleForm(
        reply,
        req.body,
        () => action(req, id),
        async (f) => batchPage(req, id, { [form]: f }),
      );
    });

  post('/decisions', 'decisions', async (req, id) => {
    await svc.saveDecisions(req.ctx, id, req.body);
    return `${CLEANUPS_PATH}/${id}?done=saved`;
  });
  post('/keep-rest', 'action', async (req, id) => {
    await svc.keepRest(req.ctx, id);
    return `${CLEANUPS_PATH}/${id}?done=kept`;
  });
  post('/items', 'add', async (req, id) => {
    await svc.addItem(req.ctx, id, req.body);
    return `${CLEANUPS_PATH}/${id}?done=added`;
  });
  post('/items/:docId/remove', 'action', async (req, id) => {
    await svc.removeItem(req.ctx, id, idParam(req.params, 'docId'));
    return `${CLEANUPS_PATH}/${id}?done=removed`;
  });
  post('/submit', 'action', async (req, id) => {
    await review.submit(req.ctx, id);
    return `${CLEANUPS_PATH}/${id}?done=submitted`;
  });
  post('/return', 'review', async (req, id) => {
    await review.returnBatch(req.ctx, id, req.body);
    return `${CLEANUPS_PATH}/${id}?done=returned`;
  });
  post('/approve', 'action', async (req, id) => {
    await review.approve(req.ctx, id);
    return `${CLEANUPS_PATH}/${id}?done=approved`;
  });
}
