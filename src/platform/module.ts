/**
 * What a module is: one manifest (`src/modules/<name>/<name>.module.ts`) that says how the module is
 * built from the platform core and the modules before it, and what it adds to the platform — its
 * routes, jobs, back-office menu entries, public routes, permission actions and demo data. The module
 * list (src/modules.ts) names every manifest; the composition root (src/app.ts) loops over it.
 * See ARCHITECTURE.md "Adding a module" and src/modules/example/.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import type { ActionDeclaration } from '../kernel/roles.ts';
import type { AuditRepository } from '../lib/audit/audit.repository.ts';
import type { AuditLog } from '../lib/audit/audit-log.ts';
import type { Clock } from '../lib/clock.ts';
import type { Logger } from '../lib/logger.ts';
import type { MailOutbox } from '../lib/mail/mail-outbox.ts';
import type { MenuEntry, PublicLink } from './menu.ts';
import type { HttpPorts } from './ports.ts';

/** The platform parts every module may use: configuration, the database, time, logs, audit, mail. */
export interface Core {
  config: Readonly<Config>;
  database: Database;
  db: Kysely<DB>;
  clock: Clock;
  log: Logger;
  audit: AuditLog;
  auditRepo: AuditRepository;
  /** Outgoing e-mail outbox; `mail.enabled` is false when SMTP_URL is unset. */
  mail: MailOutbox;
  /** What the HTTP layer needs from the modules (sessions, grants, the menu, the page cache). */
  http: HttpPorts;
  /** Every public GET route of the site: the HTTP layer's and every module's (manifests' `publicRoutes`). */
  publicRoutes(): readonly PublicRoute[];
}

/**
 * The narrow interfaces modules offer each other, by registry key. Each manifest adds its own with
 * declaration merging (`declare module '../../platform/module.ts' { interface ModuleApis { … } }`),
 * so a module that uses another names it, and a missing one is a type error.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by each manifest (declaration merging).
export interface ModuleApis {}

/** Core plus every module's interface: what a module's build and routes receive. */
export type Registry = Core & ModuleApis;

/** What a public path leads to, for the broken internal links check. */
export type PublicRouteTarget =
  | { kind: 'document'; documentId: number }
  | { kind: 'attachment'; documentId: number; attachmentId: number }
  | { kind: 'column'; columnId: number }
  | { kind: 'unit'; unitId: number }
  | { kind: 'route' }
  | { kind: 'admin' };

/** A page listed in sitemap.xml: a fixed path, or one path per active unit. */
export type SitemapEntry = { path: string } | { perUnit: (unitId: number) => string };

/**
 * A public GET route pattern of a module. `target` says which record a matching path shows (default: a
 * page that needs no lookup); the broken internal links check classifies links by these, and `sitemap`
 * lists the route's pages in sitemap.xml.
 */
export interface PublicRoute {
  pattern: RegExp;
  target?: (m: RegExpMatchArray) => PublicRouteTarget;
  sitemap?: readonly SitemapEntry[];
}

/** A job a module runs: once per China day from 07:00 ('daily') or at every check ('recurring'). */
export type JobDefinition =
  | { kind: 'daily'; id: string; description: string; run(day: string): Promise<unknown> }
  | { kind: 'recurring'; id: string; description: string; everyMs?: number; run(): Promise<unknown> };

/** Demo data a module loads into an empty database (`gongkai seed demo`, first start in demo mode). */
export interface DemoSeed<Self> {
  /** Name of this part of the demo data; tests switch parts off by it (`seedDemo(app, say, { documents: false })`). */
  part: string;
  /** Parts run after the demo units and accounts, by ascending `order`; a part may read what earlier ones created. */
  order: number;
  /** Loads the part and returns a line for the log. */
  run(self: Self, registry: Registry): Promise<string>;
}

export interface ModuleManifest<Self = unknown, K extends keyof ModuleApis = keyof ModuleApis> {
  /** Folder name under src/modules. */
  name: string;
  /** Chinese name, as in SPEC.md's module list. */
  label: string;
  /** Registry keys this module needs from modules before it in the list. */
  needs: readonly (keyof ModuleApis)[];
  /** Builds the module's services (once per app). */
  build(registry: Registry): Self;
  /** Registry keys this module fills, and with what (its narrow interface). */
  provides: readonly K[];
  expose(self: Self): Pick<ModuleApis, K>;
  /** Registers the module's HTTP routes. */
  routes?(server: FastifyInstance, self: Self, registry: Registry): void;
  jobs?(self: Self): readonly JobDefinition[];
  menu?: readonly MenuEntry[];
  /** Entries of the public main navigation (after the platform's own, in module order). */
  publicNav?: readonly PublicLink[];
  /** Links in the footer of every public page. */
  footerLinks?: readonly PublicLink[];
  publicRoutes?: readonly PublicRoute[];
  actions?: readonly ActionDeclaration[];
  seed?: DemoSeed<Self>;
  /** Called after every module is built, e.g. to subscribe to another module's hooks. */
  connect?(self: Self, registry: Registry): void;
}

/** Declares a module (identity at run time; the type parameters check the manifest). */
export function defineModule<Self, K extends keyof ModuleApis = never>(
  m: ModuleManifest<Self, K>,
): ModuleManifest<Self, K> {
  return m;
}

/** What a module's routes receive: the registry, with the module's own services in full under `K`. */
export type RoutesContext<K extends keyof ModuleApis, Self> = Omit<Registry, K> & { [P in K]: Self };
