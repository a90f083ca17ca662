/**
 * The composition root: builds the platform core, then every module of the module list in order,
 * registers their jobs, permission actions and menu entries, and hands the HTTP layer its ports.
 * Only the entry points (main.ts, cli.ts), the benchmarks and the tests import this file.
 */
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { type Database, openDatabase } from './db/database.ts';
import { AuditRepository } from './lib/audit/audit.repository.ts';
import { AuditLog } from './lib/audit/audit-log.ts';
import { type Clock, systemClock } from './lib/clock.ts';
import { FieldCipher } from './lib/field-cipher.ts';
import { consoleLogger, type Logger } from './lib/logger.ts';
import { MAIL_CONTENT_KEEP_DAYS, MAIL_DELIVERY_EVERY_MS, MailOutbox } from './lib/mail/mail-outbox.ts';
import { Mailer } from './lib/mail/mailer.ts';
import { Scheduler } from './lib/scheduler.ts';
import type { UnitRepository } from './modules/orgs/unit.repository.ts';
import type { Publishing } from './modules/publishing/publishing.services.ts';
import { type AnyModule, MODULES, publicRoutesOf, registerActionsOf } from './modules.ts';
import { type MenuEntry, sortMenu } from './platform/menu.ts';
import type { Core, Registry } from './platform/module.ts';
import type { HttpPorts } from './platform/ports.ts';

export { consoleLogger, type Logger };

/** The built platform: the registry (core + every module's interface) and what runs it. */
export type App = Registry & {
  /** The whole publishing module (repositories too), for the CLI, seeds and tests. */
  publishing: Publishing;
  /** Daily and recurring jobs of every module. */
  scheduler: Scheduler;
  /** The unit repository, for the CLI and tests (modules use the UnitDirectory in `units`). */
  unitRepo: UnitRepository;
  /** The modules this app was built from, in build order. */
  modules: readonly AnyModule[];
  /** The back-office menu entries of every module, in menu order. */
  menu: readonly MenuEntry[];
  /** The services a module built (its manifest's `build` result), by module name. */
  built(name: string): unknown;
  /** Registers every module's routes on `server` (src/http/server.ts calls it). */
  registerRoutes(this: Registry, server: FastifyInstance): void;
  close(): Promise<void>;
};

export function createApp(
  config: Readonly<Config>,
  opts: { clock?: Clock; log?: Logger; database?: Database; modules?: readonly AnyModule[] } = {},
): App {
  const modules = opts.modules ?? MODULES;
  registerActionsOf(modules);
  const log = opts.log ?? consoleLogger(config.LOG_LEVEL);
  const database =
    opts.database ??
    openDatabase({
      url: config.DATABASE_URL,
      poolMax: config.DATABASE_POOL_MAX,
      onIdleError: (e) =>
        log.warn({ event: 'db.idle_connection_error', err: e.message }, '数据库空闲连接断开，已自动丢弃'),
    });
  const db = database.db;
  const clock = opts.clock ?? systemClock;
  const auditRepo = new AuditRepository(db);
  const audit = new AuditLog(auditRepo, clock);
  const scheduler = new Scheduler({ db, clock, log });
  const mail = new MailOutbox({
    db,
    clock,
    audit,
    log,
    // Recipient addresses are personal data: encrypted with the applicant data key.
    cipher: new FieldCipher(config.dataEncryptionKey),
    transport:
      config.SMTP_URL && config.MAIL_FROM
        ? new Mailer({ url: config.SMTP_URL, from: config.MAIL_FROM })
        : null,
  });
  scheduler.registerRecurring({
    name: 'mail.deliver',
    description: '发送待发送的电子邮件（失败的按间隔重试）',
    everyMs: MAIL_DELIVERY_EVERY_MS,
    run: () => mail.deliverDue(),
  });
  scheduler.register({
    name: 'mail.purge',
    description: `清除已发送或发送失败超过 ${MAIL_CONTENT_KEEP_DAYS} 天的电子邮件的收件人和内容`,
    run: () => mail.purgeOld(),
  });

  const menu = sortMenu(modules.flatMap((m) => m.menu ?? []));
  const publicLinks = {
    nav: modules.flatMap((m) => m.publicNav ?? []),
    footer: modules.flatMap((m) => m.footerLinks ?? []),
  };
  // Filled as modules are built; the ports read it when requests arrive, after every module exists.
  const registry = {} as Registry;
  const http: HttpPorts = {
    resolveSession: (token) => registry.auth.resolveSession(token),
    grantUnits: (userId) => registry.accounts.grantsOf(userId),
    menu: () => menu,
    publicLinks: () => publicLinks,
    site: {
      name: config.SITE_NAME,
      sponsor: config.SITE_SPONSOR,
      identifier: config.SITE_IDENTIFIER,
      icp: config.SITE_ICP,
      psb: config.SITE_PSB,
    },
    csrfSecret: config.SESSION_SECRET,
    get publicPages() {
      return registry.publishing.publicPages;
    },
    publicGeneration: () => registry.publishing.publicGeneration(),
  };
  const routes = publicRoutesOf(modules);
  const publicRoutes = () => routes;
  const core: Core = { config, database, db, clock, log, audit, auditRepo, mail, http, publicRoutes };
  Object.assign(registry, core);

  const built = new Map<AnyModule, unknown>();
  for (const m of modules) {
    const missing = m.needs.filter((k) => !(k in registry));
    if (missing.length)
      throw new Error(`Module ${m.name} needs ${missing.join(', ')}: list the modules providing them first`);
    const self = m.build(registry);
    built.set(m, self);
    Object.assign(registry, m.expose(self));
    for (const job of m.jobs?.(self) ?? []) {
      if (job.kind === 'daily')
        scheduler.register({ name: job.id, description: job.description, run: job.run });
      else
        scheduler.registerRecurring({
          name: job.id,
          description: job.description,
          run: job.run,
          ...(job.everyMs ? { everyMs: job.everyMs } : {}),
        });
    }
  }
  for (const m of modules) m.connect?.(built.get(m), registry);

  const orgs = [...built.entries()].find(([m]) => m.name === 'orgs')?.[1] as
    | { repo: UnitRepository }
    | undefined;
  if (!orgs) throw new Error('The orgs module is missing from the module list');
  return Object.assign(registry as Registry & { publishing: Publishing }, {
    scheduler,
    unitRepo: orgs.repo,
    modules,
    menu,
    built: (name: string) => [...built.entries()].find(([m]) => m.name === name)?.[1],
    // A method: routes see the app it is called on (a test may start a server on a copy with other config).
    registerRoutes(this: Registry, server: FastifyInstance) {
      for (const m of modules) m.routes?.(server, built.get(m), this);
    },
    close: async () => {
      await scheduler.stop();
      await mail.close();
      await database.close();
    },
  });
}
