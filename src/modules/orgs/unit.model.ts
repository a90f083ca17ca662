/** Units of government (单位): kinds and the input shape for create/edit. */
import { z } from 'zod';
import {
  choice,
  optionalChecked,
  optionalIntField,
  optionalText,
  requiredText,
} from '../../lib/validation.ts';
import { validateOrgCode } from '../../lib/validators/index.ts';

export const UNIT_KINDS = [
  'government',
  'department',
  'township',
  'village',
  'institution',
  'public_enterprise',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  government: '人民政府',
  department: '部门',
  township: '乡镇（街道）',
  village: '村（居）',
  institution: '事业单位',
  public_enterprise: '公共企事业单位',
};

const checkEmail = (v: string) =>
  /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) ? null : '格式不正确，例如 gkb@example.gov.cn';
const checkPhone = (v: string) =>
  /^[0-9()（）\-－+ ,，、转]{5,40}$/.test(v)
    ? null
    : '只能包含数字、区号括号、连字符和“转”，例如 0745-8221234';
const checkUrl = (v: string) => (/^https?:\/\/[^\s]+$/.test(v) ? null : '必须以 http:// 或 https:// 开头');
const checkDivision = (v: string) => (/^\d{6}(\d{3})?(\d{3})?$/.test(v) ? null : '应为 6、9 或 12 位数字');
const checkPostcode = (v: string) => (/^\d{6}$/.test(v) ? null : '应为 6 位数字');

/** Fields of the unit form, as the user typed them (validated by unitInputSchema). */
export const unitInputSchema = z.object({
  kind: choice('单位类型', UNIT_KINDS),
  name: requiredText('单位名称', 100),
  shortName: optionalText('简称', 40),
  creditCode: optionalChecked(
    '统一社会信用代码',
    (v) => {
      const r = validateOrgCode(v);
      return r.ok ? null : r.reason;
    },
    40,
  ),
  divisionCode: optionalChecked('行政区划代码', checkDivision, 12),
  sortOrder: optionalIntField('排序号', { min: 0, max: 99999 }),
  functions: optionalText('机构职能', 5000),
  address: optionalText('办公地址', 200),
  postcode: optionalChecked('邮政编码', checkPostcode, 6),
  officeHours: optionalText('办公时间', 200),
  phone: optionalChecked('联系电话', checkPhone, 40),
  fax: optionalChecked('传真', checkPhone, 40),
  email: optionalChecked('电子邮箱', checkEmail, 100),
  website: optionalChecked('网址', checkUrl, 200),
});
export type UnitInput = z.infer<typeof unitInputSchema>;

export const leaderInputSchema = z.object({
  name: requiredText('领导姓名', 40),
  title: requiredText('职务', 60),
  duties: optionalText('分工', 1000),
  sortOrder: optionalIntField('排序号', { min: 0, max: 999 }),
});
export type LeaderInput = z.infer<typeof leaderInputSchema>;
