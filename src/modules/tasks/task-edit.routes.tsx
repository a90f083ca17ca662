/** Correcting an imported task (issue 10): GET the form, POST the change (audited). */
import type { FastifyInstance } from 'fastify';
import { handleForm, idParam } from '../../http/forms.ts';
import { sendPage } from '../../http/render.ts';
import { requirePermission, viewContext } from '../../http/request-context.ts';
import { emptyForm, type FormState } from '../../http/view-context.ts';
import type { Registry } from '../../platform/module.ts';
import { TaskEditPage } from './views/task-edit-page.tsx';
import { deadlineText } from './views/task-ui.tsx';

export function registerTaskEditRoutes(server: FastifyInstance, app: Registry): void {
  const page = async (req: Parameters<typeof viewContext>[1], id: number, form?: FormState) => {
    const t = await app.tasks.edits.taskForEdit(req.ctx, id);
    const words = t.due_date || t.recurrence || t.deadline_text ? deadlineText(t) : '';
    const values = { number: t.number, title: t.title, content: t.content, deadline: words };
    return TaskEditPage({
      ctx: await viewContext(app, req),
      task: { id: t.id, planId: t.plan_id, number: t.number, title: t.title, deadlineWords: words },
      form: form ?? emptyForm(values),
    });
  };

  server.get('/admin/tasks/:id/edit', async (req, reply) => {
    requirePermission(req, 'task.manage');
    return sendPage(reply, await page(req, idParam(req.params)));
  });

  server.post('/admin/tasks/:id/edit', async (req, reply) => {
    requirePermission(req, 'task.manage');
    const id = idParam(req.params);
    return handleForm(
      reply,
      req.body,
      async () => {
        await app.tasks.edits.editTask(req.ctx, id, req.body);
        return `/admin/tasks/${id}`;
      },
      (form) => page(req, id, form),
    );
  });
}
