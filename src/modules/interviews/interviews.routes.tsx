/** HTTP routes of 在线访谈: public list, page, question form, images; the back office. Thin: parse → call → render. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendDownload } from '../../http/downloads.ts';
import { handleForm, idParam } from '../../http/forms.ts';
import { sendPage } from '../../http/render.ts';
import { requirePermission, viewContext } from '../../http/request-context.ts';
import { formFields, uploadedFiles } from '../../http/uploads.ts';
import type { FormState } from '../../http/view-context.ts';
import { AppError } from '../../lib/errors.ts';
import { FORM_TOKEN_FIELD, withAbuseFields } from '../../lib/form-abuse.ts';
import type { Registry } from '../../platform/module.ts';
import { type Guest, guestsText, type InterviewEvent } from './interview.model.ts';
import type { Interviews } from './interviews.services.ts';
import { InterviewAdminPage, InterviewFormPage, InterviewListPage } from './views/interview-admin-pages.tsx';
import { InterviewPage, InterviewsHomePage } from './views/interview-public-pages.tsx';

/** Questions one address may send per minute (the form also has a honeypot and a signed start time). */
export const QUESTIONS_PER_IP_PER_MINUTE = 10;
const STAFF_EVENTS: readonly InterviewEvent[] = ['announce', 'start', 'end'];

export function registerInterviewRoutes(server: FastifyInstance, x: Interviews, app: Registry): void {
  const askLimit = server.rateLimit({ max: QUESTIONS_PER_IP_PER_MINUTE, timeWindow: 60_000 });
  const questionForm = (
    values: Record<string, unknown> = {},
    problems: FormState['problems'] = [],
  ): FormState => ({
    values: withAbuseFields(values, app.config.SESSION_SECRET, app.clock.now().getTime()),
    problems,
  });
  const publicPage = async (req: FastifyRequest, form: FormState, asked = false) => {
    const v = await x.reader.get(idParam(req.params));
    if (!v) throw AppError.notFound('访谈');
    return InterviewPage({ ctx: await viewContext(app, req), v, form, asked });
  };

  server.get('/interviews', async (req, reply) => {
    const [upcoming, live, past] = await Promise.all([
      x.reader.list('upcoming'),
      x.reader.list('live'),
      x.reader.list('past'),
    ]);
    return sendPage(
      reply,
      InterviewsHomePage({ ctx: await viewContext(app, req), groups: { upcoming, live, past } }),
    );
  });
  server.get('/interviews/:id', async (req, reply) => {
    const asked = (req.query as Record<string, string>).asked === '1';
    return sendPage(reply, await publicPage(req, questionForm(), asked));
  });
  server.post('/interviews/:id/questions', { preHandler: askLimit }, async (req, reply) =>
    handleForm(
      reply,
      req.body,
      async () => {
        const id = idParam(req.params);
        await x.service.ask(req.ctx, id, formFields(req.body));
        return `/interviews/${id}?asked=1#main`;
      },
      async (form) =>
        publicPage(req, questionForm({ ...form.values, [FORM_TOKEN_FIELD]: undefined }, form.problems)),
    ),
  );
  server.get('/interviews/:id/images/:entryId', async (req, reply) => {
    const img = await x.reader.image(idParam(req.params), idParam(req.params, 'entryId'), req.ctx.actor);
    if (!img) throw AppError.notFound('图片');
    return sendDownload(reply, {
      fileName: `image.${img.kind}`,
      kind: img.kind,
      body: img.body,
      inline: true,
    });
  });

  registerAdminRoutes(server, x, app);
}

