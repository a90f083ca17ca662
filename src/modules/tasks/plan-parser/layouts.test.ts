import { describe, expect, it } from 'vitest';
import { parsePlanText } from './index.ts';
import type { ParsedTask } from './types.ts';

// Synthetic variants of each layout met in real plans (test/fixtures/work-plans), with other unit
// names, other words and another order, so the rules are tested beyond the corpus.

const brief = (t: ParsedTask) => ({
  number: t.number,
  lead: t.leadUnits,
  units: t.units,
  deadline: t.deadline,
});
const allUnits = (tasks: ParsedTask[]) => tasks.flatMap((t) => [...t.leadUnits, ...t.units]);

describe('bordered table, one cell per line ending in " |", lead and co-operating columns', () => {
  const text = [
    '某县2024年政务公开重点任务分工',
    '序 号 |',
    '重点任务 |',
    '牵头单位 |',
    '配合单位 |',
    '完成时限 |',
    '一、深化决策公开 |',
    '|||||',
    '1 |',
    '完善重大行政决策事项目录，向社会公布。 |',
    '县司法局 |',
    '县直各单位、各乡镇 |',
    '2024年6月底前 |',
    '2 |',
    '推进决策预公开。 |',
    '县政府办 |',
    '|',
    '每季度 |',
    '二、强化政策解读 |',
    '3 |',
    '落实解读方案与政策文件同步审签。 |',
    '县政府办 |',
    '县委宣传部 |',
    '长期 |',
  ].join('\n');
  const plan = parsePlanText(text);

  it('reads lead and co-operating units by the meaning of the header', () => {
    expect(plan.tasks.map(brief)).toEqual([
      { number: '1', lead: ['县司法局'], units: ['县直各单位', '各乡镇'], deadline: { date: '2024-06-30' } },
      { number: '2', lead: ['县政府办'], units: [], deadline: { recurrence: 'quarterly' } },
      { number: '3', lead: ['县政府办'], units: ['县委宣传部'], deadline: { recurrence: 'continuous' } },
    ]);
  });

  it('keeps the chapter rows as the path, not as tasks', () => {
    expect(plan.tasks.map((t) => t.path)).toEqual([['深化决策公开'], ['深化决策公开'], ['强化政策解读']]);
  });
});

describe('bare "|" lines between cells, merged group cells, no numbers', () => {
  const text = [
    '|',
    '工作事项',
    '|',
    '工作内容',
    '|',
    '责任科室',
    '|',
    '|',
    '规范依申请公开',
    '|',
    '健全依申请公开登记、审核、办理、答复、归档工作制度，按时答复申请人。',
    '|',
    '办公室、法规股',
    '|',
    '|',
    '做好政府信息公开年报编制发布，按时间节点在网站公开。',
    '|',
    '办公室',
    '|',
    '|',
    '加强平台建设',
    '|',
    '定期检查网站栏目更新情况，及时清理空白栏目。',
    '|',
    '信息中心',
  ].join('\n');
  const plan = parsePlanText(text);

  it('rebuilds three rows and carries the merged group title down', () => {
    expect(plan.tasks.map((t) => [t.title, t.units])).toEqual([
      ['规范依申请公开', ['办公室', '法规股']],
      ['规范依申请公开', ['办公室']],
      ['加强平台建设', ['信息中心']],
    ]);
    expect(plan.tasks[1]!.content.startsWith('做好政府信息公开年报')).toBe(true);
  });
});

describe('a table copied row by row ("a | b | c |"), status and remark columns', () => {
  const text = [
    '附件：重点工作清单',
    '工作任务 | 具体措施 | 责任部门 | 完成情况 | 备注 |',
    '财政信息公开 | 公开部门预算、决算及“三公”经费。 | 财务科 | 已完成 | 9月底前完成 |',
    '政策解读 | 文件与解读材料同步发布。 | 办公室、业务科 | 推进中 | 需同步报送 |',
  ].join('\n');
  const plan = parsePlanText(text, { year: 2023 });

  it('takes the deadline from 备注, the status apart, and keeps other remarks in the content', () => {
    expect(plan.tasks.map((t) => [t.title, t.units, t.deadline, t.status])).toEqual([
      ['财政信息公开', ['财务科'], { date: '2023-09-30' }, '已完成'],
      ['政策解读', ['办公室', '业务科'], null, '推进中'],
    ]);
    expect(plan.tasks[1]!.content).toContain('备注：需同步报送');
    expect(plan.tasks[0]!.content).not.toContain('已完成');
  });
});

