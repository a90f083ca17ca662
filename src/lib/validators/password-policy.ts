/**
 * Password complexity for staff accounts. GB/T 22239-2019 (等保 2.0) level 3, 8.1.4.1 身份鉴别 a):
 * "身份鉴别信息具有复杂度要求并定期更换". The standard gives no numbers; the values below are the ones
 * assessors (测评机构) commonly accept for level 3 — at least 8 characters mixing 3 of 4 character
 * classes. Change periods and lock-out live with the account service, not here.
 */

/** 等保 2.0 三级 8.1.4.1 a) complexity: minimum length commonly required by assessors. */
export const PASSWORD_MIN_LENGTH = 8;

/** 等保 2.0 三级 8.1.4.1 a) complexity: at least 3 of upper case, lower case, digits, symbols. */
export const PASSWORD_MIN_CHARACTER_CLASSES = 3;

/** Upper bound so a hashing request cannot be made arbitrarily expensive (not a legal rule). */
export const PASSWORD_MAX_LENGTH = 128;

/** A user name shorter than this is only compared for equality, not searched inside the password. */
const USERNAME_MIN_LENGTH_FOR_CONTAINS = 3;

/** Options of {@link checkPasswordPolicy}. */
export interface PasswordPolicyOptions {
  /** The account's login name; the password may neither equal nor contain it (case-insensitive). */
  username?: string;
}

function characterClassCount(password: string): number {
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/];
  return classes.filter((re) => re.test(password)).length;
}

/**
 * Lists every way `password` breaks the policy, as Chinese messages for the form; empty when it is
 * acceptable. Length counts characters (code points), not bytes.
 */
export function checkPasswordPolicy(password: string, opts: PasswordPolicyOptions = {}): string[] {
  const problems: string[] = [];
  const length = Array.from(password).length;
  if (length < PASSWORD_MIN_LENGTH) problems.push(`密码长度至少为${PASSWORD_MIN_LENGTH}位`);
  if (length > PASSWORD_MAX_LENGTH) problems.push(`密码长度不能超过${PASSWORD_MAX_LENGTH}位`);
  if (characterClassCount(password) < PASSWORD_MIN_CHARACTER_CLASSES) {
    problems.push('密码须包含大写字母、小写字母、数字、特殊符号中的至少3类');
  }
  const username = opts.username?.trim().toLowerCase() ?? '';
  const lower = password.toLowerCase();
  if (username !== '' && lower === username) {
    problems.push('密码不能与用户名相同');
  } else if (username.length >= USERNAME_MIN_LENGTH_FOR_CONTAINS && lower.includes(username)) {
    problems.push('密码不能包含用户名');
  }
  return problems;
}
