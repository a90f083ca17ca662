/** Everything public of the publishing module, registered by src/http/server.ts in one call. */
import type { FastifyInstance } from 'fastify';
import { registerPublicCacheHook } from '../../http/public-cache.tsx';
import { registerOpenApiRoutes } from './api/api.routes.ts';
import { registerFeedRoutes } from './portal/feeds.routes.ts';
import { registerPublicDisclosureRoutes } from './portal/portal.routes.tsx';
import type { PublishingContext } from './publishing.api.ts';
import { registerSearchRoutes } from './search/search.routes.tsx';

export function registerPublishingPublicRoutes(server: FastifyInstance, app: PublishingContext): void {
  registerPublicCacheHook(server);
  registerPublicDisclosureRoutes(server, app);
  registerFeedRoutes(server, app);
  registerSearchRoutes(server, app);
  registerOpenApiRoutes(server, app);
}
