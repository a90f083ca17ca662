/**
 * Table 二 (第二十条第（一）（五）（六）（八）项). Each block's header says what its columns hold; the
 * 2021 format (国办公开办函〔2021〕30号) has 本年制发件数 | 本年废止件数 | 现行有效件数 and 本年处理决定数量 /
 * 本年收费金额, the 2019 format had 本年新制作数量 | 本年新公开数量 | 对外公开总数量 and 上一年项目数量 |
 * 本年增/减 | 处理决定数量. Only columns whose meaning is the 2021 column's are read; the others are named
 * in a note.
 */
import {
  type Cell,
  emptyTable2,
  TABLE2_DOC_ROWS,
  TABLE2_SINGLE_ROWS,
  type Table2,
  type Table2DocRow,
  type Table2SingleRow,
} from '../report.model.ts';
import { bestScore, matchKey } from './labels.ts';
import { dropTrailingEmpties, type TableRow } from './rows.ts';

type Column = 'made' | 'repealed' | 'inForce' | 'decisions' | 'amount' | 'old';
type RowKey = Table2DocRow | Table2SingleRow | 'old_row';

const COLUMN_WORDS: readonly (readonly [Column, readonly string[]])[] = [
  ['made', ['本年制发', '制发件数']],
  ['repealed', ['本年废止', '废止件数']],
  ['inForce', ['现行有效']],
  ['decisions', ['处理决定']],
  ['amount', ['收费金额']],
  ['old', ['新制作', '新公开', '对外公开总', '上一年项目', '增/减', '增减', '采购项目', '采购总金额']],
];
// Rows of the 2019 format that have no place in 2021: their numbers are not read.
const ROW_WORDS: readonly (readonly [RowKey, readonly string[]])[] = [
  ['规章', ['规章']],
  ['行政规范性文件', ['规范性文件']],
  ['行政许可', ['许可']],
  ['行政处罚', ['处罚']],
  ['行政强制', ['强制']],
  ['行政事业性收费', ['事业性收费', '收费']],
  ['old_row', ['对外管理服务', '集中采购']],
];
const HEADER_MARK = /信息内容|件数|数量|金额|第二十条/;

/** The columns a header row names, in order; null when the labels are no header. */
function headerColumns(labels: string[]): Column[] | null {
  const cols = labels.map((l) => matchKey(l, COLUMN_WORDS)).filter((c): c is Column => c !== null);
  return cols.length > 0 ? cols : null;
}

function rowKeyOf(labels: string[]): { key: RowKey; at: number } | null {
  for (let at = labels.length - 1; at >= Math.max(0, labels.length - 2); at--) {
    const label = labels.slice(at).join('');
    if (HEADER_MARK.test(labels[at]!) && bestScore(labels[at]!, ['规章', '规范性文件']) === 0) continue;
    const key = matchKey(label, ROW_WORDS);
    if (key) return { key, at };
  }
  return null;
}

// The blocks of table 二 by the 第二十条 item in their caption, and their rows in order.
const BLOCK_ROWS = {
  一: ['规章', '行政规范性文件'],
  五: ['行政许可'],
  六: ['行政处罚', '行政强制'],
  八: ['行政事业性收费'],
} as const satisfies Record<string, readonly RowKey[]>;

function blockOf(labels: string[]): keyof typeof BLOCK_ROWS | null {
  for (const label of [...labels].reverse()) {
    const m = /第二十条第?\(?([一五六八])\)?项/.exec(label.replace(/\s/g, ''));
    if (m) return m[1] as keyof typeof BLOCK_ROWS;
  }
  return null;
}

const DEFAULT_DOC: Column[] = ['made', 'repealed', 'inForce'];
const DEFAULT_SINGLE: Record<Table2SingleRow, Column> = {
  行政许可: 'decisions',
  行政处罚: 'decisions',
  行政强制: 'decisions',
  行政事业性收费: 'amount',
};

export interface Table2Result {
  table2: Table2 | null;
  notes: string[];
  format2019: boolean;
}

