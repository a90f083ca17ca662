/**
 * Turns task-table rows (from flattened text or a spreadsheet) into tasks. The 公开领域 cell is the
 * task title; the 工作要求 cell is kept in the content because it is what supervisors check.
 */
import { findDeadlines, normaliseDeadline, pickDeadline } from './deadline.ts';
import type { ParsedTask, TableRow } from './types.ts';
import { parseUnitText, splitUnitList } from './units.ts';

// A cell cut by the page width often loses its last character ("县直各有关单" for 县直各有关单位).
const COMPLETE_UNIT =
  /(?:局|委|办|中心|单位|部门|政府|办事处|街道|乡镇|院|所|站|队|公司|小组|室|厅|会|处|科)$/;

function rowUnits(row: TableRow): { lead: string[]; units: string[] } {
  const parsed = parseUnitText(row.units);
  const lead = [...new Set([...splitUnitList(row.lead), ...parsed.lead])];
  const units = [...parsed.units, ...parsed.carry].filter((u) => !lead.includes(u));
  return { lead, units: [...new Set(units)] };
}

function rowTitle(row: TableRow): string {
  if (row.domain !== '') return row.domain;
  const stop = row.content.search(/[。；;]/);
  return stop === -1 ? row.content : row.content.slice(0, stop);
}

function rowDeadline(
  row: TableRow,
  content: string,
  year: number | null,
  uncertain: string[],
): ParsedTask['deadline'] {
  if (row.deadline !== '') {
    const deadline = normaliseDeadline(row.deadline, year);
    if (deadline && 'text' in deadline) uncertain.push(`时限“${row.deadline}”无法换算为日期或周期`);
    return deadline;
  }
  const { deadline, notes } = pickDeadline(findDeadlines(content, year), year);
  if (deadline) uncertain.push('表中无时限，时限取自工作内容', ...notes);
  return deadline;
}

/** Converts one table row to a task. */
function rowToTask(row: TableRow, index: number, year: number | null): ParsedTask {
  const uncertain: string[] = [];
  const { lead, units } = rowUnits(row);
  for (const unit of [...lead, ...units]) {
    if (!COMPLETE_UNIT.test(unit) || /^[直属]/.test(unit)) uncertain.push(`责任单位“${unit}”可能缺字`);
  }
  // Domain cells are narrow; three characters is usually a word cut at the cell edge ("减税降").
  if (row.domain.replace(/[“”"]/g, '').length === 3) uncertain.push(`公开领域“${row.domain}”可能缺字`);
  if (row.domain === '' && row.content !== '') uncertain.push('表中无公开领域，标题取自具体内容首句');
  const content = [row.content, row.requirement === '' ? '' : `工作要求：${row.requirement}`]
    .filter((t) => t !== '')
    .join('\n');
  return {
    number: row.number === '' ? String(index + 1) : row.number,
    path: [],
    title: rowTitle(row),
    content,
    leadUnits: lead,
    units,
    deadline: rowDeadline(row, content, year, uncertain),
    uncertain,
  };
}

/** Converts all rows of one table to tasks. */
export function rowsToTasks(rows: TableRow[], year: number | null): ParsedTask[] {
  return rows.map((row, index) => rowToTask(row, index, year));
}
