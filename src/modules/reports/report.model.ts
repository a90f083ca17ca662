/**
 * The 政府信息公开工作年度报告 in the 2021 national format (国办公开办函〔2021〕30号): its six sections,
 * its three tables and the keys every part of the module uses for their cells. Labels are exact
 * (../shared/domain/regulations.md §5); render them identically. Pure data, no I/O.
 *
 * The keys of table 二 and 三 are those of `gongkai report parse --json` (issue 12 §6), so what the
 * importer reads, what the platform computes and what a clerk enters fit the same shape.
 */
import { DECISION_GROUP_LABELS, DECISIONS, REPORT_CATEGORY_LABELS } from '../requests/info-request.model.ts';

/** A number of the report: null = not held / not in the text (never a guess). */
export type Cell = number | null;

// ── the six sections ─────────────────────────────────────────────────────────────────────────────

export const SECTION_KEYS = ['overview', 'proactive', 'requests', 'appeals', 'problems', 'other'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];
/** Exact headings of the six sections, in order. */
export const SECTION_HEADINGS: Record<SectionKey, string> = {
  overview: '一、总体情况',
  proactive: '二、主动公开政府信息情况',
  requests: '三、收到和处理政府信息公开申请情况',
  appeals: '四、政府信息公开行政复议、行政诉讼情况',
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项',
};
/**
 * The text of each section: plain text, paragraphs separated by a blank line (rendered escaped, one <p>
 * per paragraph). Sections 二, 三 and 四 are their tables plus this optional text under the table.
 */
export type ReportSections = Record<SectionKey, string>;

// ── table 二 (第二十条第（一）（五）（六）（八）项) ───────────────────────────────────────────────────────

export const TABLE2_DOC_ROWS = ['规章', '行政规范性文件'] as const;
export type Table2DocRow = (typeof TABLE2_DOC_ROWS)[number];
export const TABLE2_DOC_COLUMNS = ['made', 'repealed', 'inForce'] as const;
export type Table2DocColumn = (typeof TABLE2_DOC_COLUMNS)[number];
export const TABLE2_DOC_COLUMN_LABELS: Record<Table2DocColumn, string> = {
  made: '本年制发件数',
  repealed: '本年废止件数',
  inForce: '现行有效件数',
};
/** The single-number rows: 行政许可 (（五）), 行政处罚 and 行政强制 (（六）), 行政事业性收费 (（八）, 万元). */
export const TABLE2_SINGLE_ROWS = ['行政许可', '行政处罚', '行政强制', '行政事业性收费'] as const;
export type Table2SingleRow = (typeof TABLE2_SINGLE_ROWS)[number];

export interface Table2 {
  规章: Record<Table2DocColumn, Cell>;
  行政规范性文件: Record<Table2DocColumn, Cell>;
  行政许可: Cell;
  行政处罚: Cell;
  行政强制: Cell;
  /** 本年收费金额（单位：万元）: may have decimals. */
  行政事业性收费: Cell;
}

/** The four blocks of table 二 as laid out: caption row, header, rows. */
export const TABLE2_BLOCKS = [
  {
    caption: '第二十条第（一）项',
    header: ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
    rows: ['规章', '行政规范性文件'],
  },
  { caption: '第二十条第（五）项', header: ['信息内容', '本年处理决定数量'], rows: ['行政许可'] },
  { caption: '第二十条第（六）项', header: ['信息内容', '本年处理决定数量'], rows: ['行政处罚', '行政强制'] },
  {
    caption: '第二十条第（八）项',
    header: ['信息内容', '本年收费金额（单位：万元）'],
    rows: ['行政事业性收费'],
  },
] as const;

// ── table 三 ─────────────────────────────────────────────────────────────────────────────────────

/** The 7 columns in order: 自然人, the five 法人或其他组织 categories, 总计. */
export const TABLE3_COLUMNS = [
  'natural_person',
  'commercial',
  'research',
  'public_interest',
  'legal_services',
  'other',
  'total',
] as const;
export type Table3Column = (typeof TABLE3_COLUMNS)[number];
export const TABLE3_COLUMN_LABELS: Record<Table3Column, string> = {
  ...REPORT_CATEGORY_LABELS,
  total: '总计',
};

/** The body rows of table 三, in order, by the key of `report parse --json`. */
export const TABLE3_ROW_KEYS = [
  '一',
  '二',
  '三(一)',
  '三(二)',
  '三(三)1',
  '三(三)2',
  '三(三)3',
  '三(三)4',
  '三(三)5',
  '三(三)6',
  '三(三)7',
  '三(三)8',
  '三(四)1',
  '三(四)2',
  '三(四)3',
  '三(五)1',
  '三(五)2',
  '三(五)3',
  '三(五)4',
  '三(五)5',
  '三(六)1',
  '三(六)2',
  '三(六)3',
  '三(七)',
  '四',
] as const;
export type Table3RowKey = (typeof TABLE3_ROW_KEYS)[number];
/** Rows whose values add up to 三(七): every outcome row. */
export const TABLE3_OUTCOME_KEYS = TABLE3_ROW_KEYS.filter(
  (k) => k.startsWith('三') && k !== '三(七)',
) as Table3RowKey[];

