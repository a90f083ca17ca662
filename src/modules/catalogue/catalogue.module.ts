/** Manifest of the 主动公开目录 (catalogue) with the standard xlsx layout. */
import { defineModule } from '../../platform/module.ts';
import { CatalogueRepository } from './catalogue.repository.ts';
import { registerCatalogueRoutes } from './catalogue.routes.tsx';
import { CatalogueService } from './catalogue.service.ts';

declare module '../../platform/module.ts' {
  interface ModuleApis {
    catalogue: CatalogueService;
  }
}

export const catalogueModule = defineModule({
  name: 'catalogue',
  label: '主动公开目录',
  needs: ['units'],
  build: (r) =>
    new CatalogueService({
      db: r.db,
      repo: new CatalogueRepository(r.db),
      units: r.units,
      audit: r.audit,
      clock: r.clock,
    }),
  provides: ['catalogue'],
  expose: (catalogue) => ({ catalogue }),
  routes: (server, _s, r) => registerCatalogueRoutes(server, r),
  publicRoutes: [
    { pattern: /^\/units\/(\d+)\/catalogue$/, target: (m) => ({ kind: 'unit', unitId: Number(m[1]) }) },
  ],
  menu: [
    { area: 'disclosure', href: '/admin/catalogue', label: '主动公开目录', action: 'disclosure.manage' },
  ],
});
