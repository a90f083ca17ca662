import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Cell, ParsedReport, Table2, Table3RowKey } from '../report.model.ts';
import { parseReportText } from './index.ts';

// Real published reports (shared/corpus/annual-reports, copied verbatim into the repository for CI). The
// numbers below are those their .expected.md files state; everything the excerpt does not show is null.
const DIR = new URL('../../../../test/fixtures/annual-reports/', import.meta.url);

const Z3 = [0, 0, 0, 0, 0, 0, 0];
const zeroDoc = { made: 0, repealed: 0, inForce: 0 };
const noDoc = { made: null, repealed: null, inForce: null };
const allZero: Table2 = {
  规章: zeroDoc,
  行政规范性文件: zeroDoc,
  行政许可: 0,
  行政处罚: 0,
  行政强制: 0,
  行政事业性收费: 0,
};
const noProse = { 新收: null, 上年结转: null, 办结: null, 结转下年: null, 复议: null, 诉讼: null };

interface Expectation {
  file: string;
  year: number;
  table2: Table2 | null;
  /** The rows the excerpt shows; every other row of table 三 must be 7 nulls. null: no table 三. */
  table3: Partial<Record<Table3RowKey, Cell[]>> | null;
  prose: Partial<ParsedReport['prose']>;
  /** Notes that must be there (each a pattern). */
  notes: RegExp[];
}

const CORPUS: Expectation[] = [
  {
    file: 'baicheng-2025-prose',
    year: 2025,
    table2: null,
    table3: null,
    prose: { 新收: 449, 结转下年: 7 },
    notes: [/强化清单内政府信息.*处中断/],
  },
  {
    file: 'changchun-tyjrswj-2023',
    year: 2023,
    table2: allZero,
    table3: { 一: [3, 0, 0, 0, 0, 0, 3], 二: Z3 },
    prose: { 新收: 2 },
    notes: [/正文“新收”为 2，与表三“一、本年新收”总计 3 不符/, /三、本年度.*处中断/],
  },
  {
    file: 'chuanshan-qzfb-2023-prose',
    year: 2023,
    table2: { ...emptyT2(), 行政规范性文件: { made: 2, repealed: 10, inForce: 14 } },
    table3: null,
    prose: { 新收: 36, 办结: 36, 结转下年: 0, 复议: 1, 诉讼: 0 },
    notes: [/表二未见表格.*取自正文/, /平台建.*处中断/],
  },
  {
    file: 'district-tongjiju-2023-cellperline',
    year: 2023,
    // "/" in the 规章 row is read as 0 (issue 12 §6), with a note.
    table2: allZero,
    table3: { 一: Z3, 二: Z3, '三(一)': Z3 },
    prose: {},
    notes: [/“\/”.*按0读取/, /空白单元格，按0读取/, /自“三\(二\)”起共 22 行未读到/, /部分公.*处中断/],
  },
  {
    file: 'dongjiao-jd-2024-prose',
    year: 2024,
    table2: null,
    table3: null,
    prose: { 新收: 6, 上年结转: 9, 办结: 15 },
    notes: [/二、主动公开政府信息情况.*没有表格/, /没有表三/],
  },
  {
    file: 'fengshouxiang-2022-oldformat',
    year: 2022,
    // The 2019 columns: only 处理决定数量 means what the 2021 column means.
    table2: {
      规章: noDoc,
      行政规范性文件: noDoc,
      行政许可: 0,
      行政处罚: 0,
      行政强制: 0,
      行政事业性收费: null,
    },
    table3: { 一: Z3 },
    prose: {},
    notes: [/2019年旧格式/, /上年结转.*处中断/],
  },
  {
    file: 'fugu-xzfb-2022-prose',
    year: 2022,
    table2: null,
    table3: null,
    prose: { 新收: 21, 办结: 21 },
    notes: [/中断/],
  },
  {
    file: 'hejiang-2022-prose',
    year: 2022,
    table2: null,
    table3: null,
    prose: { 新收: 17, 办结: 17, 上年结转: 0, 结转下年: 0 },
    notes: [/中断/],
  },
  {
    file: 'huaihua-county-2022-trad-mojibake',
    year: 2022,
    table2: null,
    table3: null,
    prose: { 新收: 9, 上年结转: 1, 复议: 1 },
    notes: [/繁体/, /中断/],
  },
  {
    file: 'huiyizhen-2021-cellperline',
    year: 2021,
    table2: {
      规章: zeroDoc,
      行政规范性文件: { made: 2, repealed: 0, inForce: 2 },
      行政许可: 213,
      行政处罚: 5,
      行政强制: 2,
      行政事业性收费: 0,
    },
    // As printed; the row does not add up and must be flagged, not fixed.
    table3: { 一: [0, 0, 0, 0, 1, 0, 0], 二: Z3, '三(一)': [0, 0, 0, 0, 1, 0, 0] },
    prose: {},
    notes: [/表三“一”一行总计为 0，与各类申请人之和 1 不符/],
  },
  {
    file: 'qijiang-2023-prose',
    year: 2023,
    table2: null,
    table3: null,
    prose: { 新收: 85, 结转下年: 2 },
    notes: [],
  },
  // 规章 13件 (含新制定5件…废止4件) is no table 二 column: nothing is read.
  { file: 'shanghai-2022-prose', year: 2022, table2: null, table3: null, prose: {}, notes: [/浦东.*处中断/] },
];

function emptyT2(): Table2 {
  return {
    规章: noDoc,
    行政规范性文件: noDoc,
    行政许可: null,
    行政处罚: null,
    行政强制: null,
    行政事业性收费: null,
  };
}

const parse = (file: string) => parseReportText(readFileSync(new URL(`${file}.txt`, DIR), 'utf8'));

describe.each(CORPUS.map((e) => [e.file, e] as const))('corpus %s', (_file, entry) => {
  const report = parse(entry.file);

  it('reads the year', () => expect(report.year).toBe(entry.year));

  it('reads table 二', () => expect(report.table2).toEqual(entry.table2));

  it('reads the visible rows of table 三 and leaves the others null', () => {
    if (entry.table3 === null) {
      expect(report.table3).toBeNull();
      return;
    }
    expect(report.table3).not.toBeNull();
    for (const [key, cells] of Object.entries(report.table3!)) {
      expect(cells, key).toEqual(entry.table3[key as Table3RowKey] ?? Array(7).fill(null));
    }
  });

  it('has no table 四 (none is visible in any excerpt)', () => expect(report.table4).toBeNull());

  it('reads the prose totals and nothing else', () =>
    expect(report.prose).toEqual({ ...noProse, ...entry.prose }));

  it('says what it could not read or what disagrees', () => {
    for (const note of entry.notes)
      expect(
        report.unreadable.some((n) => note.test(n)),
        String(note),
      ).toBe(true);
  });
});
