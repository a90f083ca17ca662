/** Manifest of 政府信息公开工作年度报告 (reports): figures from the records, checks, editor, publication. */
import { defineModule, type Registry } from '../../platform/module.ts';
// ── dashboard ──
import { registerDashboardRoutes } from './dashboard.routes.tsx';
import { SECTION_HEADINGS, SECTION_KEYS } from './report.model.ts';
import { REMINDER_JOB } from './report-reminders.ts';
import { REPORT_ACTIONS } from './reports.actions.ts';
import { registerReportRoutes } from './reports.routes.tsx';
// ── end dashboard ──
import { createReports, type Reports } from './reports.services.ts';

declare module '../../platform/module.ts' {
  interface ModuleApis {
    reports: Reports;
  }
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

export const reportsModule = defineModule({
  name: 'reports',
  label: '政府信息公开工作年度报告',
  needs: ['units', 'publishing'],
  build: (r) => {
    // Optional, not in `needs`: each supplies figures when installed; without it they are entered.
    const optional = r as Partial<Registry>;
    return createReports({
      db: r.db,
      audit: r.audit,
      clock: r.clock,
      units: r.units,
      publishing: r.publishing,
      requests: optional.requests?.stats ?? null,
      library: optional.policies?.figures ?? null,
      taskSummary: null,
      // ── dashboard ──
      requestsBatch: optional.requests?.stats ?? null,
      libraryBatch: optional.policies?.figures ?? null,
      // ── end dashboard ──
      // TEMPORARY until report-checks.ts / report-html.ts land (this session): no checks, plain body.
      runChecks: () => [],
      renderBody: (doc) =>
        SECTION_KEYS.map(
          (k) =>
            `<h2>${SECTION_HEADINGS[k]}</h2>${doc.sections[k]
              .split(/\n{2,}/)
              .filter(Boolean)
              .map((p) => `<p>${escapeHtml(p)}</p>`)
              .join('')}`,
        ).join(''),
    });
  },
  provides: ['reports'],
  expose: (reports) => ({ reports }),
  actions: REPORT_ACTIONS,
  routes: (server, reports, r) => {
    // ── dashboard ── (before the editor's routes: /admin/reports/settings, /totals)
    registerDashboardRoutes(server, { ...r, reports });
    // ── end dashboard ──
    registerReportRoutes(server, { ...r, reports });
  },
  menu: [{ area: 'disclosure', href: '/admin/reports', label: '年度报告', action: 'report.edit' }],
  // ── dashboard ──
  jobs: (self) => [
    {
      kind: 'daily',
      id: REMINDER_JOB,
      description: '年度报告：期限前和逾期后记录提醒（显示在总览和编辑页）',
      run: (day) => self.reminders.run(day),
    },
  ],
  // ── end dashboard ──
});
