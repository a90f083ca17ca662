/**
 * What the demo 年度报告 (demo-reports.ts) contain: which units have a report in which state, the text
 * that replaces the draft's prompts, the figures no module holds, and the table 三 of the older year's
 * published paper report (the platform holds no cases for it). Pure data and pure functions.
 */
import {
  type Cell,
  emptyTable2,
  emptyTable3,
  TABLE3_COLUMNS,
  type Table2,
  type Table3,
  type Table3RowKey,
} from '../../modules/reports/report.model.ts';

/** Where a demo report ends up: 草稿, 审核中 (awaiting 保密审查), or 已发布. */
export type DemoReportState = 'draft' | 'in_review' | 'published';

export interface DemoReport {
  /** Unit name (demo-units.ts). */
  unit: string;
  /** Demo account that writes it (demo-units.ts). */
  by: string;
  state: DemoReportState;
  /**
   * How a 已发布 report is published: 'review' = 保密审查 by `secrecy` and 审核 by `reviewer` (the demo
   * has them at 县发改局 only); 'force' = 强制发布 with a recorded reason (no demo 保密审查员 on the unit).
   */
  publish?: 'review' | 'force';
  /** Whether the draft's 【请填写…】 prompts are replaced by text (all but `keepPrompts`). */
  filled: boolean;
  keepPrompts?: readonly ('overview' | 'problems' | 'other')[];
  /**
   * Applications the older year's paper report carried into the newer year beyond those the platform
   * holds (自然人): the newer report's “二、上年结转” then differs from it — the demo's failing 勾稽.
   */
  unrecordedCarryOver?: number;
}

/** The older ended year: both published. */
export const OLDER_REPORTS: readonly DemoReport[] = [
  { unit: '县发展和改革局', by: 'clerk', state: 'published', publish: 'review', filled: true },
  { unit: '示范县人民政府', by: 'gkadmin', state: 'published', publish: 'force', filled: true },
];

/** The newer ended year: the county's draft, units in every state; the others 未开始. */
export const NEWER_REPORTS: readonly DemoReport[] = [
  { unit: '示范县人民政府', by: 'gkadmin', state: 'draft', filled: false },
  {
    unit: '县发展和改革局',
    by: 'clerk',
    state: 'draft',
    filled: true,
    keepPrompts: ['problems'],
    unrecordedCarryOver: 1,
  },
  { unit: '县财政局', by: 'czjclerk', state: 'in_review', filled: true },
  { unit: '县市场监督管理局', by: 'scjclerk', state: 'published', publish: 'force', filled: true },
  { unit: '县卫生健康局', by: 'gkadmin', state: 'draft', filled: false },
  { unit: '城关镇人民政府', by: 'gkadmin', state: 'draft', filled: false },
];

export const FORCE_REASON = '演示数据初始化：年度报告补录（本单位未设演示保密审查员）';

/**
 * The text for each prompt of the draft (report-draft-text.ts), found by a word of the prompt. Two
 * wordings alternate by year so consecutive reports are not copies of each other (内容雷同).
 */
const PROMPT_TEXT: readonly { match: string; text: readonly [string, string] }[] = [
  {
    match: '总体部署',
    text: [
      '坚持以公开为常态、不公开为例外，将政务公开纳入年度重点工作，主要负责同志专题研究部署',
      '调整充实政务公开工作领导小组，明确分管负责同志和专职工作人员，按季度调度公开工作进展',
    ],
  },
  {
    match: '重点领域',
    text: [
      '重点公开了财政预决算、重大建设项目和惠民惠农补贴等信息',
      '围绕优化营商环境、乡村振兴和民生保障，集中发布了政策文件及解读',
    ],
  },
  {
    match: '主动公开政府信息的数量',
    text: [
      '全年主动公开政府信息，涵盖机构职能、政策文件和重点领域信息',
      '通过政府网站和政务新媒体主动公开各类政府信息，做到应公开尽公开',
    ],
  },
  {
    match: '信息发布审查',
    text: [
      '严格执行信息发布“三审三校”和保密审查制度，全年未发生泄密和不当公开事件；按要求开展规范性文件清理，及时更新有效性标识。',
      '落实公开前保密审查和发布审核，建立政府信息公开属性源头认定机制；对主动公开目录进行动态调整。',
    ],
  },
  {
    match: '公开平台',
    text: [
      '依托县政府门户网站政府信息公开专栏集中发布信息，政务新媒体同步转载，网站全年平稳运行。',
      '完成政府信息公开专栏栏目优化，规范政务新媒体账号管理，开通长者模式和无障碍浏览。',
    ],
  },
  {
    match: '组织领导',
    text: [
      '将政务公开纳入年度绩效考核，组织业务培训两次，接受社会评议，未发生因公开工作被追责的情况。',
      '制定政务公开工作年度任务清单，开展专题培训一次、自查两次，发现的问题均已整改。',
    ],
  },
  {
    match: '整改情况',
    text: [
      '上年度报告所列栏目更新不及时的问题已通过建立月度检查制度整改到位。存在的问题：政策解读形式较为单一，基层公开标准化规范化水平有待提高。改进措施：增加图解、问答等解读形式，加强对基层公开工作的指导。',
      '上年度报告所列政策解读形式单一的问题已通过增加图解和问答整改。存在的问题：依申请公开答复的说理还不够充分。改进措施：完善答复文书模板，重要答复经法制审核后出具。',
    ],
  },
  {
    match: '工作要点',
    text: [
      '按照上级年度政务公开工作要点逐项制定任务清单，各项任务均已按期完成。',
      '对照上级工作要点分解落实任务，按季度报送进展，年度任务全部完成。',
    ],
  },
  {
    match: '人大代表建议',
    text: [
      '本年度承办人大代表建议和政协提案共 6 件，均已按期办结并公开办理结果。',
      '本年度承办人大代表建议 3 件、政协提案 2 件，办理复文已全部公开。',
    ],
  },
  {
    match: '创新',
    text: [
      '开展“政府开放日”活动，邀请群众代表走进机关，现场了解政策制定和执行情况。',
      '在政务服务大厅设立政务公开专区，提供政策查询和咨询服务。',
    ],
  },
];

