/**
 * The boxes (信箱) citizens write to: a leader's or a unit's 信箱, 政务咨询, 我为政府网站找错. Each is owned
 * by a unit (its letters wait there for routing) and may set its own reply limit. Managed by the
 * 政务公开办 (letter.oversee on the owning unit); every change is audited in its transaction.
 */

import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { can } from '../../kernel/permissions.ts';
import type { CallContext } from '../../lib/actor.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, type FieldProblem } from '../../lib/errors.ts';
import type { UnitDirectory } from '../orgs/unit-directory.ts';
import { CHANNEL_KINDS, type ChannelKind, MAX_NAME_LENGTH } from './letter.model.ts';
import { textProblem } from './letter.schemas.ts';
import type { ChannelRow, LettersRepository } from './letters.repository.ts';

export interface ChannelInput {
  unitId: number;
  kind: ChannelKind;
  name: string;
  leaderName: string | null;
  description: string;
  replyWorkingDays: number | null;
  active: boolean;
  position: number;
}

const str = (v: unknown) =>
  typeof v === 'string' ? v.trim() : v === undefined || v === null ? '' : String(v).trim();

/** Parses the box form; every problem by field. */
export function parseChannelForm(f: Record<string, unknown>): ChannelInput {
  const problems: FieldProblem[] = [];
  const text = (field: string, label: string, max: number, required: boolean) => {
    const v = str(f[field]);
    if (v === '') {
      if (required) problems.push({ field, message: `请填写${label}` });
      return '';
    }
    const p = textProblem(label, v, max);
    if (p) problems.push({ field, message: p });
    return v;
  };
  const name = text('name', '信箱名称', MAX_NAME_LENGTH, true);
  const leaderName = text('leaderName', '领导姓名', MAX_NAME_LENGTH, false);
  const description = text('description', '信箱说明', 500, false);
  const kind = str(f.kind) || 'mailbox';
  if (!CHANNEL_KINDS.includes(kind as ChannelKind))
    problems.push({ field: 'kind', message: '请选择信箱类型' });
  const unitId = Number(str(f.unitId));
  if (!Number.isInteger(unitId) || unitId <= 0) problems.push({ field: 'unitId', message: '请选择所属单位' });
  const daysRaw = str(f.replyWorkingDays);
  let replyWorkingDays: number | null = null;
  if (daysRaw !== '') {
    const n = Number(daysRaw);
    if (!/^\d+$/.test(daysRaw) || n < 1 || n > 60)
      problems.push({
        field: 'replyWorkingDays',
        message: '本信箱答复期限应为 1 至 60 之间的整数（工作日），不填则按系统设置',
      });
    else replyWorkingDays = n;
  }
  const posRaw = str(f.position);
  const position = posRaw === '' ? 0 : Number(posRaw);
  if (!Number.isInteger(position) || position < 0 || position > 999)
    problems.push({ field: 'position', message: '排序应为 0 至 999 之间的整数' });
  if (problems.length) throw AppError.validation(problems);
  return {
    unitId,
    kind: kind as ChannelKind,
    name,
    leaderName: leaderName || null,
    description,
    replyWorkingDays,
    active: str(f.active) !== 'no',
    position,
  };
}

export class LetterChannelService {
  constructor(
    private readonly d: {
      db: Kysely<DB>;
      audit: AuditLog;
      clock: Clock;
      units: UnitDirectory;
      repo: LettersRepository;
    },
  ) {}

  private async checkUnit(ctx: CallContext, unitId: number): Promise<void> {
    const unit = await this.d.units.findById(unitId);
    if (!unit) throw AppError.validation([{ field: 'unitId', message: '所属单位不存在' }]);
    // Imports and the demo seed act as the named system user.
    if (ctx.actor.kind !== 'system' && !can(ctx.actor, 'letter.oversee', unit.path))
      throw AppError.forbidden('您不能管理该单位的信箱');
  }

  async create(ctx: CallContext, fields: Record<string, unknown>): Promise<ChannelRow> {
    const input = parseChannelForm(fields);
    await this.checkUnit(ctx, input.unitId);
    return this.d.db.transaction().execute(async (trx) => {
      const row = await this.d.repo.insertChannel(trx, {
        unit_id: input.unitId,
        kind: input.kind,
        name: input.name,
        leader_name: input.leaderName,
        description: input.description,
        reply_working_days: input.replyWorkingDays,
        active: input.active ? 1 : 0,
        position: input.position,
        created_at: this.d.clock.now().toISOString(),
      });
      await this.d.audit.record(trx, ctx, {
        action: 'letter.channel_create',
        targetType: 'letter_channel',
        targetId: row.id,
        summary: `新建信箱“${row.name}”`,
        after: input,
      });
      return row;
    });
  }

  async update(ctx: CallContext, id: number, fields: Record<string, unknown>): Promise<void> {
    const before = await this.d.repo.channel(id);
    if (!before) throw AppError.notFound('信箱');
    await this.checkUnit(ctx, before.unit_id);
    const input = parseChannelForm(fields);
    await this.checkUnit(ctx, input.unitId);
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.repo.updateChannel(trx, id, {
        unit_id: input.unitId,
        kind: input.kind,
        name: input.name,
        leader_name: input.leaderName,
        description: input.description,
        reply_working_days: input.replyWorkingDays,
        active: input.active ? 1 : 0,
        position: input.position,
      });
      await this.d.audit.record(trx, ctx, {
        action: 'letter.channel_update',
        targetType: 'letter_channel',
        targetId: id,
        summary: `修改信箱“${input.name}”`,
        before,
        after: input,
      });
    });
  }
}
