/**
 * Back-office pages of the figures: 年度报告表二 (first block) with each figure's list, and the 政策解读
 * rates. Readers need 记录 or 管理 rights (policy.record) on the unit; bad query values show the page
 * again with the problem named by field (422), keeping what was typed.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendPage } from '../../http/render.ts';
import { requirePermission, viewContext } from '../../http/request-context.ts';
import { emptyForm, type FormState } from '../../http/view-context.ts';
import { scopesFor } from '../../kernel/permissions.ts';
import { type AppError, isAppError } from '../../lib/errors.ts';
import type { Registry } from '../../platform/module.ts';
import { parseRatesQuery } from './interpretation-rates.service.ts';
import type { RateKey } from './interpretation-rates.ts';
import { parseFiguresQuery } from './policy-figures.service.ts';
import { RatesPage } from './views/figures-rates.tsx';
import { FigureListPage, FiguresPage, type UnitChoice } from './views/figures-table.tsx';

const RATE_KEYS: readonly RateKey[] = ['rate', 'timeliness', 'forms', 'principal'];

/** What a request's query typed, as form values (kept when a problem is shown). */
const typed = (req: FastifyRequest): Record<string, string> =>
  Object.fromEntries(
    Object.entries((req.query ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v ?? '')]),
  );

const isValidation = (e: unknown): e is AppError => isAppError(e) && e.code === 'validation';

export function registerFiguresRoutes(server: FastifyInstance, app: Registry): void {
  const p = app.policies;

  /** The units the reader may see (each grant's subtree), and the one asked for or the current one. */
  const readerScope = async (req: FastifyRequest, asked: number | undefined) => {
    const actor = requirePermission(req, 'policy.record');
    const ctx = await viewContext(app, req);
    const seen = new Map<number, UnitChoice>();
    for (const path of scopesFor(actor, 'policy.record'))
      for (const u of await app.units.listSubtree(path)) seen.set(u.id, { id: u.id, name: u.name });
    const units = [...seen.values()];
    const fallback = units.find((u) => u.id === ctx.currentUnitId) ?? units[0];
    const unitId = asked ?? fallback?.id;
    if (unitId === undefined || !seen.has(unitId))
      requirePermission(req, 'policy.record', (await app.units.get(unitId ?? 0)).path);
    return { ctx, units, unitId: unitId as number };
  };

  const problemPage = async (req: FastifyRequest, e: AppError) => {
    const { ctx, units } = await readerScope(req, undefined);
    return { ctx, units, form: { values: typed(req), problems: e.problems } as FormState };
  };

  server.get('/admin/policies/figures', async (req, reply) => {
    try {
      const q = parseFiguresQuery(req.query, p.figures.today());
      const { ctx, units, unitId } = await readerScope(req, q.unitId);
      const table = await p.figures.tableTwo(unitId, q.year, { subtree: q.subtree });
      const form = emptyForm({
        unit: String(unitId),
        year: String(q.year),
        scope: q.subtree ? 'subtree' : 'own',
      });
      return sendPage(reply, FiguresPage({ ctx, units, form, table }));
    } catch (e) {
      if (!isValidation(e)) throw e;
      return sendPage(reply, FiguresPage({ ...(await problemPage(req, e)), table: null }), 422);
    }
  });

  server.get('/admin/policies/figures/list', async (req, reply) => {
    try {
      const q = parseFiguresQuery(req.query, p.figures.today());
      const { ctx, unitId } = await readerScope(req, q.unitId);
      const { table, kind, figure } = await p.figures.figure(
        unitId,
        q.year,
        q.kind ?? 'normative',
        q.figure ?? 'issued',
        { subtree: q.subtree },
      );
      return sendPage(reply, FigureListPage({ ctx, table, kind, figure }));
    } catch (e) {
      if (!isValidation(e)) throw e;
      return sendPage(reply, FiguresPage({ ...(await problemPage(req, e)), table: null }), 422);
    }
  });

  server.get('/admin/policies/interpretation-rates', async (req, reply) => {
    const showRaw = (req.query as Record<string, unknown> | undefined)?.show;
    const show = RATE_KEYS.find((k) => k === showRaw) ?? null;
    try {
      const q = parseRatesQuery(req.query, p.interpretationRates.today());
      const { ctx, units, unitId } = await readerScope(req, q.unitId);
      const rates = await p.interpretationRates.rates(unitId, q.from, q.to, { subtree: q.subtree });
      const form = emptyForm({
        unit: String(unitId),
        from: q.from,
        to: q.to,
        scope: q.subtree ? 'subtree' : 'own',
      });
      return sendPage(reply, RatesPage({ ctx, units, form, rates, show }));
    } catch (e) {
      if (!isValidation(e)) throw e;
      return sendPage(reply, RatesPage({ ...(await problemPage(req, e)), rates: null, show }), 422);
    }
  });
}
