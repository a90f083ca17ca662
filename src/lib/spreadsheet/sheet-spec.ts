/**
 * A spreadsheet declared once by its columns, used both to write (.xlsx export) and to read (import with
 * per-column and per-row validation). Columns are found by header meaning, not position: offices add,
 * drop and reorder columns and type headers with spaces or full-width brackets.
 */
import type ExcelJS from 'exceljs';
import type { z } from 'zod';

/** One column of a sheet. `Row` is the exported record type. */
export interface SheetColumn<Row = never> {
  /** Key of the cell text in an imported record. */
  key: string;
  /** The header written on export (and accepted on import). */
  header: string;
  /** Other headers accepted on import (compared after {@link normaliseHeader}). */
  synonyms?: readonly string[];
  /**
   * A label above this column in a two-row header (e.g. 公开对象 over 全社会 · 特定群体): columns with the
   * same group are adjacent and share one merged cell; a sheet with any group has two header rows.
   */
  group?: string;
  /** The row field this column feeds, when it differs from `key` (several tick columns → one list). */
  field?: string;
  /** The header must be present for a sheet to be recognised. */
  required?: boolean;
  /** Width in characters on export. */
  width?: number;
  /** Parses the trimmed cell text on import; its messages should name the field in Chinese. */
  schema?: z.ZodType;
  /** The cell written on export; default `row[key]`. */
  cell?: (row: Row, index: number) => ExcelJS.CellValue;
}

export interface SheetSpec<Row = never> {
  /** Worksheet name on export. */
  sheetName: string;
  columns: readonly SheetColumn<Row>[];
}

/** Declares a sheet (an identity function that keeps the types). */
export function defineSheet<Row = never>(spec: SheetSpec<Row>): SheetSpec<Row> {
  return spec;
}

/** A header as compared on import: NFKC (full-width → half-width) and without any whitespace. */
export function normaliseHeader(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** True when the spec has a two-row header. */
export function hasGroups(spec: SheetSpec<never>): boolean {
  return spec.columns.some((c) => c.group !== undefined);
}

/** The label that names a row field in messages: its column's header, or the group's label. */
export function fieldLabel(spec: SheetSpec<never>, field: string): string | null {
  const col = spec.columns.find((c) => (c.field ?? c.key) === field);
  if (!col) return null;
  return col.field !== undefined && col.group !== undefined ? col.group : col.header;
}
