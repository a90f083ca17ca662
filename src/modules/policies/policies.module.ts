/** Manifest of 规范性文件库 and 政策解读 (policies): kinds, validity lifecycle, 清理, library pages, 三同步. */
import { defineModule } from '../../platform/module.ts';
import { LIBRARY_FILES_PUBLIC_ROUTES, registerLibraryFilesRoutes } from './library-files.routes.tsx';
import { POLICY_ACTIONS } from './policies.actions.ts';
import { createPolicies, type Policies } from './policies.services.ts';

declare module '../../platform/module.ts' {
  interface ModuleApis {
    policies: Policies;
  }
}

export const policiesModule = defineModule({
  name: 'policies',
  label: '规范性文件库与政策解读',
  needs: ['units', 'calendar', 'publishing'],
  build: (r) =>
    createPolicies({
      db: r.db,
      audit: r.audit,
      clock: r.clock,
      units: r.units,
      calendar: r.calendar,
      publishing: r.publishing,
      dataDir: r.config.DATA_DIR,
      publicUrl: r.config.PUBLIC_URL,
    }),
  provides: ['policies'],
  expose: (policies) => ({ policies }),
  actions: POLICY_ACTIONS,
  routes: (server, _p: Policies, r) => {
    // ── files part: downloads, 目录 xlsx, import ──
    registerLibraryFilesRoutes(server, r);
  },
  // ── files part ──
  publicRoutes: [...LIBRARY_FILES_PUBLIC_ROUTES],
  menu: [
    // ── files part ──
    { area: 'disclosure', href: '/admin/policies/import', label: '导入文件库', action: 'policy.manage' },
  ],
});
