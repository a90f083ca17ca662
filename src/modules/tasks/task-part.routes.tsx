/** The task page's 不适用 form: mark a responsible unit's part not applicable (with a reason) and undo it. */
import type { FastifyInstance } from 'fastify';
import { handleForm, idParam } from '../../http/forms.ts';
import { requirePermission } from '../../http/request-context.ts';
import type { Registry } from '../../platform/module.ts';
import { taskPageData } from './task-page-data.ts';
import { TaskPage } from './views/task-pages.tsx';

export function registerTaskPartRoutes(server: FastifyInstance, app: Registry): void {
  server.post('/admin/tasks/:id/parts/not-applicable', async (req, reply) => {
    requirePermission(req, 'task.manage');
    const id = idParam(req.params);
    return handleForm(
      reply,
      req.body,
      async () => {
        await app.tasks.parts.markNotApplicable(req.ctx, id, req.body);
        return `/admin/tasks/${id}?done=not_applicable#parts`;
      },
      async (partForm) => TaskPage(await taskPageData(app, req, id, { partForm })),
    );
  });

  server.post('/admin/tasks/:id/parts/:unitId/applicable', async (req, reply) => {
    requirePermission(req, 'task.manage');
    const id = idParam(req.params);
    const unitId = idParam(req.params, 'unitId');
    return handleForm(
      reply,
      req.body,
      async () => {
        await app.tasks.parts.undoNotApplicable(req.ctx, id, { unitId });
        return `/admin/tasks/${id}?done=applicable#parts`;
      },
      async (form) => TaskPage(await taskPageData(app, req, id, { reviewProblems: form.problems })),
    );
  });
}
