/**
 * Back-office pages of the 规范性文件库: the list (/admin/policies), an entry with its history, the event,
 * cancel and 评估 forms (/admin/policies/:docId) and the library's settings (/admin/policies/settings).
 * Every write goes through the ledger or LibraryAdminService, which check the rights on the unit.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { echoValues, formRejection, handleForm, idParam } from '../../http/forms.ts';
import { sendPage } from '../../http/render.ts';
import { requirePermission, viewContext } from '../../http/request-context.ts';
import { emptyForm, type FormState } from '../../http/view-context.ts';
import { can } from '../../kernel/permissions.ts';
import { AppError } from '../../lib/errors.ts';
import type { RoutesContext } from '../../platform/module.ts';
import type { Policies } from './policies.services.ts';
import { LibraryEntryPage } from './views/library-admin-entry.tsx';
import { LibraryListPage } from './views/library-admin-list.tsx';
import { LibrarySettingsPage } from './views/library-admin-settings.tsx';

type Ctx = RoutesContext<'policies', Policies>;

const q = (req: FastifyRequest) => req.query as Record<string, string | undefined>;
const positiveInt = (v: string | undefined) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

export function registerLibraryAdminRoutes(server: FastifyInstance, app: Ctx): void {
  const admin = () => app.policies.libraryAdmin;

  server.get('/admin/policies', async (req, reply) => {
    requirePermission(req, 'policy.record');
    const query = q(req);
    const filters: Record<string, string> = {};
    for (const k of ['kind', 'state', 'unit', 'soon', 'evaluation'] as const)
      if (query[k]) filters[k] = query[k] as string;
    const page = positiveInt(query.page) ?? 1;
    const { rows, total } = await admin().listEntries(req.ctx, {
      kind: filters.kind,
      state: filters.state,
      unitId: positiveInt(filters.unit),
      expiringSoon: filters.soon === '1',
      withEvaluation: filters.evaluation === '1',
      page,
    });
    const units = await admin().scopeUnits(req.ctx);
    return sendPage(
      reply,
      LibraryListPage({
        ctx: await viewContext(app, req),
        rows,
        total,
        page,
        filters,
        units,
        canManage: can(req.ctx.actor, 'policy.manage'),
      }),
    );
  });

  // ── settings (before /:docId) ──
  const settingsUnit = async (req: FastifyRequest) => {
    requirePermission(req, 'policy.manage');
    const units = await admin().settingsUnits(req.ctx);
    const ctx = await viewContext(app, req);
    const wanted = positiveInt(q(req).unit) ?? ctx.currentUnitId ?? undefined;
    const unit = units.find((u) => u.id === wanted) ?? units[0];
    if (!unit) throw AppError.forbidden();
    return { ctx, units, unit };
  };
  const settingsPage = async (req: FastifyRequest, form?: FormState) => {
    const { ctx, units, unit } = await settingsUnit(req);
    const { values, effective } = await admin().settingsOf(unit);
    return LibrarySettingsPage({
      ctx,
      unit,
      units,
      effective,
      form: form ?? emptyForm(values),
      saved: q(req).done === 'saved',
    });
  };
  server.get('/admin/policies/settings', async (req, reply) => sendPage(reply, await settingsPage(req)));
  server.post('/admin/policies/settings', async (req, reply) => {
    const { unit } = await settingsUnit(req);
    return handleForm(
      reply,
      req.body,
      async () => {
        await admin().writeSettings(req.ctx, unit, req.body);
        return `/admin/policies/settings?unit=${unit.id}&done=saved`;
      },
      (form) => settingsPage(req, form),
    );
  });

  // ── an entry ──
  const entryPage = async (
    req: FastifyRequest,
    forms: { event?: FormState; cancel?: { eventId: number; form: FormState }; close?: FormState } = {},
  ) => {
    requirePermission(req, 'policy.record');
    const docId = idParam(req.params, 'docId');
    const data = await admin().entry(req.ctx, docId);
    return LibraryEntryPage({
      ctx: await viewContext(app, req),
      ...data,
      eventForm: forms.event ?? emptyForm({ certainty: 'official' }),
      ...(forms.cancel ? { cancelForm: forms.cancel } : {}),
      closeForm: forms.close ?? emptyForm(),
      done: q(req).done,
    });
  };
  server.get('/admin/policies/:docId', async (req, reply) => sendPage(reply, await entryPage(req)));

  server.post('/admin/policies/:docId/events', async (req, reply) => {
    requirePermission(req, 'policy.record');
    const docId = idParam(req.params, 'docId');
    return handleForm(
      reply,
      req.body,
      async () => {
        await app.policies.ledger.record(req.ctx, docId, req.body);
        return `/admin/policies/${docId}?done=recorded`;
      },
      (form) => entryPage(req, { event: form }),
    );
  });

  server.post('/admin/policies/:docId/events/:eventId/cancel', async (req, reply) => {
    requirePermission(req, 'policy.record');
    const docId = idParam(req.params, 'docId');
    const eventId = idParam(req.params, 'eventId');
    const field = `reason-${eventId}`;
    const body = (req.body ?? {}) as Record<string, unknown>;
    try {
      const event = await app.policies.ledger.entries.findEvent(eventId);
      if (!event || event.document_id !== docId) throw AppError.notFound('有效性记录');
      await app.policies.ledger.cancel(req.ctx, eventId, { reason: body[field] });
      return reply.redirect(`/admin/policies/${docId}?done=cancelled`, 303);
    } catch (e) {
      const rejected = formRejection(e);
      if (!rejected) throw e;
      const problems = rejected.problems.map((p) =>
        p.field === 'reason' || p.field === '_' ? { ...p, field } : p,
      );
      const form = { values: echoValues(body), problems };
      return sendPage(reply, await entryPage(req, { cancel: { eventId, form } }), rejected.status);
    }
  });

  server.post('/admin/policies/:docId/evaluations/:evaluationId/close', async (req, reply) => {
    requirePermission(req, 'policy.record');
    const docId = idParam(req.params, 'docId');
    return handleForm(
      reply,
      req.body,
      async () => {
        await admin().closeEvaluation(req.ctx, idParam(req.params, 'evaluationId'), req.body);
        return `/admin/policies/${docId}?done=closed`;
      },
      (form) => entryPage(req, { close: form }),
    );
  });
}
