/**
 * 主动公开's interface to other modules: its services and public read functions, never its
 * repositories or routes. The module's own routes get the whole `Publishing` (publishing.services.ts).
 */
import type { RoutesContext } from '../../platform/module.ts';
import type { Publishing } from './publishing.services.ts';

export type PublishingApi = Pick<
  Publishing,
  | 'columns'
  | 'documents'
  | 'review'
  | 'publicDocuments'
  | 'search'
  | 'publicPages'
  | 'publicGeneration'
  | 'topics'
  // Extension points for later modules (docs/publishing-extension-points.md).
  | 'kinds'
  | 'checkRegistry'
  | 'relations'
  | 'events'
  | 'panels'
>;

declare module '../../platform/module.ts' {
  interface ModuleApis {
    publishing: PublishingApi;
  }
}

/** What publishing's routes receive: the registry, with the whole module under `publishing`. */
export type PublishingContext = RoutesContext<'publishing', Publishing>;
