/** Audit log exports for the 安全审计员: CSV (UTF-8 with BOM, for Excel) and .xlsx. */
import type { AuditEvent } from '../../db/schema.ts';
import { defineSheet, neutraliseFormula, writeXlsx } from '../../lib/spreadsheet/index.ts';

const AUDIT_EXPORT_COLUMNS: [string, (e: AuditEvent) => string | number][] = [
  ['序号', (e) => e.id],
  [
    '时间（北京时间）',
    (e) => new Date(e.occurred_at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }),
  ],
  ['操作人', (e) => e.actor_name],
  ['操作人单位ID', (e) => e.actor_unit_id ?? ''],
  ['操作', (e) => e.action],
  ['对象类型', (e) => e.target_type ?? ''],
  ['对象ID', (e) => e.target_id ?? ''],
  ['摘要', (e) => e.summary],
  ['变更前', (e) => e.before_json ?? ''],
  ['变更后', (e) => e.after_json ?? ''],
  ['IP地址', (e) => e.ip ?? ''],
  ['浏览器', (e) => e.user_agent ?? ''],
  ['哈希', (e) => e.hash],
];

export { neutraliseFormula };

function csvCell(v: string | number): string {
  const s = neutraliseFormula(String(v));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function auditToCsv(events: AuditEvent[]): string {
  const lines = [AUDIT_EXPORT_COLUMNS.map(([h]) => h).join(',')];
  for (const e of events) lines.push(AUDIT_EXPORT_COLUMNS.map(([, f]) => csvCell(f(e))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const AUDIT_SHEET = defineSheet<AuditEvent>({
  sheetName: '审计日志',
  columns: AUDIT_EXPORT_COLUMNS.map(([header, cell], i) => ({
    key: `c${i}`,
    header,
    width: header === '摘要' ? 60 : 18,
    cell,
  })),
});

export async function auditToXlsx(events: AuditEvent[]): Promise<Buffer> {
  return writeXlsx(AUDIT_SHEET, events, { creator: 'gongkai', neutraliseFormulas: true });
}
