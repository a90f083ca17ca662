/**
 * Persisted shape of the outgoing mail outbox (src/db/migrations/0011-mail-outbox.ts).
 * Timestamps are ISO-8601 UTC. The recipient and the content (which names the applicant and
 * carries the letter) are personal data: both are stored encrypted (AES-256-GCM, FieldCipher).
 */
import type { Generated } from 'kysely';

/** 'pending' → 'sending' (claimed by one process) → 'sent' | back to 'pending' | 'failed'. */
export type MailStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface MailOutboxTable {
  id: Generated<number>;
  /** What the message is, e.g. 'request.letter'. */
  kind: string;
  /** What it belongs to, e.g. ('info_request_letter', letter id), for showing its state. */
  ref_type: string | null;
  ref_id: number | null;
  recipient_enc: string;
  /** 'z***@example.com', safe for lists, logs and the audit log. */
  recipient_masked: string;
  /** Never personal data (the case reference and letter title, not the applicant's name). */
  subject: string;
  /** Encrypted JSON of MailContent: text, html and attachments (base64). */
  content_enc: string;
  status: string;
  attempts: Generated<number>;
  next_attempt_at: string;
  /** Set while 'sending': after this moment another process may claim the message again. */
  lease_until: string | null;
  /** Random token of the claim, so only the claiming process records the outcome. */
  claim_token: string | null;
  last_attempt_at: string | null;
  /** Masked reason of the last failed attempt (no addresses in clear). */
  last_error: string | null;
  sent_at: string | null;
  /** Message-ID of the sent message, for tracing with the mail server's logs. */
  message_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface MailTables {
  mail_outbox: MailOutboxTable;
}

// Joins these tables into the database type (src/db/schema.ts knows no module).
declare module '../../db/schema.ts' {
  interface DB extends MailTables {}
}
