/** Manifest of 政务公开主题日 / 政府开放日 (open-days): plan, registration, sign-in, 活动记录, 活动计划表. */
import { seedDemoOpenDays } from '../../db/seeds/demo-open-days.ts';
import { defineModule } from '../../platform/module.ts';
import { OPEN_DAY_RECORD_KIND } from './open-day-record.ts';
import { OPEN_DAY_ACTIONS } from './open-days.actions.ts';
import { registerOpenDayRoutes } from './open-days.routes.tsx';
import { createOpenDays, type OpenDays } from './open-days.services.ts';

declare module '../../platform/module.ts' {
  interface ModuleApis {
    openDays: OpenDays;
  }
}

export const openDaysModule = defineModule({
  name: 'open-days',
  label: '政务公开主题日与政府开放日',
  needs: ['units', 'publishing'],
  build: (r) =>
    createOpenDays({
      db: r.db,
      audit: r.audit,
      clock: r.clock,
      units: r.units,
      publishing: r.publishing,
      formSecret: r.config.SESSION_SECRET,
      encryptionKey: r.config.dataEncryptionKey,
    }),
  provides: ['openDays'],
  expose: (openDays) => ({ openDays }),
  actions: OPEN_DAY_ACTIONS,
  routes: (server, self, r) => registerOpenDayRoutes(server, self, r),
  connect: (self, r) => {
    r.publishing.kinds.register({
      key: OPEN_DAY_RECORD_KIND,
      label: '主题日活动记录',
      relations: { from: [], to: [] },
    });
    r.publishing.events.inTransaction('published', (notice, trx) => self.record.onPublished(notice, trx));
  },
  publicRoutes: [
    { pattern: /^\/open-days$/, sitemap: [{ path: '/open-days' }] },
    { pattern: /^\/open-days\/plan(?:\.xlsx)?$/, sitemap: [{ path: '/open-days/plan' }] },
    { pattern: /^\/open-days\/\d+$/ },
    { pattern: /^\/open-days\/\d+\/images\/\d+$/ },
  ],
  menu: [
    { area: 'interaction', href: '/admin/open-days', label: '主题日与开放日', action: 'openday.manage' },
  ],
  seed: { part: 'open-days', order: 61, run: (self, r) => seedDemoOpenDays({ ...r, openDays: self }) },
});
