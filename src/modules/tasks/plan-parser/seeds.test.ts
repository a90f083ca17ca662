import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatTasksJson, type ParsedTask, parsePlanText } from './index.ts';

// Copies of /work/shared/seeds kept in the repository so CI on a clean checkout has them.
const SEEDS = new URL('../../../../test/fixtures/seeds/', import.meta.url);
const readSeed = (name: string) => readFileSync(new URL(name, SEEDS), 'utf8');

const SEED_000 = readSeed('000_7bfb2416ddecac10.txt');
const SEED_001 = readSeed('001_7b2ffd6707d440fa.txt');
const SEED_002 = readSeed('002_31608f0e7daf9638.txt');
const SEED_003 = readSeed('003_b7eafef4efe96bfa.txt');
const SEED_004 = readSeed('004_1a2c1f892ceb81ac.txt');

type Expected = Partial<Pick<ParsedTask, 'title' | 'path' | 'leadUnits' | 'units' | 'deadline'>>;

function expectTasks(tasks: ParsedTask[], expected: Record<string, Expected>): void {
  for (const [number, fields] of Object.entries(expected)) {
    const task = tasks.find((t) => t.number === number);
    expect(task, `task ${number}`).toBeDefined();
    expect(task, `task ${number}`).toMatchObject(fields);
  }
}

describe('seed 000 — 中方县 task table flattened one cell per line', () => {
  const plan = parsePlanText(SEED_000);

  it('rebuilds the 14 rows across repeated page headers', () => {
    expect(plan.tasks).toHaveLength(14);
    expect(plan.tasks.map((t) => t.number)).toEqual(Array.from({ length: 14 }, (_, i) => String(i + 1)));
    expect(plan.plans).toHaveLength(1);
    expect(plan.plans[0]?.title).toBe('贯彻落实湖南省政府办公厅2022年政务公开工作要点任务分工');
  });

  it('reads the metadata, repairing the damaged document number with a warning', () => {
    expect(plan).toMatchObject({
      title: '关于印发贯彻落实湖南省政府办公厅2022年政务公开工作要点任务分工的通知',
      year: 2022,
      issuer: '中方县政务公开政务服务工作领导小组办公室',
      docNumber: '中县政务公开〔2022〕10号',
    });
    expect(plan.warnings.some((w) => w.includes('中县政务公开202210'))).toBe(true);
  });

  it('splits each row into domain, content, requirement, units and deadline', () => {
    expectTasks(plan.tasks, {
      '1': { title: '“三大支撑八项重点', units: ['各有关部门'], deadline: { recurrence: 'realtime' } },
      '2': {
        title: '优化营商环境',
        units: ['县发改局', '县市场监管局'],
        deadline: { recurrence: 'realtime' },
      },
      '6': { title: '民生领', units: ['县直各有关单'], deadline: { recurrence: 'monthly' } },
      '8': { title: '公共企事业单位信息公开', units: ['县住建局'], deadline: { date: '2022-12-31' } },
      '12': { title: '基层政务公开', units: ['县政务中心', '县财政局'], deadline: { date: '2022-12-31' } },
      '14': { title: '公开制', leadUnits: [], units: ['直各单位'], deadline: { recurrence: 'continuous' } },
    });
    const row2 = plan.tasks[1]!;
    expect(row2.content.startsWith('严格落实全国统一的市场准入负面清单制度')).toBe(true);
    expect(row2.content).toContain('工作要求：在网站开设“双随机、一公开”和行政执法专栏及时发布有关信息。');
  });

  it('flags cells cut at the column edge', () => {
    const row6 = plan.tasks[5]!;
    expect(row6.uncertain).toContain('责任单位“县直各有关单”可能缺字');
    expect(row6.uncertain).toContain('公开领域“民生领”可能缺字');
  });

  it('does not leak page furniture into the last row', () => {
    expect(plan.tasks[13]!.content).not.toContain('扫一扫');
  });
});

