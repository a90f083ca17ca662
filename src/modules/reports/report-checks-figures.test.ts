import { describe, expect, it } from 'vitest';
import { type CheckInput, resolveCheckSettings } from './report-checks.model.ts';
import { balancedTable3, passingInput, previousFigures } from './report-checks.test-figures.ts';
import {
  TABLE4_TOTALS,
  VALID_COUNTS,
  YEAR_OVER_YEAR_CARRY,
  YEAR_OVER_YEAR_IN_FORCE,
} from './report-checks-figures.ts';

const settings = resolveCheckSettings();

describe('year over year: 四 of N−1 = 二 of N', () => {
  it('passes when last year carried over what this year took over', () => {
    expect(YEAR_OVER_YEAR_CARRY.run(passingInput(), settings)).toEqual([]);
  });

  it('fails the column that differs, naming both years and numbers', () => {
    const input = passingInput();
    input.figures.table3.二 = [2, 0, 0, 0, 0, 0, 2];
    const failures = YEAR_OVER_YEAR_CARRY.run(input, settings);
    expect(failures?.map((f) => [f.id, f.severity])).toEqual([
      ['yoy.carry.natural_person', 'error'],
      ['yoy.carry.total', 'error'],
    ]);
    expect(failures?.[0]?.message).toBe(
      '表三“自然人”列：2024年“四、结转下年度继续办理”为 1，2025年“二、上年结转政府信息公开申请数量”为 2，两者应相等。',
    );
    expect(failures?.[0]?.cells).toEqual(['table3.二.natural_person']);
  });

  it('takes its severity from the settings', () => {
    const input: CheckInput = { ...passingInput(), settings: { yearOverYearSeverity: 'warning' } };
    input.figures.table3.二 = [2, 0, 0, 0, 0, 0, 2];
    const failures = YEAR_OVER_YEAR_CARRY.run(input, resolveCheckSettings(input.settings));
    expect(failures?.map((f) => f.severity)).toEqual(['warning', 'warning']);
  });

  it('does not run without last year', () => {
    expect(YEAR_OVER_YEAR_CARRY.run(passingInput({ previous: null }), settings)).toBeNull();
    expect(
      YEAR_OVER_YEAR_CARRY.run(passingInput({ previous: { figures: null, sections: null } }), settings),
    ).toBeNull();
  });

  it('says which of last year’s cells are not held', () => {
    const previous = previousFigures();
    previous.table3 = balancedTable3({ 四: [1, 0, 0, 0, 0, 0, null] });
    const failures = YEAR_OVER_YEAR_CARRY.run(
      passingInput({ previous: { figures: previous, sections: null } }),
      settings,
    );
    expect(failures).toEqual([
      expect.objectContaining({ id: 'yoy.carry.incomplete', severity: 'warning', cells: [] }),
    ]);
    expect(failures?.[0]?.message).toBe(
      '无法核对：跨年度结转，2024年四、结转下年度继续办理“总计”列 未填写。',
    );
  });
});

describe('year over year: 现行有效(N) = 现行有效(N−1) + 本年制发 − 本年废止', () => {
  it('passes when the documents in force follow from last year', () => {
    expect(YEAR_OVER_YEAR_IN_FORCE.run(passingInput(), settings)).toEqual([]);
  });

  it('fails a row that does not follow, with the computation', () => {
    const input = passingInput();
    input.figures.table2.行政规范性文件.inForce = 7;
    const failures = YEAR_OVER_YEAR_IN_FORCE.run(input, settings);
    expect(failures).toHaveLength(1);
    expect(failures?.[0]).toMatchObject({ id: 'yoy.inforce.行政规范性文件', severity: 'error' });
    expect(failures?.[0]?.message).toBe(
      '表二“行政规范性文件”：2024年现行有效 4 + 本年制发 2 − 本年废止 1 = 5，本年现行有效件数为 7。现行有效件数多于上年现行有效加本年制发，请核对。',
    );
    expect(failures?.[0]?.cells).toEqual([
      'table2.行政规范性文件.made',
      'table2.行政规范性文件.repealed',
      'table2.行政规范性文件.inForce',
    ]);
  });

  it('only warns when fewer are in force than the identity gives (a document may have expired: 失效 is no 废止)', () => {
    const input = passingInput();
    input.figures.table2.行政规范性文件.inForce = 3;
    const failures = YEAR_OVER_YEAR_IN_FORCE.run(input, settings);
    expect(failures).toHaveLength(1);
    expect(failures?.[0]).toMatchObject({ id: 'yoy.inforce.行政规范性文件', severity: 'warning' });
    expect(failures?.[0]?.message).toContain('相差的 2 件如为有效期届满失效的文件，可不修改');
  });

  it('fails 规章 too', () => {
    const input = passingInput();
    input.figures.table2.规章 = { made: 1, repealed: 0, inForce: 0 };
    expect(YEAR_OVER_YEAR_IN_FORCE.run(input, settings)?.map((f) => f.id)).toEqual(['yoy.inforce.规章']);
  });

  it('warns that it could not be computed when a figure is not held', () => {
    const input = passingInput();
    input.figures.table2.规章.repealed = null;
    const failures = YEAR_OVER_YEAR_IN_FORCE.run(input, settings);
    expect(failures).toEqual([
      expect.objectContaining({
        id: 'yoy.inforce.incomplete',
        severity: 'warning',
        cells: ['table2.规章.repealed'],
      }),
    ]);
    expect(failures?.[0]?.message).toBe('无法核对：现行有效件数，表二“规章”本年废止件数 未填写。');
  });

  it('does not run without last year', () => {
    expect(YEAR_OVER_YEAR_IN_FORCE.run(passingInput({ previous: null }), settings)).toBeNull();
  });
});

