/** Manifest of the working-day calendar: administrator-entered holiday years over the seeded data. */
import { defineModule } from '../../platform/module.ts';
import { CalendarRepository } from './calendar.repository.ts';
import { registerCalendarRoutes } from './calendar.routes.tsx';
import { CalendarService } from './calendar.service.ts';

declare module '../../platform/module.ts' {
  interface ModuleApis {
    /** The statutory working-day calendar (民法典 第二百零一条 counting). */
    calendar: CalendarService;
  }
}

export const calendarModule = defineModule({
  name: 'calendar',
  label: '工作日历',
  needs: [],
  build: (r) =>
    new CalendarService({
      db: r.db,
      repo: new CalendarRepository(r.db),
      audit: r.audit,
      clock: r.clock,
      warn: (m) => r.log.warn({ event: 'calendar.missing_year' }, m),
    }),
  provides: ['calendar'],
  expose: (calendar) => ({ calendar }),
  routes: (server, _s, r) => registerCalendarRoutes(server, r),
  menu: [{ area: 'system', href: '/admin/calendar', label: '工作日历', action: 'calendar.manage' }],
});
