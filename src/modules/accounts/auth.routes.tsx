/** Log-in, log-out, own password, the back-office home, unit switcher and 长者模式 preference. */
import type { FastifyInstance } from 'fastify';
import { formRejection, handleForm } from '../../http/forms.ts';
import { sendPage } from '../../http/render.ts';
import {
  cookieOptions,
  ELDER_COOKIE,
  requireUser,
  SESSION_COOKIE,
  safeReturnPath,
  UNIT_COOKIE,
  viewContext,
} from '../../http/request-context.ts';
import { emptyForm } from '../../http/view-context.ts';
import { AppError } from '../../lib/errors.ts';
import type { Registry } from '../../platform/module.ts';
import { AdminHomePage, ChangePasswordPage, LoginPage } from './views/auth-pages.tsx';

export function registerAuthRoutes(server: FastifyInstance, app: Registry): void {
  const perIp = server.rateLimit({ max: app.config.LOGIN_MAX_PER_IP_PER_MINUTE, timeWindow: 60_000 });
  const perAccount = server.rateLimit({
    max: app.config.LOGIN_MAX_PER_ACCOUNT_PER_MINUTE,
    timeWindow: 60_000,
    keyGenerator: (req) =>
      `account:${String((req.body as Record<string, unknown>)?.username ?? '').slice(0, 64)}`,
  });

  server.get('/login', async (req, reply) => {
    if (req.session) return reply.redirect('/admin', 303);
    const q = req.query as Record<string, string>;
    return sendPage(
      reply,
      LoginPage({
        ctx: await viewContext(app, req),
        form: emptyForm({ next: q.next ?? '' }),
        loggedOut: q.done === 'logout',
      }),
    );
  });

  server.post('/login', { preHandler: [perIp, perAccount] }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, string>;
    try {
      const { token, info } = await app.auth.login(req.ctx.meta, body.username ?? '', body.password ?? '');
      reply.setCookie(SESSION_COOKIE, token, cookieOptions(req));
      return reply.redirect(
        info.mustChangePassword ? '/admin/password' : safeReturnPath(body.next, '/admin'),
        303,
      );
    } catch (e) {
      const rejected = formRejection(e, ['unauthenticated', 'locked']);
      if (!rejected || !(e instanceof AppError)) throw e;
      const ctx = await viewContext(app, req);
      const form = {
        values: { username: body.username, next: body.next },
        problems: [{ field: 'username', message: e.message }],
      };
      return sendPage(reply, LoginPage({ ctx, form }), rejected.status);
    }
  });

  server.post('/logout', async (req, reply) => {
    if (req.session) await app.auth.logout(req.ctx, req.session.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/login?done=logout', 303);
  });

  server.get('/admin', async (req, reply) => {
    const actor = requireUser(req);
    const grants = await app.accounts.grantsOf(actor.userId);
    return sendPage(reply, AdminHomePage({ ctx: await viewContext(app, req), grants }));
  });

  server.get('/admin/password', async (req, reply) => {
    requireUser(req);
    const done = (req.query as Record<string, string>).done === 'changed';
    return sendPage(reply, ChangePasswordPage({ ctx: await viewContext(app, req), form: emptyForm(), done }));
  });

  server.post('/admin/password', async (req, reply) => {
    requireUser(req);
    const body = (req.body ?? {}) as Record<string, string>;
    return handleForm(
      reply,
      body,
      async () => {
        await app.auth.changeOwnPassword(req.ctx, req.session!.sessionId, {
          current: body.current ?? '',
          next: body.next ?? '',
          confirm: body.confirm ?? '',
        });
        return '/admin/password?done=changed';
      },
      async (form) => ChangePasswordPage({ ctx: await viewContext(app, req), form, done: false }),
    );
  });

  server.get('/admin/switch-unit', async (req, reply) => {
    requireUser(req);
    const q = req.query as Record<string, string>;
    reply.setCookie(UNIT_COOKIE, String(Number(q.unit) || ''), cookieOptions(req));
    return reply.redirect(safeReturnPath(q.return, '/admin'), 303);
  });

  // A display preference only (like a language switch), so a plain link works without JavaScript.
  server.get('/preferences/elder-mode', async (req, reply) => {
    const q = req.query as Record<string, string>;
    reply.setCookie(ELDER_COOKIE, q.on === '1' ? '1' : '0', cookieOptions(req, 365 * 24 * 3600));
    return reply.redirect(safeReturnPath(q.return, '/'), 303);
  });
}
