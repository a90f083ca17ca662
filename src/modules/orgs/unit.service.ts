/**
 * Use-cases for the unit tree: create, edit, move, deactivate, leaders. Each checks every reason
 * it cannot run first, then changes data and writes its audit event in one transaction.
 * Units are never hard-deleted: other records refer to them.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB, Unit, UnitLeader } from '../../db/schema.ts';
import { can } from '../../kernel/permissions.ts';
import type { CallContext } from '../../lib/actor.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import { diffFields } from '../../lib/audit/audit-log.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, type FieldProblem } from '../../lib/errors.ts';
import { parseInput } from '../../lib/validation.ts';
import { validateOrgCode } from '../../lib/validators/index.ts';
import { type LeaderInput, leaderInputSchema, type UnitInput, unitInputSchema } from './unit.model.ts';
import type { UnitRepository } from './unit.repository.ts';
import type { UnitDirectory } from './unit-directory.ts';

/** Called inside the creating transaction, e.g. to give a new unit its 政府信息公开 columns. */
export type UnitCreatedHook = (trx: Transaction<DB>, unit: Unit, ctx: CallContext) => Promise<void>;

export interface UnitServiceDeps {
  db: Kysely<DB>;
  units: UnitRepository;
  audit: AuditLog;
  clock: Clock;
}

/**
 * How long public pages may show a cached unit list. Units change rarely; other processes see an
 * edit within this time, this process at once.
 */
const ACTIVE_UNITS_TTL_MS = 5_000;

export class UnitService implements UnitDirectory {
  private readonly createdHooks: UnitCreatedHook[] = [];
  private activeCache: { at: number; units: Promise<Unit[]> } | null = null;
  constructor(private readonly d: UnitServiceDeps) {}

  /** Active units in tree order, for public pages and pickers (briefly cached). */
  async activeUnits(): Promise<Unit[]> {
    const now = Date.now();
    if (!this.activeCache || now - this.activeCache.at > ACTIVE_UNITS_TTL_MS) {
      this.activeCache = { at: now, units: this.d.units.listActive() };
      this.activeCache.units.catch(() => {
        this.activeCache = null;
      });
    }
    return this.activeCache.units;
  }

  private invalidate(): void {
    this.activeCache = null;
  }

  // UnitDirectory: the read side other modules use (they never see the repository).
  findById(id: number, q?: Parameters<UnitRepository['findById']>[1]): Promise<Unit | undefined> {
    return this.d.units.findById(id, q);
  }
  findByName(name: string): Promise<Unit | undefined> {
    return this.d.units.findByName(name);
  }
  listAll(): Promise<Unit[]> {
    return this.d.units.listAll();
  }
  listActive(): Promise<Unit[]> {
    return this.d.units.listActive();
  }
  listSubtree(path: string): Promise<Unit[]> {
    return this.d.units.listSubtree(path);
  }
  leaders(unitId: number): Promise<UnitLeader[]> {
    return this.d.units.leaders(unitId);
  }
  findLeader(id: number): Promise<UnitLeader | undefined> {
    return this.d.units.findLeader(id);
  }

  onUnitCreated(hook: UnitCreatedHook): void {
    this.createdHooks.push(hook);
  }

  async get(id: number): Promise<Unit> {
    const u = await this.d.units.findById(id);
    if (!u) throw AppError.notFound('单位');
    return u;
  }

  /** Creates a unit under `parentId` (null = a root, allowed only to the system itself or a root admin). */
  async createUnit(ctx: CallContext, parentId: number | null, raw: unknown): Promise<Unit> {
    const input = parseInput(unitInputSchema, raw);
    const parent = parentId === null ? null : await this.get(parentId);
    this.requireManage(ctx, parent);
    const credit = this.checkCreditCode(input.creditCode);
    const code = credit.normalised ?? undefined;
    if (parent && !parent.active)
      throw AppError.validation([{ field: 'parentId', message: '上级单位已停用' }]);
    const now = this.d.clock.now().toISOString();
    return this.d.db
      .transaction()
      .execute(async (trx) => {
        if (code && (await this.d.units.codeTaken(code, null, trx))) throw duplicateCode();
        const unit = await this.d.units.insert(
          trx,
          {
            ...toRow(input, credit),
            code,
            parent_id: parent?.id ?? null,
            active: 1,
            created_at: now,
            updated_at: now,
          },
          parent,
        );
        await this.d.audit.record(trx, ctx, {
          action: 'unit.create',
          targetType: 'unit',
          targetId: unit.id,
          summary: `新建单位“${unit.name}”${parent ? `，上级单位“${parent.name}”` : ''}`,
          after: { name: unit.name, kind: unit.kind, parentId: unit.parent_id },
        });
        for (const hook of this.createdHooks) await hook(trx, unit, ctx);
        return unit;
      })
      .finally(() => this.invalidate());
  }

