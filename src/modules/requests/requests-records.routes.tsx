/** Back-office routes around a case: letters, fees, 复议/诉讼, templates, settings, statistics + API. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Unit } from '../../db/schema.ts';
import { sendDownload } from '../../http/downloads.ts';
import { handleForm, idParam } from '../../http/forms.ts';
import { sendPage } from '../../http/render.ts';
import { requirePermission, requireUser, viewContext } from '../../http/request-context.ts';
import { emptyForm, type FormState } from '../../http/view-context.ts';
import { can } from '../../kernel/permissions.ts';
import { todayInShanghai, yearOf } from '../../lib/calendar/dates.ts';
import { AppError } from '../../lib/errors.ts';
import type { Registry } from '../../platform/module.ts';
import { letterDocx } from './info-request-letter.docx.ts';
import { requestExtras } from './requests.services.ts';
import { caseForm } from './requests-admin.routes.tsx';
import { LetterPage, SettingsPage, TemplatePage, TemplatesPage } from './views/letter-pages.tsx';
import { StatsPage } from './views/stats-page.tsx';

export function registerRecordRoutes(server: FastifyInstance, app: Registry): void {
  const x = requestExtras(app);
  const body = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;

  server.post('/admin/requests/:id/letters', async (req, reply) => {
    requirePermission(req, 'request.handle');
    const id = idParam(req.params);
    return caseForm(
      app,
      req,
      reply,
      id,
      'letter',
      () => x.letters.issue(req.ctx, id, { kind: body(req).letterKind }),
      'letter',
    );
  });

  server.get('/admin/requests/letters/:id', async (req, reply) => {
    requirePermission(req, 'request.handle');
    const letter = await x.letters.forHandling(req.ctx, idParam(req.params));
    const row = await app.requests.repo.findById(letter.request_id);
    return sendPage(
      reply,
      LetterPage({ ctx: await viewContext(app, req), letter, reference: row?.reference ?? '' }),
    );
  });

  server.get('/admin/requests/letters/:id/docx', async (req, reply) => {
    requirePermission(req, 'request.handle');
    const l = await x.letters.forHandling(req.ctx, idParam(req.params));
    const file = await letterDocx(l);
    return sendDownload(reply, { fileName: `${l.title}（${l.number}）.docx`, kind: 'docx', body: file });
  });

  server.post('/admin/requests/letters/:id/sent', async (req, reply) => {
    requirePermission(req, 'request.handle');
    const letter = await x.letters.forHandling(req.ctx, idParam(req.params));
    return caseForm(
      app,
      req,
      reply,
      letter.request_id,
      'sent',
      () => x.letters.markSent(req.ctx, letter.id, {}),
      'sent',
    );
  });

  server.post('/admin/requests/:id/fees', async (req, reply) => {
    requirePermission(req, 'request.handle');
    const id = idParam(req.params);
    return caseForm(app, req, reply, id, 'fee', () => x.fees.issueNotice(req.ctx, id, req.body), 'fee');
  });

  server.post('/admin/requests/:id/fees/paid', async (req, reply) => {
    requirePermission(req, 'request.handle');
    const id = idParam(req.params);
    return caseForm(app, req, reply, id, 'fee', () => x.fees.markPaid(req.ctx, id, {}), 'paid');
  });

  server.post('/admin/requests/:id/appeals', async (req, reply) => {
    requirePermission(req, 'request.handle');
    const id = idParam(req.params);
    return caseForm(app, req, reply, id, 'appeal', () => x.appeals.record(req.ctx, id, req.body), 'appeal');
  });

  server.post('/admin/requests/appeals/:id', async (req, reply) => {
    requirePermission(req, 'request.handle');
    const appeal = await x.records.appeal(idParam(req.params));
    if (!appeal) throw AppError.notFound('复议或诉讼记录');
    const run = () => x.appeals.conclude(req.ctx, appeal.id, body(req));
    return caseForm(app, req, reply, appeal.request_id, `appeal-${appeal.id}`, run, 'appeal');
  });

  const settingsUnits = async (req: FastifyRequest) =>
    (await app.units.activeUnits()).filter((u) => can(req.ctx.actor, 'disclosure.manage', u.path));
  /** The template scope of a request: ?unit=<id> for a unit's own versions, else the global ones. */
  const templateScope = async (req: FastifyRequest) => {
    requirePermission(req, 'disclosure.manage');
    const units = await settingsUnits(req);
    const raw = (req.query as Record<string, string>).unit;
    if (!raw) return { units, unit: null };
    const unit = units.find((u) => u.id === Number(raw));
    if (!unit) throw AppError.forbidden();
    return { units, unit };
  };
  const scopeQuery = (unit: { id: number } | null) => (unit ? `?unit=${unit.id}` : '');
  const templatePage = async (req: FastifyRequest, unit: Unit | null, form?: FormState) => {
    const t = await x.letters.template((req.params as Record<string, string>).kind ?? '', unit?.id);
    const global = unit ? await x.letters.template(t.kind) : null;
    const f = form ?? emptyForm({ title: t.title, body: t.body });
    const done = (req.query as Record<string, string>).done;
    return TemplatePage({ ctx: await viewContext(app, req), t, unit, global, form: f, done });
  };

  server.get('/admin/requests/templates', async (req, reply) => {
    const { units, unit } = await templateScope(req);
    const done = (req.query as Record<string, string>).done;
    const templates = await x.letters.templates(unit?.id);
    return sendPage(reply, TemplatesPage({ ctx: await viewContext(app, req), templates, units, unit, done }));
  });

  server.get('/admin/requests/templates/:kind', async (req, reply) => {
    const { unit } = await templateScope(req);
    return sendPage(reply, await templatePage(req, unit));
  });

  server.post('/admin/requests/templates/:kind', async (req, reply) => {
    const { unit } = await templateScope(req);
    const t = await x.letters.template((req.params as Record<string, string>).kind ?? '', unit?.id);
    return handleForm(
      reply,
      req.body,
      async () => {
        await x.letters.saveTemplate(req.ctx, t.kind, req.body, unit?.id);
        return `/admin/requests/templates${scopeQuery(unit)}${unit ? '&' : '?'}done=1`;
      },
      async (form) => templatePage(req, unit, form),
    );
  });

  server.post('/admin/requests/templates/:kind/reset', async (req, reply) => {
    const { unit } = await templateScope(req);
    if (!unit) throw AppError.notFound('本单位模板');
    const t = await x.letters.template((req.params as Record<string, string>).kind ?? '', unit.id);
    return handleForm(
      reply,
      req.body,
      async () => {
        await x.letters.resetTemplate(req.ctx, t.kind, unit.id);
        return `/admin/requests/templates/${t.kind}?unit=${unit.id}&done=reset`;
      },
      async (form) => templatePage(req, unit, { ...form, values: { title: t.title, body: t.body } }),
    );
  });

  const settingsUnit = async (req: FastifyRequest) => {
    requirePermission(req, 'disclosure.manage');
    const units = await settingsUnits(req);
    const wanted = Number((req.query as Record<string, string>).unit);
    const unit = units.find((u) => u.id === wanted) ?? units[0];
    if (!unit) throw AppError.forbidden();
    return { units, unit };
  };

  server.get('/admin/requests/settings', async (req, reply) => {
    const { units, unit } = await settingsUnit(req);
    const s = await x.settings.forUnit(unit.id);
    const done = (req.query as Record<string, string>).done;
    const form = emptyForm(s.explicit);
    return sendPage(reply, SettingsPage({ ctx: await viewContext(app, req), units, unit, form, done }));
  });

  server.post('/admin/requests/settings', async (req, reply) => {
    const { units, unit } = await settingsUnit(req);
    return handleForm(
      reply,
      req.body,
      async () => {
        await x.settings.save(req.ctx, unit.id, req.body);
        return `/admin/requests/settings?unit=${unit.id}&done=1`;
      },
      async (form) => SettingsPage({ ctx: await viewContext(app, req), units, unit, form }),
    );
  });

  server.get('/admin/requests/stats', async (req, reply) => {
    requirePermission(req, 'request.handle');
    const q = req.query as Record<string, string>;
    const units = (await app.units.activeUnits()).filter((u) => can(req.ctx.actor, 'request.handle', u.path));
    const ctx = await viewContext(app, req);
    const unitId = Number(q.unit) || ctx.currentUnitId || units[0]?.id || 0;
    const year = Number(q.year) || yearOf(todayInShanghai(app.clock.now())) - 1;
    const s = await app.requests.stats.annual(req.ctx, unitId, year, q.subtree === '1');
    const query = { unit: String(unitId), year: String(year), subtree: q.subtree === '1' ? '1' : '0' };
    return sendPage(reply, StatsPage({ ctx, s, units, query }));
  });

  server.get('/api/v1/info-requests/stats', async (req) => {
    requireUser(req);
    const q = req.query as Record<string, string>;
    return app.requests.stats.annual(req.ctx, Number(q.org), Number(q.year), q.subtree === '1');
  });
}
