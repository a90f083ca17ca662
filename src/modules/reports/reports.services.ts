/**
 * The 年度报告 services, built once per app by the module's manifest (reports.module.ts). The requests,
 * policies and tasks modules are optional: without one, the figures it would supply are entered by hand
 * (or imported), and the page says so.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import type { Clock } from '../../lib/clock.ts';
import { SettingsStore } from '../../lib/settings/settings-store.ts';
import type { UnitService } from '../orgs/unit.service.ts';
import type { PolicyFiguresService } from '../policies/policy-figures.service.ts';
import type { PublishingApi } from '../publishing/publishing.api.ts';
import type { InfoRequestStatsService } from '../requests/info-request-stats.service.ts';
import type { ParsedReport, ReportDocument } from './report.model.ts';
import { type CheckRunInput, type ReportCheckResult, ReportService } from './report.service.ts';
// ── dashboard ──
import { ReportDashboardService } from './report-dashboard.service.ts';
import { ReportFiguresService } from './report-figures.service.ts';
import { ReportFiguresBatch } from './report-figures-batch.ts';
import { consistencyCheck, registerReportKind } from './report-kind.ts';
import { ReportReminders } from './report-reminders.ts';
import { ReportRepository } from './reports.repository.ts';
// ── end dashboard ──

export interface ReportDeps {
  db: Kysely<DB>;
  audit: AuditLog;
  clock: Clock;
  units: UnitService;
  publishing: PublishingApi;
  requests: Pick<InfoRequestStatsService, 'annualRecords'> | null;
  library: Pick<PolicyFiguresService, 'tableTwo' | 'figure'> | null;
  taskSummary: ((unitId: number, year: number) => Promise<string | null>) | null;
  /** The checks (report-checks.ts) and the body renderer (report-html.ts). */
  runChecks: (input: CheckRunInput) => ReportCheckResult[];
  passedChecks?: (input: CheckRunInput) => string[];
  renderBody: (doc: ReportDocument) => string;
  /** The published-report importer (report-parse/). */
  parse: (content: Buffer, fileName: string) => Promise<ParsedReport>;
  // ── dashboard ──
  /** The same services' batch methods, for the dashboard of many units (report-figures-batch.ts). */
  requestsBatch?: Pick<InfoRequestStatsService, 'annualRecordsManyYears'> | null;
  libraryBatch?: Pick<PolicyFiguresService, 'tableTwoManyYears'> | null;
  // ── end dashboard ──
}

export interface Reports {
  deps: ReportDeps & { settings: SettingsStore };
  repo: ReportRepository;
  figures: ReportFiguresService;
  reports: ReportService;
  parse: (content: Buffer, fileName: string) => Promise<ParsedReport>;
  // ── dashboard ──
  batch: ReportFiguresBatch;
  dashboard: ReportDashboardService;
  reminders: ReportReminders;
  // ── end dashboard ──
}

export function createReports(d: ReportDeps): Reports {
  const settings = new SettingsStore(d);
  const repo = new ReportRepository(d.db);
  const figures = new ReportFiguresService(d);
  const { taskSummary, ...rest } = d;
  const reports = new ReportService({
    ...rest,
    figures,
    publishedCount: (ids, year) => repo.publishedCount(ids, year),
    ...(taskSummary ? { taskSummary } : {}),
  });
  registerReportKind(
    d.publishing,
    consistencyCheck({ repo, reports, renderBody: d.renderBody, units: d.units }),
  );
  d.publishing.events.inTransaction('published', (notice, trx) => reports.onPublished(notice, trx));
  // ── dashboard ──
  const batch = new ReportFiguresBatch({
    db: d.db,
    requests: d.requestsBatch ?? null,
    library: d.libraryBatch ?? null,
  });
  const dashboard = new ReportDashboardService({ ...d, settings, reports, batch });
  const reminders = new ReportReminders({ ...d, settings });
  // ── end dashboard ──
  return { deps: { ...d, settings }, repo, figures, reports, parse: d.parse, batch, dashboard, reminders };
}
