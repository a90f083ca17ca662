/**
 * The rules of the library and of 政策解读 as typed settings (lib/settings), each with its legal basis.
 * National law sets no 有效期 for 规范性文件: the province's rule is configured (regulations §6). Unit scope
 * with inheritance: a county's departments follow the county, which follows the site (the province).
 */
import { z } from 'zod';
import { fieldSetting, SETTINGS } from '../../lib/settings/setting.ts';
import { POLICY_KIND_LABELS, POLICY_KINDS, type PolicyKind } from './policy.model.ts';

const intIn = (label: string, min: number, max: number) =>
  z.coerce
    .number({ message: `${label}必须是数字` })
    .int(`${label}必须是整数`)
    .min(min, `${label}不能小于 ${min}`)
    .max(max, `${label}不能大于 ${max}`);
const optionalInt = (label: string, min: number, max: number) =>
  z.preprocess(
    (v) => (v === '' || v === undefined || v === null ? null : v),
    intIn(label, min, max).nullable(),
  );

/** 有效期 of a 行政规范性文件 in years when its text states none (0 = no rule: no expiry inferred). */
export const VALIDITY_YEARS = fieldSetting<number>({
  key: 'policies.validity_years',
  scope: 'unit',
  inherit: true,
  label: '规范性文件默认有效期（年）',
  hint: '文件正文未写明有效期时按此推定；填 0 表示本地规定未设有效期，不推定失效。',
  legalBasis:
    '国家未统一规定有效期，按省级规定配置（各省常见为不超过5年，如湖南省行政程序规定；regulations §6）',
  default: 5,
  schema: intIn('默认有效期', 0, 50),
  control: { kind: 'text', name: 'validityYears', width: 'short', inputmode: 'numeric' },
  parse: optionalInt('默认有效期', 0, 50),
  format: String,
});

/** 有效期 of a document named 暂行 / 试行 in years. */
export const PROVISIONAL_VALIDITY_YEARS = fieldSetting<number>({
  key: 'policies.provisional_validity_years',
  scope: 'unit',
  inherit: true,
  label: '“暂行”“试行”文件默认有效期（年）',
  hint: '标题含“暂行”“试行”且正文未写明有效期的文件按此推定。',
  legalBasis: '按省级规定配置（标注“暂行”“试行”的常见为1至2年；regulations §6）',
  default: 2,
  schema: intIn('暂行、试行文件有效期', 0, 10),
  control: { kind: 'text', name: 'provisionalValidityYears', width: 'short', inputmode: 'numeric' },
  parse: optionalInt('暂行、试行文件有效期', 0, 10),
  format: String,
});

/** Months before expiry when the daily job raises the 评估 task to the drafting unit. */
export const EVALUATION_LEAD_MONTHS = fieldSetting<number>({
  key: 'policies.evaluation_lead_months',
  scope: 'unit',
  inherit: true,
  label: '有效期届满前评估提前量（月）',
  legalBasis: '按省级规定配置（常见为有效期届满前6个月由制定机关组织评估；regulations §6）',
  default: 6,
  schema: intIn('评估提前量', 1, 24),
  control: { kind: 'text', name: 'evaluationLeadMonths', width: 'short', inputmode: 'numeric' },
  parse: optionalInt('评估提前量', 1, 24),
  format: String,
});

/**
 * The 统一登记号 pattern of the province (三统一: 统一登记、统一编号、统一发布), as a regular expression over
 * the normalised number (full-width and dash variants folded to '-'). Default: letters, year, serial —
 * HHCR-2023-01005 (湖南), HFGS-2017-9 (惠州), PJDR-2020-01004 (平江).
 */
export const REGISTRATION_PATTERN = fieldSetting<string>({
  key: 'policies.registration_pattern',
  scope: 'unit',
  inherit: true,
  label: '统一登记号格式（正则表达式）',
  hint: '例如 ^[A-Z]{2,6}-\\d{4}-\\d{1,6}$ 匹配 HHCR-2023-01005；比较前全角字符和各种横线统一为“-”。',
  legalBasis:
    '《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）：统一登记、统一编号、统一印发',
  default: '^[A-Z]{2,8}-\\d{4}-\\d{1,6}$',
  schema: z.string().min(1).max(200).refine(isRegExp, '统一登记号格式不是有效的正则表达式'),
  control: { kind: 'text', name: 'registrationPattern', width: 'full' },
  parse: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? null : typeof v === 'string' ? v.trim() : v),
    z
      .string()
      .max(200, '统一登记号格式不能超过 200 个字符')
      .refine(isRegExp, '统一登记号格式不是有效的正则表达式')
      .nullable(),
  ),
});

