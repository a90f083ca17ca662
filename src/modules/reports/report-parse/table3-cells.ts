/**
 * The 7 numbers of one table-三 row and the order of the columns they are printed in.
 */
import { type Cell, TABLE3_COLUMNS, type Table3Column, type Table3RowKey } from '../report.model.ts';
import type { TableRow } from './rows.ts';
import type { Group } from './table3-labels.ts';

const WIDTH = TABLE3_COLUMNS.length;
const GROUP_LABELS: Record<Group, string> = {
  三: '不予公开',
  四: '无法提供',
  五: '不予处理',
  六: '其他处理',
};

export function label3(group: Group): string {
  return GROUP_LABELS[group];
}

/**
 * The printed order of the 7 columns from the header's column words: 自然人, the 法人或其他组织 group
 * (its five columns in their printed order) and 总计 keep the places they have in the header's first
 * row, so both published header variants (总计 beside 法人或其他组织, or after 其他) read the same and a
 * 总计 printed first is followed. Without a usable header: the standard order, with a note.
 */
export function columnOrder(words: (Table3Column | 'group' | null)[], notes: string[]): Table3Column[] {
  const seq = words.filter((w): w is Table3Column | 'group' => w !== null);
  const subs = seq.filter((w) => w !== 'natural_person' && w !== 'total' && w !== 'group');
  const top: (Table3Column | 'group')[] = [];
  for (const w of seq)
    if ((w === 'natural_person' || w === 'total' || w === 'group') && !top.includes(w)) top.push(w);
  if (!top.includes('group')) top.splice(top.includes('natural_person') ? 1 : 0, 0, 'group');
  const order = top.flatMap((w) => (w === 'group' ? [...new Set(subs)] : [w])) as Table3Column[];
  if (order.length === WIDTH && new Set(order).size === WIDTH) {
    if (order.join() !== TABLE3_COLUMNS.join())
      notes.push(`表三的列序与标准格式不同，按表头读取：${order.map(columnName).join('、')}`);
    return order;
  }
  if (seq.length > 0) notes.push('表三表头不完整，按标准列序（自然人…其他、总计）读取');
  else notes.push('表三未见表头，按标准列序（自然人…其他、总计）读取');
  return [...TABLE3_COLUMNS];
}

const NAMES: Record<Table3Column, string> = {
  natural_person: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  public_interest: '社会公益组织',
  legal_services: '法律服务机构',
  other: '其他',
  total: '总计',
};
export function columnName(c: Table3Column): string {
  return NAMES[c];
}

type DataCell = TableRow['cells'][number];

function trimTo(cells: DataCell[], fromEnd: boolean): DataCell[] | null {
  const out = [...cells];
  while (out.length > WIDTH) {
    const at = fromEnd ? out.length - 1 : 0;
    if (out[at]!.kind !== 'empty') return null;
    out.splice(at, 1);
  }
  return out;
}

const asNumber = (c: DataCell): Cell => (c.kind === 'value' ? c.value : c.kind === 'empty' ? 0 : null);

function addsUp(values: Cell[], totalAt: number): boolean {
  const total = values[totalAt];
  const rest = values.filter((_, i) => i !== totalAt);
  return (
    total !== null &&
    total !== undefined &&
    rest.every((v) => v !== null) &&
    rest.reduce<number>((s, v) => s + (v ?? 0), 0) === total
  );
}

/**
 * The row's numbers in printed order (7 of them, or nulls): blank cells are 0; extra empty cells left by
 * merged header cells are dropped (at the end first, at the start when only that makes the row add up);
 * a row cut off by the end of the text keeps what was printed, a short row elsewhere is not guessed.
 */
export interface CellStats {
  blanks: number;
  dashes: number;
  /** Rows whose label is there without any cell. */
  empty: Table3RowKey[];
}

export function alignCells(
  row: TableRow,
  key: Table3RowKey,
  notes: string[],
  totalAt: number,
  stats: CellStats,
): Cell[] {
  let cells = row.cells;
  if (cells.length === 0) {
    stats.empty.push(key);
    return Array(WIDTH).fill(null);
  }
  if (cells.length > WIDTH) {
    const atEnd = trimTo(cells, true);
    const atStart = trimTo(cells, false);
    const pick =
      atEnd && atStart && !addsUp(atEnd.map(asNumber), totalAt) && addsUp(atStart.map(asNumber), totalAt)
        ? atStart
        : (atEnd ?? atStart);
    if (!pick) {
      notes.push(`表三“${key}”一行有 ${cells.length} 个数字（应为7个），未读取`);
      return Array(WIDTH).fill(null);
    }
    cells = pick;
  }
  for (const c of cells)
    if (c.kind === 'unreadable') notes.push(`表三“${key}”一行有无法识别的数字“${c.raw}”`);
  stats.blanks += cells.filter((c) => c.kind === 'empty').length;
  stats.dashes += cells.filter((c) => c.kind === 'value' && c.dash).length;
  const values = cells.map(asNumber);
  if (values.length < WIDTH) {
    if (!row.cut) {
      notes.push(`表三“${key}”一行只有 ${values.length} 个数字（应为7个），无法确定所在列，未读取`);
      return Array(WIDTH).fill(null);
    }
    notes.push(`表三“${key}”一行在文本中断处只读到 ${values.length} 个数字，其余为空`);
    return [...values, ...Array(WIDTH - values.length).fill(null)];
  }
  return values;
}
