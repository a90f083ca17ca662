import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { emptyTable2, emptyTable3, emptyTable4, type ReportFigures } from './report.model.ts';
import type { CellSource } from './report-figures.service.ts';
import { ENTERED_ONLY_CELLS } from './report-values.ts';
import { readValuesXlsx, VALUES_XLSX_MAX_BYTES, valuesTemplate } from './report-values-xlsx.ts';

const figures = (): ReportFigures => ({
  table2: emptyTable2(),
  table3: emptyTable3(),
  table4: emptyTable4(),
});

/** A sheet as an office may type it: header row, then rows of cells. */
async function sheet(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('数字');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The template's rows as a reader sees them (label, value, code), from row 3 on (title, header). */
async function rowsOf(buffer: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const out: string[][] = [];
  ws.eachRow((row, n) => {
    if (n > 1) out.push([1, 2, 3].map((c) => String(row.getCell(c).value ?? '')));
  });
  return out;
}

describe('the values spreadsheet', () => {
  it('lists the enterable cells with their current values and reads a filled copy back', async () => {
    const f = figures();
    f.table2.行政许可 = 12;
    f.table2.行政处罚 = 0; // computed (as an empty library's cells are): not written
    const entered: CellSource = {
      kind: 'value',
      origin: 'entered',
      enteredBy: '张三',
      enteredAt: '2027-01-05T02:00:00.000Z',
      importId: null,
      units: 1,
    };
    const template = await valuesTemplate('测试县2026年度报告', ENTERED_ONLY_CELLS, f, {
      'table2.行政许可': entered,
      'table2.行政处罚': { kind: 'records', from: 'library', explain: '' },
    });
    expect(await rowsOf(template)).toEqual([
      ['数字项', '数字', '代码（请勿修改）'],
      ['表二 行政许可（本年处理决定数量）', '12', 'table2.行政许可'],
      ['表二 行政处罚（本年处理决定数量）', '', 'table2.行政处罚'],
      ['表二 行政强制（本年处理决定数量）', '', 'table2.行政强制'],
      ['表二 行政事业性收费（本年收费金额，万元）', '', 'table2.行政事业性收费'],
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    ws.getCell('B4').value = 3;
    ws.getCell('B5').value = '０';
    ws.getCell('B6').value = 1.25;
    const read = await readValuesXlsx(Buffer.from(await wb.xlsx.writeBuffer()), ENTERED_ONLY_CELLS);
    expect(read).toEqual({
      raw: {
        'v.table2.行政许可': '12',
        'v.table2.行政处罚': '3',
        'v.table2.行政强制': '０',
        'v.table2.行政事业性收费': '1.25',
      },
      problems: [],
    });
  });

  it('matches rows by label when the code column was dropped; a blank value clears the cell', async () => {
    const read = await readValuesXlsx(
      await sheet([
        ['项目', '数值'],
        ['表二 行政许可（本年处理决定数量）', 40],
        ['表二 行政处罚 （本年处理决定数量）', ''],
      ]),
      ENTERED_ONLY_CELLS,
    );
    expect(read).toEqual({ raw: { 'v.table2.行政许可': '40', 'v.table2.行政处罚': '' }, problems: [] });
  });

  it('names the row and column of every problem', async () => {
    const read = await readValuesXlsx(
      await sheet([
        ['数字项', '数字', '代码'],
        ['表二 行政许可（本年处理决定数量）', '十二', 'table2.行政许可'],
        ['表三 新收', 5, 'table3.一.total'],
        ['不存在的项目', 1, ''],
        ['', 1, 'table9.x'],
        ['表二 行政处罚（本年处理决定数量）', 1, 'table2.行政处罚'],
        ['表二 行政处罚（本年处理决定数量）', 2, 'table2.行政处罚'],
        ['表二 行政事业性收费（本年收费金额，万元）', '1.23456', 'table2.行政事业性收费'],
      ]),
      ENTERED_ONLY_CELLS,
    );
    expect(read.problems.map((p) => p.message)).toEqual([
      '第 2 行“数字”列：表二 行政许可（本年处理决定数量）：请填写不小于 0 的整数，您填写的是“十二”',
      '第 3 行：表三 一、本年新收政府信息公开申请数量 · 总计由系统根据记录计算，不能从表格导入',
      '第 4 行“数字项”列：未知的数字项“不存在的项目”，请使用从本页下载的模板',
      '第 5 行“代码（请勿修改）”列：未知的数字项“table9.x”，请使用从本页下载的模板',
      '第 7 行：表二 行政处罚（本年处理决定数量）与第 6 行重复',
      '第 8 行“数字”列：表二 行政事业性收费（本年收费金额，万元）：请填写不小于 0 的数字（最多 4 位小数），您填写的是“1.23456”',
    ]);
    expect(read.problems.every((p) => p.field === 'file')).toBe(true);
  });

  it('refuses what is not such a spreadsheet', async () => {
    const notXlsx = await readValuesXlsx(Buffer.from('not a spreadsheet'), ENTERED_ONLY_CELLS);
    expect(notXlsx.problems[0]?.message).toContain('数字表格：文件不是 .xlsx 格式的 Excel 表格');
    const tooBig = await readValuesXlsx(Buffer.alloc(VALUES_XLSX_MAX_BYTES + 1), ENTERED_ONLY_CELLS);
    expect(tooBig.problems[0]?.message).toContain('文件超过大小上限');
    const noHeader = await readValuesXlsx(await sheet([['甲', '乙']]), ENTERED_ONLY_CELLS);
    expect(noHeader.problems[0]?.message).toContain('找不到表头');
    const empty = await readValuesXlsx(await sheet([['数字项', '数字']]), ENTERED_ONLY_CELLS);
    expect(empty.problems[0]?.message).toBe('数字表格：表格中没有数字行：请使用从本页下载的模板填写');
    expect(empty.raw).toEqual({});
  });
});
