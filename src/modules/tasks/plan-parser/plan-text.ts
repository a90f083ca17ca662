/**
 * The text entry point: normalises the writing system, then reads bordered tables (table-grid.ts), the
 * remaining prose (prose.ts) or, for text without borders, a flattened task table (table.ts).
 */
import { isDeadlineCell, ORG_END } from './cells.ts';
import { type PlanMetadata, readMetadata, yearIn } from './metadata.ts';
import { parseProse } from './prose.ts';
import { normaliseScript } from './script.ts';
import { parseFlatTable } from './table.ts';
import { assembleRows } from './table-assemble.ts';
import { findGridTables, type GridTable } from './table-grid.ts';
import { rowsToTasks } from './table-rows.ts';
import { tabsToBorders } from './table-tabs.ts';
import { type CleanLine, cleanLines, isDocumentEnding } from './text.ts';
import type { ParsedPlanSection, ParsedTask, ParsePlanOptions } from './types.ts';
import { LABEL_WORD, splitUnitList } from './units.ts';

type YearOf = (planTitle: string | null) => number | null;

const TRUNCATED_NOTE = '原文在此处中断，本任务的责任单位和时限可能未显示完整';

function gridPlan(table: GridTable, yearOf: YearOf, warnings: string[]): ParsedPlanSection {
  const rows = assembleRows(table);
  if (rows.length === 0) {
    const headings = table.body
      .flatMap((t) => (t.kind === 'cell' ? [t.text] : []))
      .filter((text) => text.length > 1)
      .slice(0, 5);
    warnings.push(
      `任务表（${table.header.join('、')}）的单元格均为空，未识别到任务` +
        (headings.length > 0 ? `；表中只有“${headings.join('”“')}”` : ''),
    );
  }
  return { title: table.title, tasks: rowsToTasks(rows, yearOf(table.title)) };
}

function parseWithGrids(
  lines: CleanLine[],
  tables: GridTable[],
  yearOf: YearOf,
  warnings: string[],
): ParsedPlanSection[] {
  const inTable = (i: number) => tables.some((t) => i >= t.from && i < t.to);
  const prose = parseProse(
    lines.filter((_l, i) => !inTable(i)),
    yearOf,
  ).filter((plan) => plan.tasks.length > 0);
  return [...prose, ...tables.map((t) => gridPlan(t, yearOf, warnings))];
}

const UNIT_FIELD = new RegExp(`^[【[]?${LABEL_WORD}[】\\]]?[:：]\\s*(.+)$`);
const DEADLINE_FIELD = /^(?:完成时限|时限要求|完成时间|完成期限|时间要求|时限|时间)[:：]\s*(.+)$/;

/**
 * A last line that is a whole labelled field ("完成时间：2024年12月底前", "责任部门：镇民政办、各村（社区）")
 * ends a 任务清单 properly: its value reads as a deadline, or every unit in it ends like an organisation.
 */
function isCompleteField(line: string): boolean {
  const deadline = DEADLINE_FIELD.exec(line)?.[1];
  if (deadline) return isDeadlineCell(deadline);
  const units = UNIT_FIELD.exec(line)?.[1];
  if (!units) return false;
  const names = splitUnitList(units);
  return names.length > 0 && names.every((n) => ORG_END.test(n));
}

/** Did the stored text stop in mid-sentence (an excerpt cut off, a page not fully copied)? */
function isCutOff(lines: CleanLine[]): boolean {
  const last = (lines.at(-1)?.text ?? '').replace(/[”"’']+$/, '').trim();
  return (
    last !== '' &&
    !/[。！？!?）)】\]］〕|；;]$/.test(last) &&
    !isDocumentEnding(last) &&
    !isCompleteField(last)
  );
}

/** The last task has no units while the others of its plan have: its unit lines were probably cut. */
function lacksUnitsOfItsPlan(plan: ParsedPlanSection): boolean {
  const last = plan.tasks.at(-1);
  const others = plan.tasks.slice(0, -1);
  const hasUnits = (t: ParsedTask) => t.leadUnits.length + t.units.length > 0;
  return !!last && !hasUnits(last) && others.length >= 2 && others.every(hasUnits);
}

/** Parses a work plan's text into its metadata and plans. */
export function readPlanText(
  text: string,
  opts: ParsePlanOptions,
): { meta: PlanMetadata; plans: ParsedPlanSection[] } {
  const script = normaliseScript(text);
  const lines = cleanLines(tabsToBorders(script.text));
  const meta = readMetadata(lines, opts.year);
  meta.warnings.unshift(...script.warnings);
  const yearOf: YearOf = (planTitle) => opts.year ?? yearIn(planTitle) ?? meta.year;
  const tables = findGridTables(lines.map((l) => l.text));
  let plans: ParsedPlanSection[];
  // A table that ends with a full row (its last column filled) ends the text complete.
  let endsWithFullRow = false;
  if (tables.length > 0) {
    plans = parseWithGrids(lines, tables, yearOf, meta.warnings);
    const last = tables.at(-1)!;
    endsWithFullRow = last.to >= lines.length && last.endsWithFullRow === true;
  } else {
    const table = parseFlatTable(lines);
    if (table && table.rows.length > 0) {
      plans = [{ title: table.title, tasks: rowsToTasks(table.rows, yearOf(table.title)) }];
      endsWithFullRow = table.endsWithFullRow;
    } else plans = parseProse(lines, yearOf);
  }
  // A single plan without a title of its own is the document's plan (its heading sat above the table).
  if (plans.length === 1 && plans[0]!.title === null && meta.title)
    plans[0] = { ...plans[0]!, title: meta.title };
  const lastPlan = plans.at(-1);
  const lastTask = lastPlan?.tasks.at(-1);
  if (lastTask && ((!endsWithFullRow && isCutOff(lines)) || lacksUnitsOfItsPlan(lastPlan!)))
    lastTask.uncertain.push(TRUNCATED_NOTE);
  return { meta, plans };
}
