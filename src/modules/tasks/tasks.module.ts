/** Manifest of 工作要点 → 任务分工台账 (tasks): plans, ledger, reports, evidence, bulletins, scores. */
import { seedDemoTasks } from '../../db/seeds/demo-tasks.ts';
import { defineModule } from '../../platform/module.ts';
import { registerTaskRoutes } from './task.routes.tsx';
import { registerTaskPartRoutes } from './task-part.routes.tsx';
import { DAILY_SWEEP_JOB } from './task-supervision.service.ts';
import { TASK_ACTIONS } from './tasks.actions.ts';
import { createTasks, type Tasks } from './tasks.services.ts';

declare module '../../platform/module.ts' {
  interface ModuleApis {
    tasks: Tasks;
  }
}

export const tasksModule = defineModule({
  name: 'tasks',
  label: '工作要点',
  needs: ['units', 'calendar', 'publishing', 'catalogue'],
  build: (r) =>
    createTasks({
      db: r.db,
      audit: r.audit,
      clock: r.clock,
      units: r.units,
      unitDirectory: r.units,
      calendar: r.calendar,
      publishing: r.publishing,
      catalogue: r.catalogue,
      dataDir: r.config.DATA_DIR,
      // Optional, not in `needs`: the bulletin's 政策解读 section appears when the policies module is built.
      interpretationRates: 'policies' in r ? r.policies.interpretationRates : undefined,
    }),
  provides: ['tasks'],
  expose: (tasks) => ({ tasks }),
  routes: (server, _s, r) => {
    registerTaskRoutes(server, r);
    registerTaskPartRoutes(server, r);
  },
  jobs: (t) => [
    {
      kind: 'daily',
      id: DAILY_SWEEP_JOB,
      description: '标记逾期任务并记录当日提醒',
      run: (day) => t.supervision.sweep(day),
    },
  ],
  menu: [
    { area: 'tasks', href: '/admin/tasks', label: '工作台账', action: 'task.manage' },
    { area: 'tasks', href: '/admin/tasks/mine', label: '我的任务', action: 'task.report' },
  ],
  actions: TASK_ACTIONS,
  seed: { part: 'tasks', order: 10, run: (_t, r) => seedDemoTasks(r) },
});