describe('a bordered table whose header is repeated on each page', () => {
  const header = ['序号 |', '任务 |', '责任单位 |', '时限 |'];
  const text = [
    ...header,
    '1 |',
    '梳理公开事项目录。 |',
    '区政务服务管理局 |',
    '2022年3月底 |',
    ...header,
    '2 |',
    '开展标准化培训。 |',
    '区委党校 |',
    '2022年5月15日 |',
  ].join('\n');

  it('reads both rows without taking the header for a row', () => {
    const plan = parsePlanText(text);
    expect(plan.tasks.map(brief)).toEqual([
      { number: '1', lead: [], units: ['区政务服务管理局'], deadline: { date: '2022-03-31' } },
      { number: '2', lead: [], units: ['区委党校'], deadline: { date: '2022-05-15' } },
    ]);
  });
});

describe('one cell per line without borders: chapter rows, bare row numbers, broken dates', () => {
  const text = [
    '某局2023年政务公开工作任务分工',
    '工作任务',
    '工作要求',
    '承办科室',
    '完成时间',
    '一、强化主动公开',
    '（一）做好规划公开',
    '1',
    '及时公开本部门专项规划及其解读材料',
    '规划科',
    '2023815',
    '2',
    '更新规划执行情况专栏，按季度发布进展',
    '规划科、信息中心',
    '年底前',
    '（二）做好财政信息公开',
    '3',
    '公开部门预决算',
    '计财科',
    '每年',
  ].join('\n');
  const plan = parsePlanText(text);

  it('rows follow their numbers; the chapter rows are their path', () => {
    expect(plan.tasks.map(brief)).toEqual([
      { number: '1', lead: [], units: ['规划科'], deadline: { date: '2023-08-15' } },
      { number: '2', lead: [], units: ['规划科', '信息中心'], deadline: { date: '2023-12-31' } },
      { number: '3', lead: [], units: ['计财科'], deadline: { recurrence: 'yearly' } },
    ]);
    expect(plan.tasks[2]!.path).toEqual(['强化主动公开', '做好财政信息公开']);
  });
});

describe('a bordered table with only empty cells', () => {
  it('finds no task and says the table is empty', () => {
    const text = [
      '重点任务 |',
      '牵头部门 |',
      '配合部门 |',
      '一、优化政务服务 |',
      '|||',
      '|',
      '|',
      '|||',
    ].join('\n');
    const plan = parsePlanText(text);
    expect(plan.tasks).toEqual([]);
    expect(plan.warnings.some((w) => w.includes('单元格均为空') && w.includes('优化政务服务'))).toBe(true);
  });
});

describe('prose: several unit tails in one paragraph, a tail on its own line, nested brackets', () => {
  const text = [
    '某市2024年政务公开工作要点',
    '一、推进重点领域公开',
    '（一）加强教育信息公开。公开学校招生政策和结果。（责任单位：市教育局）做好学生资助信息公开。',
    '（责任单位：市教育局、市财政局）',
    '（二）推进医疗信息公开。按季度公开医疗机构服务价格。（市卫生健康委牵头，各县（市、区）人民政府按职责分工负责）',
  ].join('\n');
  const plan = parsePlanText(text);

  it('gives each sentence group its own units and keeps the inner bracket', () => {
    expect(plan.tasks.map(brief)).toEqual([
      { number: '1.1', lead: [], units: ['市教育局'], deadline: null },
      { number: '1.1-2', lead: [], units: ['市教育局', '市财政局'], deadline: null },
      {
        number: '1.2',
        lead: ['市卫生健康委'],
        units: ['各县（市、区）人民政府'],
        deadline: { recurrence: 'quarterly' },
      },
    ]);
  });
});

