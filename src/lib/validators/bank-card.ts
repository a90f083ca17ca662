import { compactUpper, fail } from './normalise.ts';

/**
 * Bank card numbers (e.g. for refunds of 信息处理费). China UnionPay cards have 16–19 digits; the last
 * digit is normally a Luhn (ISO/IEC 7812-1) check digit.
 */

/** ISO/IEC 7812-1: card numbers have at most 19 digits; UnionPay debit cards have at least 16. */
export const BANK_CARD_MIN_LENGTH = 16;
export const BANK_CARD_MAX_LENGTH = 19;

/** A plausible card number; `luhnValid` false means "ask the user to check it", not "reject". */
export type BankCardResult =
  | { ok: true; normalised: string; luhnValid: boolean }
  | { ok: false; reason: string };

/**
 * True when a string of digits passes the Luhn (mod 10) check. Spaces are ignored; anything else
 * that is not a digit, or fewer than 2 digits, gives false.
 */
export function isLuhnValid(digits: string): boolean {
  const compact = digits.replace(/\s+/g, '');
  if (!/^\d{2,}$/.test(compact)) return false;
  let sum = 0;
  // From the right, double every second digit and subtract 9 from results above 9.
  for (let i = 0; i < compact.length; i++) {
    let digit = Number(compact.charAt(compact.length - 1 - i));
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/**
 * Checks the form of a bank card number: 16–19 digits after removing spaces and hyphens. Numbers of
 * some older domestic cards are reported not to carry a Luhn check digit, so a failed check is returned
 * in `luhnValid` for a warning ("请核对银行卡号") rather than rejecting the number.
 */
export function validateBankCardNumber(input: string): BankCardResult {
  const card = compactUpper(input).replace(/-/g, '');
  if (card === '') return fail('请填写银行卡号');
  if (!/^\d+$/.test(card)) return fail('银行卡号只能包含数字');
  if (card.length < BANK_CARD_MIN_LENGTH || card.length > BANK_CARD_MAX_LENGTH) {
    return fail('银行卡号应为16至19位数字');
  }
  return { ok: true, normalised: card, luhnValid: isLuhnValid(card) };
}
