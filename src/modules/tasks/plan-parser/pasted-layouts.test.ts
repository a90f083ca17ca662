import { describe, expect, it } from 'vitest';
import { parsePlanText } from './index.ts';
import type { ParsedTask } from './types.ts';

// Synthetic plans in layouts pasted from office software: tab-separated tables (Excel, Word), tables
// aligned with runs of spaces, unbracketed "X牵头，Y配合" sentences, 〔〕 tails, 任务清单 with field lines.

const CUT = '原文在此处中断，本任务的责任单位和时限可能未显示完整';
const brief = (t: ParsedTask) => ({
  title: t.title,
  lead: t.leadUnits,
  units: t.units,
  deadline: t.deadline,
});

describe('an unbracketed last sentence of unit names and role words', () => {
  const text = [
    '某市2024年政务公开工作要点',
    '一、深化决策公开',
    '（一）推进重大决策预公开。公开决策草案和起草说明，广泛听取公众意见。市司法局牵头，市直各部门配合。',
    '（二）做好政策解读。同步发布解读材料，提高解读质量。市政府办公室负责，市融媒体中心协助。',
    '（三）规范建议提案办理结果公开。集中公开办理复文。市政府督查室主办，各承办单位协办。',
    '（四）完善依申请公开答复。规范答复文书。市政务服务管理局按职责分工负责。',
    '（五）公开预算执行情况。市财政局负责公开预算执行信息。',
  ].join('\n');
  const tasks = parsePlanText(text).tasks;

  it('reads 牵头/配合, 负责/协助 and 主办/协办 as lead and responsible units', () => {
    expect(tasks.slice(0, 4).map((t) => [t.leadUnits, t.units])).toEqual([
      [['市司法局'], ['市直各部门']],
      [['市政府办公室'], ['市融媒体中心']],
      [['市政府督查室'], ['各承办单位']],
      [[], ['市政务服务管理局']],
    ]);
  });

  it('keeps the annotation out of the content', () => {
    expect(tasks[0]!.content).not.toContain('牵头');
    expect(tasks[1]!.content).not.toContain('协助');
  });

  it('leaves a sentence that says what a unit does as content', () => {
    expect(tasks[4]).toMatchObject({ leadUnits: [], units: [] });
    expect(tasks[4]!.content).toContain('市财政局负责公开预算执行信息');
  });
});

describe('tails in 〔〕 and ［］ brackets with a deadline after a comma', () => {
  const text = [
    '某区2025年政务公开工作要点',
    '（一）公开政府债务信息。按季度公开债务限额和余额〔责任单位：区财政局、区审计局，完成时限：2025年6月底前〕。',
    '（二）公开城市管理执法结果。及时公开处罚决定［牵头单位：区城管局；完成时限：2025年9月30日前］',
  ].join('\n');
  const tasks = parsePlanText(text).tasks;

  it('splits the unit list from the deadline', () => {
    expect(tasks.map(brief)).toEqual([
      {
        title: '公开政府债务信息',
        lead: [],
        units: ['区财政局', '区审计局'],
        deadline: { date: '2025-06-30' },
      },
      { title: '公开城市管理执法结果', lead: ['区城管局'], units: [], deadline: { date: '2025-09-30' } },
    ]);
    expect(tasks[0]!.content).not.toContain('〔');
  });
});

describe('a tab-separated table pasted from a spreadsheet', () => {
  const text = [
    '某市2024年政务公开重点任务表',
    '工作任务\t分管领导\t牵头单位\t配合单位\t时限',
    '公开城市更新项目清单\t副市长\t市住建局\t\t2024年9月底前',
    '公开义务教育招生政策\t\t市教育局\t各区教育局\t招生前15日内',
    '公开公共法律服务目录\t局长、主任\t市司法局\t市律师协会\t每季度\t',
  ].join('\n');
  const plan = parsePlanText(text);

  it('reads the columns by header meaning, without a 序号 column, keeping empty cells in place', () => {
    expect(plan.tasks.map(brief)).toEqual([
      { title: '公开城市更新项目清单', lead: ['市住建局'], units: [], deadline: { date: '2024-09-30' } },
      {
        title: '公开义务教育招生政策',
        lead: ['市教育局'],
        units: ['各区教育局'],
        deadline: { text: '招生前15日内' },
      },
      {
        title: '公开公共法律服务目录',
        lead: ['市司法局'],
        units: ['市律师协会'],
        deadline: { recurrence: 'quarterly' },
      },
    ]);
    expect(plan.tasks.map((t) => t.number)).toEqual(['1', '2', '3']);
  });

  it('never lists the people of a leader column as units', () => {
    const named = plan.tasks.flatMap((t) => [...t.leadUnits, ...t.units]);
    for (const person of ['副市长', '局长', '主任']) expect(named).not.toContain(person);
  });

  it('treats a full last row as a complete end', () => {
    expect(plan.tasks.at(-1)!.uncertain).not.toContain(CUT);
  });
});

