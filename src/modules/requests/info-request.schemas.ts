/**
 * Input of an application (条例 第二十九条; issue 4 §1 and §4): every problem is reported at once,
 * by field, in Chinese. Personal fields are validated here and encrypted by the service.
 */
import { z } from 'zod';
import { optionalText } from '../../lib/validation.ts';
import {
  validateEmail,
  validateOrgCode,
  validatePhone,
  validatePostcode,
  validateResidentIdNumber,
} from '../../lib/validators/index.ts';
import {
  APPLICANT_KINDS,
  type ApplicantKind,
  CARRIERS,
  type Carrier,
  DELIVERY_METHODS,
  type DeliveryMethod,
  ID_TYPES,
  type IdType,
  ORGANISATION_CATEGORIES,
  type ReportCategory,
} from './info-request.model.ts';

/** The applicant's personal data: stored only encrypted (applicant_enc). */
export interface ApplicantData {
  name: string;
  idType: IdType | null;
  idNumber: string | null;
  workUnit: string | null;
  creditCode: string | null;
  legalRepresentative: string | null;
  contactName: string | null;
  address: string;
  postcode: string;
  phone: string;
  email: string | null;
}

/** A validated application. */
export interface ApplicationInput {
  applicantKind: ApplicantKind;
  reportCategory: ReportCategory;
  applicant: ApplicantData;
  infoName: string | null;
  infoDocNumber: string | null;
  infoDescription: string | null;
  deliveryMethod: DeliveryMethod;
  carrier: Carrier;
  idempotencyKey: string | null;
}

// Choices are read as text and checked in superRefine: zod skips refinements once a field of the
// object has failed, and the form must show every problem at once.
const rawSchema = z.object({
  applicantKind: optionalText('申请人类型', 40),
  name: optionalText('姓名或名称', 100),
  idType: optionalText('证件类型', 40),
  idNumber: optionalText('证件号码', 40),
  workUnit: optionalText('工作单位', 100),
  creditCode: optionalText('统一社会信用代码', 40),
  legalRepresentative: optionalText('法定代表人', 50),
  contactName: optionalText('联系人', 50),
  orgCategory: optionalText('组织类别', 40),
  address: optionalText('通信地址', 200),
  postcode: optionalText('邮政编码', 10),
  phone: optionalText('联系电话', 40),
  email: optionalText('电子邮箱', 100),
  infoName: optionalText('所需信息名称', 200),
  infoDocNumber: optionalText('文号', 100),
  infoDescription: optionalText('所需信息的描述', 2000),
  deliveryMethod: optionalText('获取信息的方式', 40),
  carrier: optionalText('信息的载体形式', 40),
  idempotencyKey: optionalText('提交标识', 100),
});
type Raw = z.infer<typeof rawSchema>;
type Issue = (field: keyof Raw, message: string) => void;

function checkCitizen(v: Raw, issue: Issue): void {
  if (!v.name) issue('name', '请填写姓名');
  if (!isOneOf(ID_TYPES, v.idType)) issue('idType', '请选择证件类型');
  if (!v.idNumber) issue('idNumber', '请填写证件号码');
  else if (v.idType === 'resident_id') {
    const r = validateResidentIdNumber(v.idNumber);
    if (!r.ok) issue('idNumber', `证件号码：${r.reason}`);
  } else if (!/^[A-Za-z0-9()（）-]{5,30}$/.test(v.idNumber)) {
    issue('idNumber', '证件号码：只能包含字母、数字和连字符，长度 5–30 位');
  }
}

function checkOrganisation(v: Raw, issue: Issue): void {
  if (!v.name) issue('name', '请填写法人或其他组织名称');
  if (!v.creditCode) issue('creditCode', '请填写统一社会信用代码');
  else {
    const r = validateOrgCode(v.creditCode);
    if (!r.ok) issue('creditCode', `统一社会信用代码：${r.reason}`);
  }
  if (!v.legalRepresentative) issue('legalRepresentative', '请填写法定代表人');
  if (!v.contactName) issue('contactName', '请填写联系人');
  if (!isOneOf(ORGANISATION_CATEGORIES, v.orgCategory)) {
    issue('orgCategory', '请选择组织类别');
  }
}

const isOneOf = (values: readonly string[], v: string | null): boolean => v !== null && values.includes(v);

function checkChoices(v: Raw, issue: Issue): void {
  if (!isOneOf(APPLICANT_KINDS, v.applicantKind)) issue('applicantKind', '请选择申请人类型');
  if (!isOneOf(DELIVERY_METHODS, v.deliveryMethod)) issue('deliveryMethod', '请选择获取信息的方式');
  if (!isOneOf(CARRIERS, v.carrier)) issue('carrier', '请选择信息的载体形式');
}

function checkContact(v: Raw, issue: Issue): void {
  const check = (
    field: 'postcode' | 'phone' | 'email',
    label: string,
    fn: (s: string) => { ok: boolean },
  ) => {
    const value = v[field];
    if (!value) return field === 'email' ? undefined : issue(field, `请填写${label}`);
    const r = fn(value) as { ok: true } | { ok: false; reason: string };
    if (!r.ok) issue(field, `${label}：${r.reason}`);
  };
  if (!v.address) issue('address', '请填写通信地址');
  check('postcode', '邮政编码', validatePostcode);
  check('phone', '联系电话', validatePhone);
  check('email', '电子邮箱', validateEmail);
  if (!v.infoName && !v.infoDocNumber && !v.infoDescription) {
    issue('infoDescription', '所需信息的名称、文号或描述至少填写一项（条例第二十九条）');
  }
}

function normalised(
  fn: (s: string) => { ok: boolean; normalised?: string },
  v: string | null,
): string | null {
  if (v === null) return null;
  const r = fn(v);
  return r.ok && r.normalised ? r.normalised : v;
}

function toInput(v: Raw): ApplicationInput {
  const citizen = v.applicantKind === 'citizen';
  return {
    applicantKind: v.applicantKind as ApplicantKind,
    reportCategory: citizen ? 'natural_person' : (v.orgCategory as ReportCategory),
    applicant: {
      name: v.name ?? '',
      idType: citizen ? (v.idType as IdType) : null,
      idNumber: citizen
        ? v.idType === 'resident_id'
          ? normalised(validateResidentIdNumber, v.idNumber)
          : v.idNumber
        : null,
      workUnit: citizen ? v.workUnit : null,
      creditCode: citizen ? null : normalised(validateOrgCode, v.creditCode),
      legalRepresentative: citizen ? null : v.legalRepresentative,
      contactName: citizen ? null : v.contactName,
      address: v.address ?? '',
      postcode: normalised(validatePostcode, v.postcode) ?? '',
      phone: normalised(validatePhone, v.phone) ?? '',
      email: normalised(validateEmail, v.email),
    },
    infoName: v.infoName,
    infoDocNumber: v.infoDocNumber,
    infoDescription: v.infoDescription,
    deliveryMethod: v.deliveryMethod as DeliveryMethod,
    carrier: v.carrier as Carrier,
    idempotencyKey: v.idempotencyKey,
  };
}

/** Validates an application form, listing every problem by field. */
export const applicationSchema = rawSchema
  .superRefine((v, ctx) => {
    const issue: Issue = (field, message) => ctx.addIssue({ code: 'custom', path: [field], message });
    checkChoices(v, issue);
    if (v.applicantKind === 'citizen') checkCitizen(v, issue);
    if (v.applicantKind === 'organisation') checkOrganisation(v, issue);
    checkContact(v, issue);
  })
  .transform(toInput);
