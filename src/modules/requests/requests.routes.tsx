/** All 依申请公开 routes: public pages, the back office and the statistics API. */
import type { FastifyInstance } from 'fastify';
import type { Registry } from '../../platform/module.ts';
import { registerAdminRequestRoutes } from './requests-admin.routes.tsx';
import { registerPublicRequestRoutes } from './requests-public.routes.tsx';
import { registerRecordRoutes } from './requests-records.routes.tsx';

export function registerRequestRoutes(server: FastifyInstance, app: Registry): void {
  registerPublicRequestRoutes(server, app, {
    applyPerMinute: app.config.REQUEST_FORM_MAX_PER_IP_PER_MINUTE,
    lookupPerMinute: app.config.REQUEST_LOOKUP_MAX_PER_IP_PER_MINUTE,
  });
  registerAdminRequestRoutes(server, app);
  registerRecordRoutes(server, app);
}
