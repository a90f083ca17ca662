import { describe, expect, it } from 'vitest';
import { normaliseDeadline, parsePlanText } from './index.ts';
import type { ParsedTask } from './types.ts';

// Synthetic plans in layouts that offices use and the corpus lacks: borders only between cells, a
// Word table flattened one cell per line without borders, "下同" annotations, quarter deadlines.

const CUT = '原文在此处中断，本任务的责任单位和时限可能未显示完整';
const brief = (t: ParsedTask) => ({
  number: t.number,
  title: t.title,
  lead: t.leadUnits,
  units: t.units,
  deadline: t.deadline,
});

describe('a "|" table with borders only between cells, one row per line', () => {
  const text = [
    '某区2025年政务公开重点任务分工表',
    '',
    '序号 | 工作任务 | 牵头单位 | 协办单位 | 完成时间',
    '1 | 公开年度重大行政决策事项目录 | 区司法局 | 区直各单位 | 2025年3月底前',
    '2 | 做好重点民生资金分配结果公开 | 区财政局 | 区民政局、区教育局 | 每季度',
    '3 | 更新政府信息公开指南 | 区政府办公室 |  | 2025年5月31日前',
    '4 | 推进村务公开目录规范化 | 区农业农村局 | 各镇人民政府 | 长期',
  ].join('\n');
  const plan = parsePlanText(text);

  it('reads every row, keeping an empty cell in its column', () => {
    expect(plan.tasks.map(brief)).toEqual([
      {
        number: '1',
        title: '公开年度重大行政决策事项目录',
        lead: ['区司法局'],
        units: ['区直各单位'],
        deadline: { date: '2025-03-31' },
      },
      {
        number: '2',
        title: '做好重点民生资金分配结果公开',
        lead: ['区财政局'],
        units: ['区民政局', '区教育局'],
        deadline: { recurrence: 'quarterly' },
      },
      {
        number: '3',
        title: '更新政府信息公开指南',
        lead: ['区政府办公室'],
        units: [],
        deadline: { date: '2025-05-31' },
      },
      {
        number: '4',
        title: '推进村务公开目录规范化',
        lead: ['区农业农村局'],
        units: ['各镇人民政府'],
        deadline: { recurrence: 'continuous' },
      },
    ]);
  });

  it('reads the year from a title ending in 分工表', () => {
    expect(plan.year).toBe(2025);
    expect(plan.title).toBe('某区2025年政务公开重点任务分工表');
    expect(plan.warnings).toEqual([]);
  });

  it('does not flag the last row as cut off when the table ends with a full row', () => {
    expect(plan.tasks.at(-1)!.uncertain).not.toContain(CUT);
  });

  it('still flags a last row that stops before its last cell', () => {
    const cut = parsePlanText(`${text}\n5 | 公开政务服务事项清单 | 区行政审批局`);
    expect(cut.tasks).toHaveLength(5);
    expect(cut.tasks.at(-1)!.uncertain).toContain(CUT);
  });

  it('keeps an empty first cell in place', () => {
    const empty = parsePlanText(
      [
        '序号 | 工作任务 | 牵头单位 | 完成时间',
        '1 | 公开行政执法结果 | 区市场监管局 | 2025年6月底前',
        ' | 公开执法检查计划 | 区应急管理局 | 2025年2月底前',
      ].join('\n'),
      { year: 2025 },
    );
    expect(empty.tasks.map((t) => [t.title, t.leadUnits, t.deadline])).toEqual([
      ['公开行政执法结果', ['区市场监管局'], { date: '2025-06-30' }],
      ['公开执法检查计划', ['区应急管理局'], { date: '2025-02-28' }],
    ]);
  });

  it('re-joins a row wrapped over two lines until it has all its borders', () => {
    const wrapped = parsePlanText(
      [
        '序号 | 工作任务 | 牵头单位 | 完成时间',
        '1 | 公开城乡规划调整情况，',
        '同步发布解读材料 | 区自然资源局 | 2025年8月底前',
        '2 | 公开安置房分配结果 | 区住建局 | 2025年10月底前',
      ].join('\n'),
      { year: 2025 },
    );
    expect(wrapped.tasks.map((t) => [t.number, t.title, t.leadUnits])).toEqual([
      ['1', '公开城乡规划调整情况，同步发布解读材料', ['区自然资源局']],
      ['2', '公开安置房分配结果', ['区住建局']],
    ]);
  });

  it('reads rows that start with their number under a header without 序号', () => {
    const noNumber = parsePlanText(
      [
        '重点任务 | 责任单位 | 完成时限',
        '1 | 公开涉企收费目录清单 | 区发改局 | 2025年4月底前',
        '2 | 公开惠企政策兑现情况 | 区工信局、区商务局 | 2025年内',
      ].join('\n'),
      { year: 2025 },
    );
    expect(noNumber.tasks.map(brief)).toEqual([
      {
        number: '1',
        title: '公开涉企收费目录清单',
        lead: [],
        units: ['区发改局'],
        deadline: { date: '2025-04-30' },
      },
      {
        number: '2',
        title: '公开惠企政策兑现情况',
        lead: [],
        units: ['区工信局', '区商务局'],
        deadline: { date: '2025-12-31' },
      },
    ]);
  });
});