describe('seed 001 — 道县 2017, six chapters with (责任单位：…)', () => {
  const plan = parsePlanText(SEED_001);

  // 25 numbered items (3+6+6+3+3+4) plus 9 unnumbered paragraphs that carry their own
  // (责任单位：…) after a numbered item whose units were already given: each names different units, so
  // each is a separate line in the ledger. The closing paragraph of 六（四） has no units and stays
  // part of 六（四）.
  it('finds 34 tasks: 25 numbered and 9 unnumbered paragraphs with their own units', () => {
    expect(plan.tasks).toHaveLength(34);
    expect(plan.tasks.filter((t) => t.number.includes('-'))).toHaveLength(9);
    expect(plan).toMatchObject({
      title: '道县2017年政务公开工作要点',
      year: 2017,
      issuer: '道县人民政府办公室',
    });
    expect(plan.docNumber).toBeNull();
  });

  it('reads numbers, titles, units and deadlines', () => {
    expectTasks(plan.tasks, {
      '1.1': {
        path: ['围绕深化改革推进公开'],
        title: '全面推进权力清单和责任清单公开',
        units: ['县编办', '县法制办', '县人社局', '县政务中心', '各乡镇人民政府（街道办事处）'],
        deadline: { date: '2017-09-30' },
      },
      '1.2-2': {
        path: ['围绕深化改革推进公开', '加快推进市场监管公开透明'],
        title: '加快推进企业信用信息公示系统建设',
        units: ['县食药工商质监局'],
        deadline: null,
      },
      '1.3-2': {
        units: ['县教育局', '县卫计委', '县住建局', '行业主管部门'],
        deadline: { date: '2017-12-31' },
      },
      '3.5': { title: '推进环境保护信息公开', deadline: { recurrence: 'quarterly' } },
      '5.1': { units: ['县政府办', '县政务服务中心'], deadline: { text: '3个工作日内' } },
      '6.3': { units: ['县政务公开办'], deadline: { text: '3年内' } },
      '6.4': { title: '加强组织领导和督查考核', leadUnits: [], units: [], deadline: { date: '2017-12-15' } },
    });
  });

  it('keeps the unnumbered closing paragraph and drops the signature', () => {
    const last = plan.tasks.at(-1)!;
    expect(last.number).toBe('6.4');
    expect(last.content).toContain('抓紧制定本要点具体实施方案');
    expect(last.content).not.toContain('道县人民政府办公室');
    expect(last.uncertain.some((n) => n.includes('发现多个时限'))).toBe(true);
  });
});

describe('seed 002 — 江西省 2022, sixteen numbered tasks', () => {
  const plan = parsePlanText(SEED_002);

  it('finds 16 tasks and ignores the web page after the text', () => {
    expect(plan.tasks).toHaveLength(16);
    expect(plan.tasks.at(-1)!.content).not.toContain('原文链接');
    expect(plan).toMatchObject({ year: 2022, issuer: '江西省人民政府办公厅', docNumber: null });
  });

  it('numbers （一）…（十六） under their chapters and reads deadlines', () => {
    expectTasks(plan.tasks, {
      '1.1': { path: ['聚焦双“一号工程”,以公开促落实'], title: '加强涉及数字经济发展的信息公开', units: [] },
      '3.7': { title: '推进基层政务公开标准化规范化建设', deadline: { date: '2022-10-31' } },
      '3.8': { deadline: { recurrence: 'yearly' } },
      '3.9': { title: '规范公共企事业单位信息公开', deadline: { date: '2022-12-31' } },
      '5.16': { path: ['聚焦问题导向,强化政务公开保障'], title: '抓好工作落实', deadline: null },
    });
  });
});