function registerAdminRoutes(server: FastifyInstance, x: Interviews, app: Registry): void {
  const units = async (req: FastifyRequest) =>
    (await x.service.manageableUnits(req.ctx)).map((u) => ({ id: u.id, name: u.name }));
  const adminPage = async (req: FastifyRequest, form: FormState = { values: {}, problems: [] }) => {
    const { row, unit } = await x.service.getForStaff(req.ctx, idParam(req.params));
    const ids = await x.service.repo.policyIds(row.id);
    const policies = (await x.service.d.publishing.publicDocuments.publishedSummaries(ids)).map((d) => ({
      id: d.id,
      title: d.title,
    }));
    const notice = (req.query as Record<string, string>).done ? '已保存' : undefined;
    return InterviewAdminPage({
      ctx: await viewContext(app, req),
      row,
      unitName: unit.name,
      policies,
      questions: await x.service.repo.questions(row.id),
      entries: await x.service.repo.entries(row.id),
      form,
      notice,
    });
  };
  const back = (req: FastifyRequest) => `/admin/interviews/${idParam(req.params)}?done=1`;

  server.get('/admin/interviews', async (req, reply) => {
    requirePermission(req, 'interview.manage');
    const list = await x.service.manageableUnits(req.ctx);
    const rows = await x.service.repo.listForUnits(list.map((u) => u.id));
    const unitNames = new Map(list.map((u) => [u.id, u.name] as const));
    return sendPage(reply, InterviewListPage({ ctx: await viewContext(app, req), rows, unitNames }));
  });
  server.get('/admin/interviews/new', async (req, reply) => {
    requirePermission(req, 'interview.manage');
    const ctx = await viewContext(app, req);
    const form = { values: { unitId: String(ctx.currentUnitId ?? '') }, problems: [] };
    return sendPage(
      reply,
      InterviewFormPage({
        ctx,
        form,
        action: '/admin/interviews/new',
        title: '新建在线访谈',
        units: await units(req),
      }),
    );
  });
  server.post('/admin/interviews/new', async (req, reply) => {
    requirePermission(req, 'interview.manage');
    const list = await units(req);
    const f = formFields(req.body);
    const unitId = Number(f.unitId) || (await viewContext(app, req)).currentUnitId || list[0]?.id || 0;
    return handleForm(
      reply,
      req.body,
      async () => `/admin/interviews/${await x.service.create(req.ctx, unitId, f)}`,
      async (form) =>
        InterviewFormPage({
          ctx: await viewContext(app, req),
          form,
          action: '/admin/interviews/new',
          title: '新建在线访谈',
          units: list,
        }),
    );
  });
  server.get('/admin/interviews/:id', async (req, reply) => sendPage(reply, await adminPage(req)));
  server.get('/admin/interviews/:id/edit', async (req, reply) => {
    const { row } = await x.service.getForStaff(req.ctx, idParam(req.params));
    const values = {
      title: row.title,
      summary: row.summary ?? '',
      host: row.host ?? '',
      guests: guestsText(JSON.parse(row.guests) as Guest[]),
      startsAt: row.starts_at,
      endsAt: row.ends_at ?? '',
      policyIds: (await x.service.repo.policyIds(row.id)).join(','),
    };
    const action = `/admin/interviews/${row.id}/edit`;
    return sendPage(
      reply,
      InterviewFormPage({
        ctx: await viewContext(app, req),
        form: { values, problems: [] },
        action,
        title: '修改访谈预告',
        units: [],
      }),
    );
  });
  server.post('/admin/interviews/:id/edit', async (req, reply) =>
    handleForm(
      reply,
      req.body,
      async () => {
        await x.service.update(req.ctx, idParam(req.params), formFields(req.body));
        return back(req);
      },
      async (form) =>
        InterviewFormPage({
          ctx: await viewContext(app, req),
          form,
          action: `/admin/interviews/${idParam(req.params)}/edit`,
          title: '修改访谈预告',
          units: [],
        }),
    ),
  );
  server.post('/admin/interviews/:id/events/:event', async (req, reply) => {
    const event = (req.params as Record<string, string>).event as InterviewEvent;
    if (!STAFF_EVENTS.includes(event)) throw AppError.notFound('操作');
    return handleForm(
      reply,
      req.body,
      async () => {
        await x.service.transition(req.ctx, idParam(req.params), event as 'announce');
        return back(req);
      },
      async (form) => adminPage(req, form),
    );
  });
  server.post('/admin/interviews/:id/record', async (req, reply) =>
    handleForm(
      reply,
      req.body,
      async () => {
        await x.record.submit(req.ctx, idParam(req.params));
        return back(req);
      },
      async (form) => adminPage(req, form),
    ),
  );
  server.post('/admin/interviews/:id/questions/:qid/moderate', async (req, reply) =>
    handleForm(
      reply,
      req.body,
      async () => {
        await x.service.moderate(
          req.ctx,
          idParam(req.params),
          idParam(req.params, 'qid'),
          formFields(req.body),
        );
        return back(req);
      },
      async (form) => adminPage(req, form),
    ),
  );
  server.post('/admin/interviews/:id/entries', async (req, reply) => {
    const image = (await uploadedFiles(req.body, 'image'))[0];
    return handleForm(
      reply,
      req.body,
      async () => {
        await x.service.addEntry(req.ctx, idParam(req.params), formFields(req.body), image);
        return back(req);
      },
      async (form) => adminPage(req, form),
    );
  });
  server.post('/admin/interviews/:id/entries/:entryId/remove', async (req, reply) =>
    handleForm(
      reply,
      req.body,
      async () => {
        await x.service.removeEntry(req.ctx, idParam(req.params), idParam(req.params, 'entryId'));
        return back(req);
      },
      async (form) => adminPage(req, form),
    ),
  );
}
