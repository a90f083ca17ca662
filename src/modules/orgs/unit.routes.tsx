/** Back-office routes for the unit tree (系统管理员). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Unit } from '../../db/schema.ts';
import { handleForm, idParam } from '../../http/forms.ts';
import { sendPage } from '../../http/render.ts';
import { requirePermission, viewContext } from '../../http/request-context.ts';
import { emptyForm, type FormState } from '../../http/view-context.ts';
import type { Registry } from '../../platform/module.ts';
import { EditUnitPage, NewUnitPage, UnitTreePage, unitFormValues } from './views/unit-pages.tsx';

export function registerUnitRoutes(server: FastifyInstance, app: Registry): void {
  const editPage = async (
    req: FastifyRequest,
    unit: Unit,
    forms: { form?: FormState; leaderForm?: FormState; moveForm?: FormState } = {},
  ) => {
    const all = await app.units.listActive();
    return EditUnitPage({
      ctx: await viewContext(app, req),
      unit,
      form: forms.form ?? emptyForm(unitFormValues(unit)),
      leaderForm: forms.leaderForm,
      moveForm: forms.moveForm,
      leaders: await app.units.leaders(unit.id),
      moveTargets: all.filter((u) => !u.path.startsWith(unit.path)),
      done: (req.query as Record<string, string>).done,
    });
  };

  server.get('/admin/units', async (req, reply) => {
    requirePermission(req, 'unit.manage');
    const units = await app.units.listAll();
    return sendPage(
      reply,
      UnitTreePage({
        ctx: await viewContext(app, req),
        units,
        done: (req.query as Record<string, string>).done,
      }),
    );
  });

  server.get('/admin/units/new', async (req, reply) => {
    const parent = await app.units.get(Number((req.query as Record<string, string>).parent));
    requirePermission(req, 'unit.manage', parent.path);
    return sendPage(
      reply,
      NewUnitPage({ ctx: await viewContext(app, req), parent, form: emptyForm({ kind: 'department' }) }),
    );
  });

  server.post('/admin/units/new', async (req, reply) => {
    const parent = await app.units.get(Number((req.query as Record<string, string>).parent));
    requirePermission(req, 'unit.manage', parent.path);
    return handleForm(
      reply,
      req.body,
      async () =>
        `/admin/units/${(await app.units.createUnit(req.ctx, parent.id, req.body)).id}?done=created`,
      async (form) => NewUnitPage({ ctx: await viewContext(app, req), parent, form }),
    );
  });

  server.get('/admin/units/:id', async (req, reply) => {
    const unit = await app.units.get(idParam(req.params));
    requirePermission(req, 'unit.manage', unit.path);
    return sendPage(reply, await editPage(req, unit));
  });

  server.post('/admin/units/:id', async (req, reply) => {
    const unit = await app.units.get(idParam(req.params));
    requirePermission(req, 'unit.manage', unit.path);
    return handleForm(
      reply,
      req.body,
      async () => `/admin/units/${(await app.units.updateUnit(req.ctx, unit.id, req.body)).id}?done=saved`,
      (form) => editPage(req, unit, { form }),
    );
  });

  server.post('/admin/units/:id/move', async (req, reply) => {
    const unit = await app.units.get(idParam(req.params));
    requirePermission(req, 'unit.manage', unit.path);
    const parentId = Number((req.body as Record<string, string>).parentId);
    return handleForm(
      reply,
      req.body,
      async () => {
        await app.units.moveUnit(req.ctx, unit.id, parentId);
        return `/admin/units/${unit.id}?done=moved`;
      },
      (moveForm) => editPage(req, unit, { moveForm }),
    );
  });

  for (const [verb, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    server.post(`/admin/units/:id/${verb}`, async (req, reply) => {
      const unit = await app.units.get(idParam(req.params));
      requirePermission(req, 'unit.manage', unit.path);
      return handleForm(
        reply,
        req.body,
        async () => {
          await app.units.setActive(req.ctx, unit.id, active);
          return `/admin/units/${unit.id}?done=${verb}d`;
        },
        (form) => editPage(req, unit, { moveForm: form }),
      );
    });
  }

  server.post('/admin/units/:id/leaders', async (req, reply) => {
    const unit = await app.units.get(idParam(req.params));
    requirePermission(req, 'unit.manage', unit.path);
    return handleForm(
      reply,
      req.body,
      async () => {
        await app.units.addLeader(req.ctx, unit.id, req.body);
        return `/admin/units/${unit.id}?done=leader#leaders`;
      },
      (leaderForm) => editPage(req, unit, { leaderForm }),
    );
  });

  server.post('/admin/units/leaders/:id/delete', async (req, reply) => {
    requirePermission(req, 'unit.manage');
    const leader = await app.units.findLeader(idParam(req.params));
    await app.units.removeLeader(req.ctx, leader?.id ?? -1);
    return reply.redirect(`/admin/units/${leader?.unit_id}?done=leader#leaders`, 303);
  });
}
