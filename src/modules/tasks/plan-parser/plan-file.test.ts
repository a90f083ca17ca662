import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../lib/errors.ts';
import { parsePlanFile } from './index.ts';

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'plan-parser-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A task table as offices keep it: a title row, then the header, columns in their own order. */
async function writeTaskWorkbook(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('任务分工');
  sheet.addRow(['某县2023年政务公开工作要点任务分工']);
  sheet.addRow(['序号', '公开领域', '具体内容', '工作要求', '牵头单位', '责任单位', '时限要求']);
  sheet.addRow([
    1,
    '优化营商环境',
    '严格落实市场准入负面清单制度。',
    '开设专栏。',
    '县发改局',
    '县市场监管局、县商务局',
    '实时更新',
  ]);
  sheet.addRow([
    2,
    '重点政务信息',
    '集中公开规范性文件并动态更新。',
    '',
    '县司法局',
    '县直各单位',
    '9月底前',
  ]);
  sheet.addRow([3, null, '建立政府规章动态更新机制。', '', '县司法局', '', new Date(Date.UTC(2023, 10, 30))]);
  sheet.mergeCells('B4:B5');
  sheet.addRow([]);
  sheet.addRow([4, '政策解读', '提高原创解读比例。', '', '', '县直各单位', '每季度']);
  await workbook.xlsx.writeFile(file);
}

