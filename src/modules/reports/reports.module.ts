/** Manifest of 政府信息公开工作年度报告 (reports): figures from the records, checks, editor, publication. */
import { seedDemoReports } from '../../db/seeds/demo-reports.ts';
import { defineModule, type Registry } from '../../platform/module.ts';
// ── dashboard ──
import { registerDashboardRoutes } from './dashboard.routes.tsx';
import { PUBLIC_DOWNLOAD_PATTERN, registerReportDownloadRoutes } from './downloads.routes.tsx';
import { registerReportImportRoutes } from './import.routes.tsx';
import { REPORT_KIND } from './report.service.ts';
import { checkReport, passedChecks } from './report-checks.ts';
import { reportBodyHtml } from './report-html.ts';
import { parseReportFile } from './report-parse/index.ts';
import { REMINDER_JOB } from './report-reminders.ts';
import { taskSummaryFrom } from './report-task-summary.ts';
import { REPORT_ACTIONS } from './reports.actions.ts';
import { registerReportRoutes } from './reports.routes.tsx';
// ── end dashboard ──
import { createReports, type Reports } from './reports.services.ts';
import { registerValuesXlsxRoutes } from './values-xlsx.routes.tsx';
import { ReportDownloadsPanel } from './views/report-preview.tsx';

declare module '../../platform/module.ts' {
  interface ModuleApis {
    reports: Reports;
  }
}

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
      // ── task summary ──
      taskSummary: optional.tasks ? taskSummaryFrom(optional.tasks.assessment) : null,
      // ── end task summary ──
      runChecks: (input) => checkReport(input),
      passedChecks: (input) => passedChecks(input),
      renderBody: reportBodyHtml,
      parse: parseReportFile,
      // ── dashboard ──
      requestsBatch: optional.requests?.stats ?? null,
      libraryBatch: optional.policies?.figures ?? null,
      // ── end dashboard ──
    });
  },
  provides: ['reports'],
  expose: (reports) => ({ reports }),
  actions: REPORT_ACTIONS,
  // ── demo ──
  seed: { part: 'reports', order: 40, run: (self, r) => seedDemoReports({ ...r, reports: self }) },
  // ── end demo ──
  routes: (server, reports, r) => {
    // ── dashboard ── (before the editor's routes: /admin/reports/settings, /totals)
    registerDashboardRoutes(server, { ...r, reports });
    // ── end dashboard ──
    registerReportRoutes(server, { ...r, reports });
    registerReportImportRoutes(server, { ...r, reports });
    registerReportDownloadRoutes(server, { ...r, reports });
    // ── xlsx ──
    registerValuesXlsxRoutes(server, { ...r, reports });
    // ── end xlsx ──
  },
  connect: (self) => {
    // The download links under a published report's public page.
    self.deps.publishing.panels.register({
      name: 'reports.downloads',
      placement: 'after_body',
      audience: ['public'],
      kinds: [REPORT_KIND],
      render: async (doc) => {
        const row = await self.reports.forDocument(doc.id);
        return row && row.status === 'published' ? ReportDownloadsPanel({ reportId: row.id }) : null;
      },
    });
  },
  publicRoutes: [{ pattern: PUBLIC_DOWNLOAD_PATTERN }],
  menu: [
    { area: 'disclosure', href: '/admin/reports', label: '年度报告', action: 'report.edit' },
    {
      area: 'disclosure',
      href: '/admin/reports/import',
      label: '导入已发布的年度报告',
      action: 'report.edit',
    },
    { area: 'disclosure', href: '/admin/reports/settings', label: '年度报告设置', action: 'report.oversee' },
  ],
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
