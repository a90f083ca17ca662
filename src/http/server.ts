/**
 * The Fastify server: security headers, cookies, sessions, CSRF, error mapping, then the routes
 * of every module. Public pages, the back office (/admin) and the JSON API share one process.
 * It knows no module: the composition root hands it the ports and a function that registers the
 * modules' routes (src/app.ts).
 */
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { PublicRoute } from '../platform/module.ts';
import type { HttpPorts } from '../platform/ports.ts';
import { registerAssetRoutes } from './assets.ts';
import { registerErrorHandlers } from './error-handler.tsx';
import { registerRequestContext } from './request-context.ts';
import { registerUploads } from './uploads.ts';

/** The HTTP layer's own public paths: static assets, health checks; /admin reaches a visitor only as log-in. */
export const HTTP_PUBLIC_ROUTES: readonly PublicRoute[] = [
  { pattern: /^\/assets\/[^/]+$/ },
  { pattern: /^\/(?:healthz|readyz)$/ },
  { pattern: /^\/admin(?:\/.*)?$/, target: () => ({ kind: 'admin' }) },
];

/** What the server needs from the app. */
export interface ServerParts {
  config: Readonly<Config>;
  database: Pick<Database, 'ping' | 'dialect'>;
  http: HttpPorts;
  /** Registers every module's routes, in the order of the module list (called as a method). */
  registerRoutes(server: FastifyInstance): void;
}

export async function buildServer(
  app: ServerParts,
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
  registerRequestContext(server, app.http);
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
  app.registerRoutes(server);
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
