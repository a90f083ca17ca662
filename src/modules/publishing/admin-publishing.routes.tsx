/** The back office of 主动公开: documents workbench and actions, Word and bulk import, columns, topics, check settings. */
import type { FastifyInstance } from 'fastify';
import { registerAdminCheckSettingsRoutes } from './checks/admin-check-settings.routes.tsx';
import { registerAdminColumnRoutes } from './columns/admin-columns.routes.tsx';
import { registerAdminTopicRoutes } from './columns/admin-topics.routes.tsx';
import { registerAdminDocumentRelationRoutes } from './documents/admin-document-relations.routes.tsx';
import { registerAdminDocumentRoutes } from './documents/admin-documents.routes.tsx';
import { registerAdminImportRoutes } from './import/admin-import.routes.tsx';
import type { PublishingContext } from './publishing.api.ts';
import { registerAdminDocumentActionRoutes } from './review/admin-document-actions.routes.tsx';

export function registerPublishingAdminRoutes(server: FastifyInstance, app: PublishingContext): void {
  registerAdminImportRoutes(server, app);
  registerAdminDocumentRoutes(server, app);
  registerAdminDocumentActionRoutes(server, app);
  registerAdminDocumentRelationRoutes(server, app);
  registerAdminColumnRoutes(server, app);
  registerAdminTopicRoutes(server, app);
  registerAdminCheckSettingsRoutes(server, app);
}
