/**
 * Cell keys of a report's figures and the values a clerk enters. A key names one number:
 * 'table2.规章.made', 'table2.行政许可', 'table3.<row key>.<column>' ('table3.一.total'), 'table4.<0..14>'.
 * The checks, the editor's links, the entered values and the imports all use these keys. Pure.
 */
import {
  type Cell,
  emptyTable2,
  emptyTable3,
  emptyTable4,
  type ReportFigures,
  TABLE2_DOC_COLUMN_LABELS,
  TABLE2_DOC_COLUMNS,
  TABLE2_DOC_ROWS,
  TABLE2_SINGLE_ROWS,
  TABLE3_COLUMN_LABELS,
  TABLE3_COLUMNS,
  TABLE3_GROUP_LABELS,
  TABLE3_ROW_KEYS,
  TABLE3_ROW_LABELS,
  TABLE4_GROUPS,
  TABLE4_RESULT_LABELS,
  type Table2DocColumn,
  type Table2DocRow,
  type Table2SingleRow,
  type Table3Column,
  type Table3RowKey,
} from './report.model.ts';

export type CellKey = string;

export type ParsedCellKey =
  | { table: 2; row: Table2DocRow; column: Table2DocColumn }
  | { table: 2; row: Table2SingleRow; column: null }
  | { table: 3; row: Table3RowKey; column: Table3Column; index: number }
  | { table: 4; index: number };

export function table2DocKey(row: Table2DocRow, column: Table2DocColumn): CellKey {
  return `table2.${row}.${column}`;
}
export function table3Key(row: Table3RowKey, column: Table3Column): CellKey {
  return `table3.${row}.${column}`;
}

/** Every cell key of a report, in reading order. */
export const ALL_CELL_KEYS: readonly CellKey[] = [
  ...TABLE2_DOC_ROWS.flatMap((r) => TABLE2_DOC_COLUMNS.map((c) => table2DocKey(r, c))),
  ...TABLE2_SINGLE_ROWS.map((r) => `table2.${r}`),
  ...TABLE3_ROW_KEYS.flatMap((r) => TABLE3_COLUMNS.map((c) => table3Key(r, c))),
  ...Array.from({ length: 15 }, (_, i) => `table4.${i}`),
];

/** The figures no module of the platform holds: always entered (or imported). */
export const ENTERED_ONLY_CELLS: readonly CellKey[] = TABLE2_SINGLE_ROWS.map((r) => `table2.${r}`);
/** Table 二's first block: computed from the 规范性文件库 when it is installed, else entered. */
export const LIBRARY_CELLS: readonly CellKey[] = TABLE2_DOC_ROWS.flatMap((r) =>
  TABLE2_DOC_COLUMNS.map((c) => table2DocKey(r, c)),
);

export function parseCellKey(key: string): ParsedCellKey | null {
  const parts = key.split('.');
  if (parts[0] === 'table2') {
    const row = parts[1];
    if (parts.length === 3 && (TABLE2_DOC_ROWS as readonly string[]).includes(row ?? '')) {
      const column = parts[2] as Table2DocColumn;
      if ((TABLE2_DOC_COLUMNS as readonly string[]).includes(column))
        return { table: 2, row: row as Table2DocRow, column };
    }
    if (parts.length === 2 && (TABLE2_SINGLE_ROWS as readonly string[]).includes(row ?? ''))
      return { table: 2, row: row as Table2SingleRow, column: null };
    return null;
  }
  if (parts[0] === 'table3' && parts.length === 3) {
    const row = parts[1] as Table3RowKey;
    const column = parts[2] as Table3Column;
    const index = TABLE3_COLUMNS.indexOf(column);
    if ((TABLE3_ROW_KEYS as readonly string[]).includes(row) && index >= 0)
      return { table: 3, row, column, index };
    return null;
  }
  if (parts[0] === 'table4' && parts.length === 2 && /^\d{1,2}$/.test(parts[1] ?? '')) {
    const index = Number(parts[1]);
    return index < 15 ? { table: 4, index } : null;
  }
  return null;
}

