/**
 * Workflow actions on the back-office document page: one POST route per form. A refused action shows the
 * page again with the form's problems (typed values kept); the reasons of a refused transition are listed.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { echoValues, formRejection, idParam } from '../../../http/forms.ts';
import { sendPage } from '../../../http/render.ts';
import { requireUser } from '../../../http/request-context.ts';
import { formFields } from '../../../http/uploads.ts';
import { isAppError } from '../../../lib/errors.ts';
import { documentPage } from '../documents/admin-documents.routes.tsx';
import type { PublishingContext } from '../publishing.api.ts';
import type { ActionKey } from '../views/admin-document-actions.tsx';

type Fields = Record<string, string | string[]>;
const one = (f: Fields, k: string) => (typeof f[k] === 'string' ? (f[k] as string) : '');

/** A datetime-local value (Beijing time) as an ISO instant; other input is passed on for validation. */
function beijingInstant(v: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v) ? `${v}:00+08:00` : v;
}

/** Field names of each form → the service's input names (so problems point at the right field). */
const FIELD_ALIASES: Partial<Record<ActionKey, Record<string, string>>> = {
  return: { _: 'returnReason' },
  force: { _: 'forceReason' },
  withdraw: { note: 'withdrawNote' },
};

export function registerAdminDocumentActionRoutes(server: FastifyInstance, app: PublishingContext): void {
  const { review, documents } = app.publishing;
  const run: Record<ActionKey, ((req: FastifyRequest, id: number, f: Fields) => Promise<void>) | null> = {
    edit: null,
    correct: null,
    submit: (req, id) => review.submit(req.ctx, id),
    review: (req, id, f) => review.reviewConfidentiality(req.ctx, id, f),
    return: (req, id, f) => review.returnForRevision(req.ctx, id, one(f, 'returnReason')),
    approve: (req, id, f) =>
      review.approve(req.ctx, id, { scheduledAt: beijingInstant(one(f, 'scheduledAt')) }),
    unschedule: (req, id) => review.unschedule(req.ctx, id),
    force: (req, id, f) => review.forcePublish(req.ctx, id, one(f, 'forceReason')),
    withdraw: (req, id, f) =>
      review.withdraw(req.ctx, id, { reason: one(f, 'reason'), note: one(f, 'withdrawNote') }),
    validity: async (req, id, f) => {
      await documents.changeValidity(req.ctx, id, f);
    },
    delete: (req, id) => documents.deleteDraft(req.ctx, id),
  };

  const handle = async (req: FastifyRequest, reply: FastifyReply, key: ActionKey) => {
    requireUser(req);
    const id = idParam(req.params);
    const f = formFields(req.body);
    try {
      await run[key]!(req, id, f);
    } catch (e) {
      const rejected = formRejection(e);
      if (!rejected) throw e;
      const aliases = FIELD_ALIASES[key] ?? {};
      const problems = rejected.problems.map((p) => ({
        ...p,
        field: aliases[p.field] ?? (p.field === '_' ? `action-${key}` : p.field),
      }));
      const page = await documentPage(app, req, id, {
        key,
        form: { values: echoValues(req.body), problems },
      });
      return sendPage(reply, page, rejected.status);
    }
    return reply.redirect(
      key === 'delete' ? '/admin/documents?done=deleted' : `/admin/documents/${id}?done=${key}`,
      303,
    );
  };

  for (const key of Object.keys(run) as ActionKey[])
    if (run[key]) server.post(`/admin/documents/:id/${key}`, (req, reply) => handle(req, reply, key));

  // Removing an attachment from a draft; a refusal shows the page with the reason at the attachments.
  server.post('/admin/documents/:id/attachments/:aid/remove', async (req, reply) => {
    requireUser(req);
    const id = idParam(req.params);
    try {
      await documents.removeAttachment(req.ctx, id, idParam(req.params, 'aid'));
    } catch (e) {
      const rejected = formRejection(e, ['invalid_transition']);
      if (!rejected || !isAppError(e)) throw e;
      const problems = [{ field: 'attachments', message: e.message }];
      const page = await documentPage(app, req, id, { key: 'edit', form: { values: {}, problems } });
      return sendPage(reply, page, rejected.status);
    }
    return reply.redirect(`/admin/documents/${id}?done=attachment_removed`, 303);
  });
}
