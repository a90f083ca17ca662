/** Manifest of 意见征集 / 决策预公开 (consultations): drafts by article, comments, 采纳情况, feedback reports. */
import { seedDemoConsultations } from '../../db/seeds/demo-consultations.ts';
import { defineModule } from '../../platform/module.ts';
import { CONSULTATION_JOB } from './consultation.service.ts';
import { CONSULTATION_ACTIONS } from './consultations.actions.ts';
import { type Consultations, createConsultations } from './consultations.services.ts';
import { registerConsultationAdminRoutes } from './consultations-admin.routes.tsx';
import { registerConsultationPublicRoutes } from './consultations-public.routes.tsx';

declare module '../../platform/module.ts' {
  interface ModuleApis {
    consultations: Consultations;
  }
}

export const consultationsModule = defineModule({
  name: 'consultations',
  label: '意见征集',
  needs: ['units', 'calendar', 'publishing'],
  build: (r) =>
    createConsultations({
      db: r.db,
      audit: r.audit,
      clock: r.clock,
      units: r.units,
      calendar: r.calendar,
      publishing: r.publishing,
      encryptionKey: r.config.dataEncryptionKey,
      formSecret: r.config.SESSION_SECRET,
    }),
  provides: ['consultations'],
  expose: (consultations) => ({ consultations }),
  actions: CONSULTATION_ACTIONS,
  routes: (server, self, r) => {
    registerConsultationPublicRoutes(server, { ...r, consultations: self });
    registerConsultationAdminRoutes(server, { ...r, consultations: self });
  },
  jobs: (self) => [
    {
      kind: 'daily',
      id: CONSULTATION_JOB,
      description: '意见征集：到开始日期的开始征集，过截止日期的截止征集',
      run: (day) => self.service.runDaily(day),
    },
  ],
  publicRoutes: [
    { pattern: /^\/consultations(?:\/\d+(?:\/comment)?)?$/, sitemap: [{ path: '/consultations' }] },
  ],
  menu: [
    { area: 'interaction', href: '/admin/consultations', label: '意见征集', action: 'consultation.manage' },
    {
      area: 'interaction',
      href: '/admin/consultations/settings',
      label: '意见征集设置',
      action: 'disclosure.manage',
      siteWide: true,
    },
  ],
  seed: {
    part: 'consultations',
    order: 60,
    run: (self, r) => seedDemoConsultations({ ...r, consultations: self }),
  },
});