function isRegExp(v: string): boolean {
  try {
    new RegExp(v, 'u');
    return true;
  } catch {
    return false;
  }
}

/** Working days after a policy's publication within which its 解读 is due (0 = same day). */
export const INTERPRETATION_DUE_WORKING_DAYS = fieldSetting<number>({
  key: 'policies.interpretation_due_working_days',
  scope: 'unit',
  inherit: true,
  label: '政策解读发布时限（工作日）',
  hint: '政策文件公开后，解读材料最迟在此期限内发布。',
  legalBasis: '“三同步”要求解读材料与文件同步发布；多地规定最迟在文件公开后3个工作日内发布（regulations §6）',
  default: 3,
  schema: intIn('解读发布时限', 0, 30),
  control: { kind: 'text', name: 'interpretationDueWorkingDays', width: 'short', inputmode: 'numeric' },
  parse: optionalInt('解读发布时限', 0, 30),
  format: String,
});

/** The kinds that must be interpreted (三同步). */
export const KINDS_REQUIRING_INTERPRETATION = fieldSetting<PolicyKind[]>({
  key: 'policies.kinds_requiring_interpretation',
  scope: 'site',
  label: '须同步解读的文件类型（三同步）',
  legalBasis: '“三同步”：政策文件与解读方案、解读材料同步起草、同步审签、同步发布（regulations §6）',
  default: ['regulation', 'normative'],
  schema: z.array(z.enum(POLICY_KINDS)),
  control: {
    kind: 'checkboxes',
    name: 'kindsRequiringInterpretation',
    options: POLICY_KINDS.map((k) => ({ value: k, label: POLICY_KIND_LABELS[k] })),
  },
  parse: z.preprocess(
    (v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(POLICY_KINDS, { message: '须同步解读的文件类型选择有误' })),
  ),
});

/** Target 解读率 (seed 002: ≥ 90 %) and forms per policy (seed 000: ≥ 2), shown against the rates. */
export const INTERPRETATION_TARGETS = {
  rate: fieldSetting<number>({
    key: 'policies.interpretation_rate_target',
    scope: 'unit',
    inherit: true,
    label: '政策解读率目标（%）',
    legalBasis: 'seed 002（2021年政务公开工作要点）：规章、行政规范性文件解读率不低于90%',
    default: 90,
    schema: intIn('政策解读率目标', 0, 100),
    control: { kind: 'text', name: 'interpretationRateTarget', width: 'short', inputmode: 'numeric' },
    parse: optionalInt('政策解读率目标', 0, 100),
    format: String,
  }),
  forms: fieldSetting<number>({
    key: 'policies.interpretation_forms_target',
    scope: 'unit',
    inherit: true,
    label: '每件政策文件解读形式目标（种）',
    legalBasis: 'seed 000：新出台政策文件采用不少于2种解读形式',
    default: 2,
    schema: intIn('解读形式目标', 1, 9),
    control: { kind: 'text', name: 'interpretationFormsTarget', width: 'short', inputmode: 'numeric' },
    parse: optionalInt('解读形式目标', 1, 9),
    format: String,
  }),
};

/** The library's settings page (one form). */
export const LIBRARY_SETTINGS = SETTINGS.register({
  validityYears: VALIDITY_YEARS,
  provisionalValidityYears: PROVISIONAL_VALIDITY_YEARS,
  evaluationLeadMonths: EVALUATION_LEAD_MONTHS,
  registrationPattern: REGISTRATION_PATTERN,
});

/** The 政策解读 settings page (one form). */
export const INTERPRETATION_SETTINGS = SETTINGS.register({
  dueWorkingDays: INTERPRETATION_DUE_WORKING_DAYS,
  kinds: KINDS_REQUIRING_INTERPRETATION,
  rateTarget: INTERPRETATION_TARGETS.rate,
  formsTarget: INTERPRETATION_TARGETS.forms,
});
