/** Back-office 在线调查 routes: list, create and edit, questions, open / close / publish, export. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendDownload } from '../../http/downloads.ts';
import { handleForm, idParam } from '../../http/forms.ts';
import { sendPage } from '../../http/render.ts';
import { requirePermission, requireUser, viewContext } from '../../http/request-context.ts';
import { formFields } from '../../http/uploads.ts';
import { emptyForm, type FormState } from '../../http/view-context.ts';
import { can } from '../../kernel/permissions.ts';
import { AppError } from '../../lib/errors.ts';
import type { Registry } from '../../platform/module.ts';
import { ADMIN_SURVEYS_PATH as P, type Surveys } from './surveys.services.ts';
import {
  AdminSurveyListPage,
  AdminSurveyPage,
  QuestionEditPage,
  questionFormValues,
  SurveyDetailsPage,
} from './views/survey-admin-pages.tsx';

const detailValues = (s: {
  unit_id: number;
  title: string;
  description: string;
  opens_on: string | null;
  closes_on: string | null;
  results_public: number;
  public_text_answers: number;
  asks_contact: number;
}) => ({
  unitId: String(s.unit_id),
  title: s.title,
  description: s.description,
  opensOn: s.opens_on ?? '',
  closesOn: s.closes_on ?? '',
  resultsPublic: String(s.results_public),
  publicTextAnswers: String(s.public_text_answers),
  asksContact: String(s.asks_contact),
});

export function registerAdminSurveyRoutes(server: FastifyInstance, app: Registry, surveys: Surveys): void {
  const admin = surveys.admin;
  const body = (req: FastifyRequest): Record<string, unknown> => formFields(req.body);
  const unitChoices = async (req: FastifyRequest) => {
    const actor = requireUser(req);
    return (await app.units.listActive())
      .filter((u) => can(actor, 'survey.manage', u.path))
      .map((u) => ({ id: u.id, name: u.name }));
  };

  server.get(P, async (req, reply) => {
    const actor = requirePermission(req, 'survey.manage');
    const rows = (await surveys.repo.listAll()).filter((s) => can(actor, 'survey.manage', s.unit_path));
    return sendPage(reply, AdminSurveyListPage({ ctx: await viewContext(app, req), rows, canCreate: true }));
  });

  const detailsPage = async (req: FastifyRequest, form: FormState, surveyId?: number) => {
    const survey = surveyId ? await admin.authorised(req.ctx, surveyId) : undefined;
    return SurveyDetailsPage({
      ctx: await viewContext(app, req),
      form,
      units: await unitChoices(req),
      ...(survey ? { survey } : {}),
    });
  };

  server.get(`${P}/new`, async (req, reply) => {
    requirePermission(req, 'survey.manage');
    const ctx = await viewContext(app, req);
    const form = emptyForm({
      unitId: String(ctx.currentUnitId ?? ''),
      resultsPublic: '1',
      publicTextAnswers: '0',
      asksContact: '0',
    });
    return sendPage(reply, await detailsPage(req, form));
  });

  server.post(P, async (req, reply) => {
    requirePermission(req, 'survey.manage');
    return handleForm(
      reply,
      req.body,
      async () => `${P}/${await admin.create(req.ctx, body(req))}?done=created`,
      (form) => detailsPage(req, form),
    );
  });

  server.get(`${P}/:id/edit`, async (req, reply) => {
    requireUser(req);
    const s = await admin.authorised(req.ctx, idParam(req.params));
    return sendPage(reply, await detailsPage(req, emptyForm(detailValues(s)), s.id));
  });

  server.post(`${P}/:id/edit`, async (req, reply) => {
    requireUser(req);
    const id = idParam(req.params);
    return handleForm(
      reply,
      req.body,
      async () => {
        await admin.update(req.ctx, id, body(req));
        return `${P}/${id}?done=saved`;
      },
      (form) => detailsPage(req, form, id),
    );
  });

  const surveyPage = async (
    req: FastifyRequest,
    id: number,
    forms: { add?: FormState; action?: FormState } = {},
  ) => {
    const s = await admin.authorised(req.ctx, id);
    const unit = await app.units.findById(s.unit_id);
    const done = (req.query as Record<string, string> | undefined)?.done;
    return AdminSurveyPage({
      ctx: await viewContext(app, req),
      survey: { ...s, unit_name: unit?.name ?? '' },
      questions: await surveys.repo.questions(id),
      responses: await surveys.repo.countResponses(id),
      canPublish: !!unit && can(req.ctx.actor, 'survey.publish', unit.path),
      addForm: forms.add ?? emptyForm({ kind: 'single', required: '1' }),
      actionProblems: forms.action?.problems ?? [],
      ...(done ? { done } : {}),
    });
  };

  server.get(`${P}/:id`, async (req, reply) => {
    requireUser(req);
    return sendPage(reply, await surveyPage(req, idParam(req.params)));
  });

  /** A POST on a survey: run `action`, back to the survey page with `done`, or show it with the problems. */
  const post = (
    path: string,
    form: 'add' | 'action',
    done: string,
    action: (req: FastifyRequest, id: number) => Promise<unknown>,
  ) =>
    server.post(`${P}/:id${path}`, async (req, reply) => {
      requireUser(req);
      const id = idParam(req.params);
      return handleForm(
        reply,
        req.body,
        async () => {
          await action(req, id);
          return `${P}/${id}?done=${done}`;
        },
        (f) => surveyPage(req, id, { [form]: f }),
      );
    });
  const qid = (req: FastifyRequest) => idParam(req.params, 'qid');

  post('/questions', 'add', 'added', (req, id) => admin.addQuestion(req.ctx, id, body(req)));
  post('/questions/:qid/up', 'action', 'moved', (req, id) => admin.moveQuestion(req.ctx, id, qid(req), 'up'));
  post('/questions/:qid/down', 'action', 'moved', (req, id) =>
    admin.moveQuestion(req.ctx, id, qid(req), 'down'),
  );
  post('/questions/:qid/remove', 'action', 'removed', (req, id) =>
    admin.removeQuestion(req.ctx, id, qid(req)),
  );
  post('/open', 'action', 'opened', (req, id) => admin.open(req.ctx, id));
  post('/close', 'action', 'closed', (req, id) => admin.close(req.ctx, id));
  post('/publish', 'action', 'published', (req, id) => admin.publishResults(req.ctx, id));

  const questionPage = async (req: FastifyRequest, form?: FormState) => {
    const s = await admin.authorised(req.ctx, idParam(req.params));
    const list = await surveys.repo.questions(s.id);
    const index = list.findIndex((q) => q.id === qid(req));
    const question = list[index];
    if (!question) throw AppError.notFound('题目');
    return QuestionEditPage({
      ctx: await viewContext(app, req),
      survey: s,
      question,
      index,
      form: form ?? emptyForm(questionFormValues(question)),
    });
  };

  server.get(`${P}/:id/questions/:qid/edit`, async (req, reply) => {
    requireUser(req);
    return sendPage(reply, await questionPage(req));
  });

  server.post(`${P}/:id/questions/:qid/edit`, async (req, reply) => {
    requireUser(req);
    const id = idParam(req.params);
    return handleForm(
      reply,
      req.body,
      async () => {
        await admin.updateQuestion(req.ctx, id, qid(req), body(req));
        return `${P}/${id}?done=saved`;
      },
      (form) => questionPage(req, form),
    );
  });

  server.get(`${P}/:id/export.xlsx`, async (req, reply) => {
    requireUser(req);
    const file = await surveys.public.exportXlsx(req.ctx, idParam(req.params));
    return sendDownload(reply, { ...file, kind: 'xlsx' });
  });
}
