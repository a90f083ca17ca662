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
  // ── 清理 batches (cleanup.service.ts) ──
  /** 清理 batches: selection, decisions, review, the result document and its publication. */
  cleanups: CleanupService;
  cleanupReview: CleanupReviewService;
}

export function createPolicies(d: Omit<PolicyDeps, 'settings'>): Policies {
  const deps: PolicyDeps = { ...d, settings: new SettingsStore(d) };
  registerPolicyKinds(d.publishing);
  const ledger = new ValidityLedger(deps);
  // ── 清理 batches: the decisions land on the documents when a batch's result is published ──
  const cleanups = new CleanupService(deps);
  const cleanupReview = new CleanupReviewService(deps, cleanups, ledger);
  d.publishing.events.inTransaction('published', (notice, trx) => cleanupReview.onPublished(notice, trx));
  return { deps, ledger, cleanups, cleanupReview };
}
