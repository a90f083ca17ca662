/**
 * The 规范性文件库 / 政策解读 services, built once per app by the module's manifest (policies.module.ts).
 * Each part adds its service here; the kinds are registered with 主动公开 when the services are built.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import type { Clock } from '../../lib/clock.ts';
import { SettingsStore } from '../../lib/settings/settings-store.ts';
import type { CalendarService } from '../calendar/calendar.service.ts';
import type { UnitService } from '../orgs/unit.service.ts';
import type { PublishingApi } from '../publishing/publishing.api.ts';
import { CleanupService } from './cleanup.service.ts';
import { CleanupReviewService } from './cleanup-review.service.ts';
import { InterpretationService } from './interpretation.service.ts';
import { registerThreeSyncCheck } from './interpretation-checks.ts';
import { InterpretationRatesService } from './interpretation-rates.service.ts';
import { LibraryAdminService } from './library-admin.service.ts';
import { type CjkFont, findCjkFont } from './library-download.ts';
import { LibraryFilesRepository } from './library-files.repository.ts';
import { LibraryImport } from './library-import.ts';
import { PublishedImport } from './library-import-published.ts';
import { LibraryPublicService } from './library-public.service.ts';
import { registerPolicyChecks } from './policy-checks.ts';
import { PolicyExpiryService } from './policy-expiry.service.ts';
import { PolicyFiguresService } from './policy-figures.service.ts';
import { registerPolicyKinds } from './policy-kinds.ts';
import { PolicyPublication } from './policy-publication.ts';
import { ValidityLedger } from './validity-ledger.ts';
import { registerInterpretationPanels } from './views/interpretation-panels.tsx';
import { validityPanel } from './views/library-public-panel.tsx';

/** What every part of the module is built from. */
export interface PolicyDeps {
  db: Kysely<DB>;
  audit: AuditLog;
  clock: Clock;
  units: UnitService;
  calendar: CalendarService;
  publishing: PublishingApi;
  settings: SettingsStore;
  dataDir: string;
  /** The site's public address (feeds, API links), when configured. */
  publicUrl: string | undefined;
}

export interface Policies {
  deps: PolicyDeps;
  /** Validity events and the derived state (the only writer of both). */
  ledger: ValidityLedger;
  // ── figures (annual report table 二, 解读 rates) ──
  /** Table 二, first block: `figures.tableTwo(unitId, year)` for the 年度报告 module. */
  figures: PolicyFiguresService;
  /** 解读率, 及时率, forms and 主要负责人解读 per unit and period. */
  interpretationRates: InterpretationRatesService;
  // ── end figures ──
  // ── library ──
  /** The public 规范性文件库: filters, point-in-time view, entries with their history (published only). */
  library: LibraryPublicService;
  // ── end library ──
  // ── validity lifecycle (wt-life) ──
  /** The published hook: library entries and the 废止 / 修改 of a publishing document's targets. */
  publication: PolicyPublication;
  /** The daily job: state as of today, 失效 events, 评估 tasks. */
  expiry: PolicyExpiryService;
  /** The back-office library pages' reads, 评估 closing and settings. */
  libraryAdmin: LibraryAdminService;
  // ── end validity lifecycle ──
  /** 政策解读: drafting from the policy, the clock, late list, reminders, 新旧差异, settings. */
  interpretations: InterpretationService;
  // ── 清理 batches (cleanup.service.ts) ──
  /** 清理 batches: selection, decisions, review, the result document and its publication. */
  cleanups: CleanupService;
  cleanupReview: CleanupReviewService;
  // ── files part (download versions, 目录 xlsx, import) ──
  /** Entries a 目录 lists and import candidates (library-files.repository.ts). */
  libraryFiles: LibraryFilesRepository;
  /** The CJK font of PDF downloads, looked up at each download (null: none installed → 503 + .docx). */
  pdfFont: () => CjkFont | null;
  /** Import of an existing library from an .xlsx (review, then confirm in one transaction). */
  libraryImport: LibraryImport;
  /** Import of 政府信息 already published on the platform (reclassified as library kinds). */
  publishedImport: PublishedImport;
  // ── end files part ──
}

export function createPolicies(d: Omit<PolicyDeps, 'settings'>): Policies {
  const deps: PolicyDeps = { ...d, settings: new SettingsStore(d) };
  registerPolicyKinds(d.publishing);
  const ledger = new ValidityLedger(deps);
  // ── figures ──
  const figures = new PolicyFiguresService(deps);
  const interpretationRates = new InterpretationRatesService(deps);
  // ── end figures ──
  // ── library ──
  const library = new LibraryPublicService(deps);
  d.publishing.panels.register(validityPanel(library));
  // ── end library ──
  // ── validity lifecycle (wt-life) ──
  registerPolicyChecks(d.publishing, deps);
  const publication = new PolicyPublication({ ...deps, ledger });
  const expiry = new PolicyExpiryService({ ...deps, ledger });
  const libraryAdmin = new LibraryAdminService({ ...deps, ledger });
  // ── end validity lifecycle ──
  // ── 政策解读 ──
  const interpretations = new InterpretationService(deps);
  registerThreeSyncCheck(d.publishing, interpretations);
  registerInterpretationPanels(d.publishing, interpretations);
  // ── end 政策解读 ──
  // ── 清理 batches: the decisions land on the documents when a batch's result is published ──
  const cleanups = new CleanupService(deps);
  const cleanupReview = new CleanupReviewService(deps, cleanups, ledger);
  d.publishing.events.inTransaction('published', (notice, trx) => cleanupReview.onPublished(notice, trx));
  // ── files part ──
  const libraryFiles = new LibraryFilesRepository(d.db);
  const libraryImport = new LibraryImport({ ...d, ledger, files: libraryFiles });
  const publishedImport = new PublishedImport({ ...d, ledger, files: libraryFiles });
  // ── end files part ──
  return {
    deps,
    ledger,
    figures,
    interpretationRates,
    library,
    publication,
    expiry,
    libraryAdmin,
    interpretations,
    cleanups,
    cleanupReview,
    libraryFiles,
    pdfFont: () => findCjkFont(),
    libraryImport,
    publishedImport,
  };
}
