/**
 * Per-request context: the session behind the cookie, the actor, the CSRF token, 长者模式, and
 * guards used by route handlers. Services receive only `req.ctx` (actor + request facts).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can } from '../kernel/permissions.ts';
import type { Action } from '../kernel/roles.ts';
import { ANONYMOUS, type CallContext, type UserActor } from '../lib/actor.ts';
import { AppError } from '../lib/errors.ts';
import type { HttpPorts, SessionInfo } from '../platform/ports.ts';
import { CSRF_COOKIE, CSRF_FIELD, csrfTokenFor, csrfTokenValid, newCsrfSeed } from './csrf.ts';
import type { ViewContext } from './view-context.ts';

export const SESSION_COOKIE = 'gk_sid';
export const ELDER_COOKIE = 'gk_elder';
export const UNIT_COOKIE = 'gk_unit';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: CallContext;
    session: SessionInfo | null;
    csrfToken: string;
    elder: boolean;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function registerRequestContext(server: FastifyInstance, ports: HttpPorts): void {
  server.decorateRequest('ctx', null as unknown as CallContext);
  server.decorateRequest('session', null);
  server.decorateRequest('csrfToken', '');
  server.decorateRequest('elder', false);

  server.addHook('onRequest', async (req, reply) => {
    if (req.url.startsWith('/assets/') || req.url === '/healthz' || req.url === '/readyz') return;
    const meta = { ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null };
    const token = req.cookies[SESSION_COOKIE];
    req.session = token ? await ports.resolveSession(token) : null;
    if (token && !req.session) reply.clearCookie(SESSION_COOKIE, { path: '/' });
    req.ctx = { actor: req.session?.actor ?? ANONYMOUS, meta };
    req.elder = req.cookies[ELDER_COOKIE] === '1';
    let seed = req.cookies[CSRF_COOKIE];
    if (!seed || seed.length < 16) {
      seed = newCsrfSeed();
      reply.setCookie(CSRF_COOKIE, seed, cookieOptions(req));
      req.cookies[CSRF_COOKIE] = seed;
    }
    req.csrfToken = csrfTokenFor(ports.csrfSecret, seed);
  });

  server.addHook('preHandler', async (req) => {
    if (!STATE_CHANGING.has(req.method)) return;
    const origin = req.headers.origin;
    if (origin && origin !== 'null' && new URL(origin).host !== req.headers.host) {
      throw new AppError('forbidden', '请求来源不被允许');
    }
    const field = (req.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
    // multipart bodies carry fields as { value } parts
    const token =
      (field && typeof field === 'object' && 'value' in field ? field.value : field) ??
      req.headers['x-csrf-token'];
    if (!csrfTokenValid(ports.csrfSecret, req.cookies[CSRF_COOKIE], token)) {
      throw new AppError('forbidden', '页面已过期或来源无法验证，请返回上一页刷新后重新提交');
    }
  });

  // Accounts that must change their password (first log-in, after a reset) see only that page.
  server.addHook('preHandler', async (req, reply) => {
    if (!req.session?.mustChangePassword || !req.url.startsWith('/admin')) return;
    if (req.url.startsWith('/admin/password')) return;
    return reply.redirect('/admin/password', 303);
  });
}

/** Cookie attributes: HttpOnly, SameSite=Lax, Secure whenever the request arrived over HTTPS. */
export function cookieOptions(req: FastifyRequest, maxAgeSeconds?: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: req.protocol === 'https',
    ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}),
  };
}

/** The logged-in actor, or an 'unauthenticated' error (which sends the browser to the log-in page). */
export function requireUser(req: FastifyRequest): UserActor {
  if (req.ctx.actor.kind !== 'user') throw new AppError('unauthenticated', '请先登录');
  return req.ctx.actor;
}

export function requirePermission(req: FastifyRequest, action: Action, unitPath?: string): UserActor {
  const actor = requireUser(req);
  if (!can(actor, action, unitPath)) throw AppError.forbidden();
  return actor;
}

/** The ViewContext for templates. Back-office pages also get the unit switcher's list. */
export async function viewContext(app: { http: HttpPorts }, req: FastifyRequest): Promise<ViewContext> {
  const ctx: ViewContext = {
    actor: req.ctx.actor,
    csrfToken: req.csrfToken,
    elder: req.elder,
    path: req.url.split('?')[0] ?? '/',
    site: app.http.site,
    mustChangePassword: req.session?.mustChangePassword ?? false,
    publicLinks: app.http.publicLinks(),
  };
  const actor = req.ctx.actor;
  if (actor.kind === 'user' && ctx.path.startsWith('/admin')) {
    const seen = new Map<number, string>();
    for (const g of await app.http.grantUnits(actor.userId)) seen.set(g.unitId, g.unitName);
    ctx.units = [...seen.entries()].map(([id, name]) => ({ id, name }));
    const chosen = Number(req.cookies[UNIT_COOKIE]);
    ctx.currentUnitId = seen.has(chosen) ? chosen : (ctx.units[0]?.id ?? null);
    ctx.menu = app.http.menu();
  }
  return ctx;
}

/** Only same-site relative paths are accepted as redirect targets. */
export function safeReturnPath(value: unknown, fallback = '/'): string {
  return typeof value === 'string' && /^\/(?!\/)[^\s\\]*$/.test(value) ? value : fallback;
}
