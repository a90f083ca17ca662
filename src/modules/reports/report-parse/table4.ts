/**
 * Table 四: one row of 15 numbers under a three-row header (行政复议 ×5, 行政诉讼 未经复议直接起诉 ×5 and
 * 复议后起诉 ×5, each 结果维持 · 结果纠正 · 其他结果 · 尚未审结 · 总计). The numbers are the data cells after
 * the header, in order; blank cells are 0.
 */
import type { Cell, Table4 } from '../report.model.ts';
import { bestScore } from './labels.ts';
import type { TableRow } from './rows.ts';

const WIDTH = 15;
const HEADER_WORDS = [
  '行政复议',
  '行政诉讼',
  '结果维持',
  '结果纠正',
  '其他结果',
  '尚未审结',
  '总计',
  '未经复议直接起诉',
  '复议后起诉',
];

export interface Table4Result {
  table4: Table4 | null;
  notes: string[];
}

/** Reads table 四; null when neither its header nor its numbers are in the text. */
export function readTable4(rows: TableRow[], truncated: boolean): Table4Result {
  const notes: string[] = [];
  const lastHeader = rows.findLastIndex((r) =>
    r.labels.some((l) => l.length <= 12 && bestScore(l, HEADER_WORDS) > 0),
  );
  // The numbers follow the header's last cell (in its row when cells are one per line), after any header
  // lines without words of their own (a header printed one character per line); a labelled row after the
  // numbers is no longer table 四.
  const data: TableRow['cells'] = [];
  for (const r of rows.slice(Math.max(0, lastHeader))) {
    if (data.length > 0 && r.labels.length > 0) break;
    data.push(...r.cells);
  }
  while (data.length > WIDTH && data[data.length - 1]!.kind === 'empty') data.pop();
  if (lastHeader === -1 && data.length !== WIDTH) return { table4: null, notes };
  if (data.length === 0) {
    notes.push(`表四没有数字${truncated ? '（文本在表头后中断）' : ''}`);
    return { table4: null, notes };
  }
  if (data.length > WIDTH) {
    notes.push(`表四有 ${data.length} 个数字（应为15个），未读取`);
    return { table4: null, notes };
  }
  for (const c of data) if (c.kind === 'unreadable') notes.push(`表四有无法识别的数字“${c.raw}”`);
  const values: Cell[] = data.map((c) => (c.kind === 'value' ? c.value : c.kind === 'empty' ? 0 : null));
  if (values.length < WIDTH) {
    if (!truncated && !(rows.at(-1)?.cut ?? false)) {
      notes.push(`表四只有 ${values.length} 个数字（应为15个），无法确定所在列，未读取`);
      return { table4: null, notes };
    }
    notes.push(`表四在文本中断处只读到 ${values.length} 个数字，其余为空`);
    values.push(...Array<Cell>(WIDTH - values.length).fill(null));
  }
  if (data.some((c) => c.kind === 'empty')) notes.push('表四有空白单元格，按0读取');
  return { table4: values, notes };
}
