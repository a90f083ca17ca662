/** 主题分类 editing (add, rename, reorder, deactivate/reactivate), every change audited by TopicService. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { handleForm, idParam } from '../../../http/forms.ts';
import { sendPage } from '../../../http/render.ts';
import { requirePermission, viewContext } from '../../../http/request-context.ts';
import { emptyForm, type FormState } from '../../../http/view-context.ts';
import { AppError } from '../../../lib/errors.ts';
import type { PublishingContext } from '../publishing.api.ts';
import { EditTopicPage, TopicsPage } from '../views/admin-topics.tsx';

export function registerAdminTopicRoutes(server: FastifyInstance, app: PublishingContext): void {
  const topics = app.publishing.topics;
  const listPage = async (req: FastifyRequest, form: FormState = emptyForm()) => {
    requirePermission(req, 'disclosure.manage');
    const done = (req.query as Record<string, string>).done;
    return TopicsPage({ ctx: await viewContext(app, req), topics: await topics.list(), form, done });
  };
  const editPage = async (req: FastifyRequest, id: number, form?: FormState) => {
    requirePermission(req, 'disclosure.manage');
    const topic = (await topics.list()).find((t) => t.id === id);
    if (!topic) throw AppError.notFound('主题分类');
    const values = { name: topic.name, sortOrder: String(topic.sort_order) };
    return EditTopicPage({ ctx: await viewContext(app, req), topic, form: form ?? emptyForm(values) });
  };

  server.get('/admin/topics', async (req, reply) => sendPage(reply, await listPage(req)));

  server.post('/admin/topics', async (req, reply) =>
    handleForm(
      reply,
      req.body,
      async () => {
        await topics.add(req.ctx, req.body);
        return '/admin/topics?done=1';
      },
      (form) => listPage(req, form),
    ),
  );

  server.get('/admin/topics/:id', async (req, reply) =>
    sendPage(reply, await editPage(req, idParam(req.params))),
  );

  server.post('/admin/topics/:id', async (req, reply) => {
    const id = idParam(req.params);
    return handleForm(
      reply,
      req.body,
      async () => {
        await topics.update(req.ctx, id, req.body);
        return '/admin/topics?done=1';
      },
      (form) => editPage(req, id, form),
    );
  });

  for (const [path, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const)
    server.post(`/admin/topics/:id/${path}`, async (req, reply) => {
      await topics.setActive(req.ctx, idParam(req.params), active);
      return reply.redirect('/admin/topics?done=1', 303);
    });
}