export function emptyFigures(): ReportFigures {
  return { table2: emptyTable2(), table3: emptyTable3(), table4: emptyTable4() };
}

export function getCell(f: ReportFigures, key: CellKey): Cell {
  const k = parseCellKey(key);
  if (!k) return null;
  if (k.table === 2)
    return k.column ? f.table2[k.row as Table2DocRow][k.column] : f.table2[k.row as Table2SingleRow];
  if (k.table === 3) return f.table3[k.row][k.index] ?? null;
  return f.table4[k.index] ?? null;
}

export function setCell(f: ReportFigures, key: CellKey, value: Cell): void {
  const k = parseCellKey(key);
  if (!k) throw new Error(`Unknown cell ${key}`);
  if (k.table === 2) {
    if (k.column) f.table2[k.row as Table2DocRow][k.column] = value;
    else f.table2[k.row as Table2SingleRow] = value;
  } else if (k.table === 3) f.table3[k.row][k.index] = value;
  else f.table4[k.index] = value;
}

/** A Chinese name of the cell for messages and links: "表二 行政许可（本年处理决定数量）". */
export function cellLabel(key: CellKey): string {
  const k = parseCellKey(key);
  if (!k) return key;
  if (k.table === 2) {
    if (k.column) return `表二 ${k.row}（${TABLE2_DOC_COLUMN_LABELS[k.column]}）`;
    return k.row === '行政事业性收费'
      ? '表二 行政事业性收费（本年收费金额，万元）'
      : `表二 ${k.row}（本年处理决定数量）`;
  }
  if (k.table === 3) {
    const group = Object.entries(TABLE3_GROUP_LABELS).find(([p]) => k.row.startsWith(p))?.[1];
    const label = group ? `${group} ${TABLE3_ROW_LABELS[k.row]}` : TABLE3_ROW_LABELS[k.row];
    return `表三 ${label} · ${TABLE3_COLUMN_LABELS[k.column]}`;
  }
  const group = k.index < 5 ? '行政复议' : `行政诉讼·${TABLE4_GROUPS[Math.floor(k.index / 5)]}`;
  return `表四 ${group} · ${TABLE4_RESULT_LABELS[k.index % 5]}`;
}

/** Decimals allowed in an entered value: 收费 in 万元 to 4 places (= 1 元), counts none. */
export function decimalsOf(key: CellKey): number {
  return key === 'table2.行政事业性收费' ? 4 : 0;
}

/**
 * Reads an entered value: '' = not entered (null); otherwise a non-negative number with at most
 * `decimalsOf(key)` decimals (full-width digits and thousands separators accepted). Returns a Chinese
 * problem naming the cell when the text is not such a number.
 */
export function parseEnteredValue(key: CellKey, raw: string): { value: Cell } | { problem: string } {
  const text = raw
    .replace(/[０-９．]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s]/g, '');
  if (text === '') return { value: null };
  const decimals = decimalsOf(key);
  const pattern = decimals ? new RegExp(`^\\d+(\\.\\d{1,${decimals}})?$`) : /^\d+$/;
  if (!pattern.test(text))
    return {
      problem: decimals
        ? `${cellLabel(key)}：请填写不小于 0 的数字（最多 ${decimals} 位小数），您填写的是“${raw}”`
        : `${cellLabel(key)}：请填写不小于 0 的整数，您填写的是“${raw}”`,
    };
  const value = Number(text);
  if (!Number.isFinite(value) || value > 1e12) return { problem: `${cellLabel(key)}：数字过大（“${raw}”）` };
  return { value };
}

/** Every cell of a parsed table, keyed: what an import stores (null cells are not stored). */
export function cellsOf(f: Partial<ReportFigures>): Map<CellKey, number> {
  const out = new Map<CellKey, number>();
  const whole: ReportFigures = {
    table2: f.table2 ?? emptyTable2(),
    table3: f.table3 ?? emptyTable3(),
    table4: f.table4 ?? emptyTable4(),
  };
  for (const key of ALL_CELL_KEYS) {
    const v = getCell(whole, key);
    if (v !== null && v !== undefined) out.set(key, v);
  }
  return out;
}
