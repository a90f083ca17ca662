import { computeIdNumberCheckChar, isLuhnValid } from '../../../lib/validators/index.ts';

/**
 * Test helpers: build numbers with correct or deliberately wrong check digits, so tests state their intent
 * instead of embedding magic numbers. Not used by production code.
 */

/** A valid 居民身份证号码 for the given 17 digits. */
export function validIdNumber(first17: string): string {
  return first17 + computeIdNumberCheckChar(first17);
}

/** 18 digits with a wrong ID check digit that also fail Luhn: neither an ID number nor a card number. */
export function invalidIdNumber(first17: string): string {
  const right = computeIdNumberCheckChar(first17);
  for (const d of '0123456789') {
    if (d !== right && !isLuhnValid(first17 + d)) return first17 + d;
  }
  throw new Error('unreachable: some digit fails Luhn');
}

/** `prefix` plus the digit that makes the whole pass Luhn (a plausible bank card number). */
export function withLuhnDigit(prefix: string): string {
  for (const d of '0123456789') if (isLuhnValid(prefix + d)) return prefix + d;
  throw new Error('unreachable: one digit always passes Luhn');
}

/** `prefix` plus a digit that makes the whole fail Luhn. */
export function withoutLuhnDigit(prefix: string): string {
  for (const d of '0123456789') if (!isLuhnValid(prefix + d)) return prefix + d;
  throw new Error('unreachable');
}
