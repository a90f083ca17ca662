/**
 * Task tables copied from web pages with their cell borders turned into "|": whole rows on one line
 * ("政策解读 | 对以我局… | 各责任科室 |"), one cell per line ending in " |", or one cell per line with bare
 * "|" lines between cells. The header row is found by meaning (a unit column and a task/content column,
 * also when letter-spaced: "具 体 要 求"), then the rows are rebuilt by table-assemble.ts.
 */
import { parseMarker } from './numbering.ts';
import { type ColumnKind, columnKind } from './table.ts';
import { isDateLine, isSignatureLine, isTerminalFurniture } from './text.ts';

/** A piece of a flattened table: a cell's text or a border. */
export type Token = { kind: 'cell'; text: string; line: number } | { kind: 'bar'; line: number };

/** A table found in the text: its header, the lines it spans and the tokens of its body. */
export interface GridTable {
  columns: ColumnKind[];
  header: string[];
  /** First and last+1 line of the table, the title line above it included. */
  from: number;
  to: number;
  title: string | null;
  /** A numbered section heading ("一、重点领域信息公开") right above the header: the path of the first rows. */
  headingAbove?: string;
  body: Token[];
  /** Body lines holding several cells each: rows are positional. */
  rowLines: string[][];
  /**
   * Borders only between cells ("序号 | 任务 | 时限", no outer bars): a row is complete when it has as many
   * borders as the header, and its empty first or last cells are kept in place.
   */
  innerBars?: number;
  /** The last row is complete (a full row of cells): the table was not cut off. */
  endsWithFullRow?: boolean;
}

const HEADER_MAX = 8;

/** Splits one line at its "|" borders into cell and border tokens. */
export function tokenise(line: string, index: number): Token[] {
  if (!line.includes('|')) return [{ kind: 'cell', text: line, line: index }];
  const tokens: Token[] = [];
  line.split('|').forEach((part, i) => {
    if (i > 0) tokens.push({ kind: 'bar', line: index });
    const text = part.trim();
    // Markdown's header rule ("|---|:---:|") is no cell.
    if (text !== '' && !/^:?-{3,}:?$/.test(text)) tokens.push({ kind: 'cell', text, line: index });
  });
  return tokens;
}

/** The kind of column a header cell names, or null when the cell is no header word. */
function headerKind(text: string): ColumnKind | null {
  const bare = text.replace(/\s+/g, '');
  return bare.length <= HEADER_MAX ? columnKind(bare) : null;
}

function isHeaderRun(kinds: ColumnKind[]): boolean {
  const has = (k: ColumnKind) => kinds.includes(k);
  return (
    kinds.length >= 2 &&
    (has('units') || has('lead')) &&
    (has('content') || has('domain') || has('requirement'))
  );
}

/** The header: the longest run of header cells (borders between them ignored) naming units and tasks. */
function findHeader(tokens: Token[], start: number): { at: number; end: number; cells: string[] } | null {
  for (let i = start; i < tokens.length; i++) {
    const cells: string[] = [];
    let j = i;
    while (j < tokens.length) {
      const token = tokens[j]!;
      if (token.kind === 'cell') {
        // A header cell wrapped over two lines ("责任部" / "门 |"): no border between its parts.
        const next = tokens[j + 1];
        // A row number after the header ("1 | …") is the first body cell, never the end of a header word.
        const wrapped =
          next?.kind === 'cell' && !/^\d+[.、．]?$/.test(next.text) ? token.text + next.text : '';
        if (wrapped !== '' && headerKind(wrapped) !== null) {
          cells.push(wrapped);
          j += 2;
          continue;
        }
        if (headerKind(token.text) === null) break;
        cells.push(token.text);
      }
      j++;
    }
    const kinds = cells.map((c) => headerKind(c)!);
    if (isHeaderRun(kinds)) return { at: i, end: j, cells };
  }
  return null;
}

/** Does a line belong to a bordered table (it has a border, or sits between bordered lines)? */
// A cell wrapped over a few lines still sits between bordered lines.
const WRAP_LINES = 6;

function inTable(lines: string[], i: number): boolean {
  const line = lines[i]!;
  if (line.includes('|')) return true;
  if (isTerminalFurniture(line)) return false;
  const next = lines.slice(i + 1, i + 1 + WRAP_LINES);
  // The last few lines of a text cut off inside a cell still belong to that cell.
  // A signature and its date under the table end it (the document closes; no cell continues there).
  const ending = (l: string) => isTerminalFurniture(l) || isDateLine(l) || isSignatureLine(l);
  if (lines.length - i <= WRAP_LINES + 1 && !lines.slice(i).some(ending)) return true;
  return next.some((l) => l.includes('|'));
}

const BARS_ONLY = /^\|+$/;

