/** Writes rows to an .xlsx by a {@link SheetSpec}: optional title row, bold header, widths, frozen header. */
import ExcelJS from 'exceljs';
import { hasGroups, type SheetColumn, type SheetSpec } from './sheet-spec.ts';

export interface ExportOptions {
  /** A title row above the header, merged across every column, bold and centred. */
  title?: string;
  /** Font size of the title row (default 14). */
  titleSize?: number;
  /** Data rows wrap their text and align to the top (long texts stay readable). */
  wrap?: boolean;
  /**
   * Prefix texts starting with = + - @ with an apostrophe. Cells are written as strings either way (never
   * formulas); this is for files that are copied on into CSV or other tools.
   */
  neutraliseFormulas?: boolean;
  /** Workbook author shown in the file's properties. */
  creator?: string;
}

const DEFAULT_WIDTH = 12;
const HEADER_FONT = { bold: true };

/** Cells starting with = + - @ (or a tab/CR) get a leading apostrophe so no program runs them as formulas. */
export function neutraliseFormula(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

function cellOf<Row>(col: SheetColumn<Row>, row: Row, index: number): ExcelJS.CellValue {
  if (col.cell) return col.cell(row, index);
  const v = (row as Record<string, unknown>)[col.key];
  return v === undefined ? null : (v as ExcelJS.CellValue);
}

/** Writes one header row, or two with merged group labels (and single columns merged down). */
function writeHeader(
  ws: ExcelJS.Worksheet,
  columns: readonly SheetColumn<never>[],
  grouped: boolean,
): number {
  const first = ws.rowCount + 1;
  if (!grouped) {
    ws.addRow(columns.map((c) => c.header)).font = HEADER_FONT;
    return 1;
  }
  ws.addRow(
    columns.map((c, i) =>
      c.group === undefined ? c.header : columns[i - 1]?.group === c.group ? '' : c.group,
    ),
  );
  ws.addRow(columns.map((c) => (c.group === undefined ? '' : c.header)));
  for (let i = 0; i < columns.length; i++) {
    const group = columns[i]!.group;
    if (group === undefined) {
      ws.mergeCells(first, i + 1, first + 1, i + 1);
      continue;
    }
    if (columns[i - 1]?.group === group) continue;
    let end = i;
    while (columns[end + 1]?.group === group) end++;
    if (end > i) ws.mergeCells(first, i + 1, first, end + 1);
  }
  for (const r of [first, first + 1]) ws.getRow(r).font = HEADER_FONT;
  return 2;
}

/** The .xlsx bytes of `rows` in the columns of `spec`; the header (and title) stay frozen on scrolling. */
export async function writeXlsx<Row>(
  spec: SheetSpec<Row>,
  rows: readonly Row[],
  options: ExportOptions = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  if (options.creator) wb.creator = options.creator;
  const ws = wb.addWorksheet(spec.sheetName);
  ws.columns = spec.columns.map((c) => ({ width: c.width ?? DEFAULT_WIDTH }));
  let frozen = 0;
  if (options.title !== undefined) {
    ws.addRow([options.title]);
    if (spec.columns.length > 1) ws.mergeCells(1, 1, 1, spec.columns.length);
    const cell = ws.getCell(1, 1);
    cell.font = { bold: true, size: options.titleSize ?? 14 };
    cell.alignment = { horizontal: 'center' };
    frozen = 1;
  }
  frozen += writeHeader(
    ws,
    spec.columns as readonly SheetColumn<never>[],
    hasGroups(spec as SheetSpec<never>),
  );
  rows.forEach((row, i) => {
    const cells = spec.columns.map((c) => {
      const v = cellOf(c, row, i);
      return options.neutraliseFormulas && typeof v === 'string' ? neutraliseFormula(v) : v;
    });
    const added = ws.addRow(cells);
    if (options.wrap) added.alignment = { wrapText: true, vertical: 'top' };
  });
  ws.views = [{ state: 'frozen', ySplit: frozen }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
