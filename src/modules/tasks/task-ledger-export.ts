/**
 * The ledger (工作台账) as an .xlsx in the layout of the 任务分工 tables offices exchange (seed 000:
 * 序号 · 公开领域 · 具体内容 · 工作要求 · 责任单位 · 时限要求), plus a 完成情况 column: the task's status and
 * each responsible unit's own part. The file reads back
 * through the plan parser, so an exported ledger can be re-imported (e.g. as next year's draft).
 */
import { defineSheet, writeXlsx } from '../../lib/spreadsheet/index.ts';
import type { Recurrence } from './plan-parser/index.ts';
import { TASK_STATUS_LABELS, type TaskStatus } from './task-status.ts';

export const LEDGER_COLUMNS = [
  '序号',
  '公开领域',
  '具体内容',
  '工作要求',
  '责任单位',
  '时限要求',
  '完成情况',
] as const;

const WIDTHS = [8, 16, 60, 40, 30, 16, 30];

/** How each recurrence is written in a 时限要求 cell (words the parser reads back). */
export const RECURRENCE_WORDS: Record<Recurrence, string> = {
  realtime: '实时更新',
  monthly: '每月更新',
  quarterly: '每季度',
  yearly: '每年',
  continuous: '持续推进',
};

/** One ledger line with unit names resolved. */
export interface LedgerRow {
  number: string;
  title: string;
  content: string;
  leadUnits: string[];
  units: string[];
  dueDate: string | null;
  recurrence: string | null;
  deadlineText: string | null;
  status: string;
  /** Each unit's own part (TaskRepository#taskUnits rows), shown after the task's status. */
  parts?: {
    name: string;
    done_on: string | null;
    not_applicable_at: string | null;
    accepted_reports: number;
  }[];
}

/** A part in words: 已完成（date）/ 不适用 / 推进中 (accepted reports) / 未报送. */
function partWords(p: NonNullable<LedgerRow['parts']>[number]): string {
  if (p.not_applicable_at !== null) return '不适用';
  if (p.done_on !== null) return `已完成（${p.done_on}）`;
  return Number(p.accepted_reports) > 0 ? '推进中' : '未报送';
}

/** '2026-06-30' → '2026年6月30日前'. */
function dateWords(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日前`;
}

/** The cells of one row, in LEDGER_COLUMNS order. */
export function ledgerCells(row: LedgerRow): string[] {
  const marker = row.content.indexOf('工作要求：');
  const content = marker === -1 ? row.content : row.content.slice(0, marker).trim();
  const requirement = marker === -1 ? '' : row.content.slice(marker + '工作要求：'.length).trim();
  const lead = row.leadUnits.length > 0 ? `${row.leadUnits.join('、')}牵头` : '';
  const units = [lead, row.units.join('、')].filter((s) => s !== '').join('，');
  const deadline = row.dueDate
    ? dateWords(row.dueDate)
    : row.recurrence
      ? (RECURRENCE_WORDS[row.recurrence as Recurrence] ?? row.recurrence)
      : (row.deadlineText ?? '');
  const label = TASK_STATUS_LABELS[row.status as TaskStatus] ?? row.status;
  const parts = (row.parts ?? []).map((p) => `${p.name}：${partWords(p)}`);
  const status = parts.length > 0 ? `${label}（${parts.join('；')}）` : label;
  return [row.number, row.title, content, requirement, units, deadline, status];
}

const LEDGER_SHEET = defineSheet<string[]>({
  sheetName: '工作台账',
  columns: LEDGER_COLUMNS.map((header, i) => ({
    key: `c${i}`,
    header,
    width: WIDTHS[i],
    cell: (cells) => cells[i],
  })),
});

/** Builds the workbook: a title row merged across the columns, the header, then one row per task. */
export async function buildLedgerWorkbook(title: string, rows: LedgerRow[]): Promise<Buffer> {
  return writeXlsx(LEDGER_SHEET, rows.map(ledgerCells), { title, titleSize: 14, wrap: true });
}