describe('a Word table flattened one cell per line, no borders, 工作任务 and 具体措施 columns', () => {
  const text = [
    '附件2',
    '某镇2023年政务公开工作任务清单',
    '序号',
    '工作任务',
    '具体措施',
    '责任单位',
    '完成时限',
    '1',
    '规范政务公开栏',
    '按季度更新村（社区）公开栏内容，做到内容准确、更新及时。',
    '镇党政办、各村（社区）',
    '2023年12月底前',
    '2',
    '做好财政资金公开',
    '公开镇级部门预决算和“三公”经费，细化到功能分类项级科目。',
    '镇财政所',
    '2023年8月底',
    '3',
    '落实依申请公开规范答复',
    '严格按照法定时限答复，规范答复文书格式。',
    '镇司法所',
    '常态化',
  ].join('\n');
  const plan = parsePlanText(text);

  it('takes the 工作任务 cell as title and the 具体措施 cell as content', () => {
    expect(plan.tasks.map((t) => [t.number, t.title, t.content])).toEqual([
      ['1', '规范政务公开栏', '按季度更新村（社区）公开栏内容，做到内容准确、更新及时。'],
      ['2', '做好财政资金公开', '公开镇级部门预决算和“三公”经费，细化到功能分类项级科目。'],
      ['3', '落实依申请公开规范答复', '严格按照法定时限答复，规范答复文书格式。'],
    ]);
  });

  it('reads units and deadlines of each row', () => {
    expect(plan.tasks.map((t) => [t.units, t.deadline])).toEqual([
      [['镇党政办', '各村（社区）'], { date: '2023-12-31' }],
      [['镇财政所'], { date: '2023-08-31' }],
      [['镇司法所'], { recurrence: 'continuous' }],
    ]);
  });

  it('reads the year from the title line after the 附件 line, which is not part of the title', () => {
    expect(plan.year).toBe(2023);
    expect(plan.plans[0]!.title).toBe('某镇2023年政务公开工作任务清单');
    expect(plan.warnings).toEqual([]);
  });

  it('does not flag the last row as cut off when its last cell (the deadline) is there', () => {
    expect(plan.tasks.at(-1)!.uncertain).not.toContain(CUT);
  });

  it('flags a last row whose deadline cell is missing', () => {
    const cut = parsePlanText(text.split('\n').slice(0, -1).join('\n'));
    expect(cut.tasks.at(-1)!.uncertain).toContain(CUT);
  });
});