describe('table 四: 总计 = the four results, per group', () => {
  it('passes when each 总计 is the sum', () => {
    expect(TABLE4_TOTALS.run(passingInput(), settings)).toEqual([]);
  });

  it('fails the group whose 总计 is not the sum', () => {
    const input = passingInput();
    input.figures.table4 = [1, 0, 0, 0, 1, 0, 1, 0, 1, 1, 1, 0, 0, 0, 1];
    const failures = TABLE4_TOTALS.run(input, settings);
    expect(failures).toHaveLength(1);
    expect(failures?.[0]).toMatchObject({ id: 'table4.total.未经复议直接起诉', severity: 'error' });
    expect(failures?.[0]?.message).toBe(
      '表四“行政诉讼（未经复议直接起诉）”：结果维持、结果纠正、其他结果、尚未审结之和为 2，总计为 1。',
    );
    expect(failures?.[0]?.cells).toEqual(['table4.5', 'table4.6', 'table4.7', 'table4.8', 'table4.9']);
  });

  it('warns that a group could not be computed when a cell is not held', () => {
    const input = passingInput();
    input.figures.table4[13] = null;
    expect(TABLE4_TOTALS.run(input, settings)).toEqual([
      expect.objectContaining({
        id: 'table4.total.incomplete',
        message: '无法核对：表四总计，行政诉讼（复议后起诉）·尚未审结 未填写。',
      }),
    ]);
  });
});

describe('numbers are counts', () => {
  it('passes whole numbers and a 收费 amount with decimals (万元)', () => {
    expect(VALID_COUNTS.run(passingInput(), settings)).toEqual([]);
  });

  it.each([
    [
      'a negative count',
      (i: CheckInput) => (i.figures.table2.行政处罚 = -1),
      'counts.table2.行政处罚',
      '表二“行政处罚”为 -1：件数不能为负数。',
    ],
    [
      'a count with decimals',
      (i: CheckInput) => (i.figures.table3.一[0] = 2.5),
      'counts.table3.一.natural_person',
      '表三“一、本年新收”“自然人”列为 2.5：件数应为整数。',
    ],
    [
      'a 收费 amount below zero',
      (i: CheckInput) => (i.figures.table2.行政事业性收费 = -0.5),
      'counts.table2.行政事业性收费',
      '表二“行政事业性收费”为 -0.5：收费金额不能为负数。',
    ],
    [
      'a 规章 count with decimals',
      (i: CheckInput) => (i.figures.table2.规章.made = 0.5),
      'counts.table2.规章.made',
      '表二“规章”本年制发件数为 0.5：件数应为整数。',
    ],
    [
      'not a number',
      (i: CheckInput) => (i.figures.table4[0] = Number.NaN),
      'counts.table4.0',
      '表四“行政复议·结果维持”不是有效数字。',
    ],
  ])('fails %s', (_name, change, id, message) => {
    const input = passingInput();
    change(input);
    expect(VALID_COUNTS.run(input, settings)).toEqual([
      {
        id,
        severity: 'error',
        title: '数字有效：件数为非负整数',
        message,
        cells: [id.slice('counts.'.length)],
      },
    ]);
  });
});
