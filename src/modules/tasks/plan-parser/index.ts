/**
 * Work-plan parser: turns a 政务公开工作要点 (or its 任务分工 table) into tasks with units and deadlines,
 * ready to be reviewed and imported into the task ledger. Pure code: no database, no clock.
 * Heuristics and known limits: docs/tasks-plan-parser.md.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../lib/errors.ts';
import { docxPlanText } from './docx-text.ts';
import { readMetadata, yearIn } from './metadata.ts';
import { readPlanText } from './plan-text.ts';
import { rowsToTasks } from './table-rows.ts';
import type { ParsedPlan, ParsedPlanSection, ParsePlanOptions } from './types.ts';
import { readTaskWorkbook } from './xlsx.ts';

export { normaliseDeadline } from './deadline.ts';
export type {
  Deadline,
  ParsedPlan,
  ParsedPlanSection,
  ParsedTask,
  ParsePlanOptions,
  Recurrence,
} from './types.ts';

function finish(meta: ReturnType<typeof readMetadata>, plans: ParsedPlanSection[]): ParsedPlan {
  const warnings = [...meta.warnings];
  if (plans.length === 0) warnings.push('未识别到任何工作要点或任务表');
  plans.forEach((plan, i) => {
    if (plan.tasks.length === 0) warnings.push(`第${i + 1}个计划（${plan.title ?? '无标题'}）未识别到任务`);
  });
  const { title, year, issuer, docNumber } = meta;
  return { title, year, issuer, docNumber, plans, tasks: plans.flatMap((p) => p.tasks), warnings };
}

/**
 * Parses the text of a work plan: a prose plan (numbered sections) or a flattened task table.
 * `opts.year` overrides the year found in the text.
 */
export function parsePlanText(text: string, opts: ParsePlanOptions = {}): ParsedPlan {
  const { meta, plans } = readPlanText(text, opts);
  return finish(meta, plans);
}

async function parseWorkbook(filePath: string, opts: ParsePlanOptions): Promise<ParsedPlan> {
  const sheets = await readTaskWorkbook(filePath);
  const title = sheets.find((s) => s.title !== null)?.title ?? null;
  const meta = readMetadata(title ? [{ text: title, hard: false }] : [], opts.year);
  const plans = sheets.map((sheet) => ({
    title: sheet.title,
    tasks: rowsToTasks(sheet.rows, opts.year ?? yearIn(sheet.title) ?? meta.year),
  }));
  return finish(meta, plans);
}

/**
 * Parses a work-plan file: .txt/.md as text, .docx as its paragraphs and table rows (docx-text.ts: each
 * row one bordered line, empty and merged cells in place), .xlsx as a task table found by its column names.
 */
export async function parsePlanFile(filePath: string, opts: ParsePlanOptions = {}): Promise<ParsedPlan> {
  const ext = path.extname(filePath).toLowerCase();
  if (ext === '.xlsx') return parseWorkbook(filePath, opts);
  if (ext === '.docx') {
    const { text, warnings } = await docxPlanText(filePath);
    const plan = parsePlanText(text, opts);
    return { ...plan, warnings: [...warnings, ...plan.warnings] };
  }
  if (['.txt', '.md', '.markdown', '.text'].includes(ext)) {
    const text = await readFile(filePath, 'utf8');
    return parsePlanText(text.replace(/^\uFEFF/, ''), opts);
  }
  throw new AppError(
    'unsupported_media',
    `不支持的文件类型“${ext || '无扩展名'}”，请使用 .txt、.md、.docx 或 .xlsx 文件`,
  );
}

/** The tasks as a pretty JSON array with a fixed key order, as printed by `gongkai plan parse FILE --json`. */
export function formatTasksJson(plan: ParsedPlan): string {
  const tasks = plan.tasks.map(
    ({ number, path: sectionPath, title, content, leadUnits, units, deadline }) => ({
      number,
      path: sectionPath,
      title,
      content,
      leadUnits,
      units,
      deadline,
    }),
  );
  return JSON.stringify(tasks, null, 2);
}