describe('a table with 序号 and a 责任人 column of names', () => {
  const text = [
    '某县2024年政务公开任务清单',
    '序号\t公开事项\t责任人\t责任单位\t完成时间',
    '1\t公开农村集体资产处置结果\t赵某\t县农业农村局\t处置完成后10个工作日内',
    '2\t公开河湖长制工作情况\t钱某、孙某\t县水利局、各乡镇人民政府\t2024年底前',
  ].join('\n');
  const tasks = parsePlanText(text).tasks;

  it('reads rows by 序号 and keeps names out of the units', () => {
    expect(tasks.map((t) => [t.number, t.units, t.deadline])).toEqual([
      ['1', ['县农业农村局'], { text: '处置完成后10个工作日内' }],
      ['2', ['县水利局', '各乡镇人民政府'], { date: '2024-12-31' }],
    ]);
  });
});

describe('a table aligned with runs of spaces', () => {
  const header = '序号  工作内容  责任人  责任单位  完成时限';
  it('reads it when every row splits into the header’s cells (tabs may be mixed in)', () => {
    const text = [
      '某街道2024年政务公开任务表',
      header,
      '1  公开社区服务事项清单  主任  街道党政办  2024年4月底前',
      '2\t公开居民医保参保指南\t科长\t街道社保所  每年',
    ].join('\n');
    expect(parsePlanText(text).tasks.map((t) => [t.title, t.units, t.deadline])).toEqual([
      ['公开社区服务事项清单', ['街道党政办'], { date: '2024-04-30' }],
      ['公开居民医保参保指南', ['街道社保所'], { recurrence: 'yearly' }],
    ]);
  });

  it('does not cut cells at spaces when a row splits differently', () => {
    const text = [
      '某街道2024年政务公开任务表',
      header,
      '1  公开社区服务事项清单  主任  街道党政办  2024年4月底前',
      '2  公开居民 医保参保指南  科长  街道社保所 每年',
    ].join('\n');
    const named = parsePlanText(text).tasks.flatMap((t) => [...t.leadUnits, ...t.units]);
    expect(named.filter((u) => /公开|主任|科长/.test(u))).toEqual([]);
  });
});

describe('a 任务清单 whose items end with field lines', () => {
  const items = [
    '某乡2024年政务公开工作任务清单',
    '',
    '1.公开乡级部门预算',
    '责任部门：乡财政所',
    '完成时间：2024年4月底前',
    '',
    '2.公开耕地地力保护补贴发放情况',
    '承办单位：乡农业服务站、各村',
  ];

  it('takes a last complete deadline field as a proper end', () => {
    const tasks = parsePlanText([...items, '完成时间：每季度'].join('\n')).tasks;
    expect(tasks.at(-1)).toMatchObject({
      units: ['乡农业服务站', '各村'],
      deadline: { recurrence: 'quarterly' },
    });
    expect(tasks.at(-1)!.uncertain).not.toContain(CUT);
  });

  it('takes a last complete unit field as a proper end', () => {
    const tasks = parsePlanText(items.join('\n')).tasks;
    expect(tasks.at(-1)!.uncertain).not.toContain(CUT);
  });

  it('still flags a field whose value was cut', () => {
    const cut = [...items.slice(0, -1), '承办单位：乡农业服'];
    expect(parsePlanText(cut.join('\n')).tasks.at(-1)!.uncertain).toContain(CUT);
  });
});
