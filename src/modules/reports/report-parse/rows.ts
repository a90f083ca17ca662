/**
 * Cells grouped into rows: a row is its label cells followed by its data cells. A row ends at a visible
 * row end, or where a label follows data (one cell per line has no row ends between a row's numbers and
 * the next row's label). Label cells that follow each other stay separate, so a header that runs into the
 * first row's label ("现行有效件数 | 规章 | 0") can be told apart by meaning (see labels.ts).
 */
import { type CellToken, isDataCell } from './cells.ts';

export interface TableRow {
  labels: string[];
  cells: Exclude<CellToken, { kind: 'label' } | { kind: 'break' }>[];
  /** The text stops inside this row: no row end, no further cell after it. */
  cut: boolean;
}

/** Groups a region's cells into rows; `textEnds` says the region runs to the end of the whole text. */
export function groupRows(tokens: CellToken[], textEnds: boolean): TableRow[] {
  const rows: TableRow[] = [];
  let cur: TableRow = { labels: [], cells: [], cut: false };
  const close = () => {
    if (cur.labels.length > 0 || cur.cells.length > 0) rows.push(cur);
    cur = { labels: [], cells: [], cut: false };
  };
  for (const t of tokens) {
    if (t.kind === 'break') close();
    else if (t.kind === 'label') {
      if (cur.cells.length > 0) close();
      cur.labels.push(t.text);
    } else if (isDataCell(t)) cur.cells.push(t as TableRow['cells'][number]);
  }
  const open = cur.labels.length > 0 || cur.cells.length > 0;
  if (open && textEnds) cur.cut = true;
  close();
  return rows;
}

/** Trailing empty cells that come from merged header cells or row ends ("| 0 | ||"), not from the table. */
export function dropTrailingEmpties<T extends { kind: string }>(cells: T[], keep: number): T[] {
  const out = [...cells];
  while (out.length > keep && out[out.length - 1]!.kind === 'empty') out.pop();
  return out;
}
