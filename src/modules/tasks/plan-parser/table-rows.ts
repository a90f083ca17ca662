/**
 * Turns task-table rows (from flattened text or a spreadsheet) into tasks. The 公开领域 cell is the
 * task title; the 工作要求 cell is kept in the content because it is what supervisors check.
 */
import { isDeadlineCell, ORG_END, SAME_AS_ABOVE } from './cells.ts';
import { findDeadlines, normaliseDeadline, pickDeadline } from './deadline.ts';
import type { ParsedTask, TableRow } from './types.ts';
import { OPEN_LIST, parseUnitText } from './units.ts';

// A cell cut by the page width often loses its last character ("县直各有关单" for 县直各有关单位).
const COMPLETE_UNIT = ORG_END;

/** Units a "以下均需…不再列出" cell gives to every later row of the table. */
interface Carry {
  units: string[];
  /** The cells of the row above, for a "同上" cell. */
  previous: { lead: string; units: string; deadline: string };
  /** Unit cells of the last row marked "下同": used by later rows with empty unit cells. */
  ditto: { lead: string; units: string; from: string } | null;
}

/** Resolves "同上" cells and "下同" annotations to the unit cells they stand for. */
function resolveUnitCells(row: TableRow, carry: Carry, uncertain: string[]): TableRow {
  const same = (cell: string, above: string) => (SAME_AS_ABOVE.test(cell.trim()) ? above : cell);
  const lead = same(row.lead, carry.previous.lead);
  const units = same(row.units, carry.previous.units);
  if (lead !== row.lead || units !== row.units) uncertain.push('责任单位“同上”，取自上一行');
  let resolved = { ...row, lead, units };
  if (`${lead}${units}`.trim() !== '') {
    const marked = parseUnitText(lead).ditto || parseUnitText(units).ditto;
    carry.ditto = marked ? { lead, units, from: row.number } : null;
  } else if (carry.ditto) {
    resolved = { ...resolved, lead: carry.ditto.lead, units: carry.ditto.units };
    uncertain.push(`责任单位沿用第${carry.ditto.from}项标注“下同”的单位`);
  }
  const deadline = same(row.deadline, carry.previous.deadline);
  if (deadline !== row.deadline) uncertain.push('时限“同上”，取自上一行');
  carry.previous = { lead: resolved.lead, units: resolved.units, deadline };
  return { ...resolved, deadline };
}

function rowUnits(
  row: TableRow,
  carry: Carry,
  uncertain: string[],
): { lead: string[]; units: string[]; carried: string[] } {
  const parsed = parseUnitText(row.units);
  const leadCell = parseUnitText(row.lead);
  // A 牵头 cell lists lead units, unless it says itself who leads ("县发改局牵头，县住建局配合").
  const saysLead = leadCell.lead.length > 0;
  const lead = [...new Set([...(saysLead ? leadCell.lead : leadCell.units), ...parsed.lead])];
  const own = [...(saysLead ? leadCell.units : []), ...parsed.units, ...parsed.carry].filter(
    (u) => !lead.includes(u),
  );
  const inherited = carry.units.filter((u) => !own.includes(u) && !lead.includes(u));
  if (inherited.length > 0) uncertain.push(`责任单位“${inherited.join('、')}”沿用前文统一要求`);
  carry.units = [...new Set([...carry.units, ...parsed.carry, ...leadCell.carry])];
  for (const text of [...parsed.dropped, ...leadCell.dropped]) {
    uncertain.push(`“${text}”不是单位名称，未列为责任单位`);
  }
  return { lead, units: [...new Set([...own, ...inherited])], carried: inherited };
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
  const remark = row.remark ?? '';
  const cell = row.deadline !== '' ? row.deadline : isDeadlineCell(remark) ? remark : '';
  if (cell !== '') {
    const deadline = normaliseDeadline(cell, year);
    if (cell === remark) uncertain.push(`时限取自备注“${remark}”`);
    if (deadline && 'text' in deadline) uncertain.push(`时限“${cell}”无法换算为日期或周期`);
    return deadline;
  }
  const { deadline, notes } = pickDeadline(findDeadlines(content, year), year);
  if (deadline) uncertain.push('表中无时限，时限取自工作内容', ...notes);
  return deadline;
}

/** Converts one table row to a task. */
function rowToTask(source: TableRow, index: number, year: number | null, carry: Carry): ParsedTask {
  // A table whose only text column is 具体要求 has its task text there.
  const text =
    source.content === '' && source.requirement !== ''
      ? { ...source, content: source.requirement, requirement: '' }
      : source;
  const uncertain: string[] = [];
  const row = resolveUnitCells({ ...text, number: text.number || String(index + 1) }, carry, uncertain);
  const { lead, units, carried } = rowUnits(row, carry, uncertain);
  for (const unit of [...lead, ...units]) {
    if (!COMPLETE_UNIT.test(unit) || /^[直属]/.test(unit)) uncertain.push(`责任单位“${unit}”可能缺字`);
  }
  // Domain cells are narrow; three characters is usually a word cut at the cell edge ("减税降").
  if (row.domain.replace(/[“”"]/g, '').length === 3) uncertain.push(`公开领域“${row.domain}”可能缺字`);
  const title = rowTitle(row);
  // Only worth saying when the title is a cut of a longer text (a one-sentence task cell is its own title).
  if (row.domain === '' && title.length < row.content.replace(/[。；;，,\s]+$/u, '').length)
    uncertain.push('表中无公开领域，标题取自具体内容首句');
  if (OPEN_LIST.test(row.units.trim())) uncertain.push(`责任单位“${row.units}”以“等”结尾，可能不止所列单位`);
  const remark = row.remark ?? '';
  const content = [
    row.content,
    row.requirement === '' ? '' : `工作要求：${row.requirement}`,
    remark === '' || isDeadlineCell(remark) ? '' : `备注：${remark}`,
  ]
    .filter((t) => t !== '')
    .join('\n');
  const status = row.status ?? '';
  return {
    number: row.number === '' ? String(index + 1) : row.number,
    path: row.path ?? [],
    ...(status === '' ? {} : { status }),
    ...(carried.length > 0 ? { carriedUnits: carried } : {}),
    title,
    content,
    leadUnits: lead,
    units,
    deadline: rowDeadline(row, content, year, uncertain),
    uncertain,
  };
}

/** Converts all rows of one table to tasks. */
export function rowsToTasks(rows: TableRow[], year: number | null): ParsedTask[] {
  const carry: Carry = { units: [], previous: { lead: '', units: '', deadline: '' }, ditto: null };
  return rows.map((row, index) => rowToTask(row, index, year, carry));
}
