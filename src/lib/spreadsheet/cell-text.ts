/** The displayed text of an exceljs cell value, whatever its kind. */
import type ExcelJS from 'exceljs';

/**
 * Text as a reader sees it: rich text joined, a formula's cached result, a hyperlink's text, a date as
 * `YYYY-MM-DD`, errors and empty cells as ''. Not trimmed (callers decide).
 */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value || 'result' in value)
    return cellText(((value as { result?: ExcelJS.CellValue }).result ?? null) as ExcelJS.CellValue);
  if ('text' in value)
    return typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue);
  return '';
}
