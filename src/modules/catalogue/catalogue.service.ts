/**
 * Use-cases of the catalogue: the 政务公开管理员 keeps each unit's list of what it must publish
 * (add, edit, retire, import a whole table, export it); everybody can read it.
 */
import type { Kysely } from 'kysely';
import type { DB, Unit } from '../../db/schema.ts';
import { can } from '../../kernel/permissions.ts';
import type { CallContext } from '../../lib/actor.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { parseInput } from '../../lib/validation.ts';
import type { UnitService } from '../orgs/unit.service.ts';
import { type CatalogueItem, type CatalogueItemInput, catalogueItemSchema } from './catalogue.model.ts';
import type { CatalogueRepository } from './catalogue.repository.ts';
import { catalogueToXlsx, parseCatalogueXlsx } from './catalogue-xlsx.ts';

export interface CatalogueServiceDeps {
  db: Kysely<DB>;
  repo: CatalogueRepository;
  units: UnitService;
  audit: AuditLog;
  clock: Clock;
}

export class CatalogueService {
  constructor(private readonly d: CatalogueServiceDeps) {}

  /** The public catalogue of an active unit. */
  async list(unitId: number): Promise<{ unit: Unit; items: CatalogueItem[] }> {
    const unit = await this.d.units.get(unitId);
    if (!unit.active) throw AppError.notFound('单位');
    return { unit, items: await this.d.repo.listForUnit(unitId) };
  }

  /** One active item with its unit. */
  async getItem(id: number): Promise<{ unit: Unit; item: CatalogueItem }> {
    const found = await this.d.repo.find(id);
    if (!found) throw AppError.notFound('目录条目');
    const { unit, items } = await this.list(found.unit_id);
    const item = items.find((it) => it.id === id);
    if (!item) throw AppError.notFound('目录条目');
    return { unit, item };
  }

  async columnsOf(unitId: number) {
    return this.d.repo.unitColumns(unitId);
  }

  async addItem(ctx: CallContext, unitId: number, raw: unknown): Promise<number> {
    const unit = await this.manageable(ctx, unitId);
    const item = await this.validItem(unitId, raw);
    const now = this.d.clock.now().toISOString();
    return this.d.db.transaction().execute(async (trx) => {
      const id = await this.d.repo.insert(
        trx,
        unit.id,
        await this.d.repo.nextPosition(trx, unit.id),
        item,
        now,
      );
      await this.d.audit.record(trx, ctx, {
        action: 'catalogue.add',
        targetType: 'catalogue_item',
        targetId: id,
        summary: `在“${unit.name}”主动公开目录中新增“${item.level1}${item.level2 ? ` / ${item.level2}` : ''}”`,
        after: item,
      });
      return id;
    });
  }

  async updateItem(ctx: CallContext, itemId: number, raw: unknown): Promise<void> {
    const found = await this.d.repo.find(itemId);
    if (!found) throw AppError.notFound('目录条目');
    const unit = await this.manageable(ctx, found.unit_id);
    const item = await this.validItem(unit.id, raw);
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.repo.update(trx, itemId, item, this.d.clock.now().toISOString());
      await this.d.audit.record(trx, ctx, {
        action: 'catalogue.update',
        targetType: 'catalogue_item',
        targetId: itemId,
        summary: `修改“${unit.name}”主动公开目录条目“${item.level1}”`,
        after: item,
      });
    });
  }

  async retireItem(ctx: CallContext, itemId: number): Promise<number> {
    const found = await this.d.repo.find(itemId);
    if (!found) throw AppError.notFound('目录条目');
    const unit = await this.manageable(ctx, found.unit_id);
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.repo.retire(trx, itemId, this.d.clock.now().toISOString());
      await this.d.audit.record(trx, ctx, {
        action: 'catalogue.retire',
        targetType: 'catalogue_item',
        targetId: itemId,
        summary: `从“${unit.name}”主动公开目录中移除“${found.level1}”`,
      });
    });
    return unit.id;
  }

  /**
   * Replaces the unit's catalogue with the rows of an .xlsx in the standard layout. Every row is
   * checked first; one bad row rejects the file with a per-row report and nothing changes.
   */
  async importXlsx(ctx: CallContext, unitId: number, buffer: Buffer): Promise<number> {
    const unit = await this.manageable(ctx, unitId);
    const { items, problems } = await parseCatalogueXlsx(buffer);
    if (problems.length)
      throw AppError.validation(problems, `表格中有 ${problems.length} 处问题，未导入任何条目`);
    const now = this.d.clock.now().toISOString();
    await this.d.db.transaction().execute(async (trx) => {
      const retired = await this.d.repo.retireAll(trx, unit.id, now);
      for (const [i, item] of items.entries()) await this.d.repo.insert(trx, unit.id, i + 1, item, now);
      await this.d.audit.record(trx, ctx, {
        action: 'catalogue.import',
        targetType: 'unit',
        targetId: unit.id,
        summary: `导入“${unit.name}”主动公开目录 ${items.length} 条（替换原有 ${retired} 条）`,
      });
    });
    return items.length;
  }

  async exportXlsx(unitId: number): Promise<{ fileName: string; body: Buffer }> {
    const { unit, items } = await this.list(unitId);
    return { fileName: `${unit.name}主动公开目录.xlsx`, body: await catalogueToXlsx(unit.name, items) };
  }

  private async manageable(ctx: CallContext, unitId: number): Promise<Unit> {
    const unit = await this.d.units.get(unitId);
    if (ctx.actor.kind !== 'system' && !can(ctx.actor, 'disclosure.manage', unit.path))
      throw AppError.forbidden();
    return unit;
  }

  private async validItem(unitId: number, raw: unknown): Promise<CatalogueItemInput> {
    const item = parseInput(catalogueItemSchema, raw);
    const own = new Set((await this.d.repo.unitColumns(unitId)).map((c) => c.id));
    if (item.columnIds.some((id) => !own.has(id)))
      throw AppError.validation([{ field: 'columnIds', message: '所在栏目：只能选择本单位的栏目' }]);
    return item;
  }
}
