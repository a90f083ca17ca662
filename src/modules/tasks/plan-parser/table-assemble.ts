/**
 * Rebuilds the rows of a bordered table (table-grid.ts) from its cells. Rows copied one per line are
 * positional. Cells copied one per line are placed by shape, in header order: a cell that fits no later
 * column of the current row starts the next row (so the number of "|" lines, which copies do not keep
 * reliably, does not matter). Heading cells (一、/（一）) become the path of the rows below them; a
 * merged group cell (工作任务 printed on the first row of its group only) is carried to the rows below.
 */
import {
  isDeadlineCell,
  isHeadingCell,
  isRowNumber,
  isStatusCell,
  isTitleCell,
  isUnitCell,
} from './cells.ts';
import { HeadingPath } from './headings.ts';
import { parseMarker } from './numbering.ts';
import type { ColumnKind } from './table.ts';
import type { GridTable, Token } from './table-grid.ts';
import type { TableRow } from './types.ts';

interface Draft {
  cells: Partial<Record<ColumnKind, string>>;
  last: number;
  number: string;
  path: string[];
}

type Cell = Extract<Token, { kind: 'cell' }>;

const TEXT_KINDS: ColumnKind[] = ['content', 'requirement'];

/**
 * Without a content column, the task column (任务 / 工作任务) holds the task text itself. With two such
 * columns (公开领域 | 工作任务) the first is the group (domain) and the last one the task text.
 */
function effectiveColumns(columns: ColumnKind[]): ColumnKind[] {
  if (columns.some((k) => TEXT_KINDS.includes(k))) return columns;
  const domains = columns.flatMap((k, i) => (k === 'domain' ? [i] : []));
  if (domains.length >= 2) return columns.map((k, i) => (i === domains.at(-1) ? 'content' : k));
  return columns.map((k) => (k === 'domain' ? 'content' : k));
}

/**
 * The columns a cell may go to, as families in order of preference; within a family the leftmost free
 * column wins (a units cell fills 牵头单位 before 配合单位).
 */
function candidates(text: string, next: string | undefined): ColumnKind[][] {
  if (isStatusCell(text)) return [['status'], ['remark']];
  if (isDeadlineCell(text)) return [['deadline', 'remark'], ['status']];
  if (isUnitCell(text)) return [['lead', 'units'], ['remark']];
  // A short cell followed by units is the text of a row whose group cell was merged away.
  if (isTitleCell(text) && !(next !== undefined && isUnitCell(next))) {
    return [['domain'], TEXT_KINDS, ['remark']];
  }
  return [TEXT_KINDS, ['domain'], ['remark']];
}

/** The column a cell goes to in the current row, or -1 when it must start the next row. */
function place(columns: ColumnKind[], draft: Draft, families: ColumnKind[][]): number {
  for (const family of families) {
    const later = columns.findIndex((k, i) => family.includes(k) && i > draft.last);
    if (later !== -1) return later;
    // A text cell continuing the text column it is in (a cell copied over two lines).
    const same = columns[draft.last];
    if (same && family.includes(same) && TEXT_KINDS.includes(same)) return draft.last;
  }
  return -1;
}

function hasText(draft: Draft): boolean {
  return ['content', 'requirement', 'domain'].some((k) => (draft.cells[k as ColumnKind] ?? '') !== '');
}

function toRow(draft: Draft): TableRow {
  const get = (k: ColumnKind) => draft.cells[k] ?? '';
  let domain = get('domain');
  let number = draft.number !== '' ? draft.number : get('number').replace(/[.、．]$/, '');
  const marker = parseMarker(domain);
  if (marker && marker.style === 'arabic' && number === '') {
    number = String(marker.value);
    domain = marker.rest;
  }
  return {
    number,
    domain,
    content: get('content'),
    requirement: get('requirement'),
    lead: get('lead'),
    units: get('units'),
    deadline: get('deadline'),
    status: get('status'),
    remark: get('remark'),
    path: draft.path,
  };
}

