/** Routes of the working-day calendar back office. */
import type { FastifyInstance } from 'fastify';
import { handleForm, idParam } from '../../http/forms.ts';
import { sendPage } from '../../http/render.ts';
import { requirePermission, viewContext } from '../../http/request-context.ts';
import { isValidPlainDate } from '../../lib/calendar/index.ts';
import type { FieldProblem } from '../../lib/errors.ts';
import type { Registry } from '../../platform/module.ts';
import { CalendarIndexPage, CalendarYearPage } from './views/calendar-pages.tsx';

export function registerCalendarRoutes(server: FastifyInstance, app: Registry): void {
  server.get('/admin/calendar', async (req, reply) => {
    requirePermission(req, 'calendar.manage');
    const q = req.query as Record<string, string>;
    let calc: Parameters<typeof CalendarIndexPage>[0]['calc'];
    if (q.date !== undefined || q.n !== undefined) {
      const problems: FieldProblem[] = [];
      const n = Number(q.n);
      if (!isValidPlainDate(q.date))
        problems.push({ field: 'date', message: '起算日：请选择日期，例如 2026-09-30' });
      if (!Number.isInteger(n) || n < 0 || n > 365)
        problems.push({ field: 'n', message: '工作日数：请填写 0 到 365 之间的整数' });
      const form = { values: { date: q.date, n: q.n }, problems };
      calc = {
        form,
        result: problems.length
          ? undefined
          : (await app.calendar.calendar()).explainAddWorkingDays(q.date!, n),
      };
    }
    return sendPage(
      reply,
      CalendarIndexPage({
        ctx: await viewContext(app, req),
        years: await app.calendar.yearsOverview(),
        calc,
      }),
      calc?.form.problems.length ? 422 : 200,
    );
  });

  server.get('/admin/calendar/go', async (req, reply) => {
    requirePermission(req, 'calendar.manage');
    const year = Number((req.query as Record<string, string>).year);
    return reply.redirect(
      Number.isInteger(year) && year >= 2000 && year <= 2100 ? `/admin/calendar/${year}` : '/admin/calendar',
      303,
    );
  });

  server.get('/admin/calendar/:year', async (req, reply) => {
    requirePermission(req, 'calendar.manage');
    const year = idParam(req.params, 'year');
    if (year < 2000 || year > 2100) return reply.redirect('/admin/calendar', 303);
    const saved = (req.query as Record<string, string>).done === 'saved';
    return sendPage(
      reply,
      CalendarYearPage({
        ctx: await viewContext(app, req),
        year,
        data: await app.calendar.yearDetail(year),
        saved,
      }),
    );
  });

  server.post('/admin/calendar/:year', async (req, reply) => {
    requirePermission(req, 'calendar.manage');
    const year = idParam(req.params, 'year');
    return handleForm(
      reply,
      req.body,
      async () => {
        await app.calendar.saveYear(req.ctx, { ...(req.body as object), year: String(year) });
        return `/admin/calendar/${year}?done=saved`;
      },
      async (form) =>
        CalendarYearPage({
          ctx: await viewContext(app, req),
          year,
          data: await app.calendar.yearDetail(year),
          form,
        }),
    );
  });
}
