import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../db/schema.ts';
import { auditToCsv, auditToXlsx, neutraliseFormula } from './audit-export.ts';

const event: AuditEvent = {
  id: 1,
  occurred_at: '2026-03-02T02:00:00.000Z',
  actor_user_id: 1,
  actor_name: '李安全（secadmin）',
  actor_unit_id: 1,
  action: 'user.create',
  target_type: 'user',
  target_id: '9',
  summary: '新建账户“a,b”',
  before_json: null,
  after_json: '{"x":"=1+1"}',
  ip: '127.0.0.1',
  user_agent: '=cmd',
  prev_hash: '0',
  hash: 'abc',
};

describe('audit exports', () => {
  it('neutralises spreadsheet formulas', () => {
    expect(neutraliseFormula('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(neutraliseFormula('+1')).toBe("'+1");
    expect(neutraliseFormula('正常')).toBe('正常');
  });
  it('writes CSV with BOM, header, Beijing time and quoting', () => {
    const csv = auditToCsv([event]);
    expect(csv.startsWith('\uFEFF序号,时间（北京时间）')).toBe(true);
    expect(csv).toContain('2026/3/2 10:00:00');
    expect(csv).toContain('"新建账户“a,b”"');
    expect(csv).toContain(",'=cmd,");
  });
  it('writes an xlsx workbook that reads back', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await auditToXlsx([event])) as never);
    const ws = wb.getWorksheet('审计日志')!;
    expect(ws.getRow(1).getCell(1).value).toBe('序号');
    expect(ws.getRow(2).getCell(8).value).toBe('新建账户“a,b”');
    expect(ws.rowCount).toBe(2);
  });
});