describe('prose: lead unit on the chapter heading, labelled unit lines', () => {
  const text = [
    '三、优化营商环境（市发展改革委牵头）',
    '（一）公开惠企政策。建立惠企政策清单并动态更新。',
    '（二）公开审批事项。',
    '配合部门：市行政审批局、市市场监管局',
    '四、加强基层公开',
    '（一）推进村务公开。',
    '牵头单位：市民政局',
    '责任单位：各区县民政部门',
  ].join('\n');
  const plan = parsePlanText(text);

  it('inherits the chapter lead and reads the field lines', () => {
    expect(plan.tasks.map(brief)).toEqual([
      { number: '3.1', lead: ['市发展改革委'], units: [], deadline: null },
      { number: '3.2', lead: ['市发展改革委'], units: ['市行政审批局', '市市场监管局'], deadline: null },
      { number: '4.1', lead: ['市民政局'], units: ['各区县民政部门'], deadline: null },
    ]);
    expect(plan.tasks[0]!.uncertain.some((n) => n.includes('优化营商环境'))).toBe(true);
  });
});

describe('global statements: carried to every later task, never a unit', () => {
  it.each([
    ['inside a tail', '（责任单位：县发改局。以下各项任务均需各乡镇人民政府落实，不再逐一列出）'],
    ['as a sentence of its own', '（责任单位：县发改局）\n以下均由各乡镇人民政府负责落实，不再单独列出。'],
  ])('%s', (_name, tail) => {
    const text = [
      '一、稳定经济增长',
      `1.落实减税降费政策。${tail}`,
      '2.加大金融支持力度。（责任单位：县金融办）',
      '3.扩大有效投资。',
    ].join('\n');
    const plan = parsePlanText(text);
    expect(plan.tasks.map((t) => t.units)).toEqual([
      ['县发改局', '各乡镇人民政府'],
      ['县金融办', '各乡镇人民政府'],
      ['各乡镇人民政府'],
    ]);
    for (const unit of allUnits(plan.tasks)) expect(unit).not.toMatch(/以下|不再|列出|落实|负责/);
    expect(plan.tasks.map((t) => t.carriedUnits)).toEqual([
      undefined,
      ['各乡镇人民政府'],
      ['各乡镇人民政府'],
    ]);
  });

  it('a statement in a table cell is carried to the later rows', () => {
    const text = [
      '任务 |',
      '责任单位 |',
      '时限 |',
      '公开重大项目批准信息。 |',
      '市发改委。以下均需各县市区落实，不再逐一列出 |',
      '持续推进 |',
      '公开项目实施信息。 |',
      '市住建局 |',
      '年底前 |',
    ].join('\n');
    const plan = parsePlanText(text, { year: 2022 });
    expect(plan.tasks.map((t) => t.units)).toEqual([
      ['市发改委', '各县市区'],
      ['市住建局', '各县市区'],
    ]);
  });
});

describe('prose: numbering that runs on across chapters, aim headings, deadlines that lead the item', () => {
  const text = [
    '某区2025年政务公开工作要点',
    '一、总体要求',
    '（一）基本原则',
    '坚持依法公开、真实公开。',
    '（二）主要目标',
    '到2025年底，基本建成公开标准体系。',
    '二、重点任务',
    '（三）2025年9月底前，完成主动公开目录修订。',
    '（四）每月更新政策文件库。',
    '（五）力争到2026年，实现公开事项全覆盖。',
  ].join('\n');
  const plan = parsePlanText(text);

  it('keeps the printed numbers and skips the aims', () => {
    expect(plan.tasks.map(brief)).toEqual([
      { number: '2.3', lead: [], units: [], deadline: { date: '2025-09-30' } },
      { number: '2.4', lead: [], units: [], deadline: { recurrence: 'monthly' } },
      { number: '2.5', lead: [], units: [], deadline: null },
    ]);
  });
});

describe('traditional characters with pinyin noise', () => {
  it('reads units and deadlines as simplified text', () => {
    const text = [
      '一、規(guī)範公開',
      '（一）編製公開事項目錄。2021年10月底前完成。（縣數據資源局牽頭，各鄉(xiāng)鎮(zhèn)政府按職責分工負責）',
    ].join('\n');
    const plan = parsePlanText(text);
    expect(plan.tasks.map(brief)).toEqual([
      { number: '1.1', lead: ['县数据资源局'], units: ['各乡镇政府'], deadline: { date: '2021-10-31' } },
    ]);
    expect(plan.tasks[0]!.title).toBe('编制公开事项目录');
  });
});

