/**
 * Use-cases for 栏目 (columns): the 政府信息公开 template of every unit, and create / edit / move /
 * deactivate of columns (专题专栏 and others) by the 政务公开管理员. Each lists every reason it cannot
 * run first, then changes data and writes its audit event in one transaction.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB, Unit } from '../../../db/schema.ts';
import { can } from '../../../kernel/permissions.ts';
import type { CallContext } from '../../../lib/actor.ts';
import type { AuditLog } from '../../../lib/audit/audit-log.ts';
import type { Clock } from '../../../lib/clock.ts';
import { AppError, type FieldProblem } from '../../../lib/errors.ts';
import { parseInput } from '../../../lib/validation.ts';
import type { UnitService } from '../../orgs/unit.service.ts';
import { sanitiseHtml } from '../documents/html-sanitiser.ts';
import type { SiteColumn } from '../publishing.tables.ts';
import { type ColumnInput, columnInputSchema } from './column.model.ts';
import type { ColumnRepository } from './column.repository.ts';
import { disclosureTemplate, type TemplateColumn } from './column-template.ts';

export interface ColumnServiceDeps {
  db: Kysely<DB>;
  columns: ColumnRepository;
  units: UnitService;
  audit: AuditLog;
  clock: Clock;
}

export class ColumnService {
  constructor(private readonly d: ColumnServiceDeps) {}

  /** Registers the template hook: every new unit gets its 政府信息公开 columns in its creating transaction. */
  register(): void {
    this.d.units.onUnitCreated(async (trx, unit, ctx) => {
      await this.createTemplate(trx, unit, ctx);
    });
  }

  async get(id: number): Promise<SiteColumn> {
    const c = await this.d.columns.findById(id);
    if (!c) throw AppError.notFound('栏目');
    return c;
  }

  /** Every column of a unit in tree order (back office). */
  async listForUnit(unitId: number): Promise<SiteColumn[]> {
    return this.d.columns.listForUnit(unitId);
  }

  /** Public scope: active columns of a unit in tree order. */
  async listActiveForUnit(unitId: number): Promise<SiteColumn[]> {
    return this.d.columns.listActiveForUnit(unitId);
  }

  /**
   * Creates the 政府信息公开 template columns of `unit` inside `trx` that it does not have yet (idempotent:
   * nothing happens when it has them all; a column added to the template later, such as 政策解读, is added
   * to units created before). The unit itself is the responsible unit of each.
   */
  async createTemplate(trx: Transaction<DB>, unit: Unit, ctx: CallContext): Promise<number> {
    const existing = await this.d.columns.templateColumns(unit.id, trx);
    const now = this.d.clock.now().toISOString();
    let created = 0;
    const add = async (t: TemplateColumn, parent: SiteColumn | null, order: number) => {
      const have = existing.get(t.key);
      if (have) {
        for (const [i, child] of (t.children ?? []).entries()) await add(child, have, (i + 1) * 10);
        return;
      }
      const col = await this.d.columns.insert(
        trx,
        {
          unit_id: unit.id,
          parent_id: parent?.id ?? null,
          name: t.name,
          kind: t.kind,
          template_key: t.key,
          external_url: null,
          page_html: null,
          update_cycle: t.cycle,
          responsible_unit_id: unit.id,
          sort_order: order,
          active: 1,
          created_at: now,
          updated_at: now,
        },
        parent,
      );
      created++;
      for (const [i, child] of (t.children ?? []).entries()) await add(child, col, (i + 1) * 10);
    };
    for (const [i, t] of disclosureTemplate(unit.kind).entries()) await add(t, null, (i + 1) * 10);
    if (created === 0) return 0;
    await this.d.audit.record(trx, ctx, {
      action: 'column.template_create',
      targetType: 'unit',
      targetId: unit.id,
      summary: `为“${unit.name}”创建政府信息公开栏目（${created} 个）`,
    });
    return created;
  }

  /** Creates the template for every active unit that lacks it (units created before this module). */
  async createTemplatesForExistingUnits(ctx: CallContext): Promise<number> {
    if (ctx.actor.kind !== 'system') throw AppError.forbidden('只有系统任务可以批量创建栏目');
    let units = 0;
    for (const unit of await this.d.units.activeUnits()) {
      const n = await this.d.db.transaction().execute((trx) => this.createTemplate(trx, unit, ctx));
      if (n > 0) units++;
    }
    return units;
  }

  /** Creates a column (e.g. a 专题专栏) in `unitId`, at the top level or under `parentId`. */
  async createColumn(ctx: CallContext, unitId: number, parentId: number | null, raw: unknown) {
    const input = parseInput(columnInputSchema, raw);
    const unit = await this.d.units.get(unitId);
    this.requireManage(ctx, unit);
    const parent = parentId === null ? null : await this.get(parentId);
    const responsible = await this.d.units.get(input.responsibleUnitId ?? unit.id);
    const problems: FieldProblem[] = [];
    if (parent && parent.unit_id !== unit.id)
      problems.push({ field: 'parentId', message: '上级栏目不属于本单位' });
    if (parent && !parent.active) problems.push({ field: 'parentId', message: '上级栏目已停用' });
    if (!responsible.active) problems.push({ field: 'responsibleUnitId', message: '责任单位已停用' });
    if (problems.length) throw AppError.validation(problems);
    const now = this.d.clock.now().toISOString();
    return this.d.db.transaction().execute(async (trx) => {
      const col = await this.d.columns.insert(
        trx,
        {
          ...toRow(input, responsible.id),
          unit_id: unit.id,
          parent_id: parent?.id ?? null,
          template_key: null,
          active: 1,
          created_at: now,
          updated_at: now,
        },
        parent,
      );
      await this.d.audit.record(trx, ctx, {
        action: 'column.create',
        targetType: 'site_column',
        targetId: col.id,
        summary: `在“${unit.name}”新建栏目“${col.name}”${parent ? `，上级栏目“${parent.name}”` : ''}`,
        after: { name: col.name, kind: col.kind, parentId: col.parent_id },
      });
      return col;
    });
  }

  /** Edits a column's name, kind, cycle, responsible unit, link or page text. */
  async updateColumn(ctx: CallContext, id: number, raw: unknown): Promise<SiteColumn> {
    const col = await this.get(id);
    const unit = await this.d.units.get(col.unit_id);
    this.requireManage(ctx, unit);
    const input = parseInput(columnInputSchema, raw);
    const responsible = await this.d.units.get(input.responsibleUnitId ?? col.responsible_unit_id);
    const patch = toRow(input, responsible.id);
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.columns.update(trx, id, { ...patch, updated_at: this.d.clock.now().toISOString() });
      await this.d.audit.record(trx, ctx, {
        action: 'column.update',
        targetType: 'site_column',
        targetId: id,
        summary: `修改栏目“${col.name}”`,
        before: { name: col.name, kind: col.kind, updateCycle: col.update_cycle },
        after: { name: patch.name, kind: patch.kind, updateCycle: patch.update_cycle },
      });
    });
    return this.get(id);
  }

  /** Moves a column (with its sub-columns) under another column of the same unit, or to the top. */
  async moveColumn(ctx: CallContext, id: number, newParentId: number | null): Promise<void> {
    const col = await this.get(id);
    const unit = await this.d.units.get(col.unit_id);
    this.requireManage(ctx, unit);
    const target = newParentId === null ? null : await this.get(newParentId);
    const problems: FieldProblem[] = [];
    if (target && target.unit_id !== col.unit_id)
      problems.push({ field: 'parentId', message: '不能移动到其他单位的栏目之下' });
    if (target?.path.startsWith(col.path))
      problems.push({ field: 'parentId', message: '不能移动到本栏目或其下级栏目之下' });
    if (target && !target.active) problems.push({ field: 'parentId', message: '目标上级栏目已停用' });
    if (problems.length) throw AppError.validation(problems);
    const newPath = `${target ? target.path : '/'}${col.id}/`;
    const newDepth = target ? target.depth + 1 : 0;
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.columns.moveSubtree(trx, col.path, newPath, newDepth - col.depth);
      await this.d.columns.update(trx, id, {
        parent_id: target?.id ?? null,
        updated_at: this.d.clock.now().toISOString(),
      });
      await this.d.audit.record(trx, ctx, {
        action: 'column.move',
        targetType: 'site_column',
        targetId: id,
        summary: `将栏目“${col.name}”移动到${target ? `“${target.name}”之下` : '顶层'}`,
        before: { parentId: col.parent_id },
        after: { parentId: target?.id ?? null },
      });
    });
  }

  /** Deactivates (or reactivates) a column; one with active sub-columns cannot be deactivated. */
  async setActive(ctx: CallContext, id: number, active: boolean): Promise<void> {
    const col = await this.get(id);
    const unit = await this.d.units.get(col.unit_id);
    this.requireManage(ctx, unit);
    if (!active && (await this.d.columns.countActiveChildren(id)) > 0)
      throw AppError.conflict('该栏目还有未停用的下级栏目，请先停用下级栏目');
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.columns.update(trx, id, {
        active: active ? 1 : 0,
        updated_at: this.d.clock.now().toISOString(),
      });
      await this.d.audit.record(trx, ctx, {
        action: active ? 'column.reactivate' : 'column.deactivate',
        targetType: 'site_column',
        targetId: id,
        summary: `${active ? '启用' : '停用'}栏目“${col.name}”`,
      });
    });
  }

  private requireManage(ctx: CallContext, unit: Unit): void {
    if (ctx.actor.kind === 'system') return;
    if (!can(ctx.actor, 'disclosure.manage', unit.path)) throw AppError.forbidden();
  }
}

function toRow(input: ColumnInput, responsibleUnitId: number) {
  return {
    name: input.name,
    kind: input.kind,
    update_cycle: input.updateCycle,
    responsible_unit_id: responsibleUnitId,
    external_url: input.kind === 'link' ? input.externalUrl : null,
    page_html: input.kind === 'page' && input.pageHtml ? sanitiseHtml(input.pageHtml) : null,
    sort_order: input.sortOrder ?? 0,
  };
}
