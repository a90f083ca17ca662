/**
 * Persisted shape of the letters tables (src/db/migrations/0021-letters.ts). Dates are 'YYYY-MM-DD' text
 * (China days), timestamps ISO-8601 UTC text, booleans 0/1 integers. Codes are those of letter.model.ts.
 */
import type { Generated } from 'kysely';

export interface LetterChannelTable {
  id: Generated<number>;
  /** The unit that owns the box (its letters are routed from here). */
  unit_id: number;
  /** ChannelKind: 'mailbox' (领导信箱 / 部门信箱 / 咨询) or 'site_error' (我为政府网站找错). */
  kind: string;
  /** e.g. 县长信箱, 政务公开咨询, 我为政府网站找错. */
  name: string;
  /** The leader a 领导信箱 belongs to (shown on the form), or null. */
  leader_name: string | null;
  description: Generated<string>;
  /** This box's own reply limit in working days; null = the settings' limit for the letter's type. */
  reply_working_days: number | null;
  active: Generated<number>;
  position: Generated<number>;
  created_at: string;
}

export interface LetterSerialTable {
  year: number;
  last: number;
}

export interface LetterTable {
  id: Generated<number>;
  /** 编号, e.g. XX2026-000123 (letterReference). */
  reference: string;
  /** SHA-256 (hex) of the 查询码; the code itself only encrypted, to repeat it on a double submit. */
  lookup_code_hash: string;
  lookup_code_enc: string;
  /** The form's one-time key: a double submit returns the first letter instead of a second. */
  idempotency_key: string | null;
  channel_id: number;
  /** LetterType code (LETTER_TYPES). */
  type: string;
  title: string;
  body: string;
  /** AES-256-GCM encrypted JSON of WriterData (name, phone, e-mail). */
  writer_enc: string;
  /** The name masked for lists and published pages (张*, 欧阳**). */
  writer_masked: string;
  /** 是否同意公开: the writer agreed that the letter and its reply may be published (masked). */
  consent_publish: Generated<number>;
  /** 找错: the page the error is on (filled in from the page the writer came from). */
  page_url: string | null;
  /** 找错: SiteErrorKind code. */
  error_kind: string | null;
  /** LetterStatus. */
  status: string;
  /** The unit handling the letter; null while it waits for the 政务公开办 to route it. */
  unit_id: number | null;
  /** Marked 简单咨询 by staff: the shorter reply limit applies. */
  simple: Generated<number>;
  received_at: string;
  /** 收到之日 (China day of received_at). */
  received_on: string;
  /** The day the clock counts from (received_on; the follow-up's day for round 2; a transfer's day only when the setting says transfers reset the clock). */
  clock_started_on: string;
  /** 答复期限: clock_started_on + limit_working_days working days. */
  due_on: string;
  limit_working_days: number;
  /** When the (latest) reply was sent. */
  answered_at: string | null;
  answered_on: string | null;
  closed_at: string | null;
  /** CloseReason code when closed without a reply (spam, duplicate, out of scope …). */
  close_reason: string | null;
  close_note: string | null;
  /** A duplicate's earlier letter. */
  duplicate_of: number | null;
  /** Rating code: 'satisfied' | 'basically' | 'dissatisfied'. */
  rating: string | null;
  rated_at: string | null;
  /** The writer's one follow-up (追问). */
  follow_up: string | null;
  follow_up_at: string | null;
  /** Published (with consent, after review, personal data masked); the public_* texts are what is shown. */
  published_at: string | null;
  public_title: string | null;
  public_body: string | null;
  public_reply: string | null;
  revision: Generated<number>;
  updated_at: string;
}

export interface LetterReplyTable {
  id: Generated<number>;
  letter_id: number;
  /** 1 = the answer; 2 = the answer to the follow-up. */
  round: number;
  unit_id: number;
  body: string;
  /** ReplyStatus: 'draft' | 'in_review' | 'returned' | 'sent'. */
  status: string;
  drafted_by: number | null;
  drafted_at: string;
  reviewed_by: number | null;
  reviewed_at: string | null;
  review_note: string | null;
  sent_at: string | null;
}

export interface LetterEventTable {
  id: Generated<number>;
  letter_id: number;
  /** LetterEventKind. */
  kind: string;
  from_unit_id: number | null;
  to_unit_id: number | null;
  /** The reason of a hand-back, transfer or closing; the review note; … */
  note: string | null;
  actor_id: number | null;
  at: string;
}

export interface LetterAttachmentTable {
  id: Generated<number>;
  letter_id: number;
  file_name: string;
  /** FileKind of src/lib/file-types.ts, found from the content. */
  file_kind: string;
  size: number;
  /** AES-256-GCM encrypted base64 of the file. */
  content_enc: string;
  created_at: string;
}

export interface LetterReminderTable {
  letter_id: number;
  /** 'due_soon' | 'overdue'. */
  kind: string;
  day: string;
  created_at: string;
}

export interface LettersTables {
  letter_channels: LetterChannelTable;
  letter_serials: LetterSerialTable;
  letters: LetterTable;
  letter_replies: LetterReplyTable;
  letter_events: LetterEventTable;
  letter_attachments: LetterAttachmentTable;
  letter_reminders: LetterReminderTable;
}

declare module '../../db/schema.ts' {
  interface DB extends LettersTables {}
}
