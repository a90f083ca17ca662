/**
 * Reads an uploaded .xlsx by a {@link SheetSpec}: refuses what is not an .xlsx by content or is too large,
 * finds the header row(s) by meaning, then validates every row (per column, then per row) and reports
 * every problem with its row number, column header and the value as typed.
 */
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { FieldProblem } from '../errors.ts';
import { contentKinds, formatBytes } from '../file-types.ts';
import { cellText } from './cell-text.ts';
import { fieldLabel, hasGroups, normaliseHeader, type SheetSpec } from './sheet-spec.ts';

/** One thing wrong with an imported file (`row` null: the file as a whole). */
export interface SheetProblem {
  row: number | null;
  /** Header (or group label) of the column concerned, when known. */
  column: string | null;
  /** Row field concerned ('file' for file-level problems). */
  field: string;
  /** Chinese sentence naming the field (and the typed value when it helps). */
  message: string;
  /** The cell text as typed. */
  value?: string;
}

export interface ImportedRow<T> {
  /** Spreadsheet row number (1-based, as Excel shows it). */
  row: number;
  value: T;
}

export interface ImportResult<T> {
  rows: ImportedRow<T>[];
  problems: SheetProblem[];
}

/** Trimmed cell texts of one data row by column key, after per-column parsing. */
export type SheetCells = Record<string, unknown>;

export interface ImportOptions<T> {
  /** Largest file accepted. */
  maxBytes: number;
  /** Most data rows accepted. */
  maxRows?: number;
  /** Rows searched for the header (default 20). */
  headerSearchRows?: number;
  /**
   * Turns one row's cells into the record validated by `rowSchema`; null skips the row. Default: skip rows
   * whose cells are all empty, keep the others as they are.
   */
  prepare?: (cells: SheetCells, row: number) => Record<string, unknown> | null;
  /** Said when no data row is found (default “表格中没有数据行”). */
  emptyMessage?: string;
  /** Validates a prepared row; issue paths name row fields (a column's `field` or `key`). */
  rowSchema?: z.ZodType<T>;
}

const fileProblem = (message: string): SheetProblem => ({ row: null, column: null, field: 'file', message });

/** Column index (1-based) of every column key found in the header row(s) starting at `r`. */
function headerAt(ws: ExcelJS.Worksheet, spec: SheetSpec<never>, r: number, rows: number) {
  const found = new Map<string, number>();
  const labels = new Map<string, number>();
  for (let row = r; row < r + rows; row++)
    ws.getRow(row).eachCell((cell, c) => {
      const label = normaliseHeader(cellText(cell.value));
      if (label && !labels.has(label)) labels.set(label, c);
    });
  for (const col of spec.columns) {
    const at = [col.header, ...(col.synonyms ?? [])].map((h) => labels.get(normaliseHeader(h))).find(Boolean);
    if (at) found.set(col.key, at);
  }
  return found;
}

function findHeader(ws: ExcelJS.Worksheet, spec: SheetSpec<never>, searchRows: number) {
  const rows = hasGroups(spec) ? 2 : 1;
  const required = spec.columns.filter((c) => c.required);
  for (let r = 1; r <= Math.min(ws.rowCount, searchRows); r++) {
    const cols = headerAt(ws, spec, r, rows);
    if (cols.size > 0 && required.every((c) => cols.has(c.key))) return { cols, firstDataRow: r + rows };
  }
  return null;
}

/** The message of a problem: prefixed with the field's label unless it names it, with the typed value. */
function phrase(message: string, label: string | null, value: string | undefined): string {
  const named = label && !message.includes(label) ? `${label}：${message}` : message;
  return value && !named.includes(value) ? `${named}（填写的是“${value}”）` : named;
}

type Opened = { sheet: ExcelJS.Worksheet } | { problem: SheetProblem };

