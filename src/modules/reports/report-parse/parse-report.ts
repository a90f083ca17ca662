/**
 * Reads a published 政府信息公开工作年度报告: year, tables 二, 三 and 四, the totals stated in the prose,
 * and Chinese notes on everything that could not be read or does not agree. Pure: text in, data out.
 */
import { emptyTable2, type ParsedReport } from '../report.model.ts';
import { tokeniseLines } from './cells.ts';
import { crossCheck } from './checks.ts';
import { normaliseReportText } from './normalise.ts';
import { readProse, table2FromProse } from './prose.ts';
import { findRegions } from './regions.ts';
import { groupRows, type TableRow } from './rows.ts';
import { readTable2 } from './table2.ts';
import { readTable3 } from './table3.ts';
import { readTable4 } from './table4.ts';
import { readYear } from './year.ts';

const SENTENCE_END = /[。！？!?”"」)）]$/;
const TAIL = 12;

function regionRows(lines: string[], range: [number, number] | null): TableRow[] {
  if (!range) return [];
  return groupRows(tokeniseLines(lines.slice(range[0], range[1])), range[1] >= lines.length);
}

/** The prose: lines outside the tables, and sentences written inside them (notes under a table). */
function proseText(lines: string[], ranges: ([number, number] | null)[]): string {
  const inTable = (i: number) => ranges.some((r) => r !== null && i >= r[0] && i < r[1]);
  return lines.filter((l, i) => !l.includes('|') && (!inTable(i) || /[。,]/.test(l))).join('\n');
}

/** Where the text stops, when it stops in the middle of a sentence or a table. */
function truncation(lines: string[]): string | null {
  const last = [...lines]
    .reverse()
    .find((l) => l.replace(/[|\s]/g, '') !== '')
    ?.replace(/^[|\s]+|[|\s]+$/g, '');
  if (last === undefined || SENTENCE_END.test(last)) return null;
  const tail = last.length > TAIL ? `…${last.slice(-TAIL)}` : last;
  return `文本在“${tail}”处中断，其后的内容未读到`;
}

/** Parses the text of a published annual report (see docs/reports-parser.md). */
export function parseReportText(input: string): ParsedReport {
  const { text, notes } = normaliseReportText(input);
  const lines = text.split('\n');
  const regions = findRegions(lines);
  const cut = truncation(lines);
  const unreadable = [...notes];

  const t2 = readTable2(regionRows(lines, regions.table2));
  const t3 = readTable3(regionRows(lines, regions.table3), cut !== null && regions.table4 === null);
  const t4 = readTable4(regionRows(lines, regions.table4), cut !== null);
  const prose = proseText(lines, [regions.table2, regions.table3, regions.table4]);

  let table2 = t2.table2;
  unreadable.push(...t2.notes);
  if (table2 === null) {
    table2 = table2FromProse(prose, emptyTable2);
    if (table2) unreadable.push('表二未见表格，规章/行政规范性文件的件数取自正文，其余为空');
    else if (regions.headings.table2 !== null) unreadable.push('“二、主动公开政府信息情况”下没有表格');
  }
  unreadable.push(...t3.notes);
  if (t3.table3 === null && regions.headings.table3 !== null)
    unreadable.push('“三、收到和处理政府信息公开申请情况”下没有表三');
  unreadable.push(...t4.notes);
  const report: ParsedReport = {
    year: readYear(lines),
    table2,
    table3: t3.table3,
    table4: t4.table4,
    prose: readProse(prose, unreadable),
    unreadable,
  };
  report.unreadable.push(...crossCheck(report));
  if (cut) report.unreadable.push(cut);
  return report;
}
