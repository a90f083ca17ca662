import { describe, expect, it } from 'vitest';
import type { FieldProblem } from '../../lib/errors.ts';
import { parseDateList } from './calendar.service.ts';

describe('parseDateList (administrator-entered calendar days)', () => {
  it.each([
    ['2027-02-05', ['2027-02-05']],
    ['2027-02-05~2027-02-07', ['2027-02-05', '2027-02-06', '2027-02-07']],
    ['2027-02-05 至 2027-02-06\n2027-10-01', ['2027-02-05', '2027-02-06', '2027-10-01']],
    ['2027-01-01，2027-01-01、2027-05-01', ['2027-01-01', '2027-05-01']],
    ['', []],
  ])('%j → %j', (text, expected) => {
    const problems: FieldProblem[] = [];
    expect(parseDateList(text, 2027, 'holidays', '放假日期', problems)).toEqual(expected);
    expect(problems).toEqual([]);
  });
  it.each([['2027-13-01'], ['2026-12-31'], ['2027-02-07~2027-02-05'], ['明天']])(
    'rejects %j with a message naming the field',
    (text) => {
      const problems: FieldProblem[] = [];
      parseDateList(text, 2027, 'holidays', '放假日期', problems);
      expect(problems).toHaveLength(1);
      expect(problems[0]!.field).toBe('holidays');
      expect(problems[0]!.message).toMatch(/^放假日期：/);
    },
  );
});
