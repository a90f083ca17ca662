/**
 * Task tables kept as spreadsheets. Each worksheet with a recognisable header row (found by column
 * names, not position: offices add, drop and reorder columns) is one plan; a single-cell row above the
 * header is taken as that plan's title.
 */
import ExcelJS from 'exceljs';
import { cellText } from '../../../lib/spreadsheet/index.ts';
import { type ColumnKind, columnKind } from './table.ts';
import { normaliseWidth } from './text.ts';
import type { TableRow } from './types.ts';

/** The rows of one worksheet that holds a task table. */
export interface SheetTable {
  title: string | null;
  rows: TableRow[];
}

const HEADER_SEARCH_ROWS = 15;

function sheetRows(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(normaliseWidth(cellText(row.getCell(c).value)));
    rows.push(cells);
  }
  return rows;
}

function headerKinds(cells: string[]): (ColumnKind | null)[] | null {
  const kinds = cells.map(columnKind);
  const has = (k: ColumnKind) => kinds.includes(k);
  return (has('content') || has('domain')) && (has('units') || has('lead')) ? kinds : null;
}

function toRow(cells: string[], kinds: (ColumnKind | null)[]): TableRow {
  const row: TableRow = {
    number: '',
    domain: '',
    content: '',
    requirement: '',
    lead: '',
    units: '',
    deadline: '',
  };
  kinds.forEach((kind, i) => {
    const text = cells[i] ?? '';
    if (kind === null || text === '') return;
    // Two columns of one kind (牵头单位 + 配合单位 both count as units) are joined, not overwritten.
    const separator = kind === 'units' || kind === 'lead' ? '、' : '；';
    const before = row[kind] ?? '';
    row[kind] = before === '' ? text : `${before}${separator}${text}`;
  });
  return row;
}

function readSheet(sheet: ExcelJS.Worksheet): SheetTable | null {
  const rows = sheetRows(sheet);
  const headerAt = rows.slice(0, HEADER_SEARCH_ROWS).findIndex((cells) => headerKinds(cells) !== null);
  if (headerAt === -1) return null;
  const kinds = headerKinds(rows[headerAt]!)!;
  const header = rows[headerAt]!.join('|');
  const titleRow = rows.slice(0, headerAt).find((cells) => cells.filter((c) => c !== '').length === 1);
  const body = rows
    .slice(headerAt + 1)
    .filter((cells) => cells.join('|') !== header)
    .map((cells) => toRow(cells, kinds))
    .filter((row) => row.content !== '' || row.domain !== '');
  return { title: titleRow?.find((c) => c !== '') ?? null, rows: body };
}

/** Reads every worksheet of a workbook that contains a task table. */
export async function readTaskWorkbook(filePath: string): Promise<SheetTable[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(filePath);
  return workbook.worksheets.map(readSheet).filter((table): table is SheetTable => table !== null);
}
