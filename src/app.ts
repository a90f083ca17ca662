/**
 * The composition root's product: every repository and service wired to one database, clock and
 * logger. HTTP routes, CLI commands, jobs and tests all start from an App.
 */
import type { Config } from './config.ts';
import { type Database, openDatabase } from './db/database.ts';
import { AuditRepository } from './lib/audit/audit.repository.ts';
import { AuditLog } from './lib/audit/audit-log.ts';
import { type Clock, systemClock } from './lib/clock.ts';
import { MAIL_CONTENT_KEEP_DAYS, MAIL_DELIVERY_EVERY_MS, MailOutbox } from './lib/mail/mail-outbox.ts';
import { Mailer } from './lib/mail/mailer.ts';
import { Scheduler } from './lib/scheduler.ts';
import { AccountRepository } from './modules/accounts/account.repository.ts';
import { AuthService } from './modules/accounts/auth.service.ts';
import { UserService } from './modules/accounts/user.service.ts';
import { CalendarRepository } from './modules/calendar/calendar.repository.ts';
import { CalendarService } from './modules/calendar/calendar.service.ts';
import { UnitRepository } from './modules/orgs/unit.repository.ts';
import { UnitService } from './modules/orgs/unit.service.ts';
import { AttachmentStore } from './modules/publishing/attachment-store.ts';
import { FILE_SWEEP_JOB } from './modules/publishing/attachment-sweep.ts';
import { ColumnFreshnessService } from './modules/publishing/column-freshness.ts';
import { createPublishing, type Publishing } from './modules/publishing/publishing.module.ts';
import { FieldCipher } from './modules/requests/applicant-crypto.ts';
import { InfoRequestJobs } from './modules/requests/info-request.jobs.ts';
import { createRequestExtras, type RequestExtras } from './modules/requests/info-request.module.ts';
import { InfoRequestRepository } from './modules/requests/info-request.repository.ts';
import { InfoRequestService } from './modules/requests/info-request.service.ts';
import { InfoRequestTransitions } from './modules/requests/info-request.transitions.ts';
import { LetterMails } from './modules/requests/info-request-letter.mail.tsx';
import { InfoRequestStatsService } from './modules/requests/info-request-stats.service.ts';
import { TaskRepository } from './modules/tasks/task.repository.ts';
import { TaskAssessmentService } from './modules/tasks/task-assessment.service.ts';
import { TaskBulletinService } from './modules/tasks/task-bulletin.service.ts';
import { TaskEvidenceRepository } from './modules/tasks/task-evidence.repository.ts';
import { TaskEvidenceService } from './modules/tasks/task-evidence.service.ts';
import { TaskLedgerRepository } from './modules/tasks/task-ledger.repository.ts';
import { TaskReportRepository } from './modules/tasks/task-report.repository.ts';
import { TaskReportService } from './modules/tasks/task-report.service.ts';
import { TaskSupervisionRepository } from './modules/tasks/task-supervision.repository.ts';
import { TaskSupervisionService } from './modules/tasks/task-supervision.service.ts';
import { WorkPlanService } from './modules/tasks/work-plan.service.ts';

export interface Logger {
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
}

export interface App {
  config: Readonly<Config>;
  database: Database;
  clock: Clock;
  log: Logger;
  auditRepo: AuditRepository;
  audit: AuditLog;
  units: UnitService;
  unitRepo: UnitRepository;
  accounts: AccountRepository;
  auth: AuthService;
  users: UserService;
  calendar: CalendarService;
  /** 主动公开: columns, documents, review workflow, search. */
  publishing: Publishing;
  /** 依申请公开. */
  requests: {
    repo: InfoRequestRepository;
    service: InfoRequestService;
    transitions: InfoRequestTransitions;
    jobs: InfoRequestJobs;
    stats: InfoRequestStatsService;
    /** Settings, letters, fees, 复议/诉讼, the public form, splits. */
    extras: RequestExtras;
  };
  /** 工作要点 → 任务分工台账. */
  tasks: {
    repo: TaskRepository;
    plans: WorkPlanService;
    reports: TaskReportService;
    supervision: TaskSupervisionService;
    /** Automatic evidence from column freshness. */
    evidence: TaskEvidenceService;
    ledger: TaskLedgerRepository;
    /** The quarterly bulletin (HTML and .docx). */
    bulletins: TaskBulletinService;
    /** Year-end scores and 回头看 carry-over. */
    assessment: TaskAssessmentService;
  };
  /** Outgoing e-mail outbox; `mail.enabled` is false when SMTP_URL is unset. */
  mail: MailOutbox;
  /** Daily jobs; modules register theirs when the app is created. */
  scheduler: Scheduler;
  close(): Promise<void>;
}

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];

/** JSON lines on stdout/stderr, honouring LOG_LEVEL ('silent' writes nothing). */
export function consoleLogger(level = 'info'): Logger {
  const min = level === 'silent' ? Number.POSITIVE_INFINITY : LEVELS.indexOf(level);
  const line = (lvl: string, o: object | string, m?: string) =>
    JSON.stringify({
      level: lvl,
      time: new Date().toISOString(),
      msg: m ?? o,
      ...(typeof o === 'object' ? o : {}),
    });
  return {
    info: (o, m) => LEVELS.indexOf('info') >= min && console.log(line('info', o, m)),
    warn: (o, m) => LEVELS.indexOf('warn') >= min && console.warn(line('warn', o, m)),
    error: (o, m) => LEVELS.indexOf('error') >= min && console.error(line('error', o, m)),
  } as Logger;
}

