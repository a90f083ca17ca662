/** The 安全审计员's read-only view of the audit log: filter, page, export, verify the chain. */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { scopesFor } from '../../kernel/permissions.ts';
import type { CallContext } from '../../lib/actor.ts';
import type { AuditFilter, AuditRepository } from '../../lib/audit/audit.repository.ts';
import type { ChainBreak } from '../../lib/audit/audit-chain.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import { addDays, isValidPlainDate } from '../../lib/calendar/index.ts';
import { AppError } from '../../lib/errors.ts';
import { parseInput } from '../../lib/validation.ts';
import type { UnitDirectory } from '../orgs/unit-directory.ts';

/** Rows per export file; larger ranges must be narrowed by date. */
const AUDIT_EXPORT_MAX_ROWS = 50_000;
export const AUDIT_PAGE_SIZE = 50;

const date = z
  .string()
  .trim()
  .optional()
  .refine((v) => !v || isValidPlainDate(v), '日期格式应为 2026-01-31');

export const auditQuerySchema = z.object({
  from: date,
  to: date,
  action: z.string().trim().max(60).optional(),
  actor: z.string().trim().max(60).optional(),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** China Standard Time day boundaries: '2026-01-31' begins at 2026-01-30T16:00Z. */
function cstStart(d: string): string {
  return new Date(`${d}T00:00:00+08:00`).toISOString();
}

export class AuditService {
  constructor(
    private readonly d: { db: Kysely<DB>; repo: AuditRepository; audit: AuditLog; units: UnitDirectory },
  ) {}

  async search(ctx: CallContext, raw: unknown) {
    const q = parseInput(auditQuerySchema, raw);
    const filter = await this.filterFor(ctx, q, 'audit.read');
    const total = await this.d.repo.count(filter);
    const events = await this.d.repo.list(filter, AUDIT_PAGE_SIZE, (q.page - 1) * AUDIT_PAGE_SIZE);
    return { q, total, events, actions: await this.d.repo.actions() };
  }

  /** Rows for an export; the export itself is recorded in the audit log. */
  async exportRows(ctx: CallContext, raw: unknown, format: 'csv' | 'xlsx') {
    const q = parseInput(auditQuerySchema, raw);
    const filter = await this.filterFor(ctx, q, 'audit.export');
    const total = await this.d.repo.count(filter);
    if (total > AUDIT_EXPORT_MAX_ROWS) {
      throw AppError.validation([
        {
          field: 'from',
          message: `符合条件的记录有 ${total} 条，超过单次导出上限 ${AUDIT_EXPORT_MAX_ROWS} 条，请缩小日期范围`,
        },
      ]);
    }
    const rows = await this.d.repo.list(filter, AUDIT_EXPORT_MAX_ROWS);
    await this.d.db.transaction().execute((trx) =>
      this.d.audit.record(trx, ctx, {
        action: 'audit.export',
        summary: `导出审计日志 ${rows.length} 条（${format}）`,
        after: { filter: q },
      }),
    );
    return rows;
  }

  async verify(ctx: CallContext): Promise<ChainBreak | null> {
    if (scopesFor(ctx.actor, 'audit.read').length === 0) throw AppError.forbidden();
    return this.d.repo.verify();
  }

  /** Auditors see events of actors in their subtree; a grant on a top-level unit sees everything. */
  private async filterFor(
    ctx: CallContext,
    q: AuditQuery,
    action: 'audit.read' | 'audit.export',
  ): Promise<AuditFilter> {
    const scopes = scopesFor(ctx.actor, action);
    if (scopes.length === 0) throw AppError.forbidden();
    const filter: AuditFilter = {
      from: q.from ? cstStart(q.from) : undefined,
      to: q.to ? cstStart(addDays(q.to, 1)) : undefined,
      action: q.action || undefined,
      actor: q.actor || undefined,
    };
    const everything = scopes.some((p) => p.split('/').filter(Boolean).length === 1);
    if (!everything) {
      const ids = new Set<number>();
      for (const p of scopes) for (const u of await this.d.units.listSubtree(p)) ids.add(u.id);
      filter.unitIds = [...ids];
    }
    return filter;
  }
}
