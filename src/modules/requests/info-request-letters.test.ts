import { describe, expect, it } from 'vitest';
import { abuseProblem, FORM_TOKEN_FIELD, HONEYPOT_FIELD, issueFormToken } from '../../lib/form-abuse.ts';
import { LETTER_TEMPLATES } from './info-request.model.ts';
import { buildTable4 } from './info-request.stats.ts';
import { chinaMonthBounds } from './info-request-fees.service.ts';
import {
  DEFAULT_TEMPLATES,
  fillPlaceholders,
  LETTER_KINDS,
  letterNumber,
  unknownPlaceholders,
} from './info-request-letter.templates.ts';
import { chineseDate, feeBreakdownText } from './info-request-letters.service.ts';
import { computeProcessingFee } from './processing-fee.ts';

describe('letter templates', () => {
  it('has a default for each of the 10 kinds, using only known placeholders', () => {
    expect(LETTER_KINDS).toHaveLength(10);
    expect(LETTER_KINDS.map((k) => LETTER_TEMPLATES[k])).toContain('非本机关告知书');
    for (const k of LETTER_KINDS) expect(unknownPlaceholders(DEFAULT_TEMPLATES[k]), k).toEqual([]);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fillPlaceholders('{申请人}：{受理编号}{未知}', { 申请人: '张三', 受理编号: 'A-1' })).toBe(
      '张三：A-1{未知}',
    );
    expect(unknownPlaceholders('{申请人}{未知}{未知}')).toEqual(['未知']);
  });

  it.each([
    ['示范县发改依告', 2026, 3, '示范县发改依告〔2026〕3号'],
    ['县财政依告', 2027, 12, '县财政依告〔2027〕12号'],
  ])('numbers %s / %i / %i → %s', (prefix, year, n, expected) => {
    expect(letterNumber(prefix, year, n)).toBe(expected);
  });

  it('writes dates and fee breakdowns as letters do', () => {
    expect(chineseDate('2026-03-02')).toBe('2026年3月2日');
    const fee = computeProcessingFee({ method: 'per_page', pages: 120 });
    expect(feeBreakdownText(JSON.stringify(fee.lines))).toBe(
      '1–30 页部分 30 × 0.00 元 = 0.00 元；31–100 页部分 70 × 10.00 元 = 700.00 元；101–200 页部分 20 × 20.00 元 = 400.00 元',
    );
  });
});

describe('anti-abuse token', () => {
  const secret = 'a-secret-a-secret-a-secret-a-secret';
  const t0 = 1_772_416_800_000;
  const fields = (token: string, honey = '') => ({ [FORM_TOKEN_FIELD]: token, [HONEYPOT_FIELD]: honey });
  it.each([
    ['a person after 5 s', fields(issueFormToken(secret, t0)), t0 + 5_000, null],
    ['the honeypot filled', fields(issueFormToken(secret, t0), 'x'), t0 + 5_000, /未通过校验/],
    ['faster than 3 s', fields(issueFormToken(secret, t0)), t0 + 1_000, /过快/],
    ['older than a day', fields(issueFormToken(secret, t0)), t0 + 25 * 3600_000, /过期/],
    ['a forged token', fields(`${t0}.forged`), t0 + 5_000, /过期/],
    ['another secret', fields(issueFormToken('other', t0)), t0 + 5_000, /过期/],
    ['no token', {}, t0, /过期/],
  ] as const)('%s', (_name, f, now, expected) => {
    const p = abuseProblem(secret, f, now);
    if (expected === null) expect(p).toBeNull();
    else expect(p).toMatch(expected);
  });
});

describe('natural month (China time) for 按件 counting', () => {
  it.each([
    ['2026-03-15T04:00:00.000Z', '2026-02-28T16:00:00.000Z', '2026-03-31T15:59:59.999Z'],
    // 1 March 00:30 in China is still February in UTC
    ['2026-02-28T16:30:00.000Z', '2026-02-28T16:00:00.000Z', '2026-03-31T15:59:59.999Z'],
    ['2026-12-31T17:00:00.000Z', '2026-12-31T16:00:00.000Z', '2027-01-31T15:59:59.999Z'],
  ])('%s → %s … %s', (iso, from, to) => {
    expect(chinaMonthBounds(iso)).toEqual({ from, to });
  });
});

describe('table 四 from 复议/诉讼 records', () => {
  it('counts by kind and result; not concluded by 31 Dec counts as 尚未审结', () => {
    const t = buildTable4(
      [
        { kind: 'review', result: 'upheld', concludedOn: '2026-05-01' },
        { kind: 'review', result: 'corrected', concludedOn: '2027-01-10' },
        { kind: 'litigation_direct', result: 'other', concludedOn: '2026-11-01' },
        { kind: 'litigation_after_review', result: 'pending', concludedOn: null },
      ],
      2026,
    );
    expect(t.blocks.map((b) => b.values)).toEqual([
      [1, 0, 0, 1, 2],
      [0, 0, 1, 0, 1],
      [0, 0, 0, 1, 1],
    ]);
    expect(t.note).toContain('4 件');
  });
});
