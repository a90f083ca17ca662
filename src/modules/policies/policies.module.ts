/** Manifest of 规范性文件库 and 政策解读 (policies): kinds, validity lifecycle, 清理, library pages, 三同步. */
import { defineModule } from '../../platform/module.ts';
import { registerInterpretationRoutes } from './interpretation.routes.tsx'; // 政策解读
import { REMINDER_JOB } from './interpretation.service.ts'; // 政策解读
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
  // ── 政策解读: routes, the daily reminders, menu ──
  routes: (server, _s, r) => {
    registerInterpretationRoutes(server, r);
  },
  jobs: (p) => [
    {
      kind: 'daily',
      id: REMINDER_JOB,
      description: '记录政策解读即将到期和逾期的提醒，为早先建立的单位补建“政策解读”栏目',
      run: (day) => p.interpretations.sendReminders(day),
    },
  ],
  menu: [
    {
      area: 'disclosure',
      href: '/admin/policies/interpretations',
      label: '政策解读逾期与缺失',
      action: 'policy.record',
    },
    {
      area: 'disclosure',
      href: '/admin/policies/interpretation-settings',
      label: '政策解读设置',
      action: 'policy.manage',
      siteWide: true,
    },
  ],
  // ── end 政策解读 ──
});
