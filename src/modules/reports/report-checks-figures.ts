/**
 * Checks on the report's numbers beyond table 三's own 勾稽: year over year (table 三's carry-over and
 * table 二's 现行有效件数), table 四's 总计 columns, and numbers that cannot be counts.
 */

import {
  type Cell,
  TABLE2_DOC_COLUMN_LABELS,
  TABLE2_DOC_COLUMNS,
  TABLE2_DOC_ROWS,
  TABLE2_SINGLE_ROWS,
  TABLE3_COLUMNS,
  TABLE3_ROW_KEYS,
  TABLE4_GROUPS,
  type Table2DocColumn,
  type Table2DocRow,
} from './report.model.ts';
import {
  type CheckDefinition,
  formatCell,
  incompleteCheck,
  type MissingCell,
  type ReportCheck,
  sumCells,
  table2DocCellKey,
  table2SingleCellKey,
  table3CellKey,
  table3ColumnName,
  table3RowName,
  table4CellKey,
  table4CellName,
} from './report-checks.model.ts';

const CARRY_TITLE = '跨年度核对：上年“结转下年度”= 本年“上年结转”';

/** 国办公开办函〔2021〕30号 table 三: 四 of year N−1 = 二 of year N, per column. */
export const YEAR_OVER_YEAR_CARRY: CheckDefinition = {
  id: 'yoy.carry',
  title: CARRY_TITLE,
  run({ year, figures, previous }, settings) {
    const before = previous?.figures?.table3;
    if (!before) return null;
    const failures: ReportCheck[] = [];
    const missing: MissingCell[] = [];
    TABLE3_COLUMNS.forEach((column, i) => {
      const out = before.四?.[i] ?? null;
      const carried = figures.table3.二?.[i] ?? null;
      if (out == null)
        missing.push({ key: '', name: `${year - 1}年${table3RowName('四')}${table3ColumnName(column)}` });
      if (carried == null)
        missing.push({
          key: table3CellKey('二', column),
          name: `${table3RowName('二')}${table3ColumnName(column)}`,
        });
      if (out == null || carried == null || out === carried) return;
      failures.push({
        id: `yoy.carry.${column}`,
        severity: settings.yearOverYearSeverity,
        title: CARRY_TITLE,
        message:
          `表三${table3ColumnName(column)}：${year - 1}年“四、结转下年度继续办理”为 ${out}，` +
          `${year}年“二、上年结转政府信息公开申请数量”为 ${carried}，两者应相等。`,
        cells: [table3CellKey('二', column)],
      });
    });
    if (missing.length)
      failures.push(withoutPreviousKeys(incompleteCheck('yoy.carry', CARRY_TITLE, '跨年度结转', missing)));
    return failures;
  },
};

/** Cells of last year's report have no key in this year's tables: keep only this year's keys. */
function withoutPreviousKeys(check: ReportCheck): ReportCheck {
  return { ...check, cells: check.cells?.filter((key) => key !== '') };
}

const IN_FORCE_TITLE = '跨年度核对：现行有效件数';
const docCell = (row: Table2DocRow, column: Table2DocColumn) =>
  `表二“${row}”${TABLE2_DOC_COLUMN_LABELS[column]}`;

/** 现行有效(N) = 现行有效(N−1) + 本年制发(N) − 本年废止(N), for 规章 and 行政规范性文件. */
export const YEAR_OVER_YEAR_IN_FORCE: CheckDefinition = {
  id: 'yoy.inforce',
  title: IN_FORCE_TITLE,
  run({ year, figures, previous }, settings) {
    const before = previous?.figures?.table2;
    if (!before) return null;
    const failures: ReportCheck[] = [];
    const missing: MissingCell[] = [];
    for (const row of TABLE2_DOC_ROWS) {
      const last = before[row]?.inForce ?? null;
      const { made, repealed, inForce } = figures.table2[row];
      if (last == null) missing.push({ key: '', name: `${year - 1}年${docCell(row, 'inForce')}` });
      for (const column of TABLE2_DOC_COLUMNS) {
        if (figures.table2[row][column] == null)
          missing.push({ key: table2DocCellKey(row, column), name: docCell(row, column) });
      }
      if (last == null || made == null || repealed == null || inForce == null) continue;
      const expected = last + made - repealed;
      if (expected === inForce) continue;
      // Fewer in force than the identity gives is not by itself wrong: a document whose 有效期 ran out
      // (失效) leaves 现行有效 without being 废止 (the 2021 format counts only decisions as 废止), so that
      // difference only warns; more in force than last year's plus this year's cannot be explained.
      const fewer = inForce < expected;
      failures.push({
        id: `yoy.inforce.${row}`,
        severity: fewer ? 'warning' : settings.yearOverYearSeverity,
        title: IN_FORCE_TITLE,
        message:
          `表二“${row}”：${year - 1}年现行有效 ${last} + 本年制发 ${made} − 本年废止 ${repealed} = ${expected}，` +
          `本年现行有效件数为 ${inForce}。` +
          (fewer
            ? `相差的 ${expected - inForce} 件如为有效期届满失效的文件，可不修改；否则请核对。`
            : '现行有效件数多于上年现行有效加本年制发，请核对。'),
        cells: TABLE2_DOC_COLUMNS.map((column) => table2DocCellKey(row, column)),
      });
    }
    if (missing.length)
      failures.push(
        withoutPreviousKeys(incompleteCheck('yoy.inforce', IN_FORCE_TITLE, '现行有效件数', missing)),
      );
    return failures;
  },
};

