/** Manifest of 依申请公开 (requests): applications, the statutory clock, letters, fees, 复议/诉讼, statistics. */
import { seedDemoRequests } from '../../db/seeds/demo-requests.ts';
import { defineModule } from '../../platform/module.ts';
import { DAILY_JOB } from './info-request.jobs.ts';
import { RETENTION_JOB } from './info-request-retention.service.ts';
import { REQUEST_ACTIONS } from './requests.actions.ts';
import { registerRequestRoutes } from './requests.routes.tsx';
import { createRequests, type Requests } from './requests.services.ts';

declare module '../../platform/module.ts' {
  interface ModuleApis {
    requests: Requests;
  }
}

export const requestsModule = defineModule({
  name: 'requests',
  label: '依申请公开',
  needs: ['units', 'calendar'],
  build: (r) =>
    createRequests(
      {
        db: r.db,
        audit: r.audit,
        clock: r.clock,
        unitDirectory: r.units,
        calendar: r.calendar,
        mail: r.mail,
      },
      { encryptionKey: r.config.dataEncryptionKey, formSecret: r.config.SESSION_SECRET },
    ),
  provides: ['requests'],
  expose: (requests) => ({ requests }),
  routes: (server, _s, r) => registerRequestRoutes(server, r),
  jobs: (q) => [
    {
      kind: 'daily',
      id: DAILY_JOB,
      description: '依申请公开：补正逾期处理、标记超期、记录提醒',
      run: (day) => q.jobs.sweep(day),
    },
    {
      kind: 'daily',
      id: RETENTION_JOB,
      description: '依申请公开：清除办结已超过保存期限的申请人个人信息',
      run: (day) => q.jobs.retention.erase(day),
    },
  ],
  menu: [{ area: 'requests', href: '/admin/requests', label: '依申请公开', action: 'request.handle' }],
  publicRoutes: [
    {
      pattern: /^\/requests\/units\/(\d+)(?:\/(?:form\.docx|apply))?$/,
      target: (m) => ({ kind: 'unit', unitId: Number(m[1]) }),
    },
    { pattern: /^\/requests(?:\/status)?$/ },
    { pattern: /^\/requests-static\/[^/]+$/ },
    { pattern: /^\/api\/v1\/info-requests\/stats$/ },
  ],
  actions: REQUEST_ACTIONS,
  seed: {
    part: 'requests',
    order: 20,
    run: async (_q, r) => `已创建依申请公开演示案件 ${await seedDemoRequests(r)} 件`,
  },
});