/** Table 三: for every row, the 7 numbers in column order. */
export type Table3 = Record<Table3RowKey, Cell[]>;

/** Which requests decision (info-request.model.ts) each outcome row counts. */
export const TABLE3_ROW_DECISION: Partial<Record<Table3RowKey, keyof typeof DECISIONS>> = {
  '三(一)': 'granted',
  '三(二)': 'partial',
  '三(三)1': 'withheld_state_secret',
  '三(三)2': 'withheld_prohibited_by_law',
  '三(三)3': 'withheld_security_stability',
  '三(三)4': 'withheld_third_party',
  '三(三)5': 'withheld_internal_affairs',
  '三(三)6': 'withheld_process_info',
  '三(三)7': 'withheld_enforcement_file',
  '三(三)8': 'withheld_administrative_query',
  '三(四)1': 'unavailable_not_held',
  '三(四)2': 'unavailable_needs_creation',
  '三(四)3': 'unavailable_still_unclear',
  '三(五)1': 'not_handled_petition',
  '三(五)2': 'not_handled_repeated',
  '三(五)3': 'not_handled_publication',
  '三(五)4': 'not_handled_excessive',
  '三(五)5': 'not_handled_confirm_or_reissue',
  '三(六)1': 'other_correction_overdue',
  '三(六)2': 'other_fee_unpaid',
  '三(六)3': 'other_other',
};

/** Group captions of the outcome rows (the second label column), by the key's prefix. */
export const TABLE3_GROUP_LABELS: Record<string, string> = {
  '三(三)': DECISION_GROUP_LABELS.withheld,
  '三(四)': DECISION_GROUP_LABELS.unavailable,
  '三(五)': DECISION_GROUP_LABELS.not_handled,
  '三(六)': DECISION_GROUP_LABELS.other,
};

/** Exact label of each row (for numbered grounds: '1.属于国家秘密' …; the group is TABLE3_GROUP_LABELS). */
export const TABLE3_ROW_LABELS: Record<Table3RowKey, string> = Object.fromEntries(
  TABLE3_ROW_KEYS.map((k) => {
    if (k === '一') return [k, '一、本年新收政府信息公开申请数量'];
    if (k === '二') return [k, '二、上年结转政府信息公开申请数量'];
    if (k === '三(七)') return [k, '（七）总计'];
    if (k === '四') return [k, '四、结转下年度继续办理'];
    const decision = TABLE3_ROW_DECISION[k];
    return [k, decision ? DECISIONS[decision].reportLabel : k];
  }),
) as Record<Table3RowKey, string>;
/** The label spanning the 22 outcome rows. */
export const TABLE3_RESULTS_LABEL = '三、本年度办理结果';
/** The top-left cell of table 三 (spans 3 columns × 3 header rows). */
export const TABLE3_CORNER = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

// ── table 四 ─────────────────────────────────────────────────────────────────────────────────────

export const TABLE4_GROUPS = ['行政复议', '未经复议直接起诉', '复议后起诉'] as const;
export const TABLE4_RESULT_LABELS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;
/** Table 四: 15 numbers, 行政复议 ×5, then 行政诉讼 未经复议直接起诉 ×5 and 复议后起诉 ×5. */
export type Table4 = Cell[];

// ── the figures of one report ────────────────────────────────────────────────────────────────────

export interface ReportFigures {
  table2: Table2;
  table3: Table3;
  table4: Table4;
}

/** What `gongkai report parse FILE --json` prints (issue 12 §6): only what the text says, never a guess. */
export interface ParsedReport {
  year: number | null;
  table2: Table2 | null;
  /** null when no table 三 is in the text; a row not in the text has 7 nulls. */
  table3: Table3 | null;
  table4: Table4 | null;
  prose: {
    新收: Cell;
    上年结转: Cell;
    办结: Cell;
    结转下年: Cell;
    复议: Cell;
    诉讼: Cell;
  };
  /** Chinese notes on what could not be read or disagrees (table cells, prose vs table). */
  unreadable: string[];
}

export function emptyTable2(): Table2 {
  const doc = (): Record<Table2DocColumn, Cell> => ({ made: null, repealed: null, inForce: null });
  return {
    规章: doc(),
    行政规范性文件: doc(),
    行政许可: null,
    行政处罚: null,
    行政强制: null,
    行政事业性收费: null,
  };
}

export function emptyTable3(): Table3 {
  return Object.fromEntries(TABLE3_ROW_KEYS.map((k) => [k, TABLE3_COLUMNS.map(() => null)])) as Table3;
}

export function emptyTable4(): Table4 {
  return Array.from({ length: 15 }, () => null);
}

// ── the whole report as rendered (HTML body, .docx, PDF) ─────────────────────────────────────────

/** Everything a renderer needs: no database, no provenance. */
export interface ReportDocument {
  unitName: string;
  year: number;
  /** 'YYYY-MM-DD' printed under the title, or null while a draft. */
  dateOn: string | null;
  sections: ReportSections;
  figures: ReportFigures;
}

/** The title of a unit's report for a year, e.g. 示范县人民政府2025年政府信息公开工作年度报告. */
export function reportTitle(unitName: string, year: number): string {
  return `${unitName}${year}年政府信息公开工作年度报告`;
}