describe('a plan run into one paragraph', () => {
  it('is cut again at its numbering', () => {
    const text =
      '某镇2023年政务公开工作要点为做好全年工作，现提出以下任务：一、深化重点领域公开（一）做好财政信息公开。' +
      '按时公开镇级预决算。（责任单位：财政所）（二）做好民生信息公开。公开低保、特困供养对象。' +
      '（责任单位：民政办）二、加强平台建设（一）办好镇政府网站栏目。（责任单位：党政办）';
    const plan = parsePlanText(text);
    expect(plan.tasks.map((t) => [t.number, t.title, t.units])).toEqual([
      ['1.1', '做好财政信息公开', ['财政所']],
      ['1.2', '做好民生信息公开', ['民政办']],
      ['2.1', '办好镇政府网站栏目', ['党政办']],
    ]);
  });
});

describe('a Markdown table', () => {
  it('reads its rows by position, the header rule is no row', () => {
    const text = [
      '| 序号 | 工作任务 | 责任单位 | 完成时限 |',
      '|---|---|---|:---:|',
      '| 1 | 公开部门预算。 | 区财政局 | 2024年3月底前 |',
      '| 2 | 更新权责清单。 | 区委编办、区司法局 | 持续推进 |',
    ].join('\n');
    const plan = parsePlanText(text);
    expect(plan.tasks.map(brief)).toEqual([
      { number: '1', lead: [], units: ['区财政局'], deadline: { date: '2024-03-31' } },
      { number: '2', lead: [], units: ['区委编办', '区司法局'], deadline: { recurrence: 'continuous' } },
    ]);
  });
});

describe('a row-per-line table with section rows and role words in the unit cells', () => {
  const text = [
    '重点任务 | 牵头单位 | 配合单位 | 完成时限 |',
    '一、优化政务服务 |',
    '更新办事指南 | 县数据资源局 | 县直各部门 | 2023年6月30日 |',
    '二、加强政策公开 |',
    '公开重大项目信息 | 县发改局牵头，县住建局配合 |  | 年内 |',
    '公开惠企政策 | 县经信局 |',
  ].join('\n');
  const plan = parsePlanText(text, { year: 2023 });

  it('takes section rows as the path, reads role words, keeps a cut row left-aligned', () => {
    expect(plan.tasks.map((t) => [t.path, t.title, t.leadUnits, t.units, t.deadline])).toEqual([
      [['优化政务服务'], '更新办事指南', ['县数据资源局'], ['县直各部门'], { date: '2023-06-30' }],
      [['加强政策公开'], '公开重大项目信息', ['县发改局'], ['县住建局'], { date: '2023-12-31' }],
      [['加强政策公开'], '公开惠企政策', ['县经信局'], [], null],
    ]);
  });
});

describe('fields inside a tail: a deadline, and people who are no units', () => {
  const text = [
    '一、深化公开',
    '（一）公开预算。到2025年底实现全覆盖。（责任单位：县财政局，完成时限：2024年6月底前）',
    '（二）公开决算。（牵头领导：张某某；牵头单位：县审计局；责任单位：各乡镇）',
  ].join('\n');
  const plan = parsePlanText(text);

  it('takes the 完成时限 field as the deadline and never lists a person', () => {
    expect(plan.tasks.map(brief)).toEqual([
      { number: '1.1', lead: [], units: ['县财政局'], deadline: { date: '2024-06-30' } },
      { number: '1.2', lead: ['县审计局'], units: ['各乡镇'], deadline: null },
    ]);
    expect(plan.tasks[1]!.uncertain).toContain('“牵头领导：张某某”不是单位名称，未列为责任单位');
  });

  it('a 分管领导 column is a remark, not units', () => {
    const table = parsePlanText(
      ['工作任务 | 分管领导 | 责任单位 |', '公开财政信息。 | 李某 | 县财政局 |'].join('\n'),
    );
    expect(table.tasks.map((t) => [t.leadUnits, t.units])).toEqual([[[], ['县财政局']]]);
    expect(table.tasks[0]!.content).toContain('备注：李某');
  });
});

describe('a global statement in the introduction', () => {
  it('applies to every task of the plan', () => {
    const text = [
      '某县2024年政务公开工作要点',
      '以下各项任务均需各乡镇人民政府落实，不再逐一列出。',
      '一、推进决策公开',
      '（一）公开决策事项目录。（责任单位：县司法局）',
      '（二）开展决策预公开。',
    ].join('\n');
    const plan = parsePlanText(text);
    expect(plan.tasks.map((t) => t.units)).toEqual([['县司法局', '各乡镇人民政府'], ['各乡镇人民政府']]);
  });
});
