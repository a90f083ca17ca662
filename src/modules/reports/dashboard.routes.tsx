/**
 * Back-office pages over many units' reports: the dashboard (/admin/reports, 'report.edit'), the subtree
 * totals (/admin/reports/totals, 'report.oversee') and the deadlines and reminders settings
 * (/admin/reports/settings, 'report.oversee'). Registered before the editor's routes.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { handleForm } from '../../http/forms.ts';
import { sendPage } from '../../http/render.ts';
import { requirePermission, viewContext } from '../../http/request-context.ts';
import { emptyForm, type FormState } from '../../http/view-context.ts';
import { can } from '../../kernel/permissions.ts';
import { AppError } from '../../lib/errors.ts';
import type { RoutesContext } from '../../platform/module.ts';
import { type DashboardFilter, matchesFilter } from './report-dashboard.service.ts';
import { parseCellKey } from './report-values.ts';
import type { Reports } from './reports.services.ts';
import { FILTER_LABELS, ReportDashboardPage } from './views/report-dashboard.tsx';
import { ReportSettingsPage } from './views/report-settings.tsx';
import { ReportTotalsPage, TotalsCellPage } from './views/report-totals.tsx';

type Ctx = RoutesContext<'reports', Reports>;

const PAGE_SIZE = 50;
const q = (req: FastifyRequest) => (req.query ?? {}) as Record<string, string | undefined>;
const positiveInt = (v: string | undefined) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};
const FILTERS = Object.keys(FILTER_LABELS) as DashboardFilter[];

export function registerDashboardRoutes(server: FastifyInstance, app: Ctx): void {
  const dash = () => app.reports.dashboard;
  /** 2021 (the new format) to the year that ended; an unknown year falls back to the latest. */
  const years = () => {
    const latest = app.reports.reports.latestYear();
    return Array.from({ length: Math.max(1, latest - 2020) }, (_, i) => latest - i);
  };
  const yearOf = (req: FastifyRequest) => {
    const y = positiveInt(q(req).year);
    return y && years().includes(y) ? y : years()[0]!;
  };

  server.get('/admin/reports', async (req, reply) => {
    requirePermission(req, 'report.edit');
    const year = yearOf(req);
    const filter = FILTERS.find((f) => f === q(req).status);
    const units = await dash().unitsInScope(req.ctx);
    const all = await dash().rows(units, year);
    const counts = Object.fromEntries(
      FILTERS.map((f) => [f, all.filter((r) => matchesFilter(r, f)).length]),
    ) as Record<DashboardFilter, number>;
    const matching = all.filter((r) => matchesFilter(r, filter));
    const page = positiveInt(q(req).page) ?? 1;
    return sendPage(
      reply,
      ReportDashboardPage({
        ctx: await viewContext(app, req),
        year,
        years: years(),
        filter,
        counts,
        total: all.length,
        rows: matching.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
        matching: matching.length,
        page,
        pageSize: PAGE_SIZE,
        canOversee: can(req.ctx.actor, 'report.oversee'),
      }),
    );
  });

  // ── subtree totals ──
  const totalsUnit = async (req: FastifyRequest) => {
    requirePermission(req, 'report.oversee');
    const units = (await dash().unitsInScope(req.ctx, 'report.oversee')).filter(
      (u) => u.kind === 'government' || u.kind === 'township' || u.depth === 0,
    );
    const wanted = positiveInt(q(req).unit);
    const unit = wanted ? await dash().oversee(req.ctx, wanted) : units[0];
    if (!unit) throw AppError.forbidden();
    return { unit, units: units.some((u) => u.id === unit.id) ? units : [unit, ...units] };
  };
  server.get('/admin/reports/totals', async (req, reply) => {
    const { unit, units } = await totalsUnit(req);
    const year = yearOf(req);
    const [computed, subtree] = await Promise.all([
      app.reports.figures.compute(unit, year, true),
      app.units.listSubtree(unit.path),
    ]);
    return sendPage(
      reply,
      ReportTotalsPage({
        ctx: await viewContext(app, req),
        unit,
        units,
        year,
        years: years(),
        unitCount: subtree.length,
        computed,
      }),
    );
  });
  server.get('/admin/reports/totals/cells/:cell', async (req, reply) => {
    const { unit } = await totalsUnit(req);
    const year = yearOf(req);
    const key = (req.params as { cell: string }).cell;
    if (!parseCellKey(key)) throw AppError.notFound('数字项');
    const cell = await app.reports.figures.recordsOf(unit, year, key, true);
    if (!cell) throw AppError.notFound('数字项');
    return sendPage(reply, TotalsCellPage({ ctx: await viewContext(app, req), unit, year, cell }));
  });

  // ── deadlines and reminders settings ──
  const settingsUnit = async (req: FastifyRequest) => {
    requirePermission(req, 'report.oversee');
    const units = await dash().settingsUnits(req.ctx);
    const ctx = await viewContext(app, req);
    const wanted = positiveInt(q(req).unit) ?? ctx.currentUnitId ?? undefined;
    const unit = units.find((u) => u.id === wanted) ?? units[0];
    if (!unit) throw AppError.forbidden();
    return { ctx, units, unit };
  };
  const settingsPage = async (req: FastifyRequest, form?: FormState) => {
    const { ctx, units, unit } = await settingsUnit(req);
    const { values, effective } = await dash().settingsOf(unit);
    return ReportSettingsPage({
      ctx,
      unit,
      units,
      effective,
      form: form ?? emptyForm(values),
      saved: q(req).done === 'saved',
    });
  };
  server.get('/admin/reports/settings', async (req, reply) => sendPage(reply, await settingsPage(req)));
  server.post('/admin/reports/settings', async (req, reply) => {
    const { unit } = await settingsUnit(req);
    return handleForm(
      reply,
      req.body,
      async () => {
        await dash().writeSettings(req.ctx, unit, req.body);
        return `/admin/reports/settings?unit=${unit.id}&done=saved`;
      },
      (form) => settingsPage(req, form),
    );
  });
}
