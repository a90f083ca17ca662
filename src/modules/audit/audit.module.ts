/** Manifest of the auditor's screens: search, integrity check and export of the audit log. */
import { defineModule } from '../../platform/module.ts';
import { registerAuditRoutes } from './audit.routes.tsx';
import { AuditService } from './audit.service.ts';

export const auditModule = defineModule({
  name: 'audit',
  label: '审计日志',
  needs: ['units'],
  build: (r) => new AuditService({ db: r.db, repo: r.auditRepo, audit: r.audit, units: r.units }),
  provides: [],
  expose: () => ({}),
  routes: (server, service, r) => registerAuditRoutes(server, r, service),
  menu: [{ area: 'system', href: '/admin/audit', label: '审计日志', action: 'audit.read' }],
});