export function createApp(
  config: Readonly<Config>,
  opts: { clock?: Clock; log?: Logger; database?: Database } = {},
): App {
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
  const unitRepo = new UnitRepository(db);
  const units = new UnitService({ db, units: unitRepo, audit, clock });
  const accounts = new AccountRepository(db);
  const auth = new AuthService({ db, accounts, audit, clock, idleMinutes: config.SESSION_IDLE_MINUTES });
  const users = new UserService({ db, accounts, units, audit, clock });
  const calendar = new CalendarService({
    db,
    repo: new CalendarRepository(db),
    audit,
    clock,
    warn: (m) => log.warn({ event: 'calendar.missing_year' }, m),
  });
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
  // Registers the hook that gives every new unit its 政府信息公开 columns: before any unit is created.
  const publishing = createPublishing({
    db,
    audit,
    clock,
    units,
    calendar,
    dataDir: config.DATA_DIR,
    publicUrl: config.PUBLIC_URL,
    publicPageCacheBytes: config.PUBLIC_PAGE_CACHE_MB * 1024 * 1024,
  });
  scheduler.registerRecurring({
    name: 'publishing.publish-due',
    description: '发布到达定时发布时间的政府信息',
    run: () => publishing.review.publishDue(),
  });
  const tasks = createTaskModule({
    db,
    audit,
    clock,
    units,
    unitRepo,
    calendar,
    publishing,
    dataDir: config.DATA_DIR,
  });
  const requests = createRequestModule(
    { db, audit, clock, unitRepo, calendar, mail },
    { encryptionKey: config.dataEncryptionKey, formSecret: config.SESSION_SECRET },
  );
  scheduler.register({
    name: 'requests.daily',
    description: '依申请公开：补正逾期处理、标记超期、记录提醒',
    run: () => requests.jobs.runDaily(),
  });
  scheduler.register({
    name: 'requests.retention',
    description: '依申请公开：清除办结已超过保存期限的申请人个人信息',
    run: () => requests.jobs.retention.runDaily(),
  });
  scheduler.register({
    name: 'mail.purge',
    description: `清除已发送或发送失败超过 ${MAIL_CONTENT_KEEP_DAYS} 天的电子邮件的收件人和内容`,
    run: () => mail.purgeOld(),
  });
  scheduler.register({
    name: FILE_SWEEP_JOB,
    description: '清理不再被任何附件引用、且超过 24 小时未再上传的附件文件',
    run: () => publishing.fileSweep.run(),
  });
  scheduler.register({
    name: 'tasks.daily-sweep',
    description: '标记逾期任务并记录当日提醒',
    run: () => tasks.supervision.runDailySweep(),
  });
  return {
    config,
    database,
    clock,
    log,
    auditRepo,
    audit,
    units,
    unitRepo,
    accounts,
    auth,
    users,
    calendar,
    publishing,
    tasks,
    requests,
    scheduler,
    mail,
    close: async () => {
      await scheduler.stop();
      await mail.close();
      await database.close();
    },
  };
}

function createTaskModule(d: {
  db: Database['db'];
  audit: AuditLog;
  clock: Clock;
  units: UnitService;
  unitRepo: UnitRepository;
  calendar: CalendarService;
  publishing: Publishing;
  dataDir: string;
}) {
  const repo = new TaskRepository(d.db);
  const reportRepo = new TaskReportRepository(d.db);
  const evidence = new TaskEvidenceService({
    ...d,
    tasks: repo,
    links: new TaskEvidenceRepository(d.db),
    columns: d.publishing.columns,
    freshness: new ColumnFreshnessService(d.db),
  });
  const ledger = new TaskLedgerRepository(d.db);
  const supervisionRepo = new TaskSupervisionRepository(d.db);
  const supervision = new TaskSupervisionService({ ...d, reports: reportRepo, supervision: supervisionRepo });
  return {
    repo,
    evidence,
    supervision,
    plans: new WorkPlanService({ ...d, tasks: repo }),
    reports: new TaskReportService({
      ...d,
      tasks: repo,
      reports: reportRepo,
      evidence,
      files: new AttachmentStore(d.dataDir),
    }),
    ledger,
    bulletins: new TaskBulletinService({ supervision, supervisionRepo, ledger, units: d.units }),
    assessment: new TaskAssessmentService({ ...d, tasks: repo, ledger, supervision }),
  };
}

function createRequestModule(
  d: {
    db: Database['db'];
    audit: AuditLog;
    clock: Clock;
    unitRepo: UnitRepository;
    calendar: CalendarService;
    mail: MailOutbox;
  },
  secrets: { encryptionKey: Buffer; formSecret: string },
) {
  const repo = new InfoRequestRepository(d.db);
  const deps = { ...d, repo };
  const service = new InfoRequestService(deps, secrets.encryptionKey);
  const extras = createRequestExtras({ ...deps, service }, secrets);
  const letterMails = new LetterMails({
    outbox: d.mail,
    records: extras.records,
    settings: extras.settings,
    service,
  });
  const transitions = new InfoRequestTransitions({ ...deps, letterMails });
  return {
    repo,
    service,
    transitions,
    jobs: new InfoRequestJobs(deps, transitions),
    stats: new InfoRequestStatsService(deps),
    extras,
  };
}
