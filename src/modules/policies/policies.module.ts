/** Manifest of 规范性文件库 and 政策解读 (policies): kinds, validity lifecycle, 清理, library pages, 三同步. */
import { seedDemoPolicies } from '../../db/seeds/demo-policies.ts';
import { defineModule } from '../../platform/module.ts';
import { registerCleanupRoutes } from './cleanup.routes.tsx';
import { registerFiguresRoutes } from './figures.routes.tsx';
import { registerInterpretationRoutes } from './interpretation.routes.tsx';
import { REMINDER_JOB } from './interpretation.service.ts';
import { registerLibraryAdminRoutes } from './library-admin.routes.tsx';
import { LIBRARY_FILES_PUBLIC_ROUTES, registerLibraryFilesRoutes } from './library-files.routes.tsx';
import { registerLibraryPublicRoutes } from './library-public.routes.tsx';
import { POLICY_ACTIONS } from './policies.actions.ts';
import { createPolicies, type Policies } from './policies.services.ts';
import { POLICY_KINDS } from './policy.model.ts';
import { POLICY_DAILY_JOB } from './policy-expiry.service.ts';
import { LibraryAdminPanel } from './views/library-admin-panel.tsx';

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
  seed: { part: 'policies', order: 35, run: (self, r) => seedDemoPolicies({ ...r, policies: self }) },
  routes: (server, policies, r) => {
    registerFiguresRoutes(server, r);
    registerLibraryPublicRoutes(server, { ...r, policies });
    registerLibraryAdminRoutes(server, r);
    registerInterpretationRoutes(server, r);
    registerCleanupRoutes(server, r);
    registerLibraryFilesRoutes(server, r);
  },
  menu: [
    { area: 'disclosure', href: '/admin/policies', label: '规范性文件库', action: 'policy.record' },
    {
      area: 'disclosure',
      href: '/admin/policies/figures',
      label: '年度报告表二数据',
      action: 'policy.record',
    },
    {
      area: 'disclosure',
      href: '/admin/policies/interpretation-rates',
      label: '政策解读统计',
      action: 'policy.record',
    },
    {
      area: 'disclosure',
      href: '/admin/policies/interpretations',
      label: '政策解读逾期与缺失',
      action: 'policy.record',
    },
    { area: 'disclosure', href: '/admin/policies/cleanups', label: '文件清理', action: 'policy.manage' },
    // Reviewers approve 清理 batches before any result document exists: their queue.
    {
      area: 'disclosure',
      href: '/admin/policies/cleanups?review=1',
      label: '清理审核',
      action: 'content.approve',
    },
    { area: 'disclosure', href: '/admin/policies/import', label: '导入文件库', action: 'policy.manage' },
    { area: 'disclosure', href: '/admin/policies/settings', label: '文件库设置', action: 'policy.manage' },
    {
      area: 'disclosure',
      href: '/admin/policies/interpretation-settings',
      label: '政策解读设置',
      action: 'policy.manage',
      siteWide: true,
    },
  ],
  // ── library (public pages, feed, API) ──
  publicRoutes: [
    { pattern: /^\/library(?:\/feed\.xml)?$/, sitemap: [{ path: '/library' }] },
    {
      pattern: /^\/units\/(\d+)\/library(?:\/feed\.xml)?$/,
      target: (m) => ({ kind: 'unit', unitId: Number(m[1]) }),
      sitemap: [{ perUnit: (id) => `/units/${id}/library` }],
    },
    { pattern: /^\/api\/v1\/policies$/ },
    {
      pattern: /^\/api\/v1\/policies\/(\d+)$/,
      target: (m) => ({ kind: 'document', documentId: Number(m[1]) }),
    },
    ...LIBRARY_FILES_PUBLIC_ROUTES,
  ],
  // ── end library ──
  // ── validity lifecycle (wt-life) ──
  connect: (self) => {
    self.publication.connect(self.deps.publishing);
    self.deps.publishing.panels.register({
      name: 'policies.admin-entry',
      placement: 'before_body',
      audience: ['admin'],
      kinds: POLICY_KINDS,
      render: async (doc) => {
        const entry = await self.ledger.entries.find(doc.id);
        const current = entry ? await self.ledger.stateOn(doc.id) : null;
        return entry && current ? LibraryAdminPanel({ entry, current }) : null;
      },
    });
  },
  jobs: (self) => [
    {
      kind: 'daily',
      id: POLICY_DAILY_JOB,
      description: '规范性文件库：按当日更新有效性，记录有效期届满失效，发起届满前评估',
      run: (day) => self.expiry.sweep(day),
    },
    {
      kind: 'daily',
      id: REMINDER_JOB,
      description: '记录政策解读即将到期和逾期的提醒，为早先建立的单位补建“政策解读”栏目',
      run: (day) => self.interpretations.sendReminders(day),
    },
  ],
  // ── end validity lifecycle ──
});