const TABLE4_TITLE = '表四：总计 = 各项结果之和';

/** Table 四, per group (行政复议; 行政诉讼 未经复议直接起诉, 复议后起诉): 总计 = the four results. */
export const TABLE4_TOTALS: CheckDefinition = {
  id: 'table4.total',
  title: TABLE4_TITLE,
  run({ figures: { table4 } }) {
    const failures: ReportCheck[] = [];
    const missing: MissingCell[] = [];
    TABLE4_GROUPS.forEach((group, g) => {
      const indexes = [0, 1, 2, 3, 4].map((k) => g * 5 + k);
      const values: Cell[] = indexes.map((i) => table4[i] ?? null);
      const sum = sumCells(values.slice(0, 4));
      const total = values[4] ?? null;
      if (sum == null || total == null) {
        for (const i of indexes)
          if (table4[i] == null) missing.push({ key: table4CellKey(i), name: table4CellName(i) });
        return;
      }
      if (sum === total) return;
      failures.push({
        id: `table4.total.${group}`,
        severity: 'error',
        title: TABLE4_TITLE,
        message: `表四“${table4CellName(g * 5).split('·')[0]}”：结果维持、结果纠正、其他结果、尚未审结之和为 ${sum}，总计为 ${total}。`,
        cells: indexes.map(table4CellKey),
      });
    });
    if (missing.length) failures.push(incompleteCheck('table4.total', TABLE4_TITLE, '表四总计', missing));
    return failures;
  },
};

const COUNTS_TITLE = '数字有效：件数为非负整数';

interface NamedValue {
  key: string;
  name: string;
  value: Cell | undefined;
  /** 行政事业性收费 is an amount in 万元 (table 二 第二十条第（八）项), so it may have decimals. */
  amount?: boolean;
}

function allCells({ table2, table3, table4 }: CheckDefinitionInput['figures']): NamedValue[] {
  const cells: NamedValue[] = [];
  for (const row of TABLE2_DOC_ROWS)
    for (const column of TABLE2_DOC_COLUMNS)
      cells.push({
        key: table2DocCellKey(row, column),
        name: docCell(row, column),
        value: table2[row][column],
      });
  for (const row of TABLE2_SINGLE_ROWS)
    cells.push({
      key: table2SingleCellKey(row),
      name: `表二“${row}”`,
      value: table2[row],
      amount: row === '行政事业性收费',
    });
  for (const row of TABLE3_ROW_KEYS)
    TABLE3_COLUMNS.forEach((column, i) => {
      cells.push({
        key: table3CellKey(row, column),
        name: `表三“${table3RowName(row)}”${table3ColumnName(column)}`,
        value: table3[row]?.[i],
      });
    });
  table4.forEach((value, i) => {
    cells.push({ key: table4CellKey(i), name: `表四“${table4CellName(i)}”`, value });
  });
  return cells;
}

type CheckDefinitionInput = Parameters<CheckDefinition['run']>[0];

/** Every number of tables 二, 三 and 四 is a count (a whole number ≥ 0), except 行政事业性收费 (≥ 0). */
export const VALID_COUNTS: CheckDefinition = {
  id: 'counts',
  title: COUNTS_TITLE,
  run({ figures }) {
    const failures: ReportCheck[] = [];
    for (const { key, name, value, amount } of allCells(figures)) {
      if (value == null) continue;
      const problem = !Number.isFinite(value)
        ? '不是有效数字'
        : value < 0
          ? amount
            ? '收费金额不能为负数'
            : '件数不能为负数'
          : !amount && !Number.isInteger(value)
            ? '件数应为整数'
            : null;
      if (!problem) continue;
      failures.push({
        id: `counts.${key}`,
        severity: 'error',
        title: COUNTS_TITLE,
        message: Number.isFinite(value)
          ? `${name}为 ${formatCell(value)}：${problem}。`
          : `${name}${problem}。`,
        cells: [key],
      });
    }
    return failures;
  },
};

export const FIGURE_CHECKS: readonly CheckDefinition[] = [
  YEAR_OVER_YEAR_CARRY,
  YEAR_OVER_YEAR_IN_FORCE,
  TABLE4_TOTALS,
  VALID_COUNTS,
];
