/** One way to declare, export and import spreadsheets (.xlsx). No domain knowledge here. */
export { cellText } from './cell-text.ts';
export { type ExportOptions, neutraliseFormula, writeXlsx } from './sheet-export.ts';
export {
  type ImportedRow,
  type ImportOptions,
  type ImportResult,
  readXlsx,
  type SheetCells,
  type SheetProblem,
  toFieldProblems,
} from './sheet-import.ts';
export { defineSheet, normaliseHeader, type SheetColumn, type SheetSpec } from './sheet-spec.ts';
