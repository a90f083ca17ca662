import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { AuditLog } from '../../../lib/audit/audit-log.ts';
import type { Clock } from '../../../lib/clock.ts';
import type { Registry } from '../../../platform/module.ts';

/** What the box needs of QaDeps (qa.services.ts), named here so that file's import is one-way. */
export interface AnswersDeps {
  db: Kysely<DB>;
  audit: AuditLog;
  clock: Clock;
  units: Registry['units'];
  publishing: Registry['publishing'];
  policies: Registry['policies'] | null;
  formSecret: string;
  encryptionKey: Uint8Array;
}
