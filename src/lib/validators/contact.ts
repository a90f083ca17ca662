import { compactUpper, fail, foldWidth } from './normalise.ts';

/**
 * Contact details of applicants and agencies (条例 第二十九条: an application gives the applicant's
 * contact details), and masking of personal data for published lists (个人信息保护法).
 */

/** Mainland mobile numbers: 11 digits, 1 then 3–9 (MIIT numbering plan). */
const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
/** Area code: 010, 02x (3 digits) or 0 + three digits; local number 7–8 digits, not starting with 0. */
const LANDLINE_PATTERN = /^(0(?:10|2\d|[3-9]\d{2}))([1-9]\d{6,7})(?:(?:转|EXT|X)(\d{1,6}))?$/;
/** Nationwide service numbers: 5-digit 10xxx–12xxx hotlines (12345 政务服务便民热线, 12315 …) and 95xxx…. */
const SERVICE_NUMBER_PATTERN = /^(?:1[0-2]\d{3}|95\d{3,6})$/;
/** 400 and 800 business numbers: 10 digits. */
const BUSINESS_NUMBER_PATTERN = /^[48]00\d{7}$/;
const POSTCODE_PATTERN = /^\d{6}$/;

/** RFC 5321 limits: 64 characters before @, 254 in all. */
const EMAIL_MAX_LENGTH = 254;
const EMAIL_LOCAL_MAX_LENGTH = 64;

/** A valid mobile number. */
export type MobileResult = { ok: true; normalised: string } | { ok: false; reason: string };

/** A valid phone number and what kind it is. */
export type PhoneResult =
  | { ok: true; kind: 'mobile' | 'landline' | 'service'; normalised: string }
  | { ok: false; reason: string };

/** A valid postcode or e-mail address. */
export type ContactResult = { ok: true; normalised: string } | { ok: false; reason: string };

/** Removes the separators people type in phone numbers and a +86 / 0086 country code. */
function compactPhone(input: string): string {
  const compact = compactUpper(input).replace(/[-()（）.]/g, '');
  return compact.replace(/^(?:\+86|0086)(?=1\d{10}$)/, '');
}

/** Validates a mainland mobile number (11 digits, 1[3-9]…); accepts spaces, hyphens and +86. */
export function validateMobile(input: string): MobileResult {
  const phone = compactPhone(input);
  if (phone === '') return fail('请填写手机号码');
  if (!/^\d+$/.test(phone)) return fail('手机号码只能包含数字');
  if (phone.length !== 11) return fail('手机号码应为11位数字');
  if (!MOBILE_PATTERN.test(phone)) return fail('手机号码应以13至19开头');
  return { ok: true, normalised: phone };
}

/**
 * Validates a phone number: a mobile, a landline with area code ('0745-1234567', '(0745)1234567',
 * '010 12345678转123'), a 5-digit hotline (12345) or a 400/800 number. Normalised forms: mobile
 * '13812345678', landline '0745-1234567' or '0745-1234567-123', service numbers digits only.
 */
export function validatePhone(input: string): PhoneResult {
  const raw = compactUpper(input);
  if (raw === '') return fail('请填写联系电话');
  const mobile = validateMobile(raw);
  if (mobile.ok) return { ok: true, kind: 'mobile', normalised: mobile.normalised };
  // Keep one separator before an extension: '0745-1234567-123' → '07451234567转123'.
  const withExtension = raw.replace(/^([(（]?0\d{2,3}[)）]?[-\s]?[1-9]\d{6,7})-(\d{1,6})$/, '$1转$2');
  const phone = compactPhone(withExtension);
  const landline = LANDLINE_PATTERN.exec(phone);
  if (landline) {
    const [, area, local, extension] = landline;
    return { ok: true, kind: 'landline', normalised: `${area}-${local}${extension ? `-${extension}` : ''}` };
  }
  if (SERVICE_NUMBER_PATTERN.test(phone) || BUSINESS_NUMBER_PATTERN.test(phone)) {
    return { ok: true, kind: 'service', normalised: phone };
  }
  if (/^1\d{10}$/.test(phone)) return fail(mobile.reason);
  if (/^[1-9]\d{6,7}$/.test(phone)) return fail('固定电话请加区号，例如 0745-1234567');
  return fail('联系电话格式不正确，请填写手机号码或带区号的固定电话');
}

/** Validates a 6-digit postcode (邮政编码). */
export function validatePostcode(input: string): ContactResult {
  const code = compactUpper(input);
  if (code === '') return fail('请填写邮政编码');
  if (!POSTCODE_PATTERN.test(code)) return fail('邮政编码应为6位数字');
  return { ok: true, normalised: code };
}

/**
 * Validates an e-mail address pragmatically: one @, no spaces, a dotted domain, RFC length limits.
 * The domain is lower-cased; the part before @ is kept as typed.
 */
export function validateEmail(input: string): ContactResult {
  const email = foldWidth(input);
  if (email === '') return fail('请填写电子邮箱');
  if (/\s/.test(email)) return fail('电子邮箱不能包含空格');
  const at = email.lastIndexOf('@');
  if (at <= 0 || email.indexOf('@') !== at) return fail('电子邮箱应包含一个 @，例如 name@example.com');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1).toLowerCase();
  if (email.length > EMAIL_MAX_LENGTH || local.length > EMAIL_LOCAL_MAX_LENGTH) return fail('电子邮箱过长');
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return fail('电子邮箱 @ 前的部分格式不正确');
  }
  const labels = domain.split('.');
  const labelOk = (label: string) => /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u.test(label);
  if (labels.length < 2 || !labels.every(labelOk) || /^\d+$/.test(labels.at(-1) ?? '')) {
    return fail('电子邮箱 @ 后的域名格式不正确，例如 example.com');
  }
  return { ok: true, normalised: `${local}@${domain}` };
}

/** Digits kept at each end by {@link maskPhone}. */
const PHONE_MASK_KEEP_START = 3;
const PHONE_MASK_KEEP_END = 4;

/**
 * Masks a phone number for display: keeps the first 3 and last 4 digits of numbers with 11 or more
 * digits ('13812345678' → '138****5678', '0745-1234567' → '074*-***4567'), at most the last 4 of
 * shorter ones, always masking at least 3; separators are kept.
 */
export function maskPhone(phone: string): string {
  const text = foldWidth(phone);
  const digitCount = text.replace(/\D/g, '').length;
  const keepStart = digitCount >= 11 ? PHONE_MASK_KEEP_START : 0;
  // Short numbers keep fewer digits so that at least 3 are always masked.
  const keepEnd = Math.max(0, Math.min(PHONE_MASK_KEEP_END, digitCount - 3));
  let seen = 0;
  return text.replace(/\d/g, (digit) => {
    seen++;
    return seen <= keepStart || seen > digitCount - keepEnd ? digit : '*';
  });
}

/**
 * Masks a person's name for publication: keeps the first character and replaces each other one with
 * '*' (张三 → 张*, 欧阳娜娜 → 欧***). Separators such as '·' and spaces are kept; a one-character
 * name becomes '*'.
 */
export function maskName(name: string): string {
  const chars = Array.from(foldWidth(name));
  if (chars.length <= 1) return '*'.repeat(chars.length);
  return chars.map((ch, i) => (i === 0 || /[\s·・.]/.test(ch) ? ch : '*')).join('');
}
