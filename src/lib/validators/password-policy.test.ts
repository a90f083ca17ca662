import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-policy.ts';

const TOO_SHORT = `密码长度至少为${PASSWORD_MIN_LENGTH}位`;
const TOO_LONG = `密码长度不能超过${PASSWORD_MAX_LENGTH}位`;
const CLASSES = '密码须包含大写字母、小写字母、数字、特殊符号中的至少3类';
const SAME = '密码不能与用户名相同';
const CONTAINS = '密码不能包含用户名';

describe('checkPasswordPolicy (等保 2.0 三级 身份鉴别)', () => {
  it.each<[string, string | undefined, string[]]>([
    ['Gongkai#2025', undefined, []],
    ['gongkai2025!', undefined, []],
    ['GONGKAI2025x', undefined, []],
    ['Abcdefg1', undefined, []],
    ['政务公开Ab12', undefined, []],
    ['Abcdef1', undefined, [TOO_SHORT]],
    ['', undefined, [TOO_SHORT, CLASSES]],
    ['abcdefgh', undefined, [CLASSES]],
    ['abcdefg1', undefined, [CLASSES]],
    ['ABCDEFGH12', undefined, [CLASSES]],
    ['12345678', undefined, [CLASSES]],
    ['abc123', undefined, [TOO_SHORT, CLASSES]],
    [`Aa1!${'x'.repeat(PASSWORD_MAX_LENGTH)}`, undefined, [TOO_LONG]],
    ['Zhangsan1', 'zhangsan1', [SAME]],
    ['ZhangSan#1', ' zhangsan#1 ', [SAME]],
    ['Zhangsan#2025', 'zhangsan', [CONTAINS]],
    ['My-ZHANGSAN-pw1', 'zhangsan', [CONTAINS]],
    ['zhangsan', 'zhangsan', [CLASSES, SAME]],
    // Short user names are compared for equality only.
    ['Gongkai#2025', 'ai', []],
    ['Gongkai#2025', '', []],
  ])('%j (user %j) → %j', (password, username, problems) => {
    expect(checkPasswordPolicy(password, username === undefined ? {} : { username })).toEqual(problems);
  });

  it('counts characters, not UTF-16 units', () => {
    // 𠮷 is one character but two UTF-16 units: 6 + 'A1' = 8 characters; 5 + 'A1' = 7 (12 units).
    expect(checkPasswordPolicy('𠮷𠮷𠮷𠮷𠮷𠮷A1')).toEqual([]);
    expect(checkPasswordPolicy('𠮷𠮷𠮷𠮷𠮷A1')).toEqual([TOO_SHORT]);
  });
});
