import { compactUpper, fail } from './normalise.ts';

/**
 * 统一社会信用代码 (GB 32100-2015) and the older 组织机构代码 (GB 11714-1997) of organisations, e.g. an
 * applicant that is a 法人或其他组织 (条例 第二十九条) or an agency's own code in a 索引号.
 */

/** GB 32100-2015 §4: the 31 characters of the code, in value order (no I, O, S, V, Z). */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** GB 32100-2015 §5: weights of positions 1–17 (3^(i-1) mod 31). */
export const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** GB 32100-2015: 18 characters. */
export const CREDIT_CODE_LENGTH = 18;

/** GB 11714-1997: weights of the 8 body characters of a 组织机构代码. */
export const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** GB 11714-1997: 8 body characters and a check character. */
export const ORG_CODE_LENGTH = 9;

const CREDIT_CODE_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
/** GB 32100-2015 §4.2: positions 3–8 are the registering authority's 行政区划码 (GB/T 2260, digits). */
const CREDIT_CODE_REGION_PATTERN = /^\d{6}$/;
const ORG_CODE_BODY_PATTERN = /^[0-9A-Z]{8}$/;
const ORG_CODE_PATTERN = /^[0-9A-Z]{8}[0-9X]$/;

/** A recognised code; `legacy` is true for a 9-character 组织机构代码 (issued before 2015). */
export type OrgCodeResult =
  | { ok: true; kind: 'credit-code' | 'legacy-org-code'; normalised: string; legacy: boolean }
  | { ok: false; reason: string };

/**
 * The check character (position 18) for the first 17 characters of a 统一社会信用代码.
 * @throws RangeError when `first17` is not 17 characters of the code's character set.
 */
export function computeCreditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('Need the first 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17.charAt(i));
    if (value < 0) throw new RangeError(`Character not allowed: ${first17.charAt(i)}`);
    sum += value * (CREDIT_CODE_WEIGHTS[i] ?? 0);
  }
  // GB 32100-2015 §5: C18 = 31 − (Σ mod 31); a result of 31 is written as 0.
  return CREDIT_CODE_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** GB 11714-1997: a digit is its value; letters A–Z are 10–35. */
function orgCodeCharValue(ch: string): number {
  return Number.parseInt(ch, 36);
}

/**
 * The check character (position 9) for the 8 body characters of a 组织机构代码.
 * @throws RangeError when `body` is not 8 digits or upper-case letters.
 */
export function computeOrgCodeCheckChar(body: string): string {
  if (!ORG_CODE_BODY_PATTERN.test(body)) throw new RangeError('Need 8 digits or upper-case letters');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgCodeCharValue(body.charAt(i)) * (ORG_CODE_WEIGHTS[i] ?? 0);
  // GB 11714-1997: C9 = 11 − (Σ mod 11); 10 is written X and 11 is written 0.
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  if (check === 11) return '0';
  return String(check);
}

function validateCreditCode(code: string): OrgCodeResult {
  if (!CREDIT_CODE_PATTERN.test(code)) {
    return fail('统一社会信用代码只能由数字和大写字母组成，且不使用字母 I、O、S、V、Z');
  }
  if (!CREDIT_CODE_REGION_PATTERN.test(code.slice(2, 8))) {
    return fail('统一社会信用代码第3至8位应为行政区划码（6位数字）');
  }
  if (computeCreditCodeCheckChar(code.slice(0, 17)) !== code.charAt(17)) {
    return fail('统一社会信用代码校验位不正确');
  }
  // GB 32100-2015 §4.2: positions 9–17 are the 主体标识码, a 组织机构代码 with its own check character.
  const embedded = code.slice(8, 17);
  if (computeOrgCodeCheckChar(embedded.slice(0, 8)) !== embedded.charAt(8)) {
    return fail('统一社会信用代码第9至17位（组织机构代码）校验位不正确');
  }
  return { ok: true, kind: 'credit-code', normalised: code, legacy: false };
}

function validateLegacyOrgCode(code: string): OrgCodeResult {
  if (!ORG_CODE_PATTERN.test(code)) {
    return fail('组织机构代码应为8位数字或大写字母加1位校验码（数字或 X）');
  }
  if (computeOrgCodeCheckChar(code.slice(0, 8)) !== code.charAt(8)) {
    return fail('组织机构代码校验位不正确');
  }
  // Written with a hyphen before the check character, as printed on 组织机构代码证.
  return {
    ok: true,
    kind: 'legacy-org-code',
    normalised: `${code.slice(0, 8)}-${code.charAt(8)}`,
    legacy: true,
  };
}

/**
 * Validates a 统一社会信用代码 (18 characters) or a legacy 组织机构代码 (9 characters, also written
 * XXXXXXXX-X). Input is trimmed, upper-cased, full-width characters folded and spaces removed.
 * The normalised 18-character code has no separators; the legacy code is written XXXXXXXX-X.
 */
export function validateOrgCode(input: string): OrgCodeResult {
  let code = compactUpper(input);
  if (code === '') return fail('请填写统一社会信用代码或组织机构代码');
  if (/^[^-]{8}-[^-]$/u.test(code)) code = code.replace('-', '');
  if (code.length === CREDIT_CODE_LENGTH) return validateCreditCode(code);
  if (code.length === ORG_CODE_LENGTH) return validateLegacyOrgCode(code);
  return fail('统一社会信用代码应为18位，组织机构代码应为9位');
}

/** The 组织机构代码 embedded in a valid 统一社会信用代码 (positions 9–17), written XXXXXXXX-X. */
export function orgCodeOfCreditCode(creditCode: string): string | null {
  const result = validateOrgCode(creditCode);
  if (!result.ok || result.kind !== 'credit-code') return null;
  return `${result.normalised.slice(8, 16)}-${result.normalised.charAt(16)}`;
}
