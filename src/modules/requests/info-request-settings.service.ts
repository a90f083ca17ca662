/**
 * Per-unit 依申请公开 settings and the 申请指南 built from them: who receives applications, where and
 * when, the letter number prefix, the fee payment period and the retention of applicant data — unit
 * settings of lib/settings (rows `requests.<name>.<unitId>`). Empty settings fall back to the unit's
 * own contact data, then to its parents' (a department often receives through the 县政府办).
 */
import { z } from 'zod';
import type { Unit } from '../../db/schema.ts';
import { can } from '../../kernel/permissions.ts';
import type { CallContext } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import {
  fieldSetting,
  parseSettingsForm,
  SETTINGS,
  type SettingDefinition,
  SettingsStore,
} from '../../lib/settings/index.ts';
import { optionalChecked, optionalIntField, optionalText } from '../../lib/validation.ts';
import { validateEmail, validatePhone, validatePostcode } from '../../lib/validators/index.ts';
import type { InfoRequestDeps } from './info-request.deps.ts';
import { APPLICANT_RETENTION_SETTING } from './info-request-retention.service.ts';

/** 国办函〔2020〕109号 (provincial implementing notices): pay within 20 WD; configurable per unit. */
const DEFAULT_FEE_PAYMENT_WORKING_DAYS = 20;

/** 条例 第十二条: the 公开指南 gives the office's name, address, office hours, phone, fax and internet contact. */
const GUIDE_BASIS =
  '条例 第十二条（政府信息公开指南：工作机构名称、办公地址、办公时间、联系电话、传真号码、互联网联系方式）';

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

/**
 * A text of the 申请指南: no value of its own (null) = the unit's data, then its parents' (forUnit).
 * `parse` reads the form field (empty = null).
 */
const guideText = (
  key: string,
  name: string,
  label: string,
  parse: z.ZodType<string | null>,
  max: number,
  control: { width?: 'short'; hint?: string } = {},
): SettingDefinition<string | null> =>
  fieldSetting<string | null>({
    key: `requests.${key}`,
    scope: 'unit',
    label,
    legalBasis: GUIDE_BASIS,
    default: null,
    schema: z.string().max(max).nullable(),
    control: { kind: 'text', name, ...control },
    parse,
  });

/** The settings of the 申请指南设置 page, in page order. */
export const INFO_REQUEST_SETTINGS = SETTINGS.register({
  acceptingBody: guideText('accepting_body', 'acceptingBody', '受理机构', optionalText('受理机构', 100), 100),
  address: guideText('address', 'address', '地址', optionalText('地址', 200), 200),
  postcode: guideText(
    'postcode',
    'postcode',
    '邮政编码',
    optionalChecked('邮政编码', check(validatePostcode), 10),
    10,
    { width: 'short' },
  ),
  officeHours: guideText('office_hours', 'officeHours', '办公时间', optionalText('办公时间', 200), 200),
  phone: guideText('phone', 'phone', '电话', optionalChecked('电话', check(validatePhone), 40), 40, {
    width: 'short',
  }),
  fax: guideText('fax', 'fax', '传真', optionalChecked('传真', check(validatePhone), 40), 40, {
    width: 'short',
  }),
  email: guideText('email', 'email', '电子邮箱', optionalChecked('电子邮箱', check(validateEmail), 100), 100),
  letterPrefix: fieldSetting<string | null>({
    key: 'requests.letter_prefix',
    scope: 'unit',
    label: '文书编号前缀',
    legalBasis: 'GB/T 9704-2012《党政机关公文格式》发文字号（机关代字〔年份〕序号）',
    default: null,
    schema: z.string().max(20).nullable(),
    control: {
      kind: 'text',
      name: 'letterPrefix',
      width: 'short',
      hint: '例如“示范县发改依告”，编号为 示范县发改依告〔2026〕3号',
    },
    parse: optionalChecked(
      '文书编号前缀',
      (v) => (/^[\p{Script=Han}A-Za-z0-9]{2,20}$/u.test(v) ? null : '只能包含汉字、字母和数字，2–20 个字符'),
      20,
    ),
  }),
  feePaymentWorkingDays: fieldSetting<number>({
    key: 'requests.fee_payment_working_days',
    scope: 'unit',
    label: '缴费期限（工作日）',
    legalBasis: '国办函〔2020〕109号（省级实施通知：收到收费通知次日起 20 个工作日内缴费）',
    default: DEFAULT_FEE_PAYMENT_WORKING_DAYS,
    schema: z.number().int().min(1).max(60),
    control: { kind: 'text', name: 'feePaymentWorkingDays', width: 'short', hint: '默认 20 个工作日' },
    // an empty field stores the default explicitly (as the settings always did)
    parse: optionalIntField('缴费期限（工作日）', { min: 1, max: 60 }).transform(
      (v) => v ?? DEFAULT_FEE_PAYMENT_WORKING_DAYS,
    ),
  }),
  applicantRetentionYears: APPLICANT_RETENTION_SETTING,
});

