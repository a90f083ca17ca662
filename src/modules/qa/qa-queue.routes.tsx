/** HTTP routes of the unanswered queue (/admin/qa/questions): list, one question, route/answer/close/promote. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { handleForm, idParam } from '../../http/forms.ts';
import { sendPage } from '../../http/render.ts';
import { requireUser, viewContext } from '../../http/request-context.ts';
import { formFields } from '../../http/uploads.ts';
import { emptyForm, type FormState } from '../../http/view-context.ts';
import { can } from '../../kernel/permissions.ts';
import { AppError } from '../../lib/errors.ts';
import type { Registry } from '../../platform/module.ts';
import type { Qa } from './qa.services.ts';
import { QuestionListPage, QuestionPage } from './views/qa-queue-pages.tsx';

const ACTIONS = ['route', 'answer', 'close', 'promote'] as const;
type QueueAction = (typeof ACTIONS)[number];

export function registerQaQueueRoutes(server: FastifyInstance, qa: Qa, app: Registry): void {
  const staff = (req: FastifyRequest) => {
    const actor = requireUser(req);
    if (!can(actor, 'qa.manage') && !can(actor, 'qa.review')) throw AppError.forbidden();
    return actor;
  };
  const named = (list: { id: number; name: string }[]) => list.map((u) => ({ id: u.id, name: u.name }));
  const listPage = async (req: FastifyRequest, form: FormState = emptyForm()) => {
    staff(req);
    const all = await app.units.activeUnits();
    return QuestionListPage({
      ctx: await viewContext(app, req),
      rows: await qa.queue.list(req.ctx),
      unitNames: new Map(all.map((u) => [u.id, u.name] as const)),
      units: named(await qa.entryService.unitsFor(req.ctx)),
      form,
      lettersEnabled: !!(app as Partial<Registry>).letters,
    });
  };
  const questionPage = async (req: FastifyRequest, form?: FormState) => {
    const actor = staff(req);
    const { row, unit } = await qa.queue.get(req.ctx, idParam(req.params));
    return QuestionPage({
      ctx: await viewContext(app, req),
      row,
      unitName: unit?.name ?? null,
      routeUnits: can(actor, 'qa.review') ? named(await app.units.activeUnits()) : null,
      canAnswer: !!unit && can(actor, 'qa.manage', unit.path),
      form: form ?? emptyForm({ question: row.question, answer: row.answer ?? '' }),
      done: (req.query as Record<string, string>).done === '1',
    });
  };

  server.get('/admin/qa/questions', async (req, reply) => sendPage(reply, await listPage(req)));
  server.post('/admin/qa/questions/from-letter', async (req, reply) => {
    staff(req);
    return handleForm(
      reply,
      req.body,
      async () => `/admin/qa/${await qa.queue.fromLetter(req.ctx, formFields(req.body))}/edit`,
      (form) => listPage(req, form),
    );
  });
  server.get('/admin/qa/questions/:id', async (req, reply) => sendPage(reply, await questionPage(req)));
  server.post('/admin/qa/questions/:id/:action', async (req, reply) => {
    staff(req);
    const action = (req.params as Record<string, string>).action as QueueAction;
    if (!ACTIONS.includes(action)) throw AppError.notFound('操作');
    const id = idParam(req.params);
    return handleForm(
      reply,
      req.body,
      async () => {
        const f = formFields(req.body);
        // The answer-only form has its own field (one page, two answer boxes, distinct ids).
        if (action === 'answer') f.answer = f.answerOnly ?? '';
        if (action === 'promote') return `/admin/qa/${await qa.queue.promote(req.ctx, id, f)}?done=1`;
        await qa.queue[action](req.ctx, id, f);
        return `/admin/qa/questions/${id}?done=1`;
      },
      (form) =>
        questionPage(req, {
          ...form,
          problems: form.problems.map((p) =>
            action === 'answer' && p.field === 'answer' ? { ...p, field: 'answerOnly' } : p,
          ),
        }),
    );
  });
}
