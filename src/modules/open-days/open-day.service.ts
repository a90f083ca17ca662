/**
 * 主题日 / 开放日 use-cases: the plan, its transitions, the staff's view of registrations (masked unless
 * the viewer holds openday.personal), the sign-in list and the 活动记录 with checked images. Public
 * registration is open-day-registration.ts; publication of the record open-day-record.ts.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB, Unit } from '../../db/schema.ts';
import { can } from '../../kernel/permissions.ts';
import type { CallContext } from '../../lib/actor.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, type FieldProblem, isAppError } from '../../lib/errors.ts';
import { FieldCipher } from '../../lib/field-cipher.ts';
import { checkUpload, type FileKind } from '../../lib/file-types.ts';
import { parseInput } from '../../lib/validation.ts';
import type { UnitService } from '../orgs/unit.service.ts';
import type { PublishingApi } from '../publishing/publishing.api.ts';
import {
  IMAGE_RULE,
  MAX_RECORD_IMAGES,
  maskName,
  maskPhone,
  OPEN_DAY_EVENTS,
  OPEN_DAY_STATE_LABELS,
  type OpenDayEvent,
  type OpenDayState,
  type PlanInput,
  planInputSchema,
  recordSchema,
  transitionProblem,
  withOthers,
} from './open-day.model.ts';
import { OpenDayRepository, type OpenDayRow } from './open-day.repository.ts';

export interface OpenDayDeps {
  db: Kysely<DB>;
  audit: AuditLog;
  clock: Clock;
  units: Pick<UnitService, 'activeUnits' | 'get'>;
  publishing: PublishingApi;
  formSecret: string;
  encryptionKey: Uint8Array;
}

export interface UploadedImage {
  fileName: string;
  content: Buffer;
}

/** A registration as staff see it: clear or masked by permission. */
export interface RegistrationView {
  id: number;
  name: string;
  phone: string;
  group: string;
  note: string | null;
  attended: boolean;
}

const planRow = (input: PlanInput) => ({
  theme: input.theme,
  type: input.type,
  event_date: input.eventDate,
  start_time: input.startTime,
  end_time: input.endTime ?? null,
  place: input.place,
  invited_groups: JSON.stringify(input.invitedGroups),
  activities: JSON.stringify(input.activities),
  description: input.description,
  capacity: input.capacity,
  registration_opens_on: input.registrationOpensOn,
  registration_closes_on: input.registrationClosesOn,
  survey_id: input.surveyId ?? null,
});

export class OpenDayService {
  readonly repo: OpenDayRepository;
  readonly cipher: FieldCipher;

  constructor(readonly d: OpenDayDeps) {
    this.repo = new OpenDayRepository(d.db);
    this.cipher = new FieldCipher(d.encryptionKey);
  }

  async manageableUnits(ctx: CallContext): Promise<Unit[]> {
    const units = await this.d.units.activeUnits();
    return ctx.actor.kind === 'system'
      ? units
      : units.filter((u) => can(ctx.actor, 'openday.manage', u.path));
  }

  async getForStaff(ctx: CallContext, id: number): Promise<{ row: OpenDayRow; unit: Unit }> {
    const row = await this.repo.findById(id);
    if (!row) throw AppError.notFound('活动');
    const unit = await this.d.units.get(row.unit_id);
    if (ctx.actor.kind !== 'system' && !can(ctx.actor, 'openday.manage', unit.path))
      throw AppError.forbidden();
    return { row, unit };
  }

  async create(ctx: CallContext, unitId: number, raw: unknown): Promise<number> {
    const unit = await this.d.units.get(unitId);
    if (ctx.actor.kind !== 'system' && !can(ctx.actor, 'openday.manage', unit.path))
      throw AppError.forbidden();
    const input = parseInput(planInputSchema, withOthers(raw));
    const now = this.d.clock.now().toISOString();
    return this.d.db.transaction().execute(async (trx) => {
      const id = await this.repo.insert(trx, {
        ...planRow(input),
        unit_id: unit.id,
        status: 'draft',
        record_text: null,
        document_id: null,
        created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        created_at: now,
        updated_at: now,
      });
      await this.d.audit.record(trx, ctx, {
        action: 'openday.create',
        targetType: 'open_day',
        targetId: id,
        summary: `新建活动“${input.theme}”（${input.eventDate}）`,
        after: { eventDate: input.eventDate, capacity: input.capacity },
      });
      return id;
    });
  }

  /** Edits the plan while a draft or 已公布计划; the capacity never below the places taken. */
  async update(ctx: CallContext, id: number, raw: unknown): Promise<void> {
    const { row } = await this.getForStaff(ctx, id);
    const state = row.status as OpenDayState;
    if (state !== 'draft' && state !== 'planned')
      throw new AppError('invalid_transition', `活动当前为“${OPEN_DAY_STATE_LABELS[state]}”，计划不能再修改`);
    const input = parseInput(planInputSchema, withOthers(raw));
    if (input.capacity < row.registered)
      throw AppError.validation([{ field: 'capacity', message: `名额不能少于已报名人数 ${row.registered}` }]);
    await this.d.db.transaction().execute(async (trx) => {
      const ok = await this.repo.update(trx, id, state, {
        ...planRow(input),
        updated_at: this.d.clock.now().toISOString(),
      });
      if (!ok) throw AppError.conflict('该活动刚刚已被他人修改，请刷新后重试');
      await this.d.audit.record(trx, ctx, {
        action: 'openday.update',
        targetType: 'open_day',
        targetId: id,
        summary: `修改活动“${input.theme}”的计划`,
        before: { eventDate: row.event_date, capacity: row.capacity },
        after: { eventDate: input.eventDate, capacity: input.capacity },
      });
    });
  }

