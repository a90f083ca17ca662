/**
 * What the 依申请公开 services share, and the narrow port through which a workflow event e-mails a
 * letter. Kept apart from the services and the mailer so that neither imports the other (the mailer
 * needs the settings service, which needs these deps).
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { CallContext } from '../../lib/actor.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import type { WorkingDayCalendar } from '../../lib/calendar/calendar.ts';
import type { Clock } from '../../lib/clock.ts';
import type { NewMail } from '../../lib/mail/mail-outbox.ts';
import type { UnitDirectory } from '../orgs/unit-directory.ts';
import type { InfoRequestRepository, InfoRequestRow } from './info-request.repository.ts';

/** E-mails the letter a workflow event sends (info-request-letter.mail.tsx#LetterMails). */
export interface LetterMailPort {
  /** The mail for the newest unsent letter of `kind` on `row`, or null; built before the transaction. */
  prepare(ctx: CallContext, row: InfoRequestRow, kind: string): Promise<NewMail | null>;
  /** Enqueues it inside the event's transaction. */
  enqueue(trx: Transaction<DB>, mail: NewMail): Promise<{ id: number; recipient: string }>;
}

/** Dependencies shared by the 依申请公开 services. */
export interface InfoRequestDeps {
  db: Kysely<DB>;
  repo: InfoRequestRepository;
  unitDirectory: UnitDirectory;
  audit: AuditLog;
  clock: Clock;
  calendar: { calendar(): Promise<WorkingDayCalendar> };
  /** E-mails the letters events send (absent where mail is not wired, e.g. some tests). */
  letterMails?: LetterMailPort;
}