describe('seed 003 — 张家界市, one notice with two plans', () => {
  const plan = parsePlanText(SEED_003);
  const [services, disclosure] = plan.plans;

  it('splits the two plans with 34 and 20 tasks', () => {
    expect(plan.plans.map((p) => [p.title, p.tasks.length])).toEqual([
      ['张家界市2022年政务管理服务工作要点', 34],
      ['张家界市2022年政务公开工作要点', 20],
    ]);
    expect(plan.tasks).toHaveLength(54);
    expect(plan).toMatchObject({
      year: 2022,
      issuer: '张家界市人民政府办公室',
      docNumber: '张政办发〔2022〕14号',
    });
  });

  it('reads lead units and units of the 政务管理服务 plan, carrying 各区县人民政府 forward', () => {
    expectTasks(services!.tasks, {
      '1.1': {
        title: '构建"一件事一次办"全方位政务服务体系',
        leadUnits: ['市行政审批服务局', '市政务服务中心'],
        units: ['市直及驻张相关单位', '各区县人民政府'],
      },
      '1.3': {
        units: [
          '市人力资源社会保障局',
          '市医保局',
          '市教育局',
          '市公安局',
          '市卫生健康委',
          '市民政局',
          '市自然资源和规划局',
          '市住房公积金管理中心',
          '市直及驻张相关单位',
          '各区县人民政府',
        ],
      },
      '2.9': {
        leadUnits: ['张家界高新区管委会', '市行政审批服务局', '市政务服务中心'],
        deadline: { date: '2022-12-31' },
      },
      '7.34': {
        path: ['持续优化营商政务环境'],
        title: '抓牢抓实"走流程、解难题、优服务"行动',
        leadUnits: ['市行政审批服务局', '市政务服务中心'],
        units: ['市直及驻张相关单位', '各区县人民政府'],
      },
    });
    expect(services!.tasks[1]!.uncertain).toContain(
      '责任单位“各区县人民政府”沿用前文“以下均需各区县人民政府负责，不再列出”',
    );
  });

  it('reads the 政务公开 plan, completing month deadlines with the plan year', () => {
    expectTasks(disclosure!.tasks, {
      '1.1': {
        title: '严格执行政务公开制度',
        leadUnits: [],
        units: ['市直及驻张相关单位', '各区县人民政府'],
      },
      '1.3': { leadUnits: ['市政务服务中心'], deadline: { date: '2022-09-30' } },
      '1.4': { leadUnits: ['市政务服务中心', '市司法局'], deadline: { date: '2022-06-30' } },
      '2.12': { leadUnits: ['公共企事业单位相应行政主管部门'], units: ['各区县人民政府'] },
      '5.20': { title: '强化绩效考核和督促指导', leadUnits: ['市政务服务中心'], deadline: null },
    });
  });
});

describe('seed 004 — 开福区, Markdown-like with broken lines', () => {
  const plan = parsePlanText(SEED_004);

  it('finds 17 tasks and the metadata', () => {
    expect(plan.tasks).toHaveLength(17);
    expect(plan).toMatchObject({
      title: '关于印发《开福区2022年政务公开工作要点》的通知',
      year: 2022,
      issuer: '长沙市开福区政务公开和政务服务工作领导小组办公室',
      docNumber: '开政务公开办发〔2022〕1号',
    });
  });

  it('reads bold headings, mixed brackets and lines broken mid-sentence', () => {
    expectTasks(plan.tasks, {
      '1.1': {
        title: '加强“强省会”战略实施信息公开',
        leadUnits: ['区市监局', '区工信局', '区发改局', '区商务局', '区科技局', '区金融事务中心'],
        units: ['区直相关单位', '各街道办事处'],
      },
      '2.8': { leadUnits: ['公共企事业单位相应行政主管部门'], units: [] },
      '3.10': { leadUnits: ['区行政审批局', '区数据资源中心'], units: ['区直相关单位', '街道办事处'] },
      '4.13': { leadUnits: ['区数据资源中心'], units: ['区直相关单位'], deadline: { date: '2022-12-31' } },
      '5.17': { path: ['强化工作指导和监督评价'], title: '开展评估评议', units: [], deadline: null },
    });
    expect(plan.tasks[1]!.content).toContain('持续推进反垄断和反不正当竞争执法信息公开');
  });
});

describe('formatTasksJson', () => {
  it('prints every task with exactly the CLI keys, in order', () => {
    const json = JSON.parse(formatTasksJson(parsePlanText(SEED_004))) as Record<string, unknown>[];
    expect(json).toHaveLength(17);
    for (const task of json) {
      expect(Object.keys(task)).toEqual([
        'number',
        'path',
        'title',
        'content',
        'leadUnits',
        'units',
        'deadline',
      ]);
    }
    expect(json[12]).toMatchObject({ number: '4.13', deadline: { date: '2022-12-31' } });
  });
});
