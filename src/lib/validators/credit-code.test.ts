import { describe, expect, it } from 'vitest';
import {
  computeCreditCodeCheckChar,
  computeOrgCodeCheckChar,
  orgCodeOfCreditCode,
  validateOrgCode,
} from './credit-code.ts';

describe('validateOrgCode: 统一社会信用代码 (GB 32100-2015)', () => {
  it.each([
    // Commonly cited public examples.
    ['91350100M000100Y43', '91350100M000100Y43'],
    ['91230184MA1BUFLT44', '91230184MA1BUFLT44'],
    ['92371000MA3MXH0E3W', '92371000MA3MXH0E3W'],
    // Constructed; check characters worked out by hand:
    // Σ(value × weight) = 1133, 1133 mod 31 = 17, 31 − 17 = 14 → 'E'.
    ['91110108123456788E', '91110108123456788E'],
    // Σ = 1697, mod 31 = 23, 31 − 23 = 8 → '8'; embedded D2143569-X is the GB 11714 example.
    ['12100000D2143569X8', '12100000D2143569X8'],
    // Σ = 1364 = 44 × 31, so 31 − 0 = 31 → written '0'; embedded MA5F0013: Σ = 341 = 31 × 11 → '0'.
    ['91440300MA5F001300', '91440300MA5F001300'],
    // Normalisation: spaces, lower case, full-width characters.
    [' 91350100m000100y43 ', '91350100M000100Y43'],
    ['9135 0100 M000 100Y 43', '91350100M000100Y43'],
    ['９１３５０１００Ｍ０００１００Ｙ４３', '91350100M000100Y43'],
  ])('%j is valid → %s', (input, normalised) => {
    expect(validateOrgCode(input)).toEqual({ ok: true, kind: 'credit-code', normalised, legacy: false });
  });

  it.each([
    ['91350100M000100Y44', '统一社会信用代码校验位不正确'],
    ['91350100M000100Y4A', '统一社会信用代码校验位不正确'],
    ['91110108123456788F', '统一社会信用代码校验位不正确'],
    // Two characters swapped: the weighted check catches transpositions.
    ['91350100M000010Y43', '统一社会信用代码校验位不正确'],
    ['91350100M0001000I3', '统一社会信用代码只能由数字和大写字母组成，且不使用字母 I、O、S、V、Z'],
    ['9135010OM000100Y43', '统一社会信用代码只能由数字和大写字母组成，且不使用字母 I、O、S、V、Z'],
    ['913501A0M000100Y43', '统一社会信用代码第3至8位应为行政区划码（6位数字）'],
    ['', '请填写统一社会信用代码或组织机构代码'],
    ['   ', '请填写统一社会信用代码或组织机构代码'],
    ['91350100M000100Y4', '统一社会信用代码应为18位，组织机构代码应为9位'],
    ['91350100M000100Y433', '统一社会信用代码应为18位，组织机构代码应为9位'],
  ])('%j → %s', (input, reason) => {
    expect(validateOrgCode(input)).toEqual({ ok: false, reason });
  });

  it('rejects a code whose embedded 组织机构代码 has a wrong check character', () => {
    // Build a code whose 18th character is right but whose 17th (the org-code check) is not.
    const first17 = '91110108123456787';
    const code = first17 + computeCreditCodeCheckChar(first17);
    expect(validateOrgCode(code)).toEqual({
      ok: false,
      reason: '统一社会信用代码第9至17位（组织机构代码）校验位不正确',
    });
  });
});

describe('validateOrgCode: legacy 组织机构代码 (GB 11714-1997)', () => {
  it.each([
    // The example of GB 11714: Σ = 199, 199 mod 11 = 1, 11 − 1 = 10 → 'X'.
    ['D2143569-X', 'D2143569-X'],
    ['D2143569X', 'D2143569-X'],
    ['d2143569-x', 'D2143569-X'],
    ['D2143569－X', 'D2143569-X'],
    // Σ = 201, mod 11 = 3, 11 − 3 = 8.
    ['12345678-8', '12345678-8'],
    // Σ = 0, 11 − 0 = 11 → written '0'.
    ['00000000-0', '00000000-0'],
    ['M000100Y4', 'M000100Y-4'],
  ])('%j is valid → %s', (input, normalised) => {
    expect(validateOrgCode(input)).toEqual({ ok: true, kind: 'legacy-org-code', normalised, legacy: true });
  });

  it.each([
    ['D2143569-1', '组织机构代码校验位不正确'],
    ['12345678-9', '组织机构代码校验位不正确'],
    ['12345678-A', '组织机构代码应为8位数字或大写字母加1位校验码（数字或 X）'],
    ['1234567*-8', '组织机构代码应为8位数字或大写字母加1位校验码（数字或 X）'],
    ['1234-5678-8', '统一社会信用代码应为18位，组织机构代码应为9位'],
  ])('%j → %s', (input, reason) => {
    expect(validateOrgCode(input)).toEqual({ ok: false, reason });
  });
});

describe('check characters', () => {
  it.each([
    ['91350100M000100Y4', '3'],
    ['91110108123456788', 'E'],
    ['91440300MA5F00130', '0'],
  ])('credit code %s → %s', (first17, check) => {
    expect(computeCreditCodeCheckChar(first17)).toBe(check);
  });

  it.each([
    ['D2143569', 'X'],
    ['12345678', '8'],
    ['00000000', '0'],
    ['MA1BUFLT', '4'],
  ])('org code %s → %s', (body, check) => {
    expect(computeOrgCodeCheckChar(body)).toBe(check);
  });

  it('rejects malformed input', () => {
    expect(() => computeCreditCodeCheckChar('9135')).toThrow(RangeError);
    expect(() => computeCreditCodeCheckChar('91350100M000100O4')).toThrow(RangeError);
    expect(() => computeOrgCodeCheckChar('1234567')).toThrow(RangeError);
  });
});

describe('orgCodeOfCreditCode', () => {
  it.each([
    ['91350100M000100Y43', 'M000100Y-4'],
    ['12100000D2143569X8', 'D2143569-X'],
    ['91350100M000100Y44', null],
    ['D2143569-X', null],
  ])('%s → %s', (code, org) => {
    expect(orgCodeOfCreditCode(code)).toBe(org);
  });
});
