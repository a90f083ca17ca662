import { describe, expect, it } from 'vitest';
import type { Table3 } from './report.model.ts';
import { type CheckDefinition, resolveCheckSettings } from './report-checks.model.ts';
import { balancedTable3, passingInput } from './report-checks.test-figures.ts';
import {
  TABLE3_BALANCE,
  TABLE3_OUTCOMES_SUM,
  TABLE3_PARTIAL_ONCE,
  TABLE3_ROW_TOTALS,
} from './report-checks-table3.ts';

const run = (check: CheckDefinition, table3: Table3) => {
  const input = passingInput();
  input.figures.table3 = table3;
  return check.run(input, resolveCheckSettings());
};

describe('table 三: 一 + 二 = 三（七） + 四 per column', () => {
  it('passes a balanced table', () => {
    expect(run(TABLE3_BALANCE, balancedTable3())).toEqual([]);
  });

  it('fails the column that does not add up, naming its four numbers', () => {
    // 自然人: 一 4 + 二 1 = 5 but 三（七） 3 + 四 1 = 4; 总计 likewise 5 + 1 = 6 vs 4 + 1 = 5.
    const failures = run(TABLE3_BALANCE, balancedTable3({ 一: [4, 1, 0, 0, 0, 0, 5] }));
    expect(failures?.map((f) => f.id)).toEqual(['table3.balance.natural_person', 'table3.balance.total']);
    const [first] = failures ?? [];
    expect(first?.severity).toBe('error');
    expect(first?.message).toBe(
      '表三“自然人”列：一（4）+ 二（1）= 5，三（七）总计（3）+ 四（1）= 4，相差 1。',
    );
    expect(first?.cells).toEqual([
      'table3.一.natural_person',
      'table3.二.natural_person',
      'table3.三(七).natural_person',
      'table3.四.natural_person',
    ]);
  });

  it('says a column with a cell not filled in could not be checked, and is not an error', () => {
    const failures = run(TABLE3_BALANCE, balancedTable3({ 二: [1, null, 0, 0, 0, 0, 1] }));
    expect(failures).toHaveLength(1);
    expect(failures?.[0]).toMatchObject({
      id: 'table3.balance.incomplete',
      severity: 'warning',
      cells: ['table3.二.commercial'],
    });
    expect(failures?.[0]?.message).toBe('无法核对：表三勾稽关系，二、上年结转“商业企业”列 未填写。');
  });

  it('counts, rather than lists, many cells not filled in', () => {
    const failures = run(
      TABLE3_BALANCE,
      balancedTable3({ 一: Array(7).fill(null), 四: Array(7).fill(null) }),
    );
    expect(failures?.[0]?.message).toMatch(/等 14 格 未填写。$/);
    expect(failures?.[0]?.cells).toHaveLength(14);
  });
});

describe('table 三: （七）总计 = the sum of the 21 outcome rows', () => {
  it('passes when the outcome rows add up', () => {
    expect(run(TABLE3_OUTCOMES_SUM, balancedTable3())).toEqual([]);
  });

  it('fails when an outcome is missing from （七）', () => {
    // One more 1.本机关不掌握相关政府信息 for 自然人 (and in 总计) without changing （七）.
    const failures = run(TABLE3_OUTCOMES_SUM, balancedTable3({ '三(四)1': [1, 0, 0, 0, 0, 0, 1] }));
    expect(failures?.map((f) => f.id)).toEqual(['table3.outcomes.natural_person', 'table3.outcomes.total']);
    expect(failures?.[0]?.message).toBe('表三“自然人”列：三（一）至三（六）各项之和为 4，三（七）总计为 3。');
    expect(failures?.[0]?.cells?.[0]).toBe('table3.三(七).natural_person');
    expect(failures?.[0]?.cells).toContain('table3.三(四)1.natural_person');
  });

  it('warns that it could not be computed when an outcome cell is not filled in', () => {
    const failures = run(TABLE3_OUTCOMES_SUM, balancedTable3({ '三(六)3': [0, 0, 0, 0, 0, null, 0] }));
    expect(failures).toEqual([
      expect.objectContaining({
        id: 'table3.outcomes.incomplete',
        severity: 'warning',
        cells: ['table3.三(六)3.other'],
      }),
    ]);
    expect(failures?.[0]?.message).toContain('三（六）其他处理 3.其他“其他”列');
  });
});

describe('table 三: the 总计 column = the sum of the six others', () => {
  it('passes when every row adds up', () => {
    expect(run(TABLE3_ROW_TOTALS, balancedTable3())).toEqual([]);
  });

  it('fails the row whose 总计 is not the sum, naming both numbers', () => {
    const failures = run(TABLE3_ROW_TOTALS, balancedTable3({ '三(三)4': [1, 0, 2, 0, 0, 0, 2] }));
    expect(failures).toHaveLength(1);
    expect(failures?.[0]).toMatchObject({ id: 'table3.total.三(三)4', severity: 'error' });
    expect(failures?.[0]?.message).toBe(
      '表三“三（三）不予公开 4.保护第三方合法权益”行：自然人与法人或其他组织六列之和为 3，总计列为 2。',
    );
    expect(failures?.[0]?.cells).toContain('table3.三(三)4.total');
  });
});

describe('table 三: 部分公开 counted once', () => {
  it('passes a balanced table', () => {
    expect(run(TABLE3_PARTIAL_ONCE, balancedTable3())).toEqual([]);
  });

  it('warns when （七） exceeds 一 + 二 − 四 by no more than （二）', () => {
    // The two partial disclosures were counted again under 三（四）1: （七） 6 instead of 4.
    const table = balancedTable3({
      '三(四)1': [1, 1, 0, 0, 0, 0, 2],
      '三(七)': [4, 2, 0, 0, 0, 0, 6],
    });
    const failures = run(TABLE3_PARTIAL_ONCE, table);
    expect(failures?.map((f) => [f.id, f.severity])).toEqual([
      ['table3.partial.natural_person', 'warning'],
      ['table3.partial.commercial', 'warning'],
      ['table3.partial.total', 'warning'],
    ]);
    expect(failures?.[2]?.message).toBe(
      '表三“总计”列：三（七）总计（6）比 一 + 二 − 四（4）多 2，不超过三（二）部分公开（2）：' +
        '部分公开的申请似乎又计入了其他情形。区分处理的，只计“（二）部分公开”，不计其他情形。',
    );
    // The balance check is what blocks.
    expect(run(TABLE3_BALANCE, table)?.map((f) => f.severity)).toEqual(['error', 'error', 'error']);
  });

  it('says nothing when the excess is larger than the partial disclosures', () => {
    const table = balancedTable3({ '三(七)': [6, 1, 0, 0, 0, 0, 7], '三(一)': [5, 0, 0, 0, 0, 0, 5] });
    expect(run(TABLE3_PARTIAL_ONCE, table)).toEqual([]);
  });

  it('does not run when no column can be computed', () => {
    expect(run(TABLE3_PARTIAL_ONCE, balancedTable3({ '三(二)': Array(7).fill(null) }))).toBeNull();
  });
});
