/**
 * Test helpers: a hand-built report whose every check passes, so each test changes the one cell or
 * paragraph it is about. Not used by production code.
 *
 * Table 三 (columns 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计):
 *   一 3 1 0 0 0 0 4 · 二 1 0 0 0 0 0 1 · 三(一) 2 0 … 2 · 三(二) 1 1 … 2 · 三(四)1 0 … · 三(七) 3 1 … 4 · 四 1 0 … 1
 *   → 自然人 3 + 1 = 3 + 1; 商业企业 1 + 0 = 1 + 0; 总计 4 + 1 = 4 + 1.
 * Table 二: 行政规范性文件 本年制发 2, 本年废止 1, 现行有效 5 (last year 4); 规章 0 / 0 / 0.
 */

import {
  type Cell,
  emptyTable2,
  type ReportFigures,
  type ReportSections,
  TABLE3_ROW_KEYS,
  type Table3,
  type Table3RowKey,
} from './report.model.ts';
import type { CheckInput } from './report-checks.model.ts';

const ZEROS: Cell[] = [0, 0, 0, 0, 0, 0, 0];

export function balancedTable3(rows: Partial<Record<Table3RowKey, Cell[]>> = {}): Table3 {
  const base: Partial<Record<Table3RowKey, Cell[]>> = {
    一: [3, 1, 0, 0, 0, 0, 4],
    二: [1, 0, 0, 0, 0, 0, 1],
    '三(一)': [2, 0, 0, 0, 0, 0, 2],
    '三(二)': [1, 1, 0, 0, 0, 0, 2],
    '三(七)': [3, 1, 0, 0, 0, 0, 4],
    四: [1, 0, 0, 0, 0, 0, 1],
  };
  return Object.fromEntries(TABLE3_ROW_KEYS.map((k) => [k, [...(rows[k] ?? base[k] ?? ZEROS)]])) as Table3;
}

export function balancedFigures(): ReportFigures {
  const table2 = emptyTable2();
  table2.规章 = { made: 0, repealed: 0, inForce: 0 };
  table2.行政规范性文件 = { made: 2, repealed: 1, inForce: 5 };
  table2.行政许可 = 213;
  table2.行政处罚 = 5;
  table2.行政强制 = 2;
  table2.行政事业性收费 = 1.25;
  return {
    table2,
    table3: balancedTable3(),
    table4: [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1],
  };
}

/** Last year's figures that agree with balancedFigures(): 四 = this year's 二, 现行有效 4 and 0. */
export function previousFigures(): ReportFigures {
  const figures = balancedFigures();
  figures.table3 = balancedTable3({ 四: [1, 0, 0, 0, 0, 0, 1] });
  figures.table2.行政规范性文件 = { made: 1, repealed: 0, inForce: 4 };
  return figures;
}

export function filledSections(): ReportSections {
  return {
    overview: '2025年，本县严格落实《中华人民共和国政府信息公开条例》，主动公开政府信息1234条。',
    proactive: '',
    requests: '',
    appeals: '',
    problems: '一是政策解读形式较单一；二是基层公开栏更新不及时。下一步将增加图解和视频解读。',
    other: '本年度未收取信息处理费。',
  };
}

export function passingInput(overrides: Partial<CheckInput> = {}): CheckInput {
  return {
    year: 2025,
    figures: balancedFigures(),
    sections: filledSections(),
    previous: { figures: previousFigures(), sections: null },
    ...overrides,
  };
}
