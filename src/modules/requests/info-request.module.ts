/**
 * The 依申请公开 services beyond the core (settings, letters, fees, 复议/诉讼, public form, splits), built
 * once per App by src/app.ts from the same database, clock, audit log and core services.
 */
import type { App } from '../../app.ts';
import type { MailOutbox } from '../../lib/mail/mail-outbox.ts';
import type { InfoRequestService } from './info-request.service.ts';
import type { InfoRequestDeps } from './info-request.transitions.ts';
import { InfoRequestAppealService } from './info-request-appeals.service.ts';
import { InfoRequestFeeService } from './info-request-fees.service.ts';
import { InfoRequestLetterService } from './info-request-letters.service.ts';
import { InfoRequestLifecycleRepository } from './info-request-lifecycle.repository.ts';
import { InfoRequestPublicService } from './info-request-public.service.ts';
import { InfoRequestRecordsRepository } from './info-request-records.repository.ts';
import { InfoRequestSettingsService } from './info-request-settings.service.ts';
import { InfoRequestSplitService } from './info-request-split.service.ts';

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

/** The services of one App (wired once in src/app.ts). */
export function requestExtras(app: App): RequestExtras {
  return app.requests.extras;
}

/** The services from explicit dependencies (tests that build the core services themselves). */
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
