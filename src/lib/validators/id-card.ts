import { compactUpper, fail } from './normalise.ts';

/**
 * 公民身份号码 on the 居民身份证 (GB 11643-1999): 6-digit address code, 8-digit birth date
 * (YYYYMMDD), 3-digit sequence (odd for men, even for women) and a check character (ISO 7064 MOD 11-2).
 * ID numbers are personal information (个人信息保护法): mask them wherever they are shown or published.
 */

/** GB 11643-1999: 18 characters. */
export const ID_NUMBER_LENGTH = 18;

/** GB 11643-1999 §7: weights of positions 1–17 (2^(18-i) mod 11). */
export const ID_NUMBER_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;

/** GB 11643-1999 §7: check character for (Σ mod 11) = 0, 1, …, 10. */
export const ID_NUMBER_CHECK_CHARS = '10X98765432';

/** Earliest birth year accepted (GB 11643 codes years 18xx–20xx; no living person was born earlier). */
const EARLIEST_BIRTH_YEAR = 1800;

/** A valid number with what it encodes. */
export type ResidentIdResult =
  | { ok: true; normalised: string; birthDate: string; sex: 'male' | 'female' }
  | { ok: false; reason: string };

/** Options of {@link validateResidentIdNumber}. */
export interface ResidentIdOptions {
  /** Today's date 'YYYY-MM-DD' (China); when given, a birth date after it is rejected. */
  today?: string;
}

/**
 * The check character for the first 17 digits of an ID number.
 * @throws RangeError when `first17` is not 17 digits.
 */
export function computeIdNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('Need 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (ID_NUMBER_WEIGHTS[i] ?? 0);
  return ID_NUMBER_CHECK_CHARS.charAt(sum % 11);
}

function birthDateOf(id: string): string | null {
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/**
 * Validates an 18-character 居民身份证号码. Input is trimmed, full-width characters folded, spaces
 * removed and a lower-case x upper-cased.
 */
export function validateResidentIdNumber(input: string, opts: ResidentIdOptions = {}): ResidentIdResult {
  const id = compactUpper(input);
  if (id === '') return fail('请填写居民身份证号码');
  if (/^\d{15}$/.test(id)) return fail('15位身份证号码已停止使用，请填写18位居民身份证号码');
  if (id.length !== ID_NUMBER_LENGTH) return fail('居民身份证号码应为18位');
  if (!/^\d{17}[\dX]$/.test(id)) return fail('居民身份证号码前17位应为数字，最后一位为数字或 X');
  const birthDate = birthDateOf(id);
  if (!birthDate || Number(id.slice(6, 10)) < EARLIEST_BIRTH_YEAR) {
    return fail('居民身份证号码中的出生日期不正确');
  }
  if (opts.today !== undefined && birthDate > opts.today) return fail('居民身份证号码中的出生日期晚于今天');
  if (computeIdNumberCheckChar(id.slice(0, 17)) !== id.charAt(17)) return fail('居民身份证号码校验位不正确');
  const sex = Number(id.charAt(16)) % 2 === 1 ? 'male' : 'female';
  return { ok: true, normalised: id, birthDate, sex };
}

/** Characters kept at each end by {@link maskIdNumber}. */
const ID_MASK_KEEP_START = 3;
const ID_MASK_KEEP_END = 4;

/**
 * Masks an ID number for display or publication: keeps the first 3 and last 4 characters
 * ('110101199003071234' → '110***********1234'). Shorter input is masked entirely.
 */
export function maskIdNumber(id: string): string {
  const chars = Array.from(compactUpper(id));
  if (chars.length <= ID_MASK_KEEP_START + ID_MASK_KEEP_END) return '*'.repeat(chars.length);
  return chars
    .map((ch, i) => (i < ID_MASK_KEEP_START || i >= chars.length - ID_MASK_KEEP_END ? ch : '*'))
    .join('');
}