async function openFirstSheet(buffer: Buffer, maxBytes: number): Promise<Opened> {
  const fail = (message: string): Opened => ({ problem: fileProblem(message) });
  if (buffer.length === 0) return fail('文件是空的');
  if (buffer.length > maxBytes) return fail(`文件超过大小上限 ${formatBytes(maxBytes)}`);
  if (!contentKinds(buffer).includes('xlsx'))
    return fail('文件不是 .xlsx 格式的 Excel 表格（可能已损坏或被改名；.xls 请先另存为 .xlsx）');
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs types its parameter as its own Buffer interface, which @types/node's Buffer does not match.
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return fail('无法读取该 Excel 文件，可能已损坏');
  }
  const sheet = wb.worksheets[0];
  return sheet ? { sheet } : fail('文件中没有工作表');
}

/** Reads and validates the first worksheet of `buffer`. */
export async function readXlsx<T = Record<string, unknown>>(
  spec: SheetSpec<never>,
  buffer: Buffer,
  options: ImportOptions<T>,
): Promise<ImportResult<T>> {
  const opened = await openFirstSheet(buffer, options.maxBytes);
  if ('problem' in opened) return { rows: [], problems: [opened.problem] };
  const ws = opened.sheet;
  const head = findHeader(ws, spec, options.headerSearchRows ?? 20);
  if (!head) {
    const needed = spec.columns.filter((c) => c.required).map((c) => `“${c.header}”`);
    return { rows: [], problems: [fileProblem(`找不到表头：需要${needed.join('')}等列`)] };
  }
  const rows: ImportedRow<T>[] = [];
  const problems: SheetProblem[] = [];
  let dataRows = 0;
  for (let r = head.firstDataRow; r <= ws.rowCount; r++) {
    const texts: Record<string, string> = {};
    for (const col of spec.columns) {
      const c = head.cols.get(col.key);
      texts[col.key] = c ? cellText(ws.getCell(r, c).value).trim() : '';
    }
    const outcome = readRow(spec, options, r, texts);
    if (outcome === null) continue;
    if (options.maxRows !== undefined && ++dataRows > options.maxRows)
      return { rows: [], problems: [fileProblem(`一次最多导入 ${options.maxRows} 行`)] };
    if ('problems' in outcome) problems.push(...outcome.problems);
    else rows.push({ row: r, value: outcome.value });
  }
  if (!rows.length && !problems.length)
    problems.push(fileProblem(options.emptyMessage ?? '表格中没有数据行'));
  return { rows, problems };
}

function readRow<T>(
  spec: SheetSpec<never>,
  options: ImportOptions<T>,
  r: number,
  texts: Record<string, string>,
): { value: T } | { problems: SheetProblem[] } | null {
  const problems: SheetProblem[] = [];
  const cells: SheetCells = { ...texts };
  for (const col of spec.columns) {
    if (!col.schema) continue;
    const parsed = col.schema.safeParse(texts[col.key]);
    if (parsed.success) cells[col.key] = parsed.data;
    else {
      const value = texts[col.key];
      const message = phrase(parsed.error.issues[0]?.message ?? '格式不正确', col.header, value);
      problems.push({ row: r, column: col.header, field: col.field ?? col.key, message, value });
    }
  }
  const prepared = options.prepare
    ? options.prepare(cells, r)
    : Object.values(texts).some((t) => t !== '')
      ? cells
      : null;
  if (prepared === null) return null;
  if (!options.rowSchema) return problems.length ? { problems } : { value: prepared as T };
  const parsed = options.rowSchema.safeParse(prepared);
  if (parsed.success) return problems.length ? { problems } : { value: parsed.data };
  // One problem per field: a cell its column schema already refused is not reported twice.
  const seen = new Set<string>(problems.map((p) => p.field));
  for (const issue of parsed.error.issues) {
    const field = issue.path.map(String)[0] ?? '_';
    if (seen.has(field)) continue;
    seen.add(field);
    const label = fieldLabel(spec, field);
    const value = texts[field];
    problems.push({ row: r, column: label, field, message: phrase(issue.message, label, value), value });
  }
  return { problems };
}

/**
 * Problems as form problems: a file-level one on `fileField`, a row's as `row<N>.<field>` with the message
 * starting “第 N 行：”.
 */
export function toFieldProblems(problems: readonly SheetProblem[], fileField = 'file'): FieldProblem[] {
  return problems.map((p) =>
    p.row === null
      ? { field: fileField, message: p.message }
      : { field: `row${p.row}.${p.field}`, message: `第 ${p.row} 行：${p.message}` },
  );
}
