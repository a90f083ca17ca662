/**
 * Table 三: 25 body rows × 7 columns. The column order comes from the header when it names the columns
 * (a 总计 column moved into the second header row, or in front, is followed); rows are placed by their
 * label's words, then by group and number, then by order between recognised rows. Blank cells are 0; a
 * row cut off by the end of the text keeps nulls where nothing was printed.
 */
import {
  type Cell,
  emptyTable3,
  TABLE3_COLUMNS,
  TABLE3_ROW_KEYS,
  type Table3,
  type Table3Column,
  type Table3RowKey,
} from '../report.model.ts';
import type { TableRow } from './rows.ts';
import { alignCells, type CellStats, columnOrder, label3 } from './table3-cells.ts';
import { classifyLabel, columnOf, type Group, groupOf, type RowClass } from './table3-labels.ts';

export interface Table3Result {
  table3: Table3 | null;
  notes: string[];
}

interface Placed {
  row: TableRow;
  cls: RowClass;
}

/** The class of a row from its last label cells (one, two or three joined), most specific first. */
function classifyRow(row: TableRow, group: Group | null): RowClass {
  let fallback: RowClass = { kind: 'unknown' };
  for (let take = 1; take <= Math.min(3, row.labels.length); take++) {
    const cls = classifyLabel(row.labels.slice(-take).join(''), group);
    if (cls.kind === 'row') return cls;
    if (cls.kind === 'group' && fallback.kind === 'unknown') fallback = cls;
  }
  return fallback;
}

/** Rows whose label could not be read take the keys missing between their recognised neighbours. */
function placeByOrder(placed: Placed[], notes: string[]): void {
  const index = (p: Placed) => (p.cls.kind === 'row' ? TABLE3_ROW_KEYS.indexOf(p.cls.key) : -1);
  for (let i = 0; i < placed.length; i++) {
    if (placed[i]!.cls.kind !== 'unknown') continue;
    let j = i;
    while (j < placed.length && placed[j]!.cls.kind === 'unknown') j++;
    const before = [...placed.slice(0, i)].reverse().find((p) => p.cls.kind === 'row');
    const from = before ? index(before) + 1 : 0;
    const to =
      j < placed.length && placed[j]!.cls.kind === 'row' ? index(placed[j]!) : TABLE3_ROW_KEYS.length;
    const gap = placed.slice(i, j);
    const withData = gap.filter((p) => p.row.cells.some((c) => c.kind !== 'empty'));
    if (withData.length === gap.length && gap.length === to - from && gap.length > 0) {
      gap.forEach((p, k) => {
        const key = TABLE3_ROW_KEYS[from + k]!;
        p.cls = { kind: 'row', key, by: 'number' };
        notes.push(
          `表三第 ${placed.indexOf(p) + 1} 行的标签“${p.row.labels.join('') || '（空）'}”无法辨认，按行序视为“${key}”`,
        );
      });
    }
    i = j;
  }
}

/** A row's numbers wrapped onto the next line (text from a PDF) join the row they belong to. */
function joinWrappedRows(rows: TableRow[]): TableRow[] {
  const out: TableRow[] = [];
  for (const row of rows) {
    const prev = out.at(-1);
    const fits =
      prev && prev.cells.length > 0 && prev.cells.length + row.cells.length <= TABLE3_COLUMNS.length;
    if (row.labels.length === 0 && prev && fits)
      out[out.length - 1] = { ...prev, cells: [...prev.cells, ...row.cells], cut: row.cut };
    else out.push(row);
  }
  return out;
}

function classifyAll(body: TableRow[]): Placed[] {
  let group: Group | null = null;
  return body.map((row) => {
    const cls = classifyRow(row, group);
    const g = row.labels.map(groupOf).find((x) => x !== null);
    if (g) group = g;
    else if (cls.kind === 'row' && !cls.key.startsWith('三(')) group = null;
    return { row, cls: cls.kind === 'row' || cls.kind === 'group' ? cls : { kind: 'unknown' } };
  });
}

/** Reads table 三 from its region's rows; null when none of its body rows is in the text. */
export function readTable3(rows: TableRow[], truncated: boolean): Table3Result {
  const notes: string[] = [];
  const firstBody = rows.findIndex((r) => classifyRow(r, null).kind === 'row' && r.labels.length > 0);
  if (firstBody === -1) return { table3: null, notes };
  const headerLabels = rows.slice(0, firstBody).flatMap((r) => r.labels);
  // Header cells that run into the first row's label (one cell per line) belong to the header too.
  headerLabels.push(...rows[firstBody]!.labels.slice(0, -1).filter((l) => columnOf(l) !== null));
  const order = columnOrder(headerLabels.map(columnOf), notes);
  // Rows of nothing but empty cells are left-overs of merged cells, not rows of the table.
  const body = joinWrappedRows(
    rows.slice(firstBody).filter((r) => r.labels.length > 0 || r.cells.some((c) => c.kind !== 'empty')),
  );
  // A text cut off right after a row's end may have lost the row's last cells with the rest.
  const last = body.at(-1);
  if (truncated && last) last.cut = true;
  const placed = classifyAll(body);
  placeByOrder(placed, notes);
  const table = emptyTable3();
  const seen = new Set<Table3RowKey>();
  let sixSingle = false;
  const stats: CellStats = { blanks: 0, dashes: 0, empty: [] };
  for (const { row, cls } of placed) {
    if (cls.kind === 'group') {
      if (row.cells.some((c) => c.kind === 'value')) {
        if (cls.group === '六') sixSingle = true;
        else notes.push(`表三“（${cls.group}）${label3(cls.group)}”一行有数字但没有分项，未读取`);
      }
      continue;
    }
    if (cls.kind !== 'row') continue;
    if (seen.has(cls.key)) {
      notes.push(`表三“${cls.key}”出现两次，只读取第一次`);
      continue;
    }
    seen.add(cls.key);
    const values = alignCells(row, cls.key, notes, order.indexOf('total'), stats);
    table[cls.key] = reorder(values, order);
  }
  if (sixSingle && !['三(六)1', '三(六)2', '三(六)3'].some((k) => seen.has(k as Table3RowKey)))
    notes.push(
      '表三为2019年旧格式：“（六）其他处理”只有一行，不能对应2021年格式的三个分项，三(六)1至三(六)3未读取',
    );
  const missing = TABLE3_ROW_KEYS.filter((k) => !seen.has(k));
  const cut = truncated || (rows.at(-1)?.cut ?? false);
  if (stats.empty.length > 0)
    notes.push(`表三以下行只有标签没有数字${last?.cut ? '（文本在此中断）' : ''}：${stats.empty.join('、')}`);
  if (stats.blanks > 0) notes.push(`表三有 ${stats.blanks} 个空白单元格，按0读取`);
  if (stats.dashes > 0) notes.push(`表三有 ${stats.dashes} 个单元格填“/”或“—”，按0读取`);
  if (missing.length > 0)
    notes.push(
      cut
        ? `表三在文本中断处结束，自“${missing[0]}”起共 ${missing.length} 行未读到`
        : `表三缺少以下行：${missing.join('、')}`,
    );
  return { table3: table, notes };
}

/** The row's values (in printed column order) in the standard column order. */
function reorder(values: Cell[], order: Table3Column[]): Cell[] {
  return TABLE3_COLUMNS.map((col) => {
    const at = order.indexOf(col);
    return at === -1 ? null : (values[at] ?? null);
  });
}
