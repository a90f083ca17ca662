/** Writes audit events inside the caller's transaction, so a change and its record commit together. */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { actorName, type CallContext } from '../actor.ts';
import type { Clock } from '../clock.ts';
import type { AuditRepository } from './audit.repository.ts';

export interface AuditEntry {
  /** Dotted verb, e.g. 'unit.create', 'auth.login_failed'. */
  action: string;
  targetType?: string;
  targetId?: string | number;
  /** One Chinese sentence a reviewer can read. */
  summary: string;
  before?: unknown;
  after?: unknown;
  /** Overrides the actor's name (e.g. the username typed at a failed login). */
  actorNameOverride?: string;
}

const MAX_UA = 300;

export class AuditLog {
  constructor(
    private readonly repo: AuditRepository,
    private readonly clock: Clock,
  ) {}

  async record(trx: Transaction<DB>, ctx: CallContext, e: AuditEntry): Promise<void> {
    const a = ctx.actor;
    await this.repo.append(trx, {
      occurred_at: this.clock.now().toISOString(),
      actor_user_id: a.kind === 'user' ? a.userId : null,
      actor_name: e.actorNameOverride ?? actorName(a),
      actor_unit_id: a.kind === 'user' ? a.unitId : null,
      action: e.action,
      target_type: e.targetType ?? null,
      target_id: e.targetId === undefined ? null : String(e.targetId),
      summary: e.summary,
      before_json: e.before === undefined ? null : JSON.stringify(e.before),
      after_json: e.after === undefined ? null : JSON.stringify(e.after),
      ip: ctx.meta.ip,
      user_agent: ctx.meta.userAgent ? ctx.meta.userAgent.slice(0, MAX_UA) : null,
    });
  }
}

/** Fields that differ between two records, for compact before/after summaries. */
export function diffFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const k of Object.keys(after) as (keyof T)[]) {
    if (after[k] !== undefined && after[k] !== before[k]) {
      b[k] = before[k];
      a[k] = after[k];
    }
  }
  return { before: b, after: a };
}
