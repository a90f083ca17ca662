import { describe, expect, it } from 'vitest';
import { isLuhnValid } from '../../../lib/validators/index.ts';
import { checkPersonalData, maskPersonalData } from './personal-data.ts';
import { invalidIdNumber, validIdNumber, withLuhnDigit, withoutLuhnDigit } from './test-numbers.ts';

const scan = (text: string) => checkPersonalData([{ location: 'body', text }]);
const ID = validIdNumber('43122119900307123');
const CARD = withLuhnDigit('622202123456789012');

describe('checkPersonalData', () => {
  it.each([
    [`申请人身份证号：${ID}。`, '身份证'],
    [`身份证号 ${validIdNumber('11010519491231002')}`, '身份证'],
    [`身份证号 ${ID.slice(0, 17)}${ID.endsWith('X') ? 'x' : ID.at(-1)}`, '身份证'],
    ['联系电话13812345678', '手机'],
    ['联系电话：138-1234-5678', '手机'],
    ['联系电话：+86 138 1234 5678', '手机'],
    ['联系电话：１３８１２３４５６７８', '手机'],
    [`收款账号${CARD}`, '银行卡'],
    [`收款账号 ${withLuhnDigit('622202123456789')}`, '银行卡'],
    [`卡号 ${CARD.replace(/(\d{4})(?=\d)/g, '$1 ')}`, '银行卡'],
  ])('flags %j', (text, kind) => {
    const findings = scan(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain(kind);
  });

  it.each([
    ['an 18-digit number with a wrong check digit', `编号${invalidIdNumber('43122119900307123')}`],
    ['an 18-digit number with an impossible birth date', `编号${validIdNumber('43122119901307123')}`],
    ['a landline', '咨询电话：0745-1234567'],
    ['12 digits that contain a mobile number', '编号113812345678'],
    ['a mobile number with an unused prefix', '电话12812345678'],
    ['16 digits failing Luhn', `账号${withoutLuhnDigit('622202123456789')}`],
    ['a number starting with 0', `流水号${withLuhnDigit('000000000000000')}`],
    ['a 20-digit number', `编号${withLuhnDigit('6222021234567890123')}`],
    ['an index number', '索引号：000014349/2017-00110'],
    ['a 发文字号 and a date', '张政办发〔2022〕14号，2022年7月24日'],
  ])('does not flag %s', (_name, text) => {
    expect(scan(text)).toEqual([]);
  });

  it('reports an ID number once (not also as a bank card) and masks the excerpts', () => {
    // An ID number that happens to pass Luhn as well: it must be reported as an ID number only.
    const id = [...'0123456789']
      .map((d) => validIdNumber(`4312211990030712${d}`))
      .find((candidate) => isLuhnValid(candidate));
    expect(id).toBeDefined();
    const findings = scan(`身份证号${id}，电话13812345678`);
    expect(findings).toHaveLength(2);
    expect(findings[0]?.message).toContain('身份证');
    expect(findings[1]?.message).toContain('手机');
    expect(findings[0]?.excerpt).toContain(`${id?.slice(0, 3)}***********${id?.slice(-4)}`);
    expect(findings[0]?.excerpt).not.toContain(String(id));
    expect(findings[1]?.excerpt).toContain('138****5678');
  });
});

describe('maskPersonalData', () => {
  it('masks every datum and leaves the rest as it is', () => {
    const text = `身份证号${ID}，手机１３８１２３４５６７８，账号${CARD}，编号${invalidIdNumber('43122119900307123')}。`;
    const masked = maskPersonalData(text);
    expect(masked).toContain(`身份证号${ID.slice(0, 3)}***********${ID.slice(-4)}，`);
    expect(masked).toContain('手机138****5678，');
    expect(masked).not.toContain(CARD);
    expect(masked).toContain(invalidIdNumber('43122119900307123'));
    expect(checkPersonalData([{ location: 'body', text: masked }])).toEqual([]);
  });
});
