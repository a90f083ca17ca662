/**
 * Per-unit 依申请公开 settings and the 申请指南 built from them: who receives applications, where and
 * when, the letter number prefix and the fee payment period. Empty settings fall back to the unit's
 * own contact data, then to its parents' (a department often receives through the 县政府办).
 */
import { z } from 'zod';
import type { Unit } from '../../db/schema.ts';
import type { CallContext } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import { optionalChecked, optionalIntField, optionalText, parseInput } from '../../lib/validation.ts';
import { validateEmail, validatePhone, validatePostcode } from '../../lib/validators/index.ts';
import { can } from '../accounts/permissions.ts';
import type { InfoRequestDeps } from './info-request.deps.ts';
import type { InfoRequestRecordsRepository } from './info-request-records.repository.ts';
import {
  DEFAULT_APPLICANT_RETENTION_YEARS,
  MAX_APPLICANT_RETENTION_YEARS,
  MIN_APPLICANT_RETENTION_YEARS,
} from './info-request-retention.service.ts';

/** 国办函〔2020〕109号 (provincial implementing notices): pay within 20 WD; configurable per unit. */
export const DEFAULT_FEE_PAYMENT_WORKING_DAYS = 20;

export interface GuideSettings {
  unit: Unit;
  acceptingBody: string;
  address: string | null;
  postcode: string | null;
  officeHours: string | null;
  phone: string | null;
  fax: string | null;
  email: string | null;
  letterPrefix: string;
  feePaymentWorkingDays: number;
  /** Years the applicant's personal data is kept after 办结 (see info-request-retention.service.ts). */
  applicantRetentionYears: number;
  /** Whether each value was set explicitly (for the settings form). */
  explicit: Record<string, string | number | null>;
}

const check = (fn: (v: string) => { ok: boolean }) => (v: string) => {
  const r = fn(v) as { ok: true } | { ok: false; reason: string };
  return r.ok ? null : r.reason;
};

const settingsSchema = z.object({
  acceptingBody: optionalText('受理机构', 100),
  address: optionalText('地址', 200),
  postcode: optionalChecked('邮政编码', check(validatePostcode), 10),
  officeHours: optionalText('办公时间', 200),
  phone: optionalChecked('电话', check(validatePhone), 40),
  fax: optionalChecked('传真', check(validatePhone), 40),
  email: optionalChecked('电子邮箱', check(validateEmail), 100),
  letterPrefix: optionalChecked(
    '文书编号前缀',
    (v) => (/^[\p{Script=Han}A-Za-z0-9]{2,20}$/u.test(v) ? null : '只能包含汉字、字母和数字，2–20 个字符'),
    20,
  ),
  feePaymentWorkingDays: optionalIntField('缴费期限（工作日）', { min: 1, max: 60 }),
  applicantRetentionYears: optionalIntField('申请人信息保存期限（年）', {
    min: MIN_APPLICANT_RETENTION_YEARS,
    max: MAX_APPLICANT_RETENTION_YEARS,
  }),
});

export class InfoRequestSettingsService {
  constructor(private readonly d: InfoRequestDeps & { records: InfoRequestRecordsRepository }) {}

  /** The effective settings of a unit (explicit values, else the unit's and its parents' data). */
  async forUnit(unitId: number): Promise<GuideSettings> {
    const unit = await this.d.unitRepo.findById(unitId);
    if (!unit?.active) throw AppError.notFound('单位');
    const s = await this.d.records.settings(unitId);
    const chain = await this.ancestors(unit);
    const pick = (own: string | null | undefined, key: keyof Unit) =>
      own || (chain.map((u) => u[key]).find((v) => typeof v === 'string' && v !== '') as string) || null;
    return {
      unit,
      acceptingBody: s?.accepting_body || `${unit.name}政府信息公开工作机构`,
      address: pick(s?.address, 'address'),
      postcode: pick(s?.postcode, 'postcode'),
      officeHours: pick(s?.office_hours, 'office_hours'),
      phone: pick(s?.phone, 'phone'),
      fax: pick(s?.fax, 'fax'),
      email: pick(s?.email, 'email'),
      letterPrefix: s?.letter_prefix || `${unit.short_name ?? unit.name}依告`,
      feePaymentWorkingDays: s?.fee_payment_working_days ?? DEFAULT_FEE_PAYMENT_WORKING_DAYS,
      applicantRetentionYears: s?.applicant_retention_years ?? DEFAULT_APPLICANT_RETENTION_YEARS,
      explicit: {
        acceptingBody: s?.accepting_body ?? null,
        address: s?.address ?? null,
        postcode: s?.postcode ?? null,
        officeHours: s?.office_hours ?? null,
        phone: s?.phone ?? null,
        fax: s?.fax ?? null,
        email: s?.email ?? null,
        letterPrefix: s?.letter_prefix ?? null,
        feePaymentWorkingDays: s?.fee_payment_working_days ?? null,
        applicantRetentionYears: s?.applicant_retention_years ?? null,
      },
    };
  }

  /** Saves a unit's settings (政务公开管理员 of the unit). */
  async save(ctx: CallContext, unitId: number, raw: unknown): Promise<void> {
    const unit = await this.d.unitRepo.findById(unitId);
    if (!unit) throw AppError.notFound('单位');
    if (!can(ctx.actor, 'disclosure.manage', unit.path)) throw AppError.forbidden();
    const v = parseInput(settingsSchema, raw);
    const row = {
      unit_id: unitId,
      accepting_body: v.acceptingBody,
      address: v.address,
      postcode: v.postcode,
      office_hours: v.officeHours,
      phone: v.phone,
      fax: v.fax,
      email: v.email,
      letter_prefix: v.letterPrefix,
      fee_payment_working_days: v.feePaymentWorkingDays ?? DEFAULT_FEE_PAYMENT_WORKING_DAYS,
      // null = the default, so a later change of the default reaches units that never chose
      applicant_retention_years: v.applicantRetentionYears ?? null,
      updated_at: this.d.clock.now().toISOString(),
    };
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.records.saveSettings(trx, row);
      await this.d.audit.record(trx, ctx, {
        action: 'request.settings',
        targetType: 'unit',
        targetId: unitId,
        summary: `修改“${unit.name}”的依申请公开设置`,
        after: row,
      });
    });
  }

  private async ancestors(unit: Unit): Promise<Unit[]> {
    const ids = unit.path.split('/').filter(Boolean).map(Number).reverse();
    const out: Unit[] = [];
    for (const id of ids) {
      const u = id === unit.id ? unit : await this.d.unitRepo.findById(id);
      if (u) out.push(u);
    }
    return out;
  }
}
