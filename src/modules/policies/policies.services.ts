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
import { type CjkFont, findCjkFont } from './library-download.ts';
import { LibraryFilesRepository } from './library-files.repository.ts';
import { LibraryImport } from './library-import.ts';
import { PublishedImport } from './library-import-published.ts';
import { registerPolicyKinds } from './policy-kinds.ts';
import { ValidityLedger } from './validity-ledger.ts';

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
  // ── files part ──
  const libraryFiles = new LibraryFilesRepository(d.db);
  const libraryImport = new LibraryImport({ ...d, ledger, files: libraryFiles });
  const publishedImport = new PublishedImport({ ...d, ledger, files: libraryFiles });
  // ── end files part ──
  return { deps, ledger, libraryFiles, pdfFont: () => findCjkFont(), libraryImport, publishedImport };
}
