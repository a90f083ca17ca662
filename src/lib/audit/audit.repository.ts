/** SQL for the append-only audit log. Appends run inside the caller's transaction. */
import type { Kysely, Transaction } from 'kysely';
import { escapeLike, isPostgres, likeEscaped } from '../../db/dialect.ts';
import type { AuditEvent, DB } from '../../db/schema.ts';
import { type ChainBreak, type ChainedFields, hashAuditRow, verifyChainSegment } from './audit-chain.ts';

export type NewAuditRow = Omit<ChainedFields, 'id' | 'prev_hash'>;

export interface AuditFilter {
  from?: string;
  to?: string;
  action?: string;
  actor?: string;
  targetType?: string;
  unitIds?: number[];
}

const PAGE_COLUMNS = [
  'id',
  'occurred_at',
  'actor_user_id',
  'actor_name',
  'actor_unit_id',
  'action',
  'target_type',
  'target_id',
  'summary',
  'before_json',
  'after_json',
  'ip',
  'user_agent',
  'prev_hash',
  'hash',
] as const;

export class AuditRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Appends one row, extending the hash chain. Must be called inside a transaction. */
  async append(trx: Transaction<DB>, row: NewAuditRow): Promise<number> {
    let q = trx.selectFrom('audit_head').select(['last_id', 'last_hash']).where('id', '=', 1);
    if (isPostgres(trx)) q = q.forUpdate();
    const head = await q.executeTakeFirstOrThrow();
    const fields: ChainedFields = { ...row, id: head.last_id + 1, prev_hash: head.last_hash };
    const hash = hashAuditRow(fields);
    await trx
      .insertInto('audit_events')
      .values({ ...fields, hash })
      .execute();
    await trx
      .updateTable('audit_head')
      .set({ last_id: fields.id, last_hash: hash })
      .where('id', '=', 1)
      .execute();
    return fields.id;
  }

  /** Walks the whole chain in batches; returns the first break or null. */
  async verify(onProgress?: (checked: number, total: number) => void): Promise<ChainBreak | null> {
    const total = await this.count({});
    let prev: { id: number; hash: string } | null = null;
    let checked = 0;
    for (;;) {
      const rows: (ChainedFields & { hash: string })[] = await this.db
        .selectFrom('audit_events')
        .select(PAGE_COLUMNS)
        .where('id', '>', prev ? prev.id : 0)
        .orderBy('id')
        .limit(2000)
        .execute();
      if (rows.length === 0) break;
      const broken = verifyChainSegment(rows, prev);
      if (broken) return broken;
      const last: { id: number; hash: string } = rows[rows.length - 1]!;
      prev = { id: last.id, hash: last.hash };
      checked += rows.length;
      onProgress?.(checked, total);
    }
    const head = await this.db
      .selectFrom('audit_head')
      .selectAll()
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    if ((prev?.id ?? 0) !== head.last_id || (prev?.hash ?? head.last_hash) !== head.last_hash) {
      return { id: prev?.id ?? 0, reason: 'head_mismatch' };
    }
    return null;
  }

  async count(filter: AuditFilter): Promise<number> {
    const r = await this.filtered(filter)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** Newest first, for the auditor's screen and exports. */
  async list(filter: AuditFilter, limit: number, offset = 0): Promise<AuditEvent[]> {
    return this.filtered(filter)
      .select(PAGE_COLUMNS)
      .orderBy('id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute();
  }

  private filtered(f: AuditFilter) {
    let q = this.db.selectFrom('audit_events');
    if (f.from) q = q.where('occurred_at', '>=', f.from);
    if (f.to) q = q.where('occurred_at', '<', f.to);
    if (f.action) q = q.where(likeEscaped('action', `${escapeLike(f.action)}%`));
    if (f.actor) q = q.where(likeEscaped('actor_name', `%${escapeLike(f.actor)}%`));
    if (f.targetType) q = q.where('target_type', '=', f.targetType);
    if (f.unitIds) q = q.where('actor_unit_id', 'in', f.unitIds.length ? f.unitIds : [-1]);
    return q;
  }

  /** Distinct action names, for the filter drop-down. */
  async actions(): Promise<string[]> {
    const rows = await this.db
      .selectFrom('audit_events')
      .select('action')
      .distinct()
      .orderBy('action')
      .execute();
    return rows.map((r) => r.action);
  }
}
