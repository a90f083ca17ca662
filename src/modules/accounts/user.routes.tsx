/** Back-office routes for accounts and roles (安全管理员). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { handleForm, idParam } from '../../http/forms.ts';
import { sendPage } from '../../http/render.ts';
import { requirePermission, viewContext } from '../../http/request-context.ts';
import { emptyForm, type FormState } from '../../http/view-context.ts';
import { scopesFor } from '../../kernel/permissions.ts';
import type { Registry } from '../../platform/module.ts';
import { NewUserPage, TemporaryPasswordPage, UserDetailPage, UserListPage } from './views/user-pages.tsx';

export function registerUserRoutes(server: FastifyInstance, app: Registry): void {
  /** Units inside the actor's 'user.manage' scopes, for pickers. */
  const manageableUnits = async (req: FastifyRequest) => {
    const scopes = scopesFor(req.ctx.actor, 'user.manage');
    return (await app.units.listActive()).filter((u) => scopes.some((p) => u.path.startsWith(p)));
  };
  const detail = async (req: FastifyRequest, id: number, grantForm?: FormState) =>
    UserDetailPage({
      ctx: await viewContext(app, req),
      user: await app.users.get(req.ctx, id),
      grants: await app.users.grants(id),
      units: await manageableUnits(req),
      grantForm,
      now: app.clock.now(),
      done: (req.query as Record<string, string>).done,
    });

  server.get('/admin/users', async (req, reply) => {
    requirePermission(req, 'user.view');
    return sendPage(
      reply,
      UserListPage({
        ctx: await viewContext(app, req),
        users: await app.users.listVisible(req.ctx),
        now: app.clock.now(),
      }),
    );
  });

  server.get('/admin/users/new', async (req, reply) => {
    requirePermission(req, 'user.manage');
    return sendPage(
      reply,
      NewUserPage({ ctx: await viewContext(app, req), units: await manageableUnits(req), form: emptyForm() }),
    );
  });

  server.post('/admin/users/new', async (req, reply) => {
    requirePermission(req, 'user.manage');
    return handleForm(
      reply,
      req.body,
      async () => {
        const created = await app.users.createUser(req.ctx, req.body);
        const user = await app.users.get(req.ctx, created.id);
        const password = created.temporaryPassword ?? '';
        return TemporaryPasswordPage({ ctx: await viewContext(app, req), user, password, created: true });
      },
      async (form) =>
        NewUserPage({ ctx: await viewContext(app, req), units: await manageableUnits(req), form }),
    );
  });

  server.get('/admin/users/:id', async (req, reply) => {
    requirePermission(req, 'user.view');
    return sendPage(reply, await detail(req, idParam(req.params)));
  });

  server.post('/admin/users/:id/grants', async (req, reply) => {
    requirePermission(req, 'role.grant');
    const id = idParam(req.params);
    return handleForm(
      reply,
      req.body,
      async () => {
        await app.users.grantRole(req.ctx, id, req.body);
        return `/admin/users/${id}?done=granted#roles`;
      },
      (form) => detail(req, id, form),
    );
  });

  server.post('/admin/grants/:id/revoke', async (req, reply) => {
    requirePermission(req, 'role.grant');
    const grant = await app.accounts.findGrant(idParam(req.params));
    await app.users.revokeRole(req.ctx, grant?.id ?? -1);
    return reply.redirect(`/admin/users/${grant?.user_id}?done=revoked#roles`, 303);
  });

  server.post('/admin/users/:id/reset-password', async (req, reply) => {
    requirePermission(req, 'user.manage');
    const id = idParam(req.params);
    const password = await app.users.resetPassword(req.ctx, id);
    const user = await app.users.get(req.ctx, id);
    return sendPage(
      reply,
      TemporaryPasswordPage({ ctx: await viewContext(app, req), user, password, created: false }),
    );
  });

  const simple: [string, (id: number, req: FastifyRequest) => Promise<void>][] = [
    ['unlock', (id, req) => app.users.unlock(req.ctx, id)],
    ['activate', (id, req) => app.users.setActive(req.ctx, id, true)],
    ['deactivate', (id, req) => app.users.setActive(req.ctx, id, false)],
    ['end-sessions', (id, req) => app.users.endSessions(req.ctx, id)],
  ];
  for (const [verb, run] of simple) {
    server.post(`/admin/users/:id/${verb}`, async (req, reply) => {
      requirePermission(req, 'user.manage');
      const id = idParam(req.params);
      await run(id, req);
      const done = {
        unlock: 'unlocked',
        activate: 'activated',
        deactivate: 'deactivated',
        'end-sessions': 'sessions',
      }[verb];
      return reply.redirect(`/admin/users/${id}?done=${done}`, 303);
    });
  }
}
