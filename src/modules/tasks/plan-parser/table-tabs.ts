/**
 * Tables pasted from Excel or Word arrive with their cells separated by tabs ("序号⇥工作内容⇥责任单位"),
 * sometimes by runs of spaces. Line clean-up would drop those separators (spaces next to CJK characters
 * are typesetting), so such blocks are rewritten first as rows with borders between cells
 * ("序号 | 工作内容 | 责任单位"), which table-grid.ts already reads by header meaning.
 */
import { type ColumnKind, columnKind } from './table.ts';
import { normaliseWidth } from './text.ts';

const TAB = '\t';
// Two or more spaces (also ideographic or non-breaking ones) separate cells only in a table whose every
// row splits into the header's number of cells; one space is ordinary typesetting.
const SPACE_RUN = /[ \u00a0\u3000]{2,}/;
// In a space-separated table a row may still use tabs between some cells.
const CELL_GAP = /\t+|[ \u00a0\u3000]{2,}/;

function isHeaderRow(cells: string[]): boolean {
  const kinds = cells.map((c) => columnKind(normaliseWidth(c)));
  if (cells.length < 3 || kinds.some((k) => k === null)) return false;
  const has = (k: ColumnKind) => kinds.includes(k);
  return (has('units') || has('lead')) && (has('content') || has('domain') || has('requirement'));
}

const splitTabs = (line: string) => line.split(TAB).map((c) => c.trim());
const splitSpaces = (line: string) => line.trim().split(CELL_GAP);

/** A row of a tab table may also use spaces between some cells; empty cells ("⇥⇥") stay in place. */
function tabCells(line: string, width: number): string[] {
  const cells = splitTabs(line);
  // Trailing tabs after the last cell ("…⇥2023年6月30日⇥") add no column.
  while (cells.length > width && cells.at(-1) === '') cells.pop();
  if (cells.length >= width) return cells;
  const finer = cells.flatMap((c) => (c === '' ? [''] : c.split(SPACE_RUN)));
  return finer.length === width ? finer : cells;
}

const asRow = (cells: string[]) => cells.join(' | ');

/** Rewrites a tab-separated block starting at a header row; returns the index after the block. */
function rewriteTabBlock(lines: string[], at: number, width: number): number {
  lines[at] = asRow(tabCells(lines[at]!, width));
  let i = at + 1;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.includes(TAB)) {
      lines[i] = asRow(tabCells(line, width));
      i++;
      continue;
    }
    // A cell wrapped onto a line of its own: the table goes on when a tab row follows soon.
    const nextRow = lines.slice(i + 1, i + 3).findIndex((l) => l.includes(TAB));
    if (line.trim() === '' || nextRow === -1) break;
    i++;
  }
  return i;
}

/** A space-separated block: every row up to a blank line must split into exactly the header's cells. */
function rewriteSpaceBlock(lines: string[], at: number, width: number): number {
  let end = at + 1;
  while (end < lines.length && lines[end]!.trim() !== '' && splitSpaces(lines[end]!).length === width) end++;
  const next = lines[end];
  // A row that splits differently means the spaces are not cell borders: leave the block as it is.
  if (end === at + 1 || (next !== undefined && next.trim() !== '' && SPACE_RUN.test(next))) return at + 1;
  for (let i = at; i < end; i++) lines[i] = asRow(splitSpaces(lines[i]!));
  return end;
}

/** Rewrites tab- (or multiple-space-) separated task tables as rows with "|" between cells. */
export function tabsToBorders(text: string): string {
  if (!text.includes(TAB) && !SPACE_RUN.test(text)) return text;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.includes('|')) {
      i++;
      continue;
    }
    const tabs = splitTabs(line).filter((c) => c !== '');
    if (line.includes(TAB) && isHeaderRow(tabs)) {
      i = rewriteTabBlock(lines, i, tabs.length);
      continue;
    }
    const spaced = splitSpaces(line);
    if (!line.includes(TAB) && SPACE_RUN.test(line.trim()) && isHeaderRow(spaced)) {
      i = rewriteSpaceBlock(lines, i, spaced.length);
      continue;
    }
    i++;
  }
  return lines.join('\n');
}
