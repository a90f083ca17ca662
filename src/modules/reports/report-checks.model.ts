/**
 * Shapes shared by the annual report's checks before publication (issue 12 §3): what a failed check
 * looks like, what the checks read, their settings, and the names of cells and rows used in messages.
 * Pure data, no I/O.
 */

import { z } from 'zod';
import {
  type Cell,
  type ReportFigures,
  type ReportSections,
  SECTION_KEYS,
  type SectionKey,
  TABLE3_COLUMN_LABELS,
  TABLE3_GROUP_LABELS,
  TABLE3_ROW_LABELS,
  TABLE4_GROUPS,
  TABLE4_RESULT_LABELS,
  type Table2DocColumn,
  type Table2DocRow,
  type Table2SingleRow,
  type Table3Column,
  type Table3RowKey,
} from './report.model.ts';
import { table2DocKey, table3Key } from './report-values.ts';

/** One failed check. Errors block 提交审核; warnings are shown and may be kept. */
export interface ReportCheck {
  /** Stable id, e.g. 'table3.balance.total', 'similarity'. */
  id: string;
  severity: 'error' | 'warning';
  /** Short Chinese name of the check. */
  title: string;
  /** Chinese; names the cells / sections / paragraphs and the numbers. */
  message: string;
  /** Cell keys: 'table2.规章.made', 'table2.行政许可', 'table3.一.total', 'table4.<0..14>'. */
  cells?: string[];
  sections?: SectionKey[];
  /** Paragraphs that repeat last year's: index into this year's section, previousIndex into last year's. */
  paragraphs?: SimilarParagraph[];
}

export interface SimilarParagraph {
  section: SectionKey;
  index: number;
  /** 0..1, see report-similarity.ts. */
  similarity: number;
  previousIndex: number;
}

/** What the checks read: this year's report and, when known, last year's. */
export interface CheckInput {
  year: number;
  figures: ReportFigures;
  sections: ReportSections;
  /** Year N−1 if known (published report, imported report, or the platform's own figures). */
  previous?: { figures: ReportFigures | null; sections: ReportSections | null } | null;
  settings?: Partial<CheckSettings>;
}

export type CheckSeverity = ReportCheck['severity'];

/**
 * ── persisted shape ── The checks' settings as stored (CHECK_SETTINGS_SCHEMA, whole): add fields with a
 * default, never rename. CheckInput takes a Partial; resolveCheckSettings fills the rest from the defaults.
 */
export interface CheckSettings {
  /** Paragraphs at least this similar (0..1) to a paragraph of last year's same section warn. */
  similarityThreshold: number;
  /** Paragraphs shorter than this (characters after normalisation) are not compared. */
  similarityMinLength: number;
  /** Sections that must have text of their own. */
  requiredSections: SectionKey[];
  /** Severity of the year-over-year checks (四 of N−1 = 二 of N; 现行有效). */
  yearOverYearSeverity: CheckSeverity;
}

export const DEFAULT_CHECK_SETTINGS: Readonly<CheckSettings> = Object.freeze<CheckSettings>({
  // Ours, and configurable: the 国办 accountability for 内容雷同 (regulations.md §5: late, inaccurate,
  // incomplete or copy-paste reports are sanctioned) sets no number. 0.85 = at least 85 % of the
  // shorter paragraph's character trigrams (digits and year masked) are in last year's paragraph: a
  // paragraph copied and re-numbered, or copied and lengthened, scores 0.9–1; one rewritten in new words
  // about the same facts about 0.3, and the openings of two different units' reports on one template
  // 0.6–0.83 (tests on real report text in report-similarity.test.ts; the
  // measured values in docs/reports-checks.md).
  similarityThreshold: 0.85,
  // Ours: headings such as “（一）主动公开情况” and one-line statements (“无。”) repeat every year
  // legitimately; 40 characters is about two lines of a report's body text.
  similarityMinLength: 40,
  // 国办公开办函〔2021〕30号 format: 一、总体情况 is the report's own text; 五 and 六 are required by
  // 条例 第五十条 (（四）存在的主要问题及改进情况, （五）其他需要报告的事项). Sections 二 to 四 are tables.
  requiredSections: ['overview', 'problems', 'other'],
  // 国办公开办函〔2021〕30号 table 三: 四 of year N = 二 of year N+1. Configurable because last year's
  // published report may itself be wrong and can no longer be changed; then the office explains it.
  yearOverYearSeverity: 'error',
});

/**
 * The stored shape of CheckSettings, for a settings definition (lib/settings): Chinese messages name the
 * field. The threshold stays at or above 50 %: below it, reports on a shared template all warn.
 */
