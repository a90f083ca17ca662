/** Everything public of the publishing module, registered by src/http/server.ts in one call. */
import type { FastifyInstance } from 'fastify';
import type { App } from '../../app.ts';
import { registerOpenApiRoutes } from './api.routes.ts';
import { registerFeedRoutes } from './feeds.routes.ts';
import { registerPublicDisclosureRoutes } from './portal.routes.tsx';
import { registerPublicCacheHook } from './portal-cache.tsx';

export function registerPublishingPublicRoutes(server: FastifyInstance, app: App): void {
  registerPublicCacheHook(server);
  registerPublicDisclosureRoutes(server, app);
  registerFeedRoutes(server, app);
  registerOpenApiRoutes(server, app);
}
