import { describe, expect, it } from 'vitest';
import {
  DEFAULT_INDEX_NUMBER_PATTERN,
  formatIndexNumber,
  indexNumberPeriod,
  parseIndexNumber,
  validateIndexNumberPattern,
} from './index-number.ts';

describe('formatIndexNumber', () => {
  const cases: Array<[string, string, string, number, string]> = [
    [DEFAULT_INDEX_NUMBER_PATTERN, '000014349', '2017-06-01', 110, '000014349/2017-00110'],
    ['{code}-{yyyymm}-{seq:6}', '11430000006149227R', '2022-07-24', 7, '11430000006149227R-202207-000007'],
    ['{code}/{yy}{mm}-{seq:4}', '006149227', '2022-03-09', 12, '006149227/2203-0012'],
    ['{code}/{seq:8}', 'ABC', '2022-03-09', 1, 'ABC/00000001'],
    ['ZF-{code}-{yyyy}{seq:3}', '430000', '2023-01-01', 999, 'ZF-430000-2023999'],
  ];
  it.each(cases)('%s with %s %s #%i → %s', (pattern, code, date, seq, expected) => {
    expect(formatIndexNumber(pattern, { code, date, seq })).toBe(expected);
    expect(parseIndexNumber(pattern, expected)?.seq).toBe(seq);
    expect(parseIndexNumber(pattern, expected)?.code).toBe(code);
  });

  it('refuses a sequence that does not fit, a bad code or a bad date', () => {
    const p = DEFAULT_INDEX_NUMBER_PATTERN;
    expect(() => formatIndexNumber(p, { code: '000014349', date: '2017-01-01', seq: 100000 })).toThrow(
      RangeError,
    );
    expect(() => formatIndexNumber(p, { code: '000014349', date: '2017-01-01', seq: 0 })).toThrow(RangeError);
    expect(() => formatIndexNumber(p, { code: '00/14', date: '2017-01-01', seq: 1 })).toThrow(RangeError);
    expect(() => formatIndexNumber(p, { code: '000014349', date: '2017/01/01', seq: 1 })).toThrow(RangeError);
    expect(() => formatIndexNumber('{seq:5}', { code: 'A', date: '2017-01-01', seq: 1 })).toThrow(RangeError);
  });
});

describe('validateIndexNumberPattern', () => {
  it.each([
    DEFAULT_INDEX_NUMBER_PATTERN,
    '{code}-{yyyymm}-{seq:6}',
    '{code}/{yyyy}{mm}-{seq:4}',
    'X{code}/{seq:1}',
  ])('accepts %s', (pattern) => {
    expect(validateIndexNumberPattern(pattern)).toEqual({ ok: true });
  });

  it.each([
    ['{code}/{yyyy}', '流水号'],
    ['{yyyy}-{seq:5}', '{code}'],
    ['{code}/{code}-{seq:5}', '{code}'],
    ['{code}/{seq:5}-{seq:3}', '流水号'],
    ['{code}/{year}-{seq:5}', '未知的占位符 {year}'],
    ['{code}/{seq:0}', '位数'],
    ['{code}/{seq:13}', '位数'],
    ['{code}/{yyyy-{seq:5}', '花括号'],
    ['{code}{yyyy}-{seq:5}', '分隔符'],
    ['{code}/{mm}-{seq:5}', '{mm}'],
    ['{code}/{yyyy}{yy}-{seq:5}', '年份'],
  ])('rejects %s', (pattern, reason) => {
    const result = validateIndexNumberPattern(pattern);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});

describe('parseIndexNumber and periods', () => {
  it('reads back year and month', () => {
    expect(parseIndexNumber(DEFAULT_INDEX_NUMBER_PATTERN, '000014349/2017-00110')).toEqual({
      code: '000014349',
      year: '2017',
      seq: 110,
    });
    expect(parseIndexNumber('{code}-{yyyymm}-{seq:6}', 'A1-202207-000123')).toEqual({
      code: 'A1',
      year: '2022',
      month: '07',
      seq: 123,
    });
  });

  it.each(['000014349/2017-0011', '000014349/2017-001100', '000014349-2017-00110', 'x/2017-00110 extra', ''])(
    'does not parse %j with the default pattern',
    (value) => {
      expect(parseIndexNumber(DEFAULT_INDEX_NUMBER_PATTERN, value)).toBeNull();
    },
  );

  it('names the period in which the sequence counts', () => {
    expect(indexNumberPeriod(DEFAULT_INDEX_NUMBER_PATTERN, '2017-06-01')).toBe('2017');
    expect(indexNumberPeriod('{code}-{yyyymm}-{seq:6}', '2022-07-24')).toBe('2022-07');
    expect(indexNumberPeriod('{code}/{seq:8}', '2022-07-24')).toBe('');
  });
});
