/** Public 意见征集 routes: the list, one consultation, the comment form (anti-abuse, per-IP limit). */
import type { FastifyInstance } from 'fastify';
import { handleForm, idParam } from '../../http/forms.ts';
import { registerModuleStylesheet } from '../../http/kit/module-stylesheet.tsx';
import { sendPage } from '../../http/render.ts';
import { viewContext } from '../../http/request-context.ts';
import { formFields } from '../../http/uploads.ts';
import type { FormState } from '../../http/view-context.ts';
import { AppError } from '../../lib/errors.ts';
import { FORM_TOKEN_FIELD, withAbuseFields } from '../../lib/form-abuse.ts';
import type { RoutesContext } from '../../platform/module.ts';
import { COMMENTS_PER_IP_PER_MINUTE } from './consultation.model.ts';
import type { Consultations } from './consultations.services.ts';
import {
  CONSULTATIONS_CSS,
  CommentPage,
  ConsultationListPage,
  ConsultationPage,
} from './views/public-pages.tsx';

export function registerConsultationPublicRoutes(
  server: FastifyInstance,
  app: RoutesContext<'consultations', Consultations>,
): void {
  registerModuleStylesheet(server, CONSULTATIONS_CSS, new URL('./views/consultations.css', import.meta.url));
  const x = app.consultations;
  const commentLimit = server.rateLimit({ max: COMMENTS_PER_IP_PER_MINUTE, timeWindow: 60_000 });
  /** A fresh form gets a new fill-time token; a re-shown form keeps the one it was loaded with. */
  const commentForm = (values: Record<string, unknown>, problems: FormState['problems'] = []): FormState => ({
    values: withAbuseFields(values, app.config.SESSION_SECRET, app.clock.now().getTime()),
    problems,
  });

  server.get('/consultations', async (req, reply) =>
    sendPage(
      reply,
      ConsultationListPage({ ctx: await viewContext(app, req), rows: await x.publicView.list() }),
    ),
  );

  server.get('/consultations/:id', async (req, reply) => {
    const v = await x.publicView.view(idParam(req.params));
    const sent = (req.query as Record<string, string>).sent === '1';
    return sendPage(reply, ConsultationPage({ ctx: await viewContext(app, req), v, sent }));
  });

  const openView = async (id: number) => {
    const v = await x.publicView.view(id);
    if (v.row.state !== 'open')
      throw new AppError('invalid_transition', `本次意见征集已于 ${v.row.closes_on} 截止，不再接收意见`);
    return v;
  };

  server.get('/consultations/:id/comment', async (req, reply) => {
    const v = await openView(idParam(req.params));
    const article = String((req.query as Record<string, string>).article ?? '');
    return sendPage(
      reply,
      CommentPage({ ctx: await viewContext(app, req), v, form: commentForm({ articleId: article }) }),
    );
  });

  server.post('/consultations/:id/comment', { preHandler: commentLimit }, async (req, reply) => {
    const id = idParam(req.params);
    const v = await x.publicView.view(id);
    return handleForm(
      reply,
      req.body,
      async () => {
        await x.comments.submit(req.ctx, id, formFields(req.body));
        return `/consultations/${id}?sent=1`;
      },
      async (form) => {
        const values = { ...form.values, [FORM_TOKEN_FIELD]: undefined };
        return CommentPage({ ctx: await viewContext(app, req), v, form: commentForm(values, form.problems) });
      },
    );
  });
}