export const CHECK_SETTINGS_SCHEMA = z.object({
  similarityThreshold: z
    .number({ error: '内容雷同的相似度阈值应为数字' })
    .min(0.5, { error: '内容雷同的相似度阈值应在 50% 至 100% 之间' })
    .max(1, { error: '内容雷同的相似度阈值应在 50% 至 100% 之间' }),
  similarityMinLength: z
    .number({ error: '参与比对的最短段落字数应为数字' })
    .int({ error: '参与比对的最短段落字数应为整数' })
    .min(10, { error: '参与比对的最短段落字数应在 10 至 500 之间' })
    .max(500, { error: '参与比对的最短段落字数应在 10 至 500 之间' }),
  requiredSections: z.array(z.enum(SECTION_KEYS, { error: '必须填写的章节无效' }), {
    error: '必须填写的章节无效',
  }),
  yearOverYearSeverity: z.enum(['error', 'warning'], { error: '跨年度核对的处理方式应为“阻止提交”或“提醒”' }),
}) satisfies z.ZodType<CheckSettings>;

/** The settings in force: defaults overridden by what is given. */
export function resolveCheckSettings(overrides: Partial<CheckSettings> = {}): CheckSettings {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  return { ...DEFAULT_CHECK_SETTINGS, ...defined } as CheckSettings;
}

/**
 * One check: `run` returns its failures, or null when it did not run (e.g. no previous year).
 * An empty array means it ran and passed.
 */
export interface CheckDefinition {
  id: string;
  title: string;
  run(input: CheckInput, settings: CheckSettings): ReportCheck[] | null;
}

// ── cell keys and names for messages ─────────────────────────────────────────────────────────────

// The keys are report-values.ts's (one format for the editor's links, the values and the checks).
export const table2DocCellKey = (row: Table2DocRow, column: Table2DocColumn) => table2DocKey(row, column);
export const table2SingleCellKey = (row: Table2SingleRow) => `table2.${row}`;
export const table3CellKey = (row: Table3RowKey, column: Table3Column) => table3Key(row, column);
export const table4CellKey = (index: number) => `table4.${index}`;

const TABLE3_SHORT_NAMES: Partial<Record<Table3RowKey, string>> = {
  一: '一、本年新收',
  二: '二、上年结转',
  '三(一)': '三（一）予以公开',
  '三(二)': '三（二）部分公开',
  '三(七)': '三（七）总计',
  四: '四、结转下年度继续办理',
};

/** A row of table 三 as named in messages: '一、本年新收', '三（三）不予公开 1.属于国家秘密'. */
export function table3RowName(row: Table3RowKey): string {
  const short = TABLE3_SHORT_NAMES[row];
  if (short) return short;
  const group = TABLE3_GROUP_LABELS[row.slice(0, 4)] ?? '';
  return `三${group} ${TABLE3_ROW_LABELS[row]}`;
}

/** A column of table 三 as named in messages: '“自然人”列'. */
export const table3ColumnName = (column: Table3Column) => `“${TABLE3_COLUMN_LABELS[column]}”列`;

/** A cell of table 四 as named in messages: '行政复议·结果维持', '行政诉讼（复议后起诉）·总计'. */
export function table4CellName(index: number): string {
  const group = TABLE4_GROUPS[Math.floor(index / 5)] ?? '';
  const result = TABLE4_RESULT_LABELS[index % 5] ?? '';
  return `${group === '行政复议' ? group : `行政诉讼（${group}）`}·${result}`;
}

/** Formats a number for a message; null as 未填写. */
export const formatCell = (value: Cell | undefined) => (value == null ? '未填写' : String(value));

/** Sums cells, or null when any is not held. */
export function sumCells(values: readonly (Cell | undefined)[]): number | null {
  let sum = 0;
  for (const v of values) {
    if (v == null) return null;
    sum += v;
  }
  return sum;
}

/** Names listed in an "could not be computed" message before the rest is counted. */
const MAX_NAMED_CELLS = 6;

export interface MissingCell {
  key: string;
  name: string;
}

/** The warning of a check that needs cells that are not filled in ("无法核对：… 未填写"). */
export function incompleteCheck(
  id: string,
  title: string,
  what: string,
  missing: readonly MissingCell[],
): ReportCheck {
  const named = missing.slice(0, MAX_NAMED_CELLS).map((m) => m.name);
  const rest = missing.length > MAX_NAMED_CELLS ? `等 ${missing.length} 格` : '';
  return {
    id: `${id}.incomplete`,
    severity: 'warning',
    title,
    message: `无法核对：${what}，${named.join('、')}${rest} 未填写。`,
    cells: missing.map((m) => m.key),
  };
}
