/** HTTP routes of 主题日 / 开放日: public list, event page and registration, 活动计划表 (+ xlsx), images; back office. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendDownload } from '../../http/downloads.ts';
import { handleForm, idParam } from '../../http/forms.ts';
import { sendPage } from '../../http/render.ts';
import { requirePermission, viewContext } from '../../http/request-context.ts';
import { formFields, uploadedFiles } from '../../http/uploads.ts';
import type { FormState } from '../../http/view-context.ts';
import { todayInShanghai } from '../../lib/calendar/index.ts';
import { AppError } from '../../lib/errors.ts';
import { FORM_TOKEN_FIELD, withAbuseFields } from '../../lib/form-abuse.ts';
import type { Registry } from '../../platform/module.ts';
import { ACTIVITIES, INVITED_GROUPS, type OpenDayEvent, splitOthers } from './open-day.model.ts';
import type { OpenDayRow } from './open-day.repository.ts';
import type { OpenDays } from './open-days.services.ts';
import {
  OpenDayAdminPage,
  OpenDayFormPage,
  OpenDayListPage,
  SignInPage,
} from './views/open-day-admin-pages.tsx';
import { OpenDayPage, OpenDaysHomePage, PlanPage } from './views/open-day-public-pages.tsx';

/** Registrations one address may send per minute (the form also has a honeypot and a signed start time). */
export const REGISTRATIONS_PER_IP_PER_MINUTE = 10;
const STAFF_EVENTS: readonly OpenDayEvent[] = ['publish_plan', 'mark_held', 'cancel'];

