/**
 * The 勾稽 checks of table 三 (国办公开办函〔2021〕30号, regulations.md §5): per column
 * 一 + 二 = 三（七） + 四; （七） = the sum of the 21 outcome rows; the 总计 column = the sum of the six
 * others in every row; and 部分公开 counted once. A cell that is not held (null) is not a failure: the
 * check says it could not be computed.
 */

import {
  type Cell,
  TABLE3_COLUMNS,
  TABLE3_OUTCOME_KEYS,
  TABLE3_ROW_KEYS,
  type Table3,
  type Table3Column,
  type Table3RowKey,
} from './report.model.ts';
import {
  type CheckDefinition,
  formatCell,
  incompleteCheck,
  type MissingCell,
  type ReportCheck,
  sumCells,
  table3CellKey,
  table3ColumnName,
  table3RowName,
} from './report-checks.model.ts';

const cell = (t: Table3, row: Table3RowKey, column: Table3Column): Cell =>
  t[row]?.[TABLE3_COLUMNS.indexOf(column)] ?? null;

const missingOf = (t: Table3, cells: [Table3RowKey, Table3Column][]): MissingCell[] =>
  cells
    .filter(([row, column]) => cell(t, row, column) == null)
    .map(([row, column]) => ({
      key: table3CellKey(row, column),
      name: `${table3RowName(row)}${table3ColumnName(column)}`,
    }));

const BALANCE_TITLE = '表三勾稽：一 + 二 = 三（七） + 四';

/** Per column: 一（本年新收）+ 二（上年结转）= 三（七）总计 + 四（结转下年度）. */
export const TABLE3_BALANCE: CheckDefinition = {
  id: 'table3.balance',
  title: BALANCE_TITLE,
  run({ figures: { table3: t } }) {
    const failures: ReportCheck[] = [];
    const missing: MissingCell[] = [];
    for (const column of TABLE3_COLUMNS) {
      const rows: Table3RowKey[] = ['一', '二', '三(七)', '四'];
      const [a, b, s, d] = rows.map((row) => cell(t, row, column));
      if (a == null || b == null || s == null || d == null) {
        missing.push(
          ...missingOf(
            t,
            rows.map((row) => [row, column]),
          ),
        );
        continue;
      }
      if (a + b === s + d) continue;
      failures.push({
        id: `table3.balance.${column}`,
        severity: 'error',
        title: BALANCE_TITLE,
        message:
          `表三${table3ColumnName(column)}：一（${a}）+ 二（${b}）= ${a + b}，` +
          `三（七）总计（${s}）+ 四（${d}）= ${s + d}，相差 ${Math.abs(a + b - s - d)}。`,
        cells: rows.map((row) => table3CellKey(row, column)),
      });
    }
    if (missing.length)
      failures.push(incompleteCheck('table3.balance', BALANCE_TITLE, '表三勾稽关系', missing));
    return failures;
  },
};

const OUTCOMES_TITLE = '表三：（七）总计 = 各项办理结果之和';

/** Per column: 三（七）总计 = the sum of the 21 outcome rows 三（一）…三（六）3. */
export const TABLE3_OUTCOMES_SUM: CheckDefinition = {
  id: 'table3.outcomes',
  title: OUTCOMES_TITLE,
  run({ figures: { table3: t } }) {
    const failures: ReportCheck[] = [];
    const missing: MissingCell[] = [];
    for (const column of TABLE3_COLUMNS) {
      const sum = sumCells(TABLE3_OUTCOME_KEYS.map((row) => cell(t, row, column)));
      const total = cell(t, '三(七)', column);
      if (sum == null || total == null) {
        missing.push(
          ...missingOf(
            t,
            [...TABLE3_OUTCOME_KEYS, '三(七)' as const].map((row) => [row, column]),
          ),
        );
        continue;
      }
      if (sum === total) continue;
      failures.push({
        id: `table3.outcomes.${column}`,
        severity: 'error',
        title: OUTCOMES_TITLE,
        message: `表三${table3ColumnName(column)}：三（一）至三（六）各项之和为 ${sum}，三（七）总计为 ${total}。`,
        cells: [table3CellKey('三(七)', column), ...TABLE3_OUTCOME_KEYS.map((r) => table3CellKey(r, column))],
      });
    }
    if (missing.length)
      failures.push(incompleteCheck('table3.outcomes', OUTCOMES_TITLE, '三（七）总计', missing));
    return failures;
  },
};