/**
 * Re-joins cells wrapped over several lines: in a bordered table a line that does not end with a
 * border continues on the next line, unless that line is only borders.
 */
function joinWrapped(lines: string[], innerBars: number | undefined): string[] {
  const joined: string[] = [];
  let open = false;
  for (const line of lines) {
    if (open && !BARS_ONLY.test(line)) joined[joined.length - 1] += line;
    else joined.push(line);
    const last = joined.at(-1)!;
    // Borders only between cells: a row is open until it has all its borders.
    if (innerBars !== undefined) open = last.includes('|') && barCount(last) < innerBars;
    else open = !last.endsWith('|') && !BARS_ONLY.test(last);
  }
  return joined;
}

const barCount = (line: string) => line.split('|').length - 1;

/**
 * The number of borders of a complete row when the header is one line with borders only between its
 * cells ("序号 | 重点任务 | 牵头单位"); undefined for every other layout.
 */
function innerBarsOf(lines: string[], headerLine: number, lastHeaderLine: number): number | undefined {
  const line = lines[headerLine]!;
  if (headerLine !== lastHeaderLine || line.startsWith('|') || line.endsWith('|')) return undefined;
  const bars = barCount(line);
  return bars >= 1 ? bars : undefined;
}

/**
 * The short line right above a header: the table's title ("某县2023年政务公开任务分解表"), or a numbered
 * section heading ("一、重点领域信息公开", "（二）…") that the first rows belong to.
 */
function lineAbove(lines: string[], headerLine: number): { title: string | null; heading: string | null } {
  const above = lines[headerLine - 1];
  if (above === undefined || above.includes('|') || above.length > 40 || /[。：:]$/.test(above))
    return { title: null, heading: null };
  const style = parseMarker(above)?.style;
  if (style === 'chapter' || style === 'cn-paren') return { title: null, heading: above };
  return { title: above, heading: null };
}

/** Finds every bordered task table in the cleaned lines. */
export function findGridTables(lines: string[]): GridTable[] {
  if (!lines.some((l) => l.includes('|'))) return [];
  const tokens = lines.flatMap((line, i) => tokenise(line, i));
  const tables: GridTable[] = [];
  let cursor = 0;
  while (cursor < tokens.length) {
    const header = findHeader(tokens, cursor);
    if (!header) break;
    const headerLine = tokens[header.at]!.line;
    const lastHeaderCell = tokens.slice(header.at, header.end).findLast((t) => t.kind === 'cell')!;
    const firstBodyLine = lastHeaderCell.line + 1;
    let last = firstBodyLine;
    while (last < lines.length && inTable(lines, last)) last++;
    // A bordered table needs borders: a plain list of header words is left to the other readers.
    if (!lines.slice(headerLine, last).some((l) => l.includes('|'))) {
      cursor = header.end;
      continue;
    }
    const { title, heading } = lineAbove(lines, headerLine);
    const innerBars = innerBarsOf(lines, headerLine, lastHeaderCell.line);
    const bodyLines = joinWrapped(lines.slice(firstBodyLine, last), innerBars);
    const body = bodyLines.flatMap((line, i) => tokenise(line, firstBodyLine + i));
    const lastLine = bodyLines.at(-1) ?? '';
    tables.push({
      columns: header.cells.map((c) => headerKind(c)!),
      header: header.cells.map((c) => c.replace(/\s+/g, '')),
      from: title || heading ? headerLine - 1 : headerLine,
      to: last,
      title,
      ...(heading ? { headingAbove: heading } : {}),
      body,
      rowLines: rowLines(bodyLines, innerBars),
      ...(innerBars === undefined ? {} : { innerBars }),
      endsWithFullRow:
        innerBars !== undefined &&
        barCount(lastLine) >= innerBars &&
        (lastLine.split('|').at(-1) ?? '').trim() !== '',
    });
    cursor = tokens.findIndex((t) => t.line >= last);
    if (cursor === -1) break;
  }
  return tables;
}

/** Lines that hold two or more cells: a table copied row by row. */
function rowLines(lines: string[], innerBars: number | undefined): string[][] {
  const rows = lines.map((line) => {
    const parts = line
      .split('|')
      .map((p) => p.trim())
      .map((p) => (/^:?-{3,}:?$/.test(p) ? '' : p));
    // Outer borders make an empty first and last part; between-cell borders keep empty cells in place.
    if (innerBars !== undefined) return parts;
    if (parts[0] === '' && parts.length > 1) parts.shift();
    if (parts.at(-1) === '' && parts.length > 1) parts.pop();
    return parts;
  });
  const filled = rows.filter((r) => r.some((c) => c !== ''));
  const multi = filled.filter((r) => r.filter((c) => c !== '').length >= 2);
  // Single-cell lines between them are section rows ("一、政务服务 |").
  return multi.length > 0 && multi.length >= filled.length / 2 ? filled : [];
}