/** Reads table 二 from its rows; null when no row of it is in the text. */
export function readTable2(rows: TableRow[]): Table2Result {
  const table = emptyTable2();
  const notes: string[] = [];
  let header: Column[] | null = null;
  let found = 0;
  const seen = new Set<RowKey>();
  let format2019 = false;
  let dashes = 0;
  let blanks = 0;
  let block: keyof typeof BLOCK_ROWS | null = null;
  for (const row of rows) {
    block = blockOf(row.labels) ?? block;
    let match = rowKeyOf(row.labels);
    if (!match && !format2019 && block && row.cells.some((c) => c.kind !== 'empty')) {
      // A label lost to mojibake: the block's caption says which row it is, when only one is left.
      const left = BLOCK_ROWS[block].filter((k) => !seen.has(k));
      if (left.length > 0 && (left.length === 1 || row.labels.length > 0)) {
        match = { key: left[0]!, at: row.labels.length };
        notes.push(`表二一行标签“${row.labels.at(-1) ?? '（空）'}”无法辨认，按所在栏目视为“${left[0]}”`);
      }
    }
    const own = headerColumns(match ? row.labels.slice(0, match.at) : row.labels);
    if (own) header = own;
    if (header?.includes('old')) format2019 = true;
    if (!match) continue;
    if (match.key === 'old_row') {
      format2019 = true;
      continue;
    }
    found++;
    seen.add(match.key);
    const cells = dropTrailingEmpties(
      row.cells,
      match.key === '规章' || match.key === '行政规范性文件' ? 3 : 1,
    );
    const values: Cell[] = cells.map((c) => (c.kind === 'value' ? c.value : c.kind === 'empty' ? 0 : null));
    dashes += cells.filter((c) => c.kind === 'value' && c.dash).length;
    blanks += cells.filter((c) => c.kind === 'empty').length;
    for (const c of cells)
      if (c.kind === 'unreadable') notes.push(`表二“${match.key}”一行有无法识别的数字“${c.raw}”`);
    if (values.length === 0) {
      notes.push(`表二“${match.key}”一行没有数字${row.cut ? '（文本在此中断）' : ''}`);
      continue;
    }
    if (match.key === '规章' || match.key === '行政规范性文件') {
      const cols = header && header.length >= values.length ? header : DEFAULT_DOC;
      if (cols.includes('old')) continue;
      cols.forEach((col, i) => {
        if (col === 'made' || col === 'repealed' || col === 'inForce')
          table[match.key as Table2DocRow][col] = values[i] ?? null;
      });
      if (values.length < 3) notes.push(`表二“${match.key}”一行只读到 ${values.length} 个数字`);
    } else {
      const wanted = DEFAULT_SINGLE[match.key];
      const cols = header ?? [wanted];
      const at = cols.indexOf(wanted);
      if (at === -1)
        notes.push(
          `表二“${match.key}”一行的列不是“${wanted === 'amount' ? '本年收费金额' : '本年处理决定数量'}”（旧格式），未读取`,
        );
      else table[match.key] = values[at] ?? null;
    }
  }
  if (format2019)
    notes.push(
      '表二使用2019年旧格式（本年新制作数量/本年新公开数量/对外公开总数量、上一年项目数量/本年增/减），与2021年格式含义不同的列未读取',
    );
  if (dashes > 0) notes.push(`表二有 ${dashes} 个单元格填“/”或“—”，按0读取`);
  if (blanks > 0) notes.push(`表二有 ${blanks} 个空白单元格，按0读取`);
  if (header === null && found > 0) notes.push('表二未见表头，按2021年格式的列序读取');
  const missing = [...TABLE2_DOC_ROWS, ...TABLE2_SINGLE_ROWS].filter((k) => !seen.has(k));
  if (found > 0 && missing.length > 0 && !format2019) notes.push(`表二缺少以下行：${missing.join('、')}`);
  return { table2: found > 0 ? table : null, notes, format2019 };
}
