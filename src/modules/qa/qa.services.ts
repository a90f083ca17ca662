/**
 * Builds the 政策问答库 services of one App. Sections between `// ── x ──` markers belong to the part that
 * builds them (entries and queue; the answer box; the 12345 exchange), so they can grow side by side.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import type { Clock } from '../../lib/clock.ts';
import type { MailOutbox } from '../../lib/mail/mail-outbox.ts';
import type { Registry } from '../../platform/module.ts';
// ── answers ──
import { type Answers, answersOf } from './answers/answers.services.ts';
// ── end answers ──

export interface QaDeps {
  db: Kysely<DB>;
  audit: AuditLog;
  clock: Clock;
  mail: MailOutbox;
  /** Absolute base URL for links in e-mails (unset: links are relative to the site). */
  publicUrl: string | undefined;
  units: Registry['units'];
  publishing: Registry['publishing'];
  /** The 规范性文件库 (optional module): validity of a cited document as of a day. */
  policies: Registry['policies'] | null;
  formSecret: string;
  encryptionKey: Uint8Array;
}

export interface Qa {
  deps: QaDeps;
  // ── entries ──
  // ── end entries ──
  // ── answers ──
  /** The 问答 box (answers with citations) and its "send to the unit" step. */
  readonly answers: Answers;
  // ── end answers ──
}

export function createQa(d: QaDeps): Qa {
  return {
    deps: d,
    // ── entries ──
    // ── end entries ──
    // ── answers ──
    // A getter: the box reads the entries part of this same object (wired in either order).
    get answers(): Answers {
      return answersOf(this, d);
    },
    // ── end answers ──
  };
}
