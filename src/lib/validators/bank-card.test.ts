import { describe, expect, it } from 'vitest';
import { isLuhnValid, validateBankCardNumber } from './bank-card.ts';

describe('isLuhnValid', () => {
  it.each([
    ['79927398713', true],
    ['79927398710', false],
    ['4111111111111111', true],
    ['4111111111111112', false],
    ['6212345678901232', true],
    ['6228480402564890018', true],
    ['6228480402564890017', false],
    ['6212 3456 7890 1232', true],
    ['59', true],
    ['5', false],
    ['', false],
    ['6212-3456-7890-1232', false],
    ['abcdabcdabcdabcd', false],
  ])('%j → %s', (digits, valid) => {
    expect(isLuhnValid(digits)).toBe(valid);
  });
});

describe('validateBankCardNumber', () => {
  it.each([
    ['6212345678901232', { ok: true, normalised: '6212345678901232', luhnValid: true }],
    ['6228 4804 0256 4890 018', { ok: true, normalised: '6228480402564890018', luhnValid: true }],
    ['6212-3456-7890-1233', { ok: true, normalised: '6212345678901233', luhnValid: false }],
    ['', { ok: false, reason: '请填写银行卡号' }],
    ['621234567890123', { ok: false, reason: '银行卡号应为16至19位数字' }],
    ['62123456789012345678', { ok: false, reason: '银行卡号应为16至19位数字' }],
    ['6212A45678901232', { ok: false, reason: '银行卡号只能包含数字' }],
  ])('%j', (input, expected) => {
    expect(validateBankCardNumber(input)).toEqual(expected);
  });
});
