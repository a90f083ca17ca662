/**
 * The Fastify server: security headers, cookies, sessions, CSRF, error mapping, then the routes
 * of every module. Public pages, the back office (/admin) and the JSON API share one process.
 */
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { App } from '../app.ts';
import { registerAuthRoutes } from '../modules/accounts/auth.routes.tsx';
import { registerUserRoutes } from '../modules/accounts/user.routes.tsx';
import { registerAuditRoutes } from '../modules/audit/audit.routes.tsx';
import { registerCalendarRoutes } from '../modules/calendar/calendar.routes.tsx';
import { registerCatalogueRoutes } from '../modules/catalogue/catalogue.routes.tsx';
import { registerUnitRoutes } from '../modules/orgs/unit.routes.tsx';
import { registerPortalRoutes } from '../modules/portal/portal.routes.tsx';
import { registerPublishingAdminRoutes } from '../modules/publishing/admin-publishing.routes.tsx';
import { registerPublishingPublicRoutes } from '../modules/publishing/portal-public.tsx';
import { registerRequestRoutes } from '../modules/requests/requests.routes.tsx';
import { registerTaskRoutes } from '../modules/tasks/task.routes.tsx';
import { registerAssetRoutes } from './assets.ts';
import { registerErrorHandlers } from './error-handler.tsx';
import { registerRequestContext } from './request-context.ts';
import { registerUploads } from './uploads.ts';

export async function buildServer(
  app: App,
  opts: { logger?: boolean; onRoute?: (route: { method: string | string[]; url: string }) => void } = {},
): Promise<FastifyInstance> {
  const server = Fastify({
    logger: opts.logger === false ? false : loggerOptions(app.config.LOG_LEVEL),
    trustProxy: app.config.TRUST_PROXY,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 2 * 1024 * 1024,
    return503OnClosing: true,
  });
  const { onRoute } = opts;
  if (onRoute) server.addHook('onRoute', (r) => onRoute(r));
  await server.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
    },
    strictTransportSecurity: app.config.PUBLIC_URL?.startsWith('https:') ? undefined : false,
  });
  await server.register(cookie);
  await server.register(formbody);
  await registerUploads(server);
  await server.register(rateLimit, { global: false });
  registerErrorHandlers(server, app);
  registerRequestContext(server, app);
  registerAssetRoutes(server);
  server.get('/healthz', async () => ({ status: 'ok' }));
  server.get('/readyz', async (_req, reply) => {
    try {
      await app.database.ping();
      return { status: 'ok', database: app.database.dialect };
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: app.database.dialect });
    }
  });
  registerPortalRoutes(server, app);
  registerPublishingPublicRoutes(server, app);
  registerAuthRoutes(server, app);
  registerUnitRoutes(server, app);
  registerUserRoutes(server, app);
  registerAuditRoutes(server, app);
  registerCalendarRoutes(server, app);
  registerTaskRoutes(server, app);
  registerCatalogueRoutes(server, app);
  registerPublishingAdminRoutes(server, app);
  registerRequestRoutes(server, app);
  return server;
}

/** JSON logs with request ids; no IP addresses, query strings, cookies or bodies (personal data). */
function loggerOptions(level: string) {
  return {
    level,
    serializers: {
      req: (req: FastifyRequest) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}
