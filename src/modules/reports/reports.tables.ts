/**
 * Persisted shape of the 年度报告 tables (src/db/migrations/0020-annual-reports.ts). Dates are 'YYYY-MM-DD'
 * text, timestamps ISO-8601 UTC text; JSON columns hold the shapes of report.model.ts.
 */
import type { Generated } from 'kysely';

export interface AnnualReportTable {
  id: Generated<number>;
  unit_id: number;
  year: number;
  /** ReportStatus (report-status.ts). */
  status: string;
  /** JSON of ReportSections. */
  sections: string;
  /** JSON of ReportFigures, frozen when sent for review; null while the draft reads live figures. */
  figures: string | null;
  document_id: number | null;
  revision: Generated<number>;
  created_by: number | null;
  created_at: string;
  updated_by: number | null;
  updated_at: string;
  submitted_at: string | null;
  published_on: string | null;
}

/** One entered, spreadsheet-loaded or imported figure of a unit's report for a year. */
export interface AnnualReportValueTable {
  id: Generated<number>;
  unit_id: number;
  year: number;
  /** Cell key (report-values.ts), e.g. 'table2.行政许可', 'table3.一.total', 'table4.4'. */
  cell: string;
  /** The number as text (行政事业性收费 keeps its decimals exactly). */
  value: string;
  /** 'entered' | 'xlsx' | 'imported'. */
  origin: string;
  import_id: number | null;
  entered_by: number | null;
  entered_at: string;
}

export interface AnnualReportImportTable {
  id: Generated<number>;
  unit_id: number;
  year: number;
  file_name: string;
  /** JSON of ParsedReport: what the importer read. */
  parsed: string;
  created_by: number | null;
  created_at: string;
  /** When the reviewed import was confirmed (its values written); null while only read. */
  confirmed_at: string | null;
}

export interface AnnualReportReminderTable {
  unit_id: number;
  year: number;
  kind: string;
  day: string;
}

export interface ReportTables {
  annual_reports: AnnualReportTable;
  annual_report_values: AnnualReportValueTable;
  annual_report_imports: AnnualReportImportTable;
  annual_report_reminders: AnnualReportReminderTable;
}

declare module '../../db/schema.ts' {
  interface DB extends ReportTables {}
}
