/**
 * Task-allocation tables (任务分工表: 序号 · 公开领域 · 具体内容 · 工作要求 · 责任单位 · 时限要求) that reached
 * us flattened to one wrapped cell fragment per line, with the header and the table title repeated on
 * every page (中方县 2022). Rows are rebuilt from their 序号 lines; the cells of a row are told apart by
 * shape: narrow domain fragments first, unit names and the deadline last, content up to the first line
 * ending with 。 and the work requirement after it.
 */
import { isHeadingCell, ORG_END, SAME_AS_ABOVE } from './cells.ts';
import { normaliseDeadline } from './deadline.ts';
import { HeadingPath } from './headings.ts';
import { type CleanLine, isTerminalFurniture } from './text.ts';
import type { TableRow } from './types.ts';

/** What a table column holds. */
export type ColumnKind =
  | 'number'
  | 'domain'
  | 'content'
  | 'requirement'
  | 'lead'
  | 'units'
  | 'deadline'
  | 'status'
  | 'remark';

// By meaning, first match wins: 完成情况 is a status (not a deadline), 完成时限 a deadline, a column
// naming 责任/配合/负责 holds units, 牵头 holds lead units.
const COLUMN_RULES: [RegExp, ColumnKind][] = [
  [/完成情况|进展情况|落实情况|进度|状态/, 'status'],
  [/备注|说明/, 'remark'],
  // People (分管领导, 责任人, 联系人) are no units: kept as a remark.
  [/领导|责任人|负责人|联系人/, 'remark'],
  [/时限|时间|期限|完成时|时序/, 'deadline'],
  [/牵头|主办|主责/, 'lead'],
  [/责任|配合|协办|承办|负责|参与|协同/, 'units'],
  [/序号|编号/, 'number'],
  [/要求|措施|举措/, 'requirement'],
  [/内容/, 'content'],
  [/领域|任务|事项|项目|^重点工作$|类别/, 'domain'],
];

/** Maps a header cell ("时限要求", "责任单位") to the kind of column it heads. */
export function columnKind(name: string): ColumnKind | null {
  const text = name.replace(/\s+/g, '');
  if (text === '' || text.length > 8) return null;
  return COLUMN_RULES.find(([re]) => re.test(text))?.[1] ?? null;
}

// Header cells are short and drawn from a small vocabulary; a run of such fragments that names a
// content column and a unit column is a (repeated) table header, however the words were wrapped.
const HEADER_CHARS =
  /^[序编号公开领域具体工作内容要求责任单位部门牵头配合时限完成间备注重点任务事项承办协主科室处股措施举期]{1,6}$/;

/** Finds runs of header fragments that contain a content column and a unit column. */
function findHeaderRuns(lines: string[]): [number, number][] {
  const runs: [number, number][] = [];
  let i = 0;
  while (i < lines.length) {
    let end = i;
    while (end < lines.length && HEADER_CHARS.test(lines[end]!)) end++;
    const joined = lines.slice(i, end).join('');
    if (
      end - i >= 2 &&
      /内容|任务|要求|措施/.test(joined) &&
      /责任|牵头|单位|承办|配合|科室|部门/.test(joined)
    ) {
      runs.push([i, end]);
    }
    i = Math.max(end, i + 1);
  }
  return runs;
}

function looksLikeUnitLine(line: string): boolean {
  // "单": a unit name cut at the column edge ("县直各有关单").
  if (SAME_AS_ABOVE.test(line)) return true;
  return line.length <= 30 && !/[。；;：:“”]/.test(line) && (ORG_END.test(line) || /单$/.test(line));
}

function isDeadlineWording(text: string): boolean {
  if (/^(?:长期|常态|立即|及时|按要求|按时)/.test(text)) return true;
  const deadline = normaliseDeadline(text, 2000);
  return deadline !== null && !('text' in deadline && !/内$/.test(deadline.text));
}

function takeDeadline(lines: string[], end: number): number {
  for (let k = Math.min(4, end); k >= 1; k--) {
    const cell = lines.slice(end - k, end);
    if (cell.some((l) => l.length > 10 || l.includes('。') || looksLikeUnitLine(l))) continue;
    if (isDeadlineWording(cell.join(''))) return end - k;
  }
  return end;
}

/** A task title cell on a line of its own: short, no sentence punctuation. */
function isTaskTitleLine(line: string): boolean {
  return line.length <= 24 && !/[。，,；;：:！？]/.test(line);
}

