/** Manifest of 规范性文件库 and 政策解读 (policies): kinds, validity lifecycle, 清理, library pages, 三同步. */
import { defineModule } from '../../platform/module.ts';
import { registerCleanupRoutes } from './cleanup.routes.tsx';
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
  // ── 清理 batches (cleanup.routes.tsx) ──
  routes: (server, _p, r) => {
    registerCleanupRoutes(server, r);
  },
  menu: [
    { area: 'disclosure', href: '/admin/policies/cleanups', label: '文件清理', action: 'policy.manage' },
    // Reviewers approve batches before any result document exists: their queue.
    {
      area: 'disclosure',
      href: '/admin/policies/cleanups?review=1',
      label: '清理审核',
      action: 'content.approve',
    },
  ],
});