  async transition(
    ctx: CallContext,
    id: number,
    event: 'publish_plan' | 'mark_held' | 'cancel',
  ): Promise<void> {
    const { row } = await this.getForStaff(ctx, id);
    await this.d.db.transaction().execute((trx) => this.move(trx, ctx, row, event));
  }

  /** Moves `row` by `event` inside `trx` with its audit event. */
  async move(
    trx: Transaction<DB>,
    ctx: CallContext,
    row: OpenDayRow,
    event: OpenDayEvent,
    patch: { document_id?: number } = {},
  ) {
    const state = row.status as OpenDayState;
    const problem = transitionProblem(state, event);
    if (problem) throw new AppError('invalid_transition', problem);
    const rule = OPEN_DAY_EVENTS[event];
    const ok = await this.repo.update(trx, row.id, state, {
      status: rule.to,
      ...patch,
      updated_at: this.d.clock.now().toISOString(),
    });
    if (!ok) throw new AppError('invalid_transition', '该活动刚刚已被他人处理，请刷新后重试');
    await this.d.audit.record(trx, ctx, {
      action: `openday.${event}`,
      targetType: 'open_day',
      targetId: row.id,
      summary: `活动“${row.theme}”：${rule.label}`,
      before: { status: state },
      after: { status: rule.to, ...patch },
    });
  }

  /** The registrations for staff: clear only for holders of openday.personal on the unit. */
  async registrations(ctx: CallContext, id: number): Promise<{ rows: RegistrationView[]; clear: boolean }> {
    const { unit } = await this.getForStaff(ctx, id);
    const clear = can(ctx.actor, 'openday.personal', unit.path);
    const rows = (await this.repo.registrations(id)).map((r) => {
      const name = this.cipher.decrypt(r.name_enc);
      const phone = this.cipher.decrypt(r.phone_enc);
      return {
        id: r.id,
        name: clear ? name : maskName(name),
        phone: clear ? phone : maskPhone(phone),
        group: r.group_name,
        note: r.note_enc ? this.cipher.decrypt(r.note_enc) : null,
        attended: r.attended === 1,
      };
    });
    return { rows, clear };
  }

  /** 签到: ticks who came (the list from the form replaces the previous ticks). */
  async signIn(ctx: CallContext, id: number, attended: readonly number[]): Promise<void> {
    const { row } = await this.getForStaff(ctx, id);
    if (row.status !== 'planned' && row.status !== 'held')
      throw new AppError(
        'invalid_transition',
        `活动当前为“${OPEN_DAY_STATE_LABELS[row.status as OpenDayState]}”，不能签到`,
      );
    const known = new Set((await this.repo.registrations(id)).map((r) => r.id));
    const ids = [...new Set(attended)].filter((i) => known.has(i));
    await this.d.db.transaction().execute(async (trx) => {
      await this.repo.setAttendance(trx, id, ids, this.d.clock.now().toISOString());
      await this.d.audit.record(trx, ctx, {
        action: 'openday.sign_in',
        targetType: 'open_day',
        targetId: id,
        summary: `活动“${row.theme}”签到：${ids.length} / ${known.size} 人`,
        after: { attended: ids },
      });
    });
  }

  /** Saves the 活动记录 text and adds images (after the event, before it is sent for publication). */
  async saveRecord(
    ctx: CallContext,
    id: number,
    raw: unknown,
    images: readonly UploadedImage[],
  ): Promise<void> {
    const { row } = await this.getForStaff(ctx, id);
    const problems: FieldProblem[] = [];
    const parsed = recordSchema.safeParse(raw);
    if (!parsed.success)
      problems.push(...parsed.error.issues.map((i) => ({ field: 'recordText', message: i.message })));
    const kinds: FileKind[] = [];
    for (const img of images) {
      try {
        kinds.push(checkUpload('images', '活动图片', img.fileName, img.content, IMAGE_RULE));
      } catch (e) {
        if (!isAppError(e)) throw e;
        problems.push(...e.problems);
      }
    }
    const existing = (await this.repo.images(id)).length;
    if (existing + images.length > MAX_RECORD_IMAGES)
      problems.push({
        field: 'images',
        message: `活动图片最多 ${MAX_RECORD_IMAGES} 张（已有 ${existing} 张）`,
      });
    if (problems.length || !parsed.success) throw AppError.validation(problems.slice(0, 5));
    if (row.status !== 'held')
      throw new AppError('invalid_transition', '活动举办后、提交发布前才能编写活动记录');
    const now = this.d.clock.now().toISOString();
    await this.d.db.transaction().execute(async (trx) => {
      if (
        !(await this.repo.update(trx, id, 'held', { record_text: parsed.data.recordText, updated_at: now }))
      )
        throw new AppError('invalid_transition', '该活动刚刚已被他人处理，请刷新后重试');
      for (const [i, img] of images.entries())
        await this.repo.insertImage(trx, {
          event_id: id,
          file_name: img.fileName,
          kind: kinds[i]!,
          data: img.content.toString('base64'),
          created_at: now,
        });
      await this.d.audit.record(trx, ctx, {
        action: 'openday.record_save',
        targetType: 'open_day',
        targetId: id,
        summary: `保存活动“${row.theme}”的活动记录${images.length ? `，新增图片 ${images.length} 张` : ''}`,
      });
    });
  }
}