/** Rows of a table copied one row per line: cells by position; section rows give the path. */
function positionalRows(table: GridTable): TableRow[] {
  const columns = effectiveColumns(table.columns);
  const rows: TableRow[] = [];
  let previousDomain = '';
  const path = new HeadingPath();
  if (table.headingAbove) path.push(table.headingAbove);
  for (const parts of table.rowLines) {
    const filled = parts.filter((c) => c !== '');
    if (filled.length === 1 && isHeadingCell(filled[0]!)) {
      path.push(filled[0]!);
      previousDomain = '';
      continue;
    }
    if (parts.map(bare).join('|') === table.header.join('|')) continue; // the header repeated on a new page
    // Left-aligned: a row cut off by the end of an excerpt keeps its first cells where they belong.
    const draft: Draft = { cells: {}, last: -1, number: '', path: path.texts() };
    // A header without 序号 over rows that start with their number: the number is no cell of a column.
    const numbered =
      !columns.includes('number') && parts.length > columns.length && isRowNumber(parts[0] ?? '');
    if (numbered) draft.number = parts[0]!.replace(/[.、．]$/, '');
    (numbered ? parts.slice(1) : parts).forEach((text, i) => {
      const kind = columns[i];
      if (kind && text !== '') draft.cells[kind] = text;
    });
    if (columns.includes('domain') && !draft.cells.domain && previousDomain !== '')
      draft.cells.domain = previousDomain;
    previousDomain = draft.cells.domain ?? '';
    if (hasText(draft)) rows.push(toRow(draft));
  }
  return rows;
}

const bare = (text: string) => text.replace(/\s+/g, '');

/** The body cells without the header and table title that a print-out repeats on every page. */
function bodyCells(table: GridTable): Cell[] {
  const cells = table.body.filter((t): t is Cell => t.kind === 'cell');
  const n = table.header.length;
  const kept: Cell[] = [];
  for (let i = 0; i < cells.length; i++) {
    const run = cells.slice(i, i + n).map((c) => bare(c.text));
    if (run.join('|') === table.header.join('|')) {
      i += n - 1;
      continue;
    }
    if (table.title !== null && bare(cells[i]!.text) === bare(table.title)) continue;
    kept.push(cells[i]!);
  }
  return kept;
}

/** Rebuilds the rows of one bordered table. */
export function assembleRows(table: GridTable): TableRow[] {
  if (table.rowLines.length > 0) return positionalRows(table);
  const columns = effectiveColumns(table.columns);
  const cells = bodyCells(table);
  const rows: TableRow[] = [];
  const path = new HeadingPath();
  if (table.headingAbove) path.push(table.headingAbove);
  const fresh = (): Draft => ({ cells: {}, last: -1, number: '', path: path.texts() });
  let draft = fresh();
  let group = '';
  const close = () => {
    if (hasText(draft)) {
      if (columns.includes('domain') && !draft.cells.domain && group !== '') draft.cells.domain = group;
      if (draft.cells.domain) group = draft.cells.domain;
      rows.push(toRow(draft));
    }
    draft = fresh();
  };
  cells.forEach((cell, i) => {
    const text = cell.text;
    if (isHeadingCell(text)) {
      close();
      path.push(text);
      group = '';
      draft = fresh();
      return;
    }
    if (isRowNumber(text) && !columns.includes('number')) {
      if (hasText(draft)) close();
      draft.number = text.replace(/[.、．]$/, '');
      return;
    }
    const kinds: ColumnKind[][] = isRowNumber(text) ? [['number']] : candidates(text, cells[i + 1]?.text);
    let j = place(columns, draft, kinds);
    if (j === -1) {
      close();
      j = place(columns, draft, kinds);
      if (j === -1) return;
    }
    const kind = columns[j]!;
    if (kind === 'number') draft.number = text.replace(/[.、．]$/, '');
    else draft.cells[kind] = draft.cells[kind] ? `${draft.cells[kind]}${text}` : text;
    draft.last = j;
  });
  close();
  return rows;
}
