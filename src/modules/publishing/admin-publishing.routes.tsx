/** The back office of 主动公开: documents workbench and actions, Word and bulk import, columns, topics, check settings. */
import type { FastifyInstance } from 'fastify';
import { registerAdminCheckSettingsRoutes } from './admin-check-settings.routes.tsx';
import { registerAdminColumnRoutes } from './admin-columns.routes.tsx';
import { registerAdminDocumentActionRoutes } from './admin-document-actions.routes.tsx';
import { registerAdminDocumentRelationRoutes } from './admin-document-relations.routes.tsx';
import { registerAdminDocumentRoutes } from './admin-documents.routes.tsx';
import { registerAdminImportRoutes } from './admin-import.routes.tsx';
import { registerAdminTopicRoutes } from './admin-topics.routes.tsx';
import type { PublishingContext } from './publishing.api.ts';

export function registerPublishingAdminRoutes(server: FastifyInstance, app: PublishingContext): void {
  registerAdminImportRoutes(server, app);
  registerAdminDocumentRoutes(server, app);
  registerAdminDocumentActionRoutes(server, app);
  registerAdminDocumentRelationRoutes(server, app);
  registerAdminColumnRoutes(server, app);
  registerAdminTopicRoutes(server, app);
  registerAdminCheckSettingsRoutes(server, app);
}
