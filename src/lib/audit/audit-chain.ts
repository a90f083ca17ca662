/**
 * Hash chain of the audit log (等保 2.0: audit records protected against tampering).
 * Each row's hash covers its own fields and the previous row's hash, so editing, deleting or
 * inserting any row breaks every later link; `gongkai audit verify` names the first broken row.
 */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields a row's hash covers, in a fixed order. */
export interface ChainedFields {
  id: number;
  occurred_at: string;
  actor_user_id: number | null;
  actor_name: string;
  actor_unit_id: number | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  summary: string;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
  user_agent: string | null;
  prev_hash: string;
}

/** SHA-256 over a canonical JSON array of the row's fields (order fixed, no key ambiguity). */
export function hashAuditRow(row: ChainedFields): string {
  const canonical = JSON.stringify([
    row.id,
    row.occurred_at,
    row.actor_user_id,
    row.actor_name,
    row.actor_unit_id,
    row.action,
    row.target_type,
    row.target_id,
    row.summary,
    row.before_json,
    row.after_json,
    row.ip,
    row.user_agent,
    row.prev_hash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export type ChainBreak =
  | { id: number; reason: 'hash_mismatch' | 'prev_hash_mismatch' }
  | { id: number; reason: 'gap'; expectedId: number }
  | { id: number; reason: 'head_mismatch' };

/**
 * Checks a run of rows (ordered by id) continuing from `prev` (the last verified row, or null at
 * the start of the log). Returns the first break, or null.
 */
export function verifyChainSegment(
  rows: (ChainedFields & { hash: string })[],
  prev: { id: number; hash: string } | null,
): ChainBreak | null {
  let last = prev;
  for (const row of rows) {
    const expectedId = last ? last.id + 1 : 1;
    if (row.id !== expectedId) return { id: row.id, reason: 'gap', expectedId };
    if (row.prev_hash !== (last ? last.hash : GENESIS_HASH))
      return { id: row.id, reason: 'prev_hash_mismatch' };
    if (hashAuditRow(row) !== row.hash) return { id: row.id, reason: 'hash_mismatch' };
    last = { id: row.id, hash: row.hash };
  }
  return null;
}