  async updateUnit(ctx: CallContext, id: number, raw: unknown): Promise<Unit> {
    const unit = await this.get(id);
    this.requireManage(ctx, unit);
    const input = parseInput(unitInputSchema, raw);
    const credit = this.checkCreditCode(input.creditCode);
    const patch = toRow(input, credit);
    const changes = diffFields(unit as unknown as Record<string, unknown>, patch as Record<string, unknown>);
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.units.update(trx, id, { ...patch, updated_at: this.d.clock.now().toISOString() });
      await this.d.audit.record(trx, ctx, {
        action: 'unit.update',
        targetType: 'unit',
        targetId: id,
        summary: `修改单位“${unit.name}”的信息（${Object.keys(changes.after).join('、') || '无变化'}）`,
        ...changes,
      });
    });
    this.invalidate();
    return this.get(id);
  }

  /** Moves a unit (with its subtree) under another parent. */
  async moveUnit(ctx: CallContext, id: number, newParentId: number): Promise<void> {
    const unit = await this.get(id);
    const target = await this.get(newParentId);
    this.requireManage(ctx, unit);
    this.requireManage(ctx, target);
    const problems: FieldProblem[] = [];
    if (target.path.startsWith(unit.path))
      problems.push({ field: 'parentId', message: '不能移动到本单位或其下级单位之下' });
    if (!target.active) problems.push({ field: 'parentId', message: '目标上级单位已停用' });
    if (unit.parent_id === null) problems.push({ field: 'parentId', message: '顶级单位不能移动' });
    if (problems.length) throw AppError.validation(problems);
    const newPath = `${target.path}${unit.id}/`;
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.units.moveSubtree(trx, unit.path, newPath, target.depth + 1 - unit.depth);
      await this.d.units.update(trx, id, {
        parent_id: target.id,
        updated_at: this.d.clock.now().toISOString(),
      });
      await this.d.audit.record(trx, ctx, {
        action: 'unit.move',
        targetType: 'unit',
        targetId: id,
        summary: `将单位“${unit.name}”移动到“${target.name}”之下`,
        before: { parentId: unit.parent_id },
        after: { parentId: target.id },
      });
    });
    this.invalidate();
  }

  /** Deactivates (or reactivates) a unit; a unit with active sub-units cannot be deactivated. */
  async setActive(ctx: CallContext, id: number, active: boolean): Promise<void> {
    const unit = await this.get(id);
    this.requireManage(ctx, unit);
    if (!active && (await this.d.units.countActiveChildren(id)) > 0) {
      throw AppError.conflict('该单位还有未停用的下级单位，请先停用下级单位');
    }
    if (!active && unit.parent_id === null) throw AppError.conflict('顶级单位不能停用');
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.units.update(trx, id, {
        active: active ? 1 : 0,
        updated_at: this.d.clock.now().toISOString(),
      });
      await this.d.audit.record(trx, ctx, {
        action: active ? 'unit.reactivate' : 'unit.deactivate',
        targetType: 'unit',
        targetId: id,
        summary: `${active ? '启用' : '停用'}单位“${unit.name}”`,
      });
    });
    this.invalidate();
  }

  async addLeader(ctx: CallContext, unitId: number, raw: unknown): Promise<void> {
    const unit = await this.get(unitId);
    this.requireManage(ctx, unit);
    const input: LeaderInput = parseInput(leaderInputSchema, raw);
    await this.d.db.transaction().execute(async (trx) => {
      const id = await this.d.units.insertLeader(trx, {
        unit_id: unitId,
        name: input.name,
        title: input.title,
        duties: input.duties,
        sort_order: input.sortOrder ?? 0,
      });
      await this.d.audit.record(trx, ctx, {
        action: 'unit.leader_add',
        targetType: 'unit_leader',
        targetId: id,
        summary: `为“${unit.name}”添加领导信息：${input.title} ${input.name}`,
      });
    });
  }

  async removeLeader(ctx: CallContext, leaderId: number): Promise<void> {
    const leader = await this.d.units.findLeader(leaderId);
    if (!leader) throw AppError.notFound('领导信息');
    const unit = await this.get(leader.unit_id);
    this.requireManage(ctx, unit);
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.units.deleteLeader(trx, leaderId);
      await this.d.audit.record(trx, ctx, {
        action: 'unit.leader_remove',
        targetType: 'unit_leader',
        targetId: leaderId,
        summary: `删除“${unit.name}”的领导信息：${leader.title} ${leader.name}`,
        before: { name: leader.name, title: leader.title },
      });
    });
  }

  private requireManage(ctx: CallContext, unit: Unit | null): void {
    if (ctx.actor.kind === 'system') return;
    if (!unit) throw AppError.forbidden('只有系统初始化可以创建顶级单位');
    if (!can(ctx.actor, 'unit.manage', unit.path)) throw AppError.forbidden();
  }

  private checkCreditCode(code: string | null): { normalised: string | null; legacy: boolean } {
    if (!code) return { normalised: null, legacy: false };
    const r = validateOrgCode(code);
    if (!r.ok) throw AppError.validation([{ field: 'creditCode', message: `统一社会信用代码：${r.reason}` }]); // already checked by the schema
    return { normalised: r.normalised, legacy: r.legacy };
  }
}

function duplicateCode(): AppError {
  return AppError.validation([{ field: 'creditCode', message: '统一社会信用代码：已被其他单位使用' }]);
}

function toRow(input: UnitInput, credit: { normalised: string | null; legacy: boolean }) {
  return {
    kind: input.kind,
    name: input.name,
    short_name: input.shortName,
    credit_code: credit.normalised,
    credit_code_legacy: credit.legacy ? 1 : 0,
    division_code: input.divisionCode,
    sort_order: input.sortOrder ?? 0,
    functions: input.functions,
    address: input.address,
    postcode: input.postcode,
    office_hours: input.officeHours,
    phone: input.phone,
    fax: input.fax,
    email: input.email,
    website: input.website,
  };
}
