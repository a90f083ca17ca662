import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePlanFile } from './plan-parser/index.ts';
import { buildLedgerWorkbook, LEDGER_COLUMNS, type LedgerRow, ledgerCells } from './task-ledger-export.ts';

const row = (over: Partial<LedgerRow> = {}): LedgerRow => ({
  number: '2',
  title: '优化营商环境',
  content: '及时公开优化营商环境政策措施。\n工作要求：在门户网站设立专栏。',
  leadUnits: ['县发展和改革局'],
  units: ['县市场监督管理局', '县税务局'],
  dueDate: '2026-06-30',
  recurrence: null,
  deadlineText: null,
  status: 'in_progress',
  ...over,
});

describe('ledgerCells', () => {
  it('splits 工作要求 out of the content and writes lead units with 牵头', () => {
    expect(ledgerCells(row())).toEqual([
      '2',
      '优化营商环境',
      '及时公开优化营商环境政策措施。',
      '在门户网站设立专栏。',
      '县发展和改革局牵头，县市场监督管理局、县税务局',
      '2026年6月30日前',
      '推进中',
    ]);
  });

  it('writes each unit’s own part after the task status', () => {
    const part = (name: string, over: Record<string, unknown> = {}) => ({
      ...{ name, done_on: null, not_applicable_at: null, accepted_reports: 0 },
      ...over,
    });
    const parts = [
      part('县发展和改革局', { done_on: '2026-05-10', accepted_reports: 1 }),
      part('县市场监督管理局', { accepted_reports: 2 }),
      part('县税务局'),
      part('县财政局', { not_applicable_at: '2026-04-01T02:00:00.000Z' }),
    ];
    expect(ledgerCells(row({ parts }))[6]).toBe(
      '推进中（县发展和改革局：已完成（2026-05-10）；县市场监督管理局：推进中；县税务局：未报送；县财政局：不适用）',
    );
  });

  it.each([
    [{ dueDate: null, recurrence: 'monthly' }, '每月更新'],
    [{ dueDate: null, recurrence: 'realtime' }, '实时更新'],
    [{ dueDate: null, deadlineText: '15个工作日内' }, '15个工作日内'],
    [{ dueDate: null }, ''],
  ])('writes the deadline %o as “%s”', (over, words) => {
    expect(ledgerCells(row(over))[5]).toBe(words);
  });
});

describe('buildLedgerWorkbook', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gk-ledger-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the title, the header and one row per task, and reads back through the parser', async () => {
    const body = await buildLedgerWorkbook('示范县2026年政务公开工作要点任务分工', [
      row({
        parts: [
          { name: '县发展和改革局', done_on: '2026-05-10', not_applicable_at: null, accepted_reports: 1 },
        ],
      }),
      row({
        number: '3',
        title: '乡村振兴',
        content: '公开衔接资金项目。',
        leadUnits: [],
        units: ['县乡村振兴局'],
        dueDate: null,
        recurrence: 'monthly',
        status: 'ongoing',
      }),
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(body as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error('no worksheet');
    expect(sheet.getRow(1).getCell(1).value).toBe('示范县2026年政务公开工作要点任务分工');
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([...LEDGER_COLUMNS]);
    expect(sheet.getRow(4).getCell(7).value).toBe('持续推进');

    const file = path.join(dir, 'ledger.xlsx');
    writeFileSync(file, body);
    const parsed = await parsePlanFile(file, { year: 2026 });
    expect(parsed.tasks.map((t) => [t.number, t.title, t.leadUnits, t.units, t.deadline])).toEqual([
      ['2', '优化营商环境', ['县发展和改革局'], ['县市场监督管理局', '县税务局'], { date: '2026-06-30' }],
      ['3', '乡村振兴', [], ['县乡村振兴局'], { recurrence: 'monthly' }],
    ]);
    expect(parsed.tasks[0]?.content).toBe('及时公开优化营商环境政策措施。\n工作要求：在门户网站设立专栏。');
  });
});
