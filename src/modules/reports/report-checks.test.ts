import { describe, expect, it } from 'vitest';
import { emptyTable3 } from './report.model.ts';
import { CHECK_SETTINGS_SCHEMA } from './report-checks.model.ts';
import { filledSections, passingInput } from './report-checks.test-figures.ts';
import { checkReport, DEFAULT_CHECK_SETTINGS, passedChecks, REPORT_CHECKS } from './report-checks.ts';

const withLastYearText = () =>
  passingInput({ previous: { ...passingInput().previous!, sections: filledSections() } });

describe('checkReport', () => {
  it('finds nothing in a report that passes every check, and lists every check as passed', () => {
    const input = withLastYearText();
    expect(checkReport(input)).toEqual([]);
    expect(passedChecks(input)).toEqual(REPORT_CHECKS.map((c) => c.title));
  });

  it('has stable, distinct check ids', () => {
    expect(REPORT_CHECKS.map((c) => c.id)).toEqual([
      'table3.balance',
      'table3.outcomes',
      'table3.total',
      'table3.partial',
      'yoy.carry',
      'yoy.inforce',
      'table4.total',
      'counts',
      'sections.empty',
      'format2019',
      'similarity',
    ]);
  });

  it('leaves the year-over-year checks and 内容雷同 out of both lists without last year', () => {
    const input = passingInput({ previous: null });
    expect(checkReport(input)).toEqual([]);
    expect(passedChecks(input)).not.toContain('跨年度核对：现行有效件数');
    expect(passedChecks(input)).not.toContain('内容雷同：与上年报告相似');
    expect(passedChecks(input)).toHaveLength(REPORT_CHECKS.length - 3);
  });

  it('lists errors and warnings of a failing report, table checks first', () => {
    const input = withLastYearText();
    input.figures.table3.一 = [4, 1, 0, 0, 0, 0, 4]; // 自然人 off by one, and the row no longer adds up
    input.sections.problems = '五、存在的主要问题及改进情况';
    const failures = checkReport(input);
    expect(failures.map((f) => [f.id, f.severity])).toEqual([
      ['table3.balance.natural_person', 'error'],
      ['table3.total.一', 'error'],
      ['sections.empty.problems', 'error'],
    ]);
    expect(passedChecks(input)).not.toContain('表三勾稽：一 + 二 = 三（七） + 四');
  });

  it('reads the settings given with the input', () => {
    const input = withLastYearText();
    input.figures.table2.规章 = { made: 0, repealed: 0, inForce: 99 };
    expect(checkReport(input).map((f) => f.severity)).toEqual(['error']);
    input.settings = { yearOverYearSeverity: 'warning', similarityThreshold: undefined };
    expect(checkReport(input).map((f) => f.severity)).toEqual(['warning']);
    expect(DEFAULT_CHECK_SETTINGS.yearOverYearSeverity).toBe('error');
  });

  it('reports a table 三 that is not held as not computable, never as an error', () => {
    const input = withLastYearText();
    input.figures.table3 = emptyTable3();
    const failures = checkReport(input);
    expect(failures.every((f) => f.severity === 'warning' && f.message.startsWith('无法核对：'))).toBe(true);
    expect(failures.map((f) => f.id)).toEqual([
      'table3.balance.incomplete',
      'table3.outcomes.incomplete',
      'table3.total.incomplete',
      'yoy.carry.incomplete',
    ]);
  });
});

describe('CHECK_SETTINGS_SCHEMA', () => {
  it('accepts the defaults', () => {
    expect(CHECK_SETTINGS_SCHEMA.parse(DEFAULT_CHECK_SETTINGS)).toEqual(DEFAULT_CHECK_SETTINGS);
  });

  it.each([
    [{ similarityThreshold: 0.3 }, '内容雷同的相似度阈值应在 50% 至 100% 之间'],
    [{ similarityMinLength: 2.5 }, '参与比对的最短段落字数应为整数'],
    [{ requiredSections: ['preface'] }, '必须填写的章节无效'],
    [{ yearOverYearSeverity: 'block' }, '跨年度核对的处理方式应为“阻止提交”或“提醒”'],
  ])('refuses %j with a Chinese message', (change, message) => {
    const result = CHECK_SETTINGS_SCHEMA.safeParse({ ...DEFAULT_CHECK_SETTINGS, ...change });
    expect(result.error?.issues.map((i) => i.message)).toEqual([message]);
  });
});

describe('on figures transcribed from real reports (shared/corpus/annual-reports/*.expected.md)', () => {
  it('flags huiyizhen-2021: the 1 under 法律服务机构 with 总计 0, and checks nothing it cannot', () => {
    const input = passingInput({ year: 2021, previous: null });
    input.figures.table3 = {
      ...emptyTable3(),
      一: [0, 0, 0, 0, 1, 0, 0],
      二: [0, 0, 0, 0, 0, 0, 0],
      '三(一)': [0, 0, 0, 0, 1, 0, 0], // the rest of the table is cut off in the excerpt
    };
    const failures = checkReport(input);
    expect(failures.filter((f) => f.severity === 'error').map((f) => f.id)).toEqual([
      'table3.total.一',
      'table3.total.三(一)',
    ]);
    expect(failures.find((f) => f.id === 'table3.total.一')?.message).toBe(
      '表三“一、本年新收”行：自然人与法人或其他组织六列之和为 1，总计列为 0。',
    );
    expect(failures.filter((f) => f.severity === 'warning').map((f) => f.id)).toEqual([
      'table3.balance.incomplete',
      'table3.outcomes.incomplete',
      'table3.total.incomplete',
    ]);
  });

  it('passes the rows changchun-tyjrswj-2023 shows', () => {
    const input = passingInput({ year: 2023, previous: null });
    input.figures.table3 = { ...emptyTable3(), 一: [3, 0, 0, 0, 0, 0, 3], 二: [0, 0, 0, 0, 0, 0, 0] };
    expect(checkReport(input).filter((f) => f.severity === 'error')).toEqual([]);
  });
});