describe('"下同": an annotation that also applies to the following tasks', () => {
  const text = [
    '某镇2024年政务公开工作要点',
    '一、推进决策公开',
    '1.公开重大决策草案。决策草案公开征求意见不少于30日。（镇党政办牵头，各站所按职责分工负责，下同）',
    '2.做好决策结果公开。及时发布决策结果。',
    '3.开展决策后评估。选取重点决策开展评估。',
    '二、加强平台管理',
    '4.规范公开专栏。栏目内容及时更新。（责任单位：镇综合信息平台）',
    '5.清理僵尸栏目。全面排查空白栏目。',
  ].join('\n');
  const plan = parsePlanText(text);
  const units = plan.tasks.map((t) => [t.number, t.leadUnits, t.units]);

  it('never lists 下同 or a role phrase as a unit, and keeps 各站所 as a set of units', () => {
    expect(units[0]).toEqual(['1.1', ['镇党政办'], ['各站所']]);
    expect(plan.tasks.flatMap((t) => [...t.leadUnits, ...t.units])).not.toContain('下同');
  });

  it('carries the units to the next tasks until one names its own, with a note', () => {
    expect(units.slice(1)).toEqual([
      ['1.2', ['镇党政办'], ['各站所']],
      ['1.3', ['镇党政办'], ['各站所']],
      ['2.4', [], ['镇综合信息平台']],
      ['2.5', [], []],
    ]);
    expect(plan.tasks[1]!.uncertain).toContain('责任单位沿用第1.1项标注“下同”的单位');
    expect(plan.tasks[4]!.uncertain.some((n) => n.includes('下同'))).toBe(false);
  });

  it.each([
    ['（下同）', '（责任单位：镇财政所）（下同）'],
    ['以下同', '（责任单位：镇财政所，以下同）'],
    ['下同。', '（镇财政所负责，下同。）'],
    ['后同', '（镇财政所负责；后同）'],
  ])('reads "%s" the same way', (_label, tail) => {
    const variant = parsePlanText(
      [`1.公开财政预算。按时公开镇级预算。${tail}`, '2.公开财政决算。按时公开镇级决算。'].join('\n'),
    );
    expect(variant.tasks.map((t) => t.units)).toEqual([['镇财政所'], ['镇财政所']]);
    expect(variant.tasks.flatMap((t) => t.uncertain).join()).not.toContain('不是单位名称');
  });
});

describe('unit sets and 同上 in tables', () => {
  it('takes 同上 in a unit cell as the units of the row above', () => {
    const plan = parsePlanText(
      [
        '序号 | 工作任务 | 责任单位 | 完成时限',
        '1 | 公开困难群众救助标准 | 县民政局、各乡镇 | 2024年3月底前',
        '2 | 公开临时救助发放情况 | 同上 | 每季度',
        '3 | 公开就业补贴发放情况 | 县人社局 | 每季度',
      ].join('\n'),
      { year: 2024 },
    );
    expect(plan.tasks.map((t) => t.units)).toEqual([
      ['县民政局', '各乡镇'],
      ['县民政局', '各乡镇'],
      ['县人社局'],
    ]);
    expect(plan.tasks[1]!.uncertain).toContain('责任单位“同上”，取自上一行');
  });

  it('keeps 各责任单位 and 各部门 as unit sets', () => {
    const plan = parsePlanText(
      ['1.落实公开属性源头认定。（各责任单位负责）', '2.做好政策文件解读。（县政府办牵头，各部门配合）'].join(
        '\n',
      ),
    );
    expect(plan.tasks.map((t) => [t.leadUnits, t.units])).toEqual([
      [[], ['各责任单位']],
      [['县政府办'], ['各部门']],
    ]);
  });
});

