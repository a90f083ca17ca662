/**
 * The figures no module holds, as a spreadsheet (issue 12 §1: "or imported from xlsx, with who entered them
 * and when"): a template listing the cells a unit may enter for a year with their current values, and the
 * reader of a filled-in copy. A row is matched by its code column (kept by the template) or, when an
 * office retyped the sheet, by the cell's label; the value is read as the form reads it
 * (parseEnteredValue). Every problem names the row and the column in Chinese; the caller saves nothing
 * unless there is none (ReportService.enterValues, origin 'xlsx').
 */
import { z } from 'zod';
import type { FieldProblem } from '../../lib/errors.ts';
import { defineSheet, normaliseHeader, readXlsx, writeXlsx } from '../../lib/spreadsheet/index.ts';
import type { ReportFigures } from './report.model.ts';
import type { CellSource } from './report-figures.service.ts';
import { type CellKey, cellLabel, getCell, parseCellKey, parseEnteredValue } from './report-values.ts';

/** A filled-in template is a few kilobytes; 2 MB leaves room for formatting an office adds. */
export const VALUES_XLSX_MAX_BYTES = 2 * 1024 * 1024;
/** Every cell of a report is 1 row: 4 + 6 + 175 + 15 = 200 rows at most, with room for notes. */
export const VALUES_XLSX_MAX_ROWS = 400;

const LABEL = '数字项';
const VALUE = '数字';
const CODE = '代码（请勿修改）';

interface TemplateRow {
  cell: CellKey;
  value: string;
}

export const VALUES_SHEET = defineSheet<TemplateRow>({
  sheetName: '年度报告数字',
  columns: [
    {
      key: 'label',
      header: LABEL,
      synonyms: ['项目', '指标', '名称'],
      required: true,
      width: 56,
      cell: (r) => cellLabel(r.cell),
    },
    {
      key: 'value',
      header: VALUE,
      synonyms: ['当前数字', '数值', '数量', '填写数字'],
      required: true,
      width: 14,
    },
    { key: 'code', header: CODE, synonyms: ['代码'], width: 26, cell: (r) => r.cell },
  ],
});

/**
 * The template of `cells` with their current values: those entered or imported (`sources` of kind 'value');
 * a cell computed from records (the 0 of an empty library) is left blank, so uploading the template as
 * downloaded enters nothing new.
 */
export function valuesTemplate(
  title: string,
  cells: readonly CellKey[],
  figures: ReportFigures,
  sources: Readonly<Record<CellKey, CellSource>>,
): Promise<Buffer> {
  const rows = cells.map((cell) => ({
    cell,
    value: sources[cell]?.kind === 'value' ? (getCell(figures, cell)?.toString() ?? '') : '',
  }));
  return writeXlsx(VALUES_SHEET, rows, { title, neutraliseFormulas: true });
}

export interface ValuesSheet {
  /** The form fields enterValues takes: `v.<cell>` → the text read ('' clears the value). */
  raw: Record<string, string>;
  problems: FieldProblem[];
}

const rowSchema = z.object({ label: z.string(), value: z.string(), code: z.string() });

/**
 * Reads a filled-in template. `enterable` are the cells the unit may enter for the year (others are
 * refused with the reason); a cell given twice, an unknown row or a bad number is a problem naming the row.
 */
export async function readValuesXlsx(buffer: Buffer, enterable: readonly CellKey[]): Promise<ValuesSheet> {
  const sheet = await readXlsx(VALUES_SHEET as never, buffer, {
    maxBytes: VALUES_XLSX_MAX_BYTES,
    maxRows: VALUES_XLSX_MAX_ROWS,
    rowSchema,
    emptyMessage: '表格中没有数字行：请使用从本页下载的模板填写',
  });
  const problems: FieldProblem[] = sheet.problems.map((p) =>
    p.row === null
      ? { field: 'file', message: `数字表格：${p.message}` }
      : { field: 'file', message: `第 ${p.row} 行：${p.message}` },
  );
  const byLabel = new Map(enterable.map((k) => [normaliseHeader(cellLabel(k)), k]));
  const allowed = new Set(enterable);
  const seen = new Map<CellKey, number>();
  const raw: Record<string, string> = {};
  for (const { row, value } of sheet.rows) {
    const at = (column: string) => `第 ${row} 行“${column}”列`;
    const code = value.code.trim();
    const cell = code ? code : byLabel.get(normaliseHeader(value.label));
    if (!cell || !parseCellKey(cell)) {
      problems.push({
        field: 'file',
        message: `${at(code ? CODE : LABEL)}：未知的数字项“${code || value.label}”，请使用从本页下载的模板`,
      });
      continue;
    }
    if (!allowed.has(cell)) {
      problems.push({
        field: 'file',
        message: `第 ${row} 行：${cellLabel(cell)}由系统根据记录计算，不能从表格导入`,
      });
      continue;
    }
    const first = seen.get(cell);
    if (first !== undefined) {
      problems.push({ field: 'file', message: `第 ${row} 行：${cellLabel(cell)}与第 ${first} 行重复` });
      continue;
    }
    seen.set(cell, row);
    const parsed = parseEnteredValue(cell, value.value);
    if ('problem' in parsed) problems.push({ field: 'file', message: `${at(VALUE)}：${parsed.problem}` });
    else raw[`v.${cell}`] = value.value;
  }
  return { raw, problems };
}
