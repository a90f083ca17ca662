/**
 * The annual report's tables 三 and 四 (国办公开办函〔2021〕30号) computed from the cases, with the
 * cross-checks the format prescribes. Pure: the repository supplies the cases.
 *
 * Counting rules (documented in docs/workflows/info-requests.md):
 * - 一 新收: date of receipt in the year (a case still 待确认 has no date of receipt and is not counted);
 * - 二 上年结转: received before the year and not concluded before it;
 * - 三 办理结果: concluded in the year (concluded = answered, or closed by the 补正 job), by decision;
 * - 四 结转下年度: received by 31 Dec and not concluded by then;
 * - 转办 cases are counted by the unit that handles them, not by the one that passed them on.
 */
import {
  DECISION_GROUPS,
  DECISIONS,
  type Decision,
  REPORT_CATEGORIES,
  REPORT_CATEGORY_LABELS,
  type ReportCategory,
} from './info-request.model.ts';

/** One case as the statistics see it. */
export interface StatsCase {
  reportCategory: string;
  decision: string | null;
  receivedOn: string;
  /** Date the case was concluded (answered, or closed without an answer), or null while open. */
  concludedOn: string | null;
}

export type Column = ReportCategory | 'total';
export const COLUMNS: readonly Column[] = [...REPORT_CATEGORIES, 'total'];
const COLUMN_LABELS: Record<Column, string> = { ...REPORT_CATEGORY_LABELS, total: '总计' };

export type RowKey = 'new' | 'carried_in' | Decision | 'outcome_total' | 'carried_out';
export type Counts = Record<Column, number>;

export interface Table3Row {
  key: RowKey;
  /** Exact label of the annual report row. */
  label: string;
  /** For outcome rows: the group caption ('（三）不予公开' …) the row sits under, else null. */
  group: string | null;
  values: Counts;
}

export interface Table3 {
  year: number;
  rows: Table3Row[];
}

export interface CrossCheck {
  name: string;
  passed: boolean;
  detail: string;
}

const GROUP_CAPTIONS: Record<string, string> = {
  withheld: '（三）不予公开',
  unavailable: '（四）无法提供',
  not_handled: '（五）不予处理',
  other: '（六）其他处理',
};

const zero = (): Counts => Object.fromEntries(COLUMNS.map((c) => [c, 0])) as Counts;

function bump(counts: Counts, category: string): void {
  if ((REPORT_CATEGORIES as readonly string[]).includes(category)) counts[category as ReportCategory]++;
  counts.total++;
}

function outcomeRows(): Table3Row[] {
  const keys = Object.keys(DECISIONS) as Decision[];
  const ordered = DECISION_GROUPS.flatMap((g) => keys.filter((k) => DECISIONS[k].group === g));
  return ordered.map((key) => ({
    key,
    label: DECISIONS[key].reportLabel,
    group: GROUP_CAPTIONS[DECISIONS[key].group] ?? null,
    values: zero(),
  }));
}

/**
 * The rows of table 三 of `year` a case is counted in: 一 or 二, then its decision's row (and （七）) or
 * 四. Empty when the case does not belong to the year. buildTable3 counts with it, and the report's
 * "records behind a cell" lists use it, so both always agree.
 */
export function rowsOfCase(c: StatsCase, year: number): RowKey[] {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  if (c.receivedOn > end) return [];
  if (c.concludedOn !== null && c.concludedOn < start) return [];
  const rows: RowKey[] = [c.receivedOn >= start ? 'new' : 'carried_in'];
  if (c.concludedOn !== null && c.concludedOn <= end) {
    if (c.decision && c.decision in DECISIONS) rows.push(c.decision as Decision, 'outcome_total');
  } else rows.push('carried_out');
  return rows;
}

/** Table 三 of `year` from the cases (each case counted in every row it belongs to). */
export function buildTable3(cases: readonly StatsCase[], year: number): Table3 {
  const fresh = zero();
  const carriedIn = zero();
  const carriedOut = zero();
  const outcomes = outcomeRows();
  const byDecision = new Map(outcomes.map((r) => [r.key, r]));
  for (const c of cases) {
    for (const key of rowsOfCase(c, year)) {
      if (key === 'new') bump(fresh, c.reportCategory);
      else if (key === 'carried_in') bump(carriedIn, c.reportCategory);
      else if (key === 'carried_out') bump(carriedOut, c.reportCategory);
      else if (key !== 'outcome_total') {
        const r = byDecision.get(key);
        if (r) bump(r.values, c.reportCategory);
      }
    }
  }
  const total = zero();
  for (const r of outcomes) for (const col of COLUMNS) total[col] += r.values[col];
  return {
    year,
    rows: [
      { key: 'new', label: '一、本年新收政府信息公开申请数量', group: null, values: fresh },
      { key: 'carried_in', label: '二、上年结转政府信息公开申请数量', group: null, values: carriedIn },
      ...outcomes,
      { key: 'outcome_total', label: '（七）总计', group: null, values: total },
      { key: 'carried_out', label: '四、结转下年度继续办理', group: null, values: carriedOut },
    ],
  };
}

