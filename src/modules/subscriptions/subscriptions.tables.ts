/**
 * Persisted shape of 政策找人 subscriptions (src/db/migrations/0028-subscriptions.ts). Timestamps are
 * ISO-8601 UTC. The address is personal data: stored encrypted (FieldCipher), as a keyed hash for dedupe,
 * and masked for staff pages; it is erased when the subscriber unsubscribes.
 */
import type { Generated } from 'kysely';

export interface SubscriptionTable {
  id: Generated<number>;
  /** SUBSCRIPTION_STATES: 'pending' (not confirmed) → 'confirmed' → 'unsubscribed'. */
  state: string;
  /** Encrypted address; '' once erased (unsubscribed). */
  email_enc: string;
  /** HMAC-SHA256 of the normalised address under the data key; null once erased. */
  email_hash: string | null;
  /** 'z***@qq.com', safe for staff pages and the audit log. */
  email_masked: string;
  /** JSON arrays of the choices: topic ids, unit ids, 对象 keys, kind keys (empty = any). */
  topics_json: string;
  units_json: string;
  audiences_json: string;
  kinds_json: string;
  /** Random value the confirmation link is bound to; null once used (single-use link). */
  confirm_nonce: string | null;
  /** Random value the manage and unsubscribe links are bound to; null once unsubscribed. */
  manage_nonce: string | null;
  /** The consent line the subscriber ticked, as shown. */
  consent_text: string;
  created_at: string;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
  last_sent_at: string | null;
  updated_at: string;
}

/** The sent-log: one row per item mailed to a subscriber (unique per subscription, source and item). */
export interface SubscriptionDeliveryTable {
  id: Generated<number>;
  subscription_id: number;
  source: string;
  item_id: number;
  run_key: string;
  mail_id: number | null;
  created_at: string;
}

/** One digest run: its claim (unique run key) and the window of publication times it covered. */
export interface SubscriptionRunTable {
  id: Generated<number>;
  run_key: string;
  since: string;
  until: string;
  /** Where the next run's window starts: an hour before `until`, or the end of a source's full page. */
  next_since: string | null;
  items: Generated<number>;
  mails: Generated<number>;
  finished_at: string | null;
  created_at: string;
}

export interface SubscriptionTables {
  subscriptions: SubscriptionTable;
  subscription_deliveries: SubscriptionDeliveryTable;
  subscription_runs: SubscriptionRunTable;
}

declare module '../../db/schema.ts' {
  interface DB extends SubscriptionTables {}
}