export function registerOpenDayRoutes(server: FastifyInstance, x: OpenDays, app: Registry): void {
  const limit = server.rateLimit({ max: REGISTRATIONS_PER_IP_PER_MINUTE, timeWindow: 60_000 });
  const thisYear = () => Number(todayInShanghai(app.clock.now()).slice(0, 4));
  const yearOf = (req: FastifyRequest) => {
    const y = Number((req.query as Record<string, string>).year);
    return Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : thisYear();
  };
  const registrationForm = (
    values: Record<string, unknown> = {},
    problems: FormState['problems'] = [],
  ): FormState => ({
    values: withAbuseFields(values, app.config.SESSION_SECRET, app.clock.now().getTime()),
    problems,
  });
  const eventPage = async (req: FastifyRequest, form: FormState, registered = false) => {
    const v = await x.reader.get(idParam(req.params));
    if (!v) throw AppError.notFound('活动');
    return OpenDayPage({ ctx: await viewContext(app, req), v, form, registered });
  };

  server.get('/open-days', async (req, reply) => {
    const { upcoming, past } = await x.reader.upcomingAndPast();
    return sendPage(
      reply,
      OpenDaysHomePage({ ctx: await viewContext(app, req), upcoming, past, year: thisYear() }),
    );
  });
  server.get('/open-days/plan', async (req, reply) => {
    const year = yearOf(req);
    return sendPage(
      reply,
      PlanPage({ ctx: await viewContext(app, req), year, rows: await x.reader.plan(year) }),
    );
  });
  server.get('/open-days/plan.xlsx', async (req, reply) => {
    const year = yearOf(req);
    return sendDownload(reply, {
      fileName: `${year}年活动计划表.xlsx`,
      kind: 'xlsx',
      body: await x.reader.planXlsx(year),
    });
  });
  server.get('/open-days/:id', async (req, reply) => {
    const registered = (req.query as Record<string, string>).registered === '1';
    return sendPage(reply, await eventPage(req, registrationForm(), registered));
  });
  server.post('/open-days/:id/register', { preHandler: limit }, async (req, reply) =>
    handleForm(
      reply,
      req.body,
      async () => {
        const id = idParam(req.params);
        await x.registration.register(req.ctx, id, formFields(req.body));
        return `/open-days/${id}?registered=1#main`;
      },
      async (form) =>
        eventPage(req, registrationForm({ ...form.values, [FORM_TOKEN_FIELD]: undefined }, form.problems)),
    ),
  );
  server.get('/open-days/:id/images/:imageId', async (req, reply) => {
    const img = await x.reader.image(idParam(req.params), idParam(req.params, 'imageId'), req.ctx.actor);
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

/** The plan form's values of a stored event. */
function planValues(row: OpenDayRow): Record<string, unknown> {
  const groups = splitOthers(JSON.parse(row.invited_groups) as string[], INVITED_GROUPS);
  const acts = splitOthers(JSON.parse(row.activities) as string[], ACTIVITIES);
  return {
    theme: row.theme,
    type: row.type,
    eventDate: row.event_date,
    startTime: row.start_time,
    endTime: row.end_time ?? '',
    place: row.place,
    invitedGroups: groups.ticked,
    invitedGroupsOther: groups.other,
    activities: acts.ticked,
    activitiesOther: acts.other,
    description: row.description ?? '',
    capacity: String(row.capacity),
    registrationOpensOn: row.registration_opens_on,
    registrationClosesOn: row.registration_closes_on,
    surveyId: row.survey_id === null ? '' : String(row.survey_id),
  };
}

function registerAdminRoutes(server: FastifyInstance, x: OpenDays, app: Registry): void {
  const s = x.service;
  const units = async (req: FastifyRequest) =>
    (await s.manageableUnits(req.ctx)).map((u) => ({ id: u.id, name: u.name }));
  const adminPage = async (req: FastifyRequest, form: FormState = { values: {}, problems: [] }) => {
    const { row, unit } = await s.getForStaff(req.ctx, idParam(req.params));
    return OpenDayAdminPage({
      ctx: await viewContext(app, req),
      row,
      unitName: unit.name,
      registrations: await s.registrations(req.ctx, row.id),
      images: await s.repo.images(row.id),
      form: form.problems.length ? form : { values: { recordText: row.record_text ?? '' }, problems: [] },
      notice: (req.query as Record<string, string>).done ? '已保存' : undefined,
    });
  };
  const back = (req: FastifyRequest) => `/admin/open-days/${idParam(req.params)}?done=1`;
  const formPage = async (
    req: FastifyRequest,
    form: FormState,
    action: string,
    title: string,
    list: { id: number; name: string }[],
  ) => OpenDayFormPage({ ctx: await viewContext(app, req), form, action, title, units: list });

  server.get('/admin/open-days', async (req, reply) => {
    requirePermission(req, 'openday.manage');
    const list = await s.manageableUnits(req.ctx);
    const rows = await s.repo.listForUnits(list.map((u) => u.id));
    return sendPage(
      reply,
      OpenDayListPage({
        ctx: await viewContext(app, req),
        rows,
        unitNames: new Map(list.map((u) => [u.id, u.name] as const)),
      }),
    );
  });
  server.get('/admin/open-days/new', async (req, reply) => {
    requirePermission(req, 'openday.manage');
    const ctx = await viewContext(app, req);
    const values = {
      unitId: String(ctx.currentUnitId ?? ''),
      type: 'theme_day',
      invitedGroups: [...INVITED_GROUPS],
    };
    return sendPage(
      reply,
      await formPage(req, { values, problems: [] }, '/admin/open-days/new', '新建活动', await units(req)),
    );
  });
  server.post('/admin/open-days/new', async (req, reply) => {
    requirePermission(req, 'openday.manage');
    const list = await units(req);
    const f = formFields(req.body);
    const unitId = Number(f.unitId) || (await viewContext(app, req)).currentUnitId || list[0]?.id || 0;
    return handleForm(
      reply,
      req.body,
      async () => `/admin/open-days/${await s.create(req.ctx, unitId, f)}`,
      async (form) => formPage(req, form, '/admin/open-days/new', '新建活动', list),
    );
  });
  server.get('/admin/open-days/:id', async (req, reply) => sendPage(reply, await adminPage(req)));
  server.get('/admin/open-days/:id/edit', async (req, reply) => {
    const { row } = await s.getForStaff(req.ctx, idParam(req.params));
    return sendPage(
      reply,
      await formPage(
        req,
        { values: planValues(row), problems: [] },
        `/admin/open-days/${row.id}/edit`,
        '修改活动计划',
        [],
      ),
    );
  });
  server.post('/admin/open-days/:id/edit', async (req, reply) =>
    handleForm(
      reply,
      req.body,
      async () => {
        await s.update(req.ctx, idParam(req.params), formFields(req.body));
        return back(req);
      },
      async (form) => formPage(req, form, `/admin/open-days/${idParam(req.params)}/edit`, '修改活动计划', []),
    ),
  );
  server.post('/admin/open-days/:id/events/:event', async (req, reply) => {
    const event = (req.params as Record<string, string>).event as OpenDayEvent;
    if (!STAFF_EVENTS.includes(event)) throw AppError.notFound('操作');
    return handleForm(
      reply,
      req.body,
      async () => {
        await s.transition(req.ctx, idParam(req.params), event as 'cancel');
        return back(req);
      },
      async (form) => adminPage(req, form),
    );
  });
  server.get('/admin/open-days/:id/sign-in', async (req, reply) => {
    const { row } = await s.getForStaff(req.ctx, idParam(req.params));
    const { rows } = await s.registrations(req.ctx, row.id);
    return sendPage(reply, SignInPage({ ctx: await viewContext(app, req), row, rows }));
  });
  server.post('/admin/open-days/:id/sign-in', async (req, reply) => {
    const raw = formFields(req.body).attended;
    const ids = (Array.isArray(raw) ? raw : raw ? [raw] : []).map(Number).filter(Number.isInteger);
    return handleForm(
      reply,
      req.body,
      async () => {
        await s.signIn(req.ctx, idParam(req.params), ids);
        return back(req);
      },
      async (form) => adminPage(req, form),
    );
  });
  server.post('/admin/open-days/:id/record', async (req, reply) => {
    const images = await uploadedFiles(req.body, 'images');
    return handleForm(
      reply,
      req.body,
      async () => {
        await s.saveRecord(req.ctx, idParam(req.params), formFields(req.body), images);
        return back(req);
      },
      async (form) => adminPage(req, form),
    );
  });
  server.post('/admin/open-days/:id/record/submit', async (req, reply) =>
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
}