/** Replaces every 【请填写…】/【请补充…】 prompt of `text` by the demo's wording for `year`. */
export function fillPrompts(text: string, year: number): string {
  return text.replace(/【请(?:填写|补充)([^】]*)】/g, (_all, what: string) => {
    const entry = PROMPT_TEXT.find((p) => what.includes(p.match));
    return entry?.text[year % 2] ?? '';
  });
}

/**
 * 许可, 处罚, 强制 and 收费 (万元) of a unit and year: no module holds them; a clerk enters them from the
 * unit's own ledgers. Deterministic from the unit's place in the demo and the year.
 */
export function enteredFigures(unitIndex: number, year: number): Record<string, string> {
  const k = unitIndex + 1;
  const y = year % 10;
  return {
    'v.table2.行政许可': String(8 * k + 3 * y),
    'v.table2.行政处罚': String((5 * k + y) % 23),
    'v.table2.行政强制': String((k + y) % 4),
    'v.table2.行政事业性收费': k % 3 === 0 ? '0' : ((12.5 * k + y) / 10).toFixed(2),
  };
}

/** The table 二 singles of `enteredFigures`, as a paper report prints them. */
export function enteredTable2(unitIndex: number, year: number): Table2 {
  const v = enteredFigures(unitIndex, year);
  return {
    ...emptyTable2(),
    行政许可: Number(v['v.table2.行政许可']),
    行政处罚: Number(v['v.table2.行政处罚']),
    行政强制: Number(v['v.table2.行政强制']),
    行政事业性收费: Number(v['v.table2.行政事业性收费']),
  };
}

/** Outcome rows of the paper reports and their share of the concluded applications. */
const OUTCOME_SHARES: readonly [Table3RowKey, number][] = [
  ['三(一)', 0.5],
  ['三(二)', 0.15],
  ['三(三)4', 0.1],
  ['三(四)1', 0.15],
  ['三(五)2', 0.1],
];

/**
 * Table 三 of a published paper report that balances in every column (一 + 二 = 三（七） + 四, 总计 =
 * the six columns): `carriedOut` is its 四 (7 numbers; the 总计 is recomputed), the rest follows from
 * `seed`. Every outcome row not used is 0, as a paper report prints it.
 */
export function paperTable3(seed: number, carriedOut: readonly number[]): Table3 {
  const t = emptyTable3();
  const cols = TABLE3_COLUMNS.length - 1;
  const fresh = [6 + (seed % 5) * 2, seed % 3, 0, (seed + 1) % 2, seed % 2, 1];
  const carriedIn = [seed % 3, 0, 0, 0, 0, 0];
  const out = Array.from({ length: cols }, (_, c) => carriedOut[c] ?? 0);
  const rows = Object.fromEntries(Object.keys(t).map((k) => [k, Array<number>(cols).fill(0)])) as Record<
    Table3RowKey,
    number[]
  >;
  for (let c = 0; c < cols; c++) {
    // A paper report carries at most what it received: keep 三（七） non-negative.
    const received = (fresh[c] ?? 0) + (carriedIn[c] ?? 0);
    if (out[c]! > received) fresh[c] = (fresh[c] ?? 0) + out[c]! - received;
    rows.一[c] = fresh[c] ?? 0;
    rows.二[c] = carriedIn[c] ?? 0;
    rows.四[c] = out[c]!;
    const concluded = rows.一[c]! + rows.二[c]! - rows.四[c]!;
    // The last row takes what the shares leave, so the rows add up to 三（七） exactly.
    let left = concluded;
    for (const [i, [key, share]] of OUTCOME_SHARES.entries()) {
      const n = i === OUTCOME_SHARES.length - 1 ? left : Math.min(left, Math.floor(concluded * share));
      rows[key][c] = n;
      left -= n;
    }
    rows['三(七)'][c] = concluded;
  }
  for (const key of Object.keys(t) as Table3RowKey[]) {
    const values: Cell[] = [...rows[key]];
    values.push(rows[key].reduce((s, n) => s + n, 0));
    t[key] = values;
  }
  return t;
}