export class InfoRequestSettingsService {
  private readonly settings: SettingsStore;

  constructor(private readonly d: InfoRequestDeps & { settings?: SettingsStore }) {
    this.settings = d.settings ?? new SettingsStore(d);
  }

  /** The effective settings of a unit (explicit values, else the unit's and its parents' data). */
  async forUnit(unitId: number): Promise<GuideSettings> {
    const unit = await this.d.unitDirectory.findById(unitId);
    if (!unit?.active) throw AppError.notFound('单位');
    const s = await this.settings.ownGroup(INFO_REQUEST_SETTINGS, unitId);
    const chain = await this.ancestors(unit);
    const pick = (own: string | null, key: keyof Unit) =>
      own || (chain.map((u) => u[key]).find((v) => typeof v === 'string' && v !== '') as string) || null;
    return {
      unit,
      acceptingBody: s.acceptingBody || `${unit.name}政府信息公开工作机构`,
      address: pick(s.address, 'address'),
      postcode: pick(s.postcode, 'postcode'),
      officeHours: pick(s.officeHours, 'office_hours'),
      phone: pick(s.phone, 'phone'),
      fax: pick(s.fax, 'fax'),
      email: pick(s.email, 'email'),
      letterPrefix: s.letterPrefix || `${unit.short_name ?? unit.name}依告`,
      feePaymentWorkingDays: s.feePaymentWorkingDays ?? DEFAULT_FEE_PAYMENT_WORKING_DAYS,
      applicantRetentionYears: s.applicantRetentionYears ?? APPLICANT_RETENTION_SETTING.default,
      explicit: { ...s },
    };
  }

  /** Saves a unit's settings (政务公开管理员 of the unit). */
  async save(ctx: CallContext, unitId: number, raw: unknown): Promise<void> {
    const unit = await this.d.unitDirectory.findById(unitId);
    if (!unit) throw AppError.notFound('单位');
    if (!can(ctx.actor, 'disclosure.manage', unit.path)) throw AppError.forbidden();
    const v = parseSettingsForm(INFO_REQUEST_SETTINGS, raw);
    // the audit event keeps the shape of the former info_request_settings row
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
    await this.settings.write(ctx, INFO_REQUEST_SETTINGS, v, {
      unitId,
      audit: {
        action: 'request.settings',
        targetType: 'unit',
        targetId: unitId,
        summary: `修改“${unit.name}”的依申请公开设置`,
        after: row,
      },
    });
  }

  private async ancestors(unit: Unit): Promise<Unit[]> {
    const ids = unit.path.split('/').filter(Boolean).map(Number).reverse();
    const out: Unit[] = [];
    for (const id of ids) {
      const u = id === unit.id ? unit : await this.d.unitDirectory.findById(id);
      if (u) out.push(u);
    }
    return out;
  }
}
