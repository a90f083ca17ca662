/** Manifest of 机构 (orgs): the unit tree, contacts, 机构职能, 领导信息. */
import { defineModule } from '../../platform/module.ts';
import { UnitRepository } from './unit.repository.ts';
import { registerUnitRoutes } from './unit.routes.tsx';
import { UnitService } from './unit.service.ts';

declare module '../../platform/module.ts' {
  interface ModuleApis {
    /** The unit tree: use-cases and the UnitDirectory read side. */
    units: UnitService;
  }
}

export const orgsModule = defineModule({
  name: 'orgs',
  label: '机构与单位',
  needs: [],
  build: (r) => {
    const repo = new UnitRepository(r.db);
    return { repo, units: new UnitService({ db: r.db, units: repo, audit: r.audit, clock: r.clock }) };
  },
  provides: ['units'],
  expose: (s) => ({ units: s.units }),
  routes: (server, _s, r) => registerUnitRoutes(server, r),
  menu: [{ area: 'system', href: '/admin/units', label: '单位管理', action: 'unit.manage' }],
});
