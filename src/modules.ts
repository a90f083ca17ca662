/**
 * The module list: every module of the platform, in build order (a module's `needs` come from the
 * modules before it). Adding a module = its manifest, a line here, and its migrations in
 * src/db/migrator.ts. The composition root (src/app.ts) loops over this list.
 */

import { HTTP_PUBLIC_ROUTES } from './http/server.ts';
import { registerModuleActions } from './kernel/roles.ts';
import { accountsModule } from './modules/accounts/accounts.module.ts';
import { auditModule } from './modules/audit/audit.module.ts';
import { calendarModule } from './modules/calendar/calendar.module.ts';
import { catalogueModule } from './modules/catalogue/catalogue.module.ts';
// ── consultations ──
import { consultationsModule } from './modules/consultations/consultations.module.ts';
import { interactionModule } from './modules/interaction/interaction.module.ts';
// ── end consultations ──
// ── interviews ──
import { interviewsModule } from './modules/interviews/interviews.module.ts';
import { lettersModule } from './modules/letters/letters.module.ts';
// ── end interviews ──
// ── open-days ──
import { openDaysModule } from './modules/open-days/open-days.module.ts';
import { orgsModule } from './modules/orgs/orgs.module.ts';
import { policiesModule } from './modules/policies/policies.module.ts';
import { portalModule } from './modules/portal/portal.module.ts';
// ── end qa ──
import { publishingModule } from './modules/publishing/publishing.module.ts';
// ── qa ──
import { qaModule } from './modules/qa/qa.module.ts';
import { reportsModule } from './modules/reports/reports.module.ts';
import { requestsModule } from './modules/requests/requests.module.ts';
// ── subscriptions ──
import { subscriptionsModule } from './modules/subscriptions/subscriptions.module.ts';
// ── end subscriptions ──
// ── surveys ──
import { surveysModule } from './modules/surveys/surveys.module.ts';
// ── end surveys ──
import { tasksModule } from './modules/tasks/tasks.module.ts';
// ── end open-days ──
import type { ModuleManifest, PublicRoute } from './platform/module.ts';

// The manifests' own types differ (each builds its own services); the list only needs the common shape.
export type AnyModule = ModuleManifest<any, any>;

export const MODULES: readonly AnyModule[] = [
  orgsModule,
  accountsModule,
  calendarModule,
  auditModule,
  catalogueModule,
  publishingModule,
  policiesModule,
  portalModule,
  requestsModule,
  tasksModule,
  reportsModule,
  lettersModule,
  // ── consultations ──
  consultationsModule,
  // ── end consultations ──
  // ── surveys ──
  surveysModule,
  // ── end surveys ──
  // ── interviews ──
  interviewsModule,
  // ── end interviews ──
  // ── open-days ──
  openDaysModule,
  // ── end open-days ──
  // ── qa ──
  qaModule,
  // ── end qa ──
  // ── subscriptions ──
  subscriptionsModule,
  // ── end subscriptions ──
  // The 互动交流 hub reads the 政民互动 modules above it: keep it last.
  interactionModule,
];

/** Every public GET route of a site built from `modules`: the HTTP layer's, then each module's. */
export function publicRoutesOf(modules: readonly AnyModule[]): readonly PublicRoute[] {
  return [...HTTP_PUBLIC_ROUTES, ...modules.flatMap((m) => m.publicRoutes ?? [])];
}

/** Registers the permission actions every module declares (idempotent). */
export function registerActionsOf(modules: readonly AnyModule[]): void {
  for (const m of modules) registerModuleActions(m.name, m.actions ?? []);
}

registerActionsOf(MODULES);
