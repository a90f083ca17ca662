import { describe, expect, it } from 'vitest';
import type { AppError } from '../../lib/errors.ts';
import { parseInput } from '../../lib/validation.ts';
import { applicationSchema } from './info-request.schemas.ts';

const CITIZEN_FORM = {
  applicantKind: 'citizen',
  name: '张三',
  idType: 'resident_id',
  idNumber: '11010519491231002x',
  address: '某市某路 1 号',
  postcode: '100000',
  phone: '138-0013-8000',
  email: 'zhang@example.com',
  infoName: '2025 年度城区道路改造项目批复',
  deliveryMethod: 'email',
  carrier: 'electronic',
};
const ORG_FORM = {
  applicantKind: 'organisation',
  name: '某某律师事务所',
  creditCode: '91350100M000100Y43',
  legalRepresentative: '李四',
  contactName: '王五',
  orgCategory: 'legal_services',
  address: '某市某路 2 号',
  postcode: '350001',
  phone: '0591-87654321',
  infoDocNumber: '某政发〔2025〕3号',
  deliveryMethod: 'post',
  carrier: 'paper',
};

const problems = (input: unknown) => {
  try {
    parseInput(applicationSchema, input);
    return {};
  } catch (e) {
    return Object.fromEntries((e as AppError).problems.map((p) => [p.field, p.message]));
  }
};

describe('applicationSchema', () => {
  it('normalises a citizen application', () => {
    const r = parseInput(applicationSchema, CITIZEN_FORM);
    expect(r.reportCategory).toBe('natural_person');
    expect(r.applicant.idNumber).toBe('11010519491231002X');
    expect(r.applicant.phone).toBe('13800138000');
    expect(r.applicant.creditCode).toBeNull();
  });

  it('takes an organisation’s annual-report category', () => {
    const r = parseInput(applicationSchema, ORG_FORM);
    expect(r.reportCategory).toBe('legal_services');
    expect(r.applicant.idType).toBeNull();
    expect(r.applicant.email).toBeNull();
  });

  it.each([
    ['bad ID check digit', { ...CITIZEN_FORM, idNumber: '110105194912310021' }, 'idNumber', /证件号码/],
    ['passport format', { ...CITIZEN_FORM, idType: 'passport', idNumber: 'E1' }, 'idNumber', /5–30/],
    ['unknown ID type', { ...CITIZEN_FORM, idType: 'x' }, 'idType', /证件类型/],
    ['bad credit code', { ...ORG_FORM, creditCode: '91350100M000100Y44' }, 'creditCode', /统一社会信用代码/],
    ['bad postcode', { ...CITIZEN_FORM, postcode: '12' }, 'postcode', /邮政编码/],
    ['bad phone', { ...CITIZEN_FORM, phone: '12' }, 'phone', /联系电话/],
    ['bad e-mail', { ...CITIZEN_FORM, email: 'a@' }, 'email', /电子邮箱/],
    ['no information named', { ...CITIZEN_FORM, infoName: '' }, 'infoDescription', /至少填写一项/],
    ['no organisation category', { ...ORG_FORM, orgCategory: '' }, 'orgCategory', /组织类别/],
  ])('%s', (_label, input, field, message) => {
    expect(problems(input)[field]).toMatch(message);
  });

  it('lists every problem at once, including the choices', () => {
    const p = problems({ applicantKind: 'citizen', idType: 'resident_id', idNumber: '1', postcode: 'x' });
    expect(Object.keys(p).sort()).toEqual(
      [
        'address',
        'carrier',
        'deliveryMethod',
        'idNumber',
        'infoDescription',
        'name',
        'phone',
        'postcode',
      ].sort(),
    );
  });
});