describe('parsePlanFile', () => {
  it('reads an .xlsx task table, finding the header row by column names', async () => {
    const file = path.join(dir, 'tasks.xlsx');
    await writeTaskWorkbook(file);
    const plan = await parsePlanFile(file);
    expect(plan.title).toBe('某县2023年政务公开工作要点任务分工');
    expect(plan.year).toBe(2023);
    expect(plan.tasks.map((t) => t.number)).toEqual(['1', '2', '3', '4']);
    expect(plan.tasks[0]).toMatchObject({
      title: '优化营商环境',
      content: '严格落实市场准入负面清单制度。\n工作要求：开设专栏。',
      leadUnits: ['县发改局'],
      units: ['县市场监管局', '县商务局'],
      deadline: { recurrence: 'realtime' },
    });
    expect(plan.tasks[1]).toMatchObject({ units: ['县直各单位'], deadline: { date: '2023-09-30' } });
    // The merged 公开领域 cell belongs to both rows it spans.
    expect(plan.tasks[2]).toMatchObject({ title: '重点政务信息', deadline: { date: '2023-11-30' } });
    expect(plan.tasks[3]).toMatchObject({
      title: '政策解读',
      leadUnits: [],
      deadline: { recurrence: 'quarterly' },
    });
  });

  it('reads a .docx table as a table: empty cells, merged cells and several paragraphs stay in place', async () => {
    const file = path.join(dir, 'table.docx');
    const cell = (text: string, span: { rowSpan?: number } = {}) =>
      new TableCell({ ...span, children: text.split('\n').map((t) => new Paragraph(t)) });
    const row = (...cells: TableCell[]) => new TableRow({ children: cells });
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph('某镇2024年政务公开工作任务分工'),
            new Table({
              rows: [
                row(
                  cell('序号'),
                  cell('公开领域'),
                  cell('工作任务'),
                  cell('牵头单位'),
                  cell('配合单位'),
                  cell('完成时限'),
                ),
                row(
                  cell('1'),
                  cell('财政信息', { rowSpan: 2 }),
                  cell('公开镇级预决算。\n“三公”经费一并公开。'),
                  cell('镇财政所'),
                  cell(''),
                  cell('2024年3月底前'),
                ),
                row(
                  cell('2'),
                  cell('公开惠农补贴发放结果'),
                  cell('镇财政所'),
                  cell('各村（社区）'),
                  cell('每季度'),
                ),
                row(
                  cell('3'),
                  cell('社会救助'),
                  cell('公开低保对象名单'),
                  cell('镇民政办'),
                  cell(''),
                  cell('每月'),
                ),
              ],
            }),
            new Paragraph('某镇人民政府'),
            new Paragraph('2024年2月1日'),
          ],
        },
      ],
    });
    await writeFile(file, await Packer.toBuffer(doc));
    const plan = await parsePlanFile(file);
    expect(plan.year).toBe(2024);
    expect(
      plan.tasks.map((t) => [
        t.number,
        t.title,
        t.leadUnits,
        t.units,
        t.deadline,
        t.content.includes('三公'),
      ]),
    ).toEqual([
      ['1', '财政信息', ['镇财政所'], [], { date: '2024-03-31' }, true],
      ['2', '财政信息', ['镇财政所'], ['各村（社区）'], { recurrence: 'quarterly' }, false],
      ['3', '社会救助', ['镇民政办'], [], { recurrence: 'monthly' }, false],
    ]);
    expect(plan.tasks[2]!.uncertain.join()).not.toContain('原文在此处中断');
  });

  it('gives Word auto-numbered items the marker their outline place implies, and says so', async () => {
    const file = path.join(dir, 'numbered.docx');
    const numbered = (text: string, level = 0) =>
      new Paragraph({ text, numbering: { reference: 'tasks', level } });
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: 'tasks',
            levels: [
              { level: 0, format: LevelFormat.DECIMAL, text: '%1.' },
              { level: 1, format: LevelFormat.DECIMAL, text: '(%2)' },
            ],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph('某街道2025年政务公开工作要点'),
            new Paragraph('一、推进决策公开'),
            numbered('公开重大决策事项目录。2025年3月底前公开。（街道党政办负责）'),
            numbered('做好决策预公开。（街道党政办牵头，各社区配合）'),
            new Paragraph('二、推进执行公开'),
            numbered('公开民生实事进展。每季度公开一次。（街道经济发展办负责）'),
            numbered('公开为民办实事项目清单。', 1),
          ],
        },
      ],
    });
    await writeFile(file, await Packer.toBuffer(doc));
    const plan = await parsePlanFile(file);
    expect(plan.tasks.map((t) => [t.number, t.path, t.title, t.leadUnits, t.units])).toEqual([
      ['1.1', ['推进决策公开'], '公开重大决策事项目录', [], ['街道党政办']],
      ['1.2', ['推进决策公开'], '做好决策预公开', ['街道党政办'], ['各社区']],
      // An item with sub-items is their heading, as in typed plans; the sub-item takes its units.
      ['2.1.1', ['推进执行公开', '公开民生实事进展'], '公开为民办实事项目清单', [], ['街道经济发展办']],
    ]);
    expect(plan.tasks[0]!.deadline).toEqual({ date: '2025-03-31' });
    expect(plan.warnings.join()).toContain('使用 Word 自动编号，序号已按层级推定');
  });

  it('with every level auto-numbered, level 0 is the chapter (一、) and level 1 the task (（一）)', async () => {
    const file = path.join(dir, 'all-numbered.docx');
    const numbered = (text: string, level: number) =>
      new Paragraph({ text, numbering: { reference: 'outline', level } });
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: 'outline',
            levels: [
              { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
              { level: 1, format: LevelFormat.DECIMAL, text: '%2.' },
            ],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph('某乡2025年政务公开工作要点'),
            numbered('强化政策公开', 0),
            numbered('公开惠农政策。（乡农业综合服务中心负责）', 1),
            numbered('深化基层公开', 0),
            numbered('更新村务公开栏。每月更新。（各村民委员会负责）', 1),
          ],
        },
      ],
    });
    await writeFile(file, await Packer.toBuffer(doc));
    const plan = await parsePlanFile(file);
    expect(plan.tasks.map((t) => [t.number, t.path, t.title, t.units, t.deadline])).toEqual([
      ['1.1', ['强化政策公开'], '公开惠农政策', ['乡农业综合服务中心'], null],
      ['2.1', ['深化基层公开'], '更新村务公开栏', ['各村民委员会'], { recurrence: 'monthly' }],
    ]);
  });

  it('reads a .docx through its text', async () => {
    const file = path.join(dir, 'plan.docx');
    const lines = [
      '某区2023年政务公开工作要点',
      '一、深化重点领域公开',
      '（一）加强预决算公开。2023年6月底前完成部门预算公开。（区财政局牵头，区直各单位按职责分工落实）',
      '（二）做好政策解读。每季度发布解读。（区政府办牵头）',
    ];
    const doc = new Document({
      sections: [{ children: lines.map((text) => new Paragraph({ children: [new TextRun(text)] })) }],
    });
    await writeFile(file, await Packer.toBuffer(doc));
    const plan = await parsePlanFile(file);
    expect(plan.year).toBe(2023);
    expect(plan.tasks).toHaveLength(2);
    expect(plan.tasks[0]).toMatchObject({
      number: '1.1',
      title: '加强预决算公开',
      leadUnits: ['区财政局'],
      units: ['区直各单位'],
      deadline: { date: '2023-06-30' },
    });
    expect(plan.tasks[1]).toMatchObject({ leadUnits: ['区政府办'], deadline: { recurrence: 'quarterly' } });
  });

  it('reads .md text and lets the caller set the year', async () => {
    const file = path.join(dir, 'plan.md');
    await writeFile(
      file,
      '\uFEFF# 政务公开工作要点\n\n## 一、基础工作\n\n**1．更新目录。**9月底前完成。（责任单位：县政务中心）\n',
    );
    const plan = await parsePlanFile(file, { year: 2024 });
    expect(plan.year).toBe(2024);
    expect(plan.tasks).toEqual([
      {
        number: '1.1',
        path: ['基础工作'],
        title: '更新目录',
        content: '9月底前完成。',
        leadUnits: [],
        units: ['县政务中心'],
        deadline: { date: '2024-09-30' },
        uncertain: ['“9月底前”未写年份，按计划年度2024年推定'],
      },
    ]);
  });

  it('rejects other file types with an AppError', async () => {
    await expect(parsePlanFile(path.join(dir, 'plan.pdf'))).rejects.toBeInstanceOf(AppError);
  });
});
