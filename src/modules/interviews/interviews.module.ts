/** Manifest of 在线访谈 (interviews): 预告, moderated questions, 实录 published through 主动公开 as a 解读. */
import { seedDemoInterviews } from '../../db/seeds/demo-interviews.ts';
import { defineModule } from '../../platform/module.ts';
import { INTERVIEW_RECORD_KIND } from './interview-record.ts';
import { INTERVIEW_ACTIONS } from './interviews.actions.ts';
import { registerInterviewRoutes } from './interviews.routes.tsx';
import { createInterviews, type Interviews } from './interviews.services.ts';

declare module '../../platform/module.ts' {
  interface ModuleApis {
    interviews: Interviews;
  }
}

export const interviewsModule = defineModule({
  name: 'interviews',
  label: '在线访谈',
  needs: ['units', 'publishing'],
  build: (r) =>
    createInterviews({
      db: r.db,
      audit: r.audit,
      clock: r.clock,
      units: r.units,
      publishing: r.publishing,
      formSecret: r.config.SESSION_SECRET,
    }),
  provides: ['interviews'],
  expose: (interviews) => ({ interviews }),
  actions: INTERVIEW_ACTIONS,
  routes: (server, self, r) => registerInterviewRoutes(server, self, r),
  connect: (self, r) => {
    r.publishing.kinds.register({
      key: INTERVIEW_RECORD_KIND,
      label: '在线访谈实录',
      relations: { from: [], to: [] },
    });
    r.publishing.events.inTransaction('published', (notice, trx) => self.record.onPublished(notice, trx));
  },
  publicRoutes: [
    { pattern: /^\/interviews$/, sitemap: [{ path: '/interviews' }] },
    { pattern: /^\/interviews\/\d+$/ },
    { pattern: /^\/interviews\/\d+\/images\/\d+$/ },
  ],
  menu: [{ area: 'interaction', href: '/admin/interviews', label: '在线访谈', action: 'interview.manage' }],
  seed: { part: 'interviews', order: 60, run: (self, r) => seedDemoInterviews({ ...r, interviews: self }) },
});
