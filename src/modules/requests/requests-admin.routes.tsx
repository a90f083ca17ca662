/** Back-office 依申请公开 routes: workbench, intake, the case page and its workflow events. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { echoValues, formRejection, handleForm, idParam } from '../../http/forms.ts';
import { sendPage } from '../../http/render.ts';
import { requirePermission, viewContext } from '../../http/request-context.ts';
import { emptyForm, type FormState } from '../../http/view-context.ts';
import { can } from '../../kernel/permissions.ts';
import type { CallContext } from '../../lib/actor.ts';
import { addDays, todayInShanghai } from '../../lib/calendar/dates.ts';
import type { Registry } from '../../platform/module.ts';
import type { CaseFilter } from './info-request.repository.ts';
import { EVENT_KEYS, EVENTS, type WorkflowEvent } from './info-request.workflow.ts';
import type { CaseView } from './info-request-case-view.service.ts';
import { requestExtras } from './requests.services.ts';
import { CasePage } from './views/case-page.tsx';
import { IntakePage, WorkbenchPage } from './views/workbench-page.tsx';

export function registerAdminRequestRoutes(server: FastifyInstance, app: Registry): void {
  const x = requestExtras(app);
  const handledUnits = async (req: FastifyRequest) =>
    (await app.units.activeUnits()).filter((u) => can(req.ctx.actor, 'request.handle', u.path));

  server.get('/admin/requests', async (req, reply) => {
    requirePermission(req, 'request.handle');
    const q = req.query as Record<string, string>;
    const { items, counts } = await app.requests.service.list(req.ctx, workbenchFilter(q));
    const shown = q.due
      ? items.filter((i) => dueMatches(q.due as string, i.clockStatus, i.dueDate, today(app)))
      : items;
    const ctx = await viewContext(app, req);
    return sendPage(
      reply,
      WorkbenchPage({ ctx, items: shown, counts, units: await handledUnits(req), filter: q }),
    );
  });

  server.get('/admin/requests/new', async (req, reply) => {
    requirePermission(req, 'request.handle');
    const ctx = await viewContext(app, req);
    const form = emptyForm({
      idempotencyKey: randomUUID(),
      unitId: String(ctx.currentUnitId ?? ''),
      receivedOn: today(app),
    });
    return sendPage(reply, IntakePage({ ctx, units: await handledUnits(req), form }));
  });

  server.post('/admin/requests/new', async (req, reply) => {
    requirePermission(req, 'request.handle');
    const unitId = Number((req.body as Record<string, string>).unitId);
    return handleForm(
      reply,
      req.body,
      async () => `/admin/requests/${(await app.requests.service.intake(req.ctx, unitId, req.body)).id}`,
      async (form) => IntakePage({ ctx: await viewContext(app, req), units: await handledUnits(req), form }),
    );
  });

  server.get('/admin/requests/:id', async (req, reply) => {
    requirePermission(req, 'request.handle');
    const q = req.query as Record<string, string>;
    const v = await caseView(app, req.ctx, idParam(req.params), q.show === '1');
    return sendPage(
      reply,
      CasePage({ ctx: await viewContext(app, req), v, form: emptyForm(), done: q.done }),
    );
  });

  server.post('/admin/requests/:id/events/:event', async (req, reply) => {
    requirePermission(req, 'admin.access');
    const id = idParam(req.params);
    const event = (req.params as Record<string, string>).event as WorkflowEvent;
    if (!EVENT_KEYS.includes(event) || EVENTS[event].who === 'system') return reply.callNotFound();
    return caseForm(
      app,
      req,
      reply,
      id,
      event,
      async () => {
        await app.requests.transitions.run(req.ctx, id, event, req.body);
      },
      'event',
    );
  });

  server.post('/admin/requests/:id/split', async (req, reply) => {
    requirePermission(req, 'request.handle');
    const id = idParam(req.params);
    return caseForm(app, req, reply, id, 'split', () => x.split.split(req.ctx, id, req.body), 'split');
  });

  server.get('/admin/requests/files/:id', async (req, reply) => {
    requirePermission(req, 'request.handle');
    const f = await x.publicForm.file(req.ctx, idParam(req.params));
    return reply
      .type(f.kind === 'pdf' ? 'application/pdf' : `image/${f.kind === 'jpg' ? 'jpeg' : 'png'}`)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
      .header('cache-control', 'private, no-store')
      .send(f.body);
  });
}

/**
 * Runs a case form action; on a validation, conflict or workflow refusal shows the case page again
 * (status from formRejection) with every problem and what was typed, in the form that was sent.
 */
export async function caseForm(
  app: Registry,
  req: FastifyRequest,
  reply: FastifyReply,
  id: number,
  activeForm: string,
  action: () => Promise<unknown>,
  done: string,
): Promise<FastifyReply> {
  try {
    await action();
    return reply.redirect(`/admin/requests/${id}?done=${done}`, 303);
  } catch (e) {
    const rejected = formRejection(e);
    if (!rejected) throw e;
    const form: FormState = { values: echoValues(req.body), problems: rejected.problems };
    const v = await caseView(app, req.ctx, id, false);
    const page = CasePage({ ctx: await viewContext(app, req), v, form, activeForm });
    return sendPage(reply, page, rejected.status);
  }
}

const today = (app: Registry) => todayInShanghai(app.clock.now());

function workbenchFilter(q: Record<string, string>): Omit<CaseFilter, 'scopes'> {
  return {
    states: q.state ? [q.state] : undefined,
    unitId: q.unit ? Number(q.unit) : undefined,
    channel: q.channel || undefined,
  };
}

function dueMatches(window: string, status: string | null, due: string | null, day: string): boolean {
  if (window === 'overdue') return status === 'overdue';
  if (window === 'due_soon') return status === 'due_soon';
  if (window === 'week') return status !== null && due !== null && due <= addDays(day, 7);
  return true;
}

/** Everything the case page shows, for a member of staff who may handle the case. */
export function caseView(app: Registry, ctx: CallContext, id: number, show: boolean): Promise<CaseView> {
  return app.requests.caseViews.caseView(ctx, id, show);
}