function row(t: Table3, key: RowKey): Counts {
  const r = t.rows.find((x) => x.key === key);
  if (!r) throw new Error(`Missing row ${key}`);
  return r.values;
}

/**
 * The format's checks: per column 一 + 二 = 三（七） + 四; the 总计 column is the sum of the six others;
 * （七） is the sum of the outcome rows; and, when next year's table is given, 四 of this year = 二 of next.
 */
export function crossChecks(t: Table3, next?: Table3): CrossCheck[] {
  const checks: CrossCheck[] = [];
  const [n, ci, tot, co] = [
    row(t, 'new'),
    row(t, 'carried_in'),
    row(t, 'outcome_total'),
    row(t, 'carried_out'),
  ];
  for (const col of COLUMNS) {
    const left = n[col] + ci[col];
    const right = tot[col] + co[col];
    checks.push({
      name: `${COLUMN_LABELS[col]}：一 + 二 = 三（七） + 四`,
      passed: left === right,
      detail: `${n[col]} + ${ci[col]} = ${left}；${tot[col]} + ${co[col]} = ${right}`,
    });
  }
  const badRows = t.rows.filter(
    (r) => REPORT_CATEGORIES.reduce((s, c) => s + r.values[c], 0) !== r.values.total,
  );
  checks.push({
    name: '总计列 = 其余六列之和',
    passed: badRows.length === 0,
    detail: badRows.length ? `不相等的行：${badRows.map((r) => r.label).join('、')}` : '各行均相等',
  });
  const outcomes = t.rows.filter((r) => r.key in DECISIONS);
  const sum = outcomes.reduce((s, r) => s + r.values.total, 0);
  checks.push({
    name: '（七）总计 = 各项办理结果之和',
    passed: sum === tot.total,
    detail: `${sum} / ${tot.total}`,
  });
  if (next) {
    const nextIn = row(next, 'carried_in');
    const bad = COLUMNS.filter((c) => co[c] !== nextIn[c]);
    checks.push({
      name: `${t.year} 年“四、结转下年度”= ${next.year} 年“二、上年结转”`,
      passed: bad.length === 0,
      detail: bad.length
        ? `不相等的列：${bad.map((c) => COLUMN_LABELS[c]).join('、')}`
        : `${co.total} = ${nextIn.total}`,
    });
  }
  return checks;
}

/** Table 四 columns: 行政复议, then 行政诉讼 未经复议直接起诉 and 复议后起诉, each with five results. */
export const TABLE4_RESULTS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;
const TABLE4_BLOCKS = ['行政复议', '行政诉讼·未经复议直接起诉', '行政诉讼·复议后起诉'] as const;

export interface Table4 {
  blocks: { label: string; values: number[] }[];
  /** Why the numbers are what they are (shown next to the table). */
  note: string;
}

/** A 复议/诉讼 record as table 四 sees it (kind and result keys of info-request-appeals.ts). */
export interface StatsAppeal {
  kind: string;
  result: string;
  concludedOn: string | null;
}

const APPEAL_BLOCK: Record<string, number> = { review: 0, litigation_direct: 1, litigation_after_review: 2 };
const APPEAL_RESULT_COLUMN: Record<string, number> = { upheld: 0, corrected: 1, other: 2, pending: 3 };

/**
 * Where a 复议/诉讼 counts in table 四: its block (0 复议, 1 直接起诉, 2 复议后起诉) and result column
 * (0–3; every record also counts in the block's 总计, column 4). Null for an unknown kind.
 */
export function appealCell(a: StatsAppeal, year?: number): { block: number; column: number } | null {
  const block = APPEAL_BLOCK[a.kind];
  if (block === undefined) return null;
  const late = a.concludedOn === null || (year !== undefined && a.concludedOn > `${year}-12-31`);
  return { block, column: late ? 3 : (APPEAL_RESULT_COLUMN[a.result] ?? 2) };
}

/**
 * Table 四 of `year` from the 复议/诉讼 filed in that year: a case not concluded by 31 Dec counts
 * as 尚未审结 whatever its later result. Without records every number is 0 and the note says so.
 */
export function buildTable4(appeals: readonly StatsAppeal[] = [], year?: number): Table4 {
  const blocks = TABLE4_BLOCKS.map((label) => ({ label, values: TABLE4_RESULTS.map(() => 0) }));
  for (const a of appeals) {
    const at = appealCell(a, year);
    const block = at ? blocks[at.block] : undefined;
    if (!at || !block) continue;
    block.values[at.column] = (block.values[at.column] ?? 0) + 1;
    block.values[4] = (block.values[4] ?? 0) + 1;
  }
  return {
    blocks,
    note: appeals.length
      ? `根据本系统登记的 ${appeals.length} 件行政复议、行政诉讼案件（按申请或起诉日期计入年度；年底未审结的计为“尚未审结”）`
      : '本系统尚未登记行政复议、行政诉讼案件，表中数字均为 0，请按实际情况核对填写',
  };
}
