/** Everything public of the publishing module, registered by src/http/server.ts in one call. */
import type { FastifyInstance } from 'fastify';
import { registerPublicCacheHook } from '../../http/public-cache.tsx';
import { registerOpenApiRoutes } from './api.routes.ts';
import { registerFeedRoutes } from './feeds.routes.ts';
import { registerPublicDisclosureRoutes } from './portal.routes.tsx';
import type { PublishingContext } from './publishing.api.ts';
import { registerSearchRoutes } from './search.routes.tsx';

export function registerPublishingPublicRoutes(server: FastifyInstance, app: PublishingContext): void {
  registerPublicCacheHook(server);
  registerPublicDisclosureRoutes(server, app);
  registerFeedRoutes(server, app);
  registerSearchRoutes(server, app);
  registerOpenApiRoutes(server, app);
}
