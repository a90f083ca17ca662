/**
 * Labels of the 2019 format of the annual report (used for the 2019 and 2020 reports), which the 2021
 * format (国办公开办函〔2021〕30号) replaced: pasted or imported text that still carries them was
 * filled in on the old template. Sources: regulations.md §5 ("a single （六）其他处理 row and different
 * table 二 columns") and a 2022 report still on the old template
 * (shared/corpus/annual-reports/fengshouxiang-2022-oldformat).
 *
 * Not detected: the row name 规范性文件 (for 行政规范性文件), which 2021-format tables use too
 * (shared/corpus/annual-reports/huiyizhen-2021-cellperline), so it says nothing about the template.
 */
import { toSimplified } from './report-checks-script.ts';

export interface Format2019Label {
  /** The label as the 2019 format printed it; what detect2019Labels returns. */
  label: string;
  /** Matched on text with width normalised and all whitespace removed ("本年新 公开数量" is found). */
  pattern: RegExp;
  /** What the 2021 format has in its place (Chinese, for the message). */
  instead: string;
}

const BLOCK_1 = '2021年格式表二第二十条第（一）项的栏目为“本年制发件数、本年废止件数、现行有效件数”';
const BLOCKS_5_6 = '2021年格式第二十条第（五）（六）项只有“本年处理决定数量”';
// A table cell boundary followed by a number or "/": the label is a table row, not a word in prose.
const ROW_CELL = String.raw`[|｜\n\t]+(?:\d|/)`;

export const FORMAT_2019_LABELS: readonly Format2019Label[] = [
  { label: '本年新制作数量', pattern: /本年新制作数量/, instead: BLOCK_1 },
  { label: '本年新公开数量', pattern: /本年新公开数量/, instead: BLOCK_1 },
  { label: '对外公开总数量', pattern: /对外公开总数量/, instead: BLOCK_1 },
  { label: '上一年项目数量', pattern: /上一年项目数量/, instead: BLOCKS_5_6 },
  { label: '本年增/减', pattern: /本年增[/]?减/, instead: BLOCKS_5_6 },
  {
    label: '其他对外管理服务事项',
    pattern: /其他对外管理服务事项/,
    instead: '2021年格式第二十条第（五）项只有“行政许可”一行',
  },
  {
    label: '第二十条第（九）项',
    pattern: /第二十条第[(（]九[)）]项/,
    instead: '2021年格式表二没有第二十条第（九）项',
  },
  {
    label: '政府集中采购',
    pattern: new RegExp(`政府集中采购${ROW_CELL}`),
    instead: '2021年格式表二没有政府集中采购',
  },
  { label: '采购项目数量', pattern: /采购项目数量/, instead: '2021年格式表二没有政府集中采购' },
  { label: '采购总金额', pattern: /采购总金额/, instead: '2021年格式表二没有政府集中采购' },
  {
    label: '（六）其他处理',
    // The 2019 row held numbers itself; the 2021 group is followed by its sub-row 1.申请人无正当理由….
    pattern: /[(（]六[)）]其他处理[|｜\n\t]+(?:\d+(?:\.\d+)?|\/)(?=[|｜\n\t]|$)/,
    instead:
      '2021年格式表三“（六）其他处理”分为 1.申请人无正当理由逾期不补正…、2.申请人逾期未按收费通知要求缴纳费用…、3.其他 三行',
  },
];

/** Simplified characters, width normalised (NFKC: full-width brackets and digits) and spaces removed, line breaks kept. */
function compact(text: string): string {
  return toSimplified(text)
    .normalize('NFKC')
    .replace(/[^\S\n]+/g, '')
    .replace(/\n+/g, '\n');
}

/**
 * The 2019-format labels found in a text (pasted or imported), each once, in the order of
 * FORMAT_2019_LABELS. Words of the 2021 format that merely contain them (行政规范性文件) are not found.
 */
export function detect2019Labels(text: string): string[] {
  const flat = compact(text);
  return FORMAT_2019_LABELS.filter((l) => l.pattern.test(flat)).map((l) => l.label);
}

/** The 2021 replacement of a 2019 label, for messages. */
export function format2021Instead(label: string): string | undefined {
  return FORMAT_2019_LABELS.find((l) => l.label === label)?.instead;
}