/** Splits the fragments of one row (after its 序号 line) into cells. */
function splitRow(number: string, lines: string[], columns: Set<ColumnKind>): TableRow {
  let end = lines.length;
  const deadlineAt = columns.has('deadline') ? takeDeadline(lines, end) : end;
  const deadline = lines.slice(deadlineAt, end).join('');
  end = deadlineAt;
  let unitsAt = end;
  while (unitsAt > 0 && end - unitsAt < 3 && looksLikeUnitLine(lines[unitsAt - 1]!)) unitsAt--;
  const units = lines.slice(unitsAt, end).join('、');
  let start = 0;
  if (columns.has('domain')) while (start < unitsAt && start < 6 && lines[start]!.length <= 6) start++;
  // A 工作任务 cell copied as one line ("深化政策公开解读") above the text of the row.
  if (columns.has('domain') && start === 0 && unitsAt >= 2 && isTaskTitleLine(lines[0]!)) start = 1;
  const middle = lines.slice(start, unitsAt);
  let cut = middle.length;
  if (columns.has('requirement')) {
    const firstStop = middle.findIndex((l) => /。[”’）)]?$/.test(l));
    if (firstStop >= 0) cut = firstStop + 1;
  }
  return {
    number,
    domain: lines.slice(0, start).join(''),
    content: middle.slice(0, cut).join(''),
    requirement: middle.slice(cut).join(''),
    lead: '',
    units,
    deadline,
  };
}

/** The table title: the unpunctuated lines right above the first header ("贯彻落实…任务分工"). */
function tableTitle(lines: string[], headerAt: number): string | null {
  let from = headerAt;
  while (
    from > 0 &&
    headerAt - from < 3 &&
    !/[:：。，,；;]/.test(lines[from - 1]!) &&
    !/^\d+$/.test(lines[from - 1]!) &&
    !/^附件\s*\d*[:：]?$/.test(lines[from - 1]!)
  ) {
    from--;
  }
  return from < headerAt ? lines.slice(from, headerAt).join('') : null;
}

/** How many lines above a repeated header are a (possibly re-wrapped) copy of the table title. */
function repeatedTitleLength(lines: string[], headerAt: number, title: string): number {
  let text = '';
  let count = 0;
  while (headerAt - count > 0 && count < 4) {
    const candidate = lines[headerAt - count - 1]! + text;
    if (!title.endsWith(candidate)) break;
    text = candidate;
    count++;
  }
  return count;
}

/** Drops repeated headers and the table title that precedes each of them. */
function bodyLines(lines: string[], runs: [number, number][]): { title: string | null; body: string[] } {
  const first = runs[0]!;
  const title = tableTitle(lines, first[0]);
  const skip = new Set<number>();
  for (const [from, to] of runs) {
    const titleLines = title ? repeatedTitleLength(lines, from, title) : 0;
    for (let i = from - titleLines; i < to; i++) skip.add(i);
  }
  const body: string[] = [];
  for (let i = first[1]; i < lines.length; i++) {
    const line = lines[i]!;
    if (isTerminalFurniture(line)) break;
    if (!skip.has(i)) body.push(line);
  }
  return { title, body };
}

/** Rebuilds the rows of a flattened task table; null when the text has no such table. */
export function parseFlatTable(
  clean: CleanLine[],
): { title: string | null; rows: TableRow[]; endsWithFullRow: boolean } | null {
  const lines = clean.map((l) => l.text);
  const runs = findHeaderRuns(lines);
  if (runs.length === 0) return null;
  const first = runs[0]!;
  const headerText = lines.slice(first[0], first[1]).join('');
  const order = [
    ...headerText.matchAll(
      /公开领域|工作任务|重点任务|具体内容|工作内容|具体要求|工作要求|具体措施|(?:牵头|责任|配合|承办|协办|主办)(?:单位|部门|科室|处室)|时限要求|完成时限|完成时间|时限/g,
    ),
  ]
    .map((m) => columnKind(m[0]))
    .filter((k): k is ColumnKind => k !== null);
  const columns = new Set<ColumnKind>(order);
  // 工作任务 · 具体措施 without a 具体内容 column: the measures are the task's content.
  if (!columns.has('content') && columns.has('requirement')) {
    columns.delete('requirement');
    columns.add('content');
  }
  const { title, body } = bodyLines(lines, runs);
  const rows: TableRow[] = [];
  let current: { number: string; lines: string[]; path: string[] } | null = null;
  const headings = new HeadingPath();
  const close = () => {
    if (current) rows.push({ ...splitRow(current.number, current.lines, columns), path: current.path });
  };
  for (const line of body) {
    const expected = rows.length + (current ? 2 : 1);
    // Section rows ("一、…", "（一）…") between the numbered rows are the path of the rows below.
    if (isHeadingCell(line)) headings.push(line);
    // One lost row number (a damaged "13") must not swallow every later row.
    else if (/^\d{1,3}$/.test(line) && Number(line) >= expected && Number(line) <= expected + 1) {
      close();
      current = { number: line, lines: [], path: headings.texts() };
    } else current?.lines.push(line);
  }
  close();
  const lastRow = rows.at(-1);
  const lastColumn = order.at(-1);
  // The text ends after a complete row when the row's last column (a deadline, the units) is filled.
  const endsWithFullRow =
    lastRow !== undefined &&
    ((lastColumn === 'deadline' && lastRow.deadline !== '') ||
      ((lastColumn === 'units' || lastColumn === 'lead') && lastRow.units !== ''));
  return { title, rows, endsWithFullRow };
}
