import { describe, expect, it } from 'vitest';
import { computeIdNumberCheckChar, maskIdNumber, validateResidentIdNumber } from './id-card.ts';

describe('validateResidentIdNumber (GB 11643-1999)', () => {
  it.each([
    // The two examples printed in GB 11643-1999.
    ['11010519491231002X', '11010519491231002X', '1949-12-31', 'female'],
    ['440524188001010014', '440524188001010014', '1880-01-01', 'male'],
    // Constructed: Σ(digit × weight) = 174, 174 mod 11 = 9 → '3'.
    ['110101199003071233', '110101199003071233', '1990-03-07', 'male'],
    // Leap day, Σ = 174 → '3'; sequence 002 is even → female.
    ['430402200002290023', '430402200002290023', '2000-02-29', 'female'],
    // Normalisation: spaces, lower-case x, full-width digits.
    [' 110105 19491231 002x ', '11010519491231002X', '1949-12-31', 'female'],
    ['１１０１０５１９４９１２３１００２Ｘ', '11010519491231002X', '1949-12-31', 'female'],
  ])('%j is valid', (input, normalised, birthDate, sex) => {
    expect(validateResidentIdNumber(input)).toEqual({ ok: true, normalised, birthDate, sex });
  });

  it.each([
    ['110105194912310021', '居民身份证号码校验位不正确'],
    ['440524188001010015', '居民身份证号码校验位不正确'],
    // Two digits swapped.
    ['110101199030071233', '居民身份证号码中的出生日期不正确'],
    ['110101199003701233', '居民身份证号码中的出生日期不正确'],
    ['430402199902290023', '居民身份证号码中的出生日期不正确'],
    ['430402179901010023', '居民身份证号码中的出生日期不正确'],
    ['11010519491231002', '居民身份证号码应为18位'],
    ['1101051949123100211', '居民身份证号码应为18位'],
    ['110105194912310', '15位身份证号码已停止使用，请填写18位居民身份证号码'],
    ['1101051949123100X1', '居民身份证号码前17位应为数字，最后一位为数字或 X'],
    ['11010519491231002Y', '居民身份证号码前17位应为数字，最后一位为数字或 X'],
    ['', '请填写居民身份证号码'],
  ])('%j → %s', (input, reason) => {
    expect(validateResidentIdNumber(input)).toEqual({ ok: false, reason });
  });

  it('rejects a birth date after today when today is given', () => {
    // 110105 2026-01-01 001, Σ = 91, 91 mod 11 = 3 → '9'.
    expect(validateResidentIdNumber('110105202601010019', { today: '2026-01-01' }).ok).toBe(true);
    expect(validateResidentIdNumber('110105202601010019', { today: '2025-12-31' })).toEqual({
      ok: false,
      reason: '居民身份证号码中的出生日期晚于今天',
    });
  });

  it.each([
    ['11010519491231002', 'X'],
    ['44052418800101001', '4'],
    ['11010119900307123', '3'],
  ])('check character of %s is %s', (first17, check) => {
    expect(computeIdNumberCheckChar(first17)).toBe(check);
  });
});

describe('maskIdNumber', () => {
  it.each([
    ['11010519491231002X', '110***********002X'],
    ['440524188001010014', '440***********0014'],
    [' 11010519491231002x', '110***********002X'],
    ['1234567', '*******'],
    ['', ''],
  ])('%j → %s', (input, masked) => {
    expect(maskIdNumber(input)).toBe(masked);
  });
});
