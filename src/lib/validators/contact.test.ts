import { describe, expect, it } from 'vitest';
import {
  maskName,
  maskPhone,
  validateEmail,
  validateMobile,
  validatePhone,
  validatePostcode,
} from './contact.ts';

describe('validateMobile', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['19912345678', '19912345678'],
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['008613812345678', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
  ])('%j → %s', (input, normalised) => {
    expect(validateMobile(input)).toEqual({ ok: true, normalised });
  });

  it.each([
    ['', '请填写手机号码'],
    ['1381234567', '手机号码应为11位数字'],
    ['138123456789', '手机号码应为11位数字'],
    ['12812345678', '手机号码应以13至19开头'],
    ['23812345678', '手机号码应以13至19开头'],
    ['1381234567a', '手机号码只能包含数字'],
  ])('%j → %s', (input, reason) => {
    expect(validateMobile(input)).toEqual({ ok: false, reason });
  });
});

describe('validatePhone', () => {
  it.each([
    ['13812345678', 'mobile', '13812345678'],
    ['0745-1234567', 'landline', '0745-1234567'],
    ['(0745)1234567', 'landline', '0745-1234567'],
    ['（0745）1234567', 'landline', '0745-1234567'],
    ['0745 2345678', 'landline', '0745-2345678'],
    ['07452345678', 'landline', '0745-2345678'],
    ['010-12345678', 'landline', '010-12345678'],
    ['010-1234-5678', 'landline', '010-12345678'],
    ['020 8765 4321', 'landline', '020-87654321'],
    ['0745-1234567-123', 'landline', '0745-1234567-123'],
    ['0745-1234567转8001', 'landline', '0745-1234567-8001'],
    ['12345', 'service', '12345'],
    ['12315', 'service', '12315'],
    ['95588', 'service', '95588'],
    ['400-123-4567', 'service', '4001234567'],
  ])('%j → %s %s', (input, kind, normalised) => {
    expect(validatePhone(input)).toEqual({ ok: true, kind, normalised });
  });

  it.each([
    ['', '请填写联系电话'],
    ['2345678', '固定电话请加区号，例如 0745-1234567'],
    ['87654321', '固定电话请加区号，例如 0745-1234567'],
    ['12812345678', '手机号码应以13至19开头'],
    ['0745-0234567', '联系电话格式不正确，请填写手机号码或带区号的固定电话'],
    ['123', '联系电话格式不正确，请填写手机号码或带区号的固定电话'],
    ['电话', '联系电话格式不正确，请填写手机号码或带区号的固定电话'],
  ])('%j → %s', (input, reason) => {
    expect(validatePhone(input)).toEqual({ ok: false, reason });
  });
});

describe('validatePostcode', () => {
  it.each([
    ['418000', { ok: true, normalised: '418000' }],
    [' 100 000 ', { ok: true, normalised: '100000' }],
    ['４１８０００', { ok: true, normalised: '418000' }],
    ['41800', { ok: false, reason: '邮政编码应为6位数字' }],
    ['4180001', { ok: false, reason: '邮政编码应为6位数字' }],
    ['41800A', { ok: false, reason: '邮政编码应为6位数字' }],
    ['', { ok: false, reason: '请填写邮政编码' }],
  ])('%j', (input, expected) => {
    expect(validatePostcode(input)).toEqual(expected);
  });
});

describe('validateEmail', () => {
  it.each([
    ['name@example.com', 'name@example.com'],
    [' Zhang.San+gk@Example.GOV.cn ', 'Zhang.San+gk@example.gov.cn'],
    ['xxgk@hunan.gov.cn', 'xxgk@hunan.gov.cn'],
    ['user@例子.中国', 'user@例子.中国'],
    ['a_b-c@sub-domain.example.org', 'a_b-c@sub-domain.example.org'],
  ])('%j → %s', (input, normalised) => {
    expect(validateEmail(input)).toEqual({ ok: true, normalised });
  });

  it.each([
    ['', '请填写电子邮箱'],
    ['name example.com', '电子邮箱不能包含空格'],
    ['name.example.com', '电子邮箱应包含一个 @，例如 name@example.com'],
    ['@example.com', '电子邮箱应包含一个 @，例如 name@example.com'],
    ['a@b@example.com', '电子邮箱应包含一个 @，例如 name@example.com'],
    ['.name@example.com', '电子邮箱 @ 前的部分格式不正确'],
    ['na..me@example.com', '电子邮箱 @ 前的部分格式不正确'],
    ['name@example', '电子邮箱 @ 后的域名格式不正确，例如 example.com'],
    ['name@example.', '电子邮箱 @ 后的域名格式不正确，例如 example.com'],
    ['name@-example.com', '电子邮箱 @ 后的域名格式不正确，例如 example.com'],
    ['name@192.168.1.1', '电子邮箱 @ 后的域名格式不正确，例如 example.com'],
    ['name@', '电子邮箱 @ 后的域名格式不正确，例如 example.com'],
    [`${'a'.repeat(65)}@example.com`, '电子邮箱过长'],
  ])('%j → %s', (input, reason) => {
    expect(validateEmail(input)).toEqual({ ok: false, reason });
  });
});

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['138 1234 5678', '138 **** 5678'],
    ['0745-1234567', '074*-***4567'],
    ['010-12345678', '010-****5678'],
    ['2345678', '***5678'],
    ['12345', '***45'],
    ['123', '***'],
    ['', ''],
  ])('%j → %s', (input, masked) => {
    expect(maskPhone(input)).toBe(masked);
  });
});

describe('maskName', () => {
  it.each([
    ['张三', '张*'],
    ['欧阳娜娜', '欧***'],
    ['李小明', '李**'],
    ['王', '*'],
    ['阿依古丽·买买提', '阿***·***'],
    [' 张三 ', '张*'],
    ['Zhang San', 'Z**** ***'],
    ['𠮷野家', '𠮷**'],
    ['', ''],
  ])('%j → %s', (input, masked) => {
    expect(maskName(input)).toBe(masked);
  });
});
