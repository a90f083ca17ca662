import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cellText, defineSheet, normaliseHeader, readXlsx, toFieldProblems, writeXlsx } from './index.ts';

interface Person {
  name: string;
  phone: string;
  count: number;
}

const PEOPLE = defineSheet<Person>({
  sheetName: '人员',
  columns: [
    { key: 'name', header: '姓名', synonyms: ['名字', '联系人'], required: true, width: 10 },
    { key: 'phone', header: '联系电话', synonyms: ['电话'], width: 16 },
    {
      key: 'count',
      header: '件数（件）',
      width: 8,
      schema: z.coerce.number({ message: '件数应为数字' }).int('件数应为整数'),
    },
  ],
});

const rowSchema = z.object({
  name: z.string().min(1, '请填写姓名'),
  phone: z.string().regex(/^\d{11}$/, '联系电话应为 11 位数字'),
  count: z.number(),
});

const LIMIT = { maxBytes: 1024 * 1024, rowSchema };

async function sheetOf(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任意');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('spreadsheet helper', () => {
  it('round-trips rows: title, bold header, widths, frozen header', async () => {
    const people = [
      { name: '张三', phone: '13800000000', count: 3 },
      { name: '李四', phone: '13900000000', count: 0 },
    ];
    const body = await writeXlsx(PEOPLE, people, { title: '名单' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as never);
    const ws = wb.getWorksheet('人员')!;
    expect(ws.getCell(1, 1).value).toBe('名单');
    expect(ws.getRow(2).font).toMatchObject({ bold: true });
    expect(ws.getColumn(2).width).toBe(16);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const { rows, problems } = await readXlsx(PEOPLE, body, LIMIT);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { row: 3, value: people[0] },
      { row: 4, value: people[1] },
    ]);
  });

  it('finds columns by header meaning: synonyms, spaces, full-width brackets, any order', async () => {
    const body = await sheetOf([
      ['说明：本表由各单位填写'],
      ['备注', '电 话', '件数(件)', '　联系人 '],
      ['x', '13800000000', 2, '王五'],
      [],
    ]);
    const { rows, problems } = await readXlsx(PEOPLE, body, LIMIT);
    expect(problems).toEqual([]);
    expect(rows).toEqual([{ row: 3, value: { name: '王五', phone: '13800000000', count: 2 } }]);
    expect(normaliseHeader(' 件数（件） ')).toBe('件数(件)');
  });

  it('reports every bad row with its number, the column header and the value as typed', async () => {
    const body = await sheetOf([
      ['姓名', '电话', '件数（件）'],
      ['张三', '12345', '三'],
      ['', '13800000000', 1],
      ['李四', '13900000000', 5],
    ]);
    const { rows, problems } = await readXlsx(PEOPLE, body, LIMIT);
    expect(rows.map((r) => r.row)).toEqual([4]);
    expect(problems).toEqual([
      {
        row: 2,
        column: '件数（件）',
        field: 'count',
        message: '件数（件）：件数应为数字（填写的是“三”）',
        value: '三',
      },
      {
        row: 2,
        column: '联系电话',
        field: 'phone',
        message: '联系电话应为 11 位数字（填写的是“12345”）',
        value: '12345',
      },
      { row: 3, column: '姓名', field: 'name', message: '请填写姓名', value: '' },
    ]);
    expect(toFieldProblems(problems)).toEqual([
      { field: 'row2.count', message: '第 2 行：件数（件）：件数应为数字（填写的是“三”）' },
      { field: 'row2.phone', message: '第 2 行：联系电话应为 11 位数字（填写的是“12345”）' },
      { field: 'row3.name', message: '第 3 行：请填写姓名' },
    ]);
  });

  it('reports a row-schema problem on the column and keeps the typed value', async () => {
    const body = await sheetOf([
      ['姓名', '电话', '件数（件）'],
      ['张三', '12345', 1],
    ]);
    const { problems } = await readXlsx(PEOPLE, body, LIMIT);
    expect(problems).toEqual([
      {
        row: 2,
        column: '联系电话',
        field: 'phone',
        message: '联系电话应为 11 位数字（填写的是“12345”）',
        value: '12345',
      },
    ]);
  });

  it('refuses files that are not .xlsx by content, too large, or without the header', async () => {
    const notXlsx = await readXlsx(PEOPLE, Buffer.from('姓名,电话\n张三,1'), LIMIT);
    expect(notXlsx.problems).toEqual([
      expect.objectContaining({ row: null, field: 'file', message: expect.stringContaining('不是 .xlsx') }),
    ]);
    const zipNotXlsx = await readXlsx(PEOPLE, Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), LIMIT);
    expect(zipNotXlsx.problems[0]!.message).toContain('不是 .xlsx');
    const body = await sheetOf([['姓名'], ['张三']]);
    const big = await readXlsx(PEOPLE, body, { ...LIMIT, maxBytes: 100 });
    expect(big.problems[0]!.message).toBe('文件超过大小上限 100 字节');
    const headless = await readXlsx(PEOPLE, await sheetOf([['甲', '乙']]), LIMIT);
    expect(headless.problems[0]!.message).toBe('找不到表头：需要“姓名”等列');
    const empty = await readXlsx(PEOPLE, await sheetOf([['姓名']]), LIMIT);
    expect(empty.problems[0]!.message).toBe('表格中没有数据行');
  });

  it('refuses more rows than allowed', async () => {
    const body = await sheetOf([['姓名'], ['a'], ['b'], ['c']]);
    const { rows, problems } = await readXlsx(PEOPLE, body, { maxBytes: 1e6, maxRows: 2 });
    expect(rows).toEqual([]);
    expect(problems[0]!.message).toBe('一次最多导入 2 行');
  });

  it('writes two header rows for grouped columns, with merged labels', async () => {
    const sheet = defineSheet<{ a: string; x: boolean; y: boolean }>({
      sheetName: 's',
      columns: [
        { key: 'a', header: '名称', required: true },
        { key: 'x', header: '县级', group: '层级', cell: (r) => (r.x ? '√' : '') },
        { key: 'y', header: '乡级', group: '层级', cell: (r) => (r.y ? '√' : '') },
      ],
    });
    const body = await writeXlsx(sheet, [{ a: '甲', x: true, y: false }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as never);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell(1, 2).value).toBe('层级');
    expect(ws.getCell(1, 3).isMerged).toBe(true);
    expect(ws.getCell(2, 1).isMerged).toBe(true);
    expect(ws.getCell(2, 3).value).toBe('乡级');
    expect(ws.views[0]).toMatchObject({ ySplit: 2 });
    const { rows } = await readXlsx(sheet, body, { maxBytes: 1e6 });
    expect(rows).toEqual([{ row: 3, value: { a: '甲', x: '√', y: '' } }]);
  });

  it('reads the text of every kind of cell', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(12)).toBe('12');
    expect(cellText(new Date('2026-03-02T00:00:00Z'))).toBe('2026-03-02');
    expect(cellText({ richText: [{ text: '甲' }, { text: '乙' }] })).toBe('甲乙');
    expect(cellText({ formula: 'A1+1', result: 3 } as ExcelJS.CellValue)).toBe('3');
    expect(cellText({ text: '链接', hyperlink: 'https://x' })).toBe('链接');
    expect(cellText({ error: '#N/A' } as ExcelJS.CellValue)).toBe('');
  });
});
