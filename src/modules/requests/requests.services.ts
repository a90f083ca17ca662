/**
 * The 依申请公开 services, built once per app by the module's manifest (requests.module.ts) from the
 * database, clock, audit log, unit directory, calendar and mail outbox.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import type { Clock } from '../../lib/clock.ts';
import type { MailOutbox } from '../../lib/mail/mail-outbox.ts';
import type { CalendarService } from '../calendar/calendar.service.ts';
import type { UnitDirectory } from '../orgs/unit-directory.ts';
import { InfoRequestJobs } from './info-request.jobs.ts';
import { InfoRequestRepository } from './info-request.repository.ts';
import { InfoRequestService } from './info-request.service.ts';
import { type InfoRequestDeps, InfoRequestTransitions } from './info-request.transitions.ts';
import { InfoRequestAppealService } from './info-request-appeals.service.ts';
import { InfoRequestCaseViewService } from './info-request-case-view.service.ts';
import { InfoRequestFeeService } from './info-request-fees.service.ts';
import { LetterMails } from './info-request-letter.mail.tsx';
import { InfoRequestLetterService } from './info-request-letters.service.ts';
import { InfoRequestLifecycleRepository } from './info-request-lifecycle.repository.ts';
import { InfoRequestPublicService } from './info-request-public.service.ts';
import { InfoRequestRecordsRepository } from './info-request-records.repository.ts';
import { InfoRequestSettingsService } from './info-request-settings.service.ts';
import { InfoRequestSplitService } from './info-request-split.service.ts';
import { InfoRequestStatsService } from './info-request-stats.service.ts';

export interface RequestExtras {
  records: InfoRequestRecordsRepository;
  settings: InfoRequestSettingsService;
  letters: InfoRequestLetterService;
  fees: InfoRequestFeeService;
  appeals: InfoRequestAppealService;
  publicForm: InfoRequestPublicService;
  /** 一事一申请: splitting a case into linked cases. */
  split: InfoRequestSplitService;
}

/** The 依申请公开 services of one app. */
export interface Requests {
  repo: InfoRequestRepository;
  service: InfoRequestService;
  transitions: InfoRequestTransitions;
  jobs: InfoRequestJobs;
  stats: InfoRequestStatsService;
  /** Settings, letters, fees, 复议/诉讼, the public form, splits. */
  extras: RequestExtras;
  /** What the staff case page shows (and the audited reveal of the applicant). */
  caseViews: InfoRequestCaseViewService;
}

/** The extra services of one app. */
export function requestExtras(app: { requests: { extras: RequestExtras } }): RequestExtras {
  return app.requests.extras;
}

/** Builds every 依申请公开 service once, sharing one settings and records instance with the letter mails. */
export function createRequests(
  d: {
    db: Kysely<DB>;
    audit: AuditLog;
    clock: Clock;
    unitDirectory: UnitDirectory;
    calendar: CalendarService;
    mail: MailOutbox;
  },
  secrets: { encryptionKey: Buffer; formSecret: string },
): Requests {
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
    caseViews: new InfoRequestCaseViewService({
      ...deps,
      ...{ service, mail: d.mail, units: d.unitDirectory },
      ...{ records: extras.records, letters: extras.letters, fees: extras.fees },
      ...{ appeals: extras.appeals, split: extras.split },
    }),
  };
}

/** The services from explicit dependencies (createRequests; the demo seeds build the core services themselves). */
export function createRequestExtras(
  core: InfoRequestDeps & { service: InfoRequestService; mail?: MailOutbox },
  secrets: { formSecret: string; encryptionKey: Uint8Array },
): RequestExtras {
  const deps = { ...core, records: new InfoRequestRecordsRepository(core.db) };
  const settings = new InfoRequestSettingsService(deps);
  const extras: RequestExtras = {
    records: deps.records,
    settings,
    letters: new InfoRequestLetterService({ ...deps, settings }),
    fees: new InfoRequestFeeService({ ...deps, settings }),
    appeals: new InfoRequestAppealService(deps),
    publicForm: new InfoRequestPublicService(
      { ...deps, formSecret: secrets.formSecret },
      secrets.encryptionKey,
    ),
    split: new InfoRequestSplitService(
      { ...deps, lifecycle: new InfoRequestLifecycleRepository(core.db) },
      secrets.encryptionKey,
    ),
  };
  return extras;
}
