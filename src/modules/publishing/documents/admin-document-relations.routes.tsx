/** Back-office typed relations of a document (解读 / 修改 / 废止 / 反馈): add and remove, on the document page. */
import type { FastifyInstance } from 'fastify';
import { handleForm, idParam } from '../../../http/forms.ts';
import { requireUser } from '../../../http/request-context.ts';
import { formFields } from '../../../http/uploads.ts';
import type { PublishingContext } from '../publishing.api.ts';
import { documentPage } from './admin-documents.routes.tsx';

export function registerAdminDocumentRelationRoutes(server: FastifyInstance, app: PublishingContext): void {
  const { relations } = app.publishing;

  server.post('/admin/documents/:id/relations', async (req, reply) => {
    requireUser(req);
    const id = idParam(req.params);
    return handleForm(
      reply,
      req.body,
      async () => {
        await relations.addRelation(req.ctx, id, formFields(req.body));
        return `/admin/documents/${id}?done=relation_added#relations`;
      },
      (form) => documentPage(app, req, id, undefined, form),
    );
  });

  server.post('/admin/documents/:id/relations/:rid/remove', async (req, reply) => {
    requireUser(req);
    const id = idParam(req.params);
    await relations.removeRelation(req.ctx, id, idParam(req.params, 'rid'));
    return reply.redirect(`/admin/documents/${id}?done=relation_removed#relations`, 303);
  });
}