const ROW_TOTAL_TITLE = '表三：总计列 = 其余六列之和';
const CATEGORY_COLUMNS = TABLE3_COLUMNS.filter((c) => c !== 'total');

/** Per row: the 总计 column = 自然人 + the five 法人或其他组织 columns. */
export const TABLE3_ROW_TOTALS: CheckDefinition = {
  id: 'table3.total',
  title: ROW_TOTAL_TITLE,
  run({ figures: { table3: t } }) {
    const failures: ReportCheck[] = [];
    const missing: MissingCell[] = [];
    for (const row of TABLE3_ROW_KEYS) {
      const sum = sumCells(CATEGORY_COLUMNS.map((column) => cell(t, row, column)));
      const total = cell(t, row, 'total');
      if (sum == null || total == null) {
        missing.push(
          ...missingOf(
            t,
            TABLE3_COLUMNS.map((column) => [row, column]),
          ),
        );
        continue;
      }
      if (sum === total) continue;
      failures.push({
        id: `table3.total.${row}`,
        severity: 'error',
        title: ROW_TOTAL_TITLE,
        message: `表三“${table3RowName(row)}”行：自然人与法人或其他组织六列之和为 ${sum}，总计列为 ${total}。`,
        cells: TABLE3_COLUMNS.map((column) => table3CellKey(row, column)),
      });
    }
    if (missing.length)
      failures.push(incompleteCheck('table3.total', ROW_TOTAL_TITLE, '表三总计列', missing));
    return failures;
  },
};

const PARTIAL_TITLE = '表三：部分公开只计一次';

/**
 * 三（二）部分公开（区分处理的，只计这一情形，不计其他情形）: when （七） exceeds 一 + 二 − 四 by no more
 * than （二）, the likeliest cause is partial disclosures counted again under another outcome. A hint
 * beside the 勾稽 error (which is what blocks), so a warning. Columns with a cell not filled in are left
 * to the 勾稽 check, which says so; the check does not run when no column can be computed.
 */
export const TABLE3_PARTIAL_ONCE: CheckDefinition = {
  id: 'table3.partial',
  title: PARTIAL_TITLE,
  run({ figures: { table3: t } }) {
    const failures: ReportCheck[] = [];
    let computed = 0;
    for (const column of TABLE3_COLUMNS) {
      const rows: Table3RowKey[] = ['一', '二', '四', '三(七)', '三(二)'];
      const [a, b, d, s, p] = rows.map((row) => cell(t, row, column));
      if (a == null || b == null || d == null || s == null || p == null) continue;
      computed++;
      const excess = s - (a + b - d);
      if (excess <= 0 || excess > p) continue;
      failures.push({
        id: `table3.partial.${column}`,
        severity: 'warning',
        title: PARTIAL_TITLE,
        message:
          `表三${table3ColumnName(column)}：三（七）总计（${s}）比 一 + 二 − 四（${a + b - d}）多 ${excess}，` +
          `不超过三（二）部分公开（${formatCell(p)}）：部分公开的申请似乎又计入了其他情形。` +
          '区分处理的，只计“（二）部分公开”，不计其他情形。',
        cells: ['三(二)', '三(七)'].map((row) => table3CellKey(row as Table3RowKey, column)),
      });
    }
    return computed ? failures : null;
  },
};

export const TABLE3_CHECKS: readonly CheckDefinition[] = [
  TABLE3_BALANCE,
  TABLE3_OUTCOMES_SUM,
  TABLE3_ROW_TOTALS,
  TABLE3_PARTIAL_ONCE,
];