describe('deadlines offices write: quarters, halves of the year, "N月前", whole-year and standing duties', () => {
  it.each([
    ['2025年第二季度', { date: '2025-06-30' }],
    ['第三季度', { date: '2025-09-30' }],
    ['一季度', { date: '2025-03-31' }],
    ['2025年第四季度末前', { date: '2025-12-31' }],
    ['上半年', { date: '2025-06-30' }],
    ['2025年下半年', { date: '2025-12-31' }],
    ['年底', { date: '2025-12-31' }],
    ['2025年11月前', { date: '2025-10-31' }],
    ['3月份前', { date: '2025-02-28' }],
    ['2025年内', { date: '2025-12-31' }],
    ['全年', { date: '2025-12-31' }],
    ['长期', { recurrence: 'continuous' }],
    ['常态化', { recurrence: 'continuous' }],
    ['随时', { recurrence: 'realtime' }],
    ['每季度', { recurrence: 'quarterly' }],
    ['每半年', { text: '每半年' }],
  ])('%s in a 时限 cell', (cell, expected) => {
    expect(normaliseDeadline(cell, 2025)).toEqual(expected);
  });

  const text = [
    '某街道2025年政务公开工作要点',
    '（一）重点领域公开',
    '1.低保信息公开。每半年公开一次低保对象名单。',
    '责任单位：街道社会事务办',
    '2.物业监管公开。2025年第二季度公开物业服务企业信用评价结果。',
    '责任单位：',
    '街道城管办',
    '3.社区服务公开。下半年完成社区服务事项清单公开。',
    '责任单位：各社区居委会',
    '4.安全生产公开。一季度公开年度执法检查计划。',
    '责任单位：街道应急办',
  ].join('\n');
  const plan = parsePlanText(text);

  it('reads them in running text, with units on the next line', () => {
    expect(plan.tasks.map((t) => [t.number, t.units, t.deadline])).toEqual([
      ['1.1', ['街道社会事务办'], { text: '每半年' }],
      ['1.2', ['街道城管办'], { date: '2025-06-30' }],
      ['1.3', ['各社区居委会'], { date: '2025-12-31' }],
      ['1.4', ['街道应急办'], { date: '2025-03-31' }],
    ]);
  });

  it('says why a half-yearly duty has no date', () => {
    expect(plan.tasks[0]!.uncertain).toContain(
      '“每半年”为半年一次的周期工作，台账暂无半年周期，时限保留原文',
    );
  });

  it('does not take a count of quarters or months for a deadline', () => {
    expect(normaliseDeadline('连续4个季度', 2025)).toEqual({ text: '连续4个季度' });
    expect(
      parsePlanText('1.公开统计数据。发布近3个月前的统计数据。（县统计局）', { year: 2025 }).tasks[0]!
        .deadline,
    ).toBeNull();
  });
});

describe('"XX局等部门": the examples are the units, with a note that there may be more', () => {
  it('in a prose tail and in a table cell', () => {
    const prose = parsePlanText('1.公开收费目录。全面公开涉企收费标准。（县发改局、县市场监管局等部门负责）');
    expect(prose.tasks[0]!.units).toEqual(['县发改局', '县市场监管局']);
    expect(prose.tasks[0]!.uncertain).toContain('责任单位以“等”结尾，可能不止所列单位');
    const table = parsePlanText(
      ['序号 | 工作任务 | 责任单位 | 完成时限', '1 | 公开学校收费项目 | 县教育局等单位 | 2024年11月前'].join(
        '\n',
      ),
      { year: 2024 },
    );
    expect(table.tasks.map((t) => [t.units, t.deadline])).toEqual([[['县教育局'], { date: '2024-10-31' }]]);
    expect(table.tasks[0]!.uncertain.some((n) => n.includes('以“等”结尾'))).toBe(true);
  });

  it('keeps 等有关部门 as a group of its own', () => {
    const plan = parsePlanText('1.公开惠企资金。（责任单位：县工信局等有关部门）');
    expect(plan.tasks[0]!.units).toEqual(['县工信局', '有关部门']);
  });
});
