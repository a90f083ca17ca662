/**
 * 信箱办理情况统计 (issue 13 item 1: public statistics per unit and month — 收到, 已办结, 办结率, 平均办理用时,
 * 满意率; the national inspection checks that they are public, regulations §8). Pure: the service reads one
 * record per letter received in the period and the working-day count from the calendar; the figures and the
 * letters behind each one are computed here, with the rule of each figure in FIGURE_RULES (shown on the page).
 */

/** One letter as the statistics see it (received in the period). */
export interface StatsRecord {
  id: number;
  reference: string;
  title: string;
  channelId: number;
  /** The handling unit; null while the letter waits to be routed. */
  unitId: number | null;
  status: string;
  receivedOn: string;
  dueOn: string;
  /** The day the latest reply was sent. */
  answeredOn: string | null;
  /** The day the first reply (round 1) was sent: the handling time counts to it. */
  firstAnsweredOn: string | null;
  /** The China day it was closed without a reply (spam, duplicate, out of scope …). */
  closedOn: string | null;
  rating: string | null;
}

/** The figures of the table, in order. */
export const STATS_FIGURES = [
  'received',
  'done',
  'doneRate',
  'avgWorkingDays',
  'onTimeRate',
  'satisfactionRate',
] as const;
export type StatsFigure = (typeof STATS_FIGURES)[number];

/** Which letters stand behind a figure (the staff page lists them). */
export const MEMBER_SETS = ['received', 'done', 'answered', 'on_time', 'late', 'rated', 'satisfied'] as const;
export type MemberSet = (typeof MEMBER_SETS)[number];
export const MEMBER_SET_LABELS: Record<MemberSet, string> = {
  received: '收到的来信',
  done: '已办结的来信',
  answered: '已答复的来信',
  on_time: '按期办结的来信',
  late: '逾期办结的来信',
  rated: '来信人已评价的来信',
  satisfied: '满意或基本满意的来信',
};

export const FIGURE_LABELS: Record<StatsFigure, string> = {
  received: '收到',
  done: '已办结',
  doneRate: '办结率',
  avgWorkingDays: '平均办理用时（工作日）',
  onTimeRate: '按期办结率',
  satisfactionRate: '满意率',
};

/** How each figure is computed (the page shows these sentences). */
export const FIGURE_RULES: Record<StatsFigure, string> = {
  received: '统计期内收到的来信件数（按收到之日计，含尚未分办的来信）。',
  done: '其中已答复的来信，加上因垃圾信息、重复来信、不属于受理范围等原因依规关闭的无效来信。',
  doneRate: '已办结 ÷ 收到。',
  avgWorkingDays:
    '已答复来信从收到之日到首次答复之日经过的工作日数的平均值（按工作日历扣除节假日、计入调休上班日；当日答复计 0 日）。',
  onTimeRate: '已办结来信中，在答复期限（含转办后的期限、追问后的期限）当日或之前办结的比例。',
  satisfactionRate: '（满意 + 基本满意）÷ 来信人已评价的件数；同时列出已评价件数。',
};

export interface StatsRow {
  received: number;
  done: number;
  answered: number;
  onTime: number;
  rated: number;
  satisfied: number;
  /** Sum of the working days of the answered letters (for the mean). */
  workingDaysTotal: number;
  /** done / received, or null when nothing was received. */
  doneRate: number | null;
  /** Mean working days from received to first reply, one decimal, or null when none was answered. */
  avgWorkingDays: number | null;
  onTimeRate: number | null;
  satisfactionRate: number | null;
}

const SATISFIED_RATINGS = new Set(['satisfied', 'basically']);

/** The day a letter was finished (answered or closed), or null while it is open. */
export function doneOn(r: StatsRecord): string | null {
  if (r.status === 'answered') return r.answeredOn;
  if (r.status === 'closed') return r.closedOn;
  return null;
}

/** Whether `r` belongs to `set`. */
export function inSet(r: StatsRecord, set: MemberSet): boolean {
  switch (set) {
    case 'received':
      return true;
    case 'done':
      return doneOn(r) !== null;
    case 'answered':
      return r.status === 'answered' && r.firstAnsweredOn !== null;
    case 'on_time': {
      const d = doneOn(r);
      return d !== null && d <= r.dueOn;
    }
    case 'late': {
      const d = doneOn(r);
      return d !== null && d > r.dueOn;
    }
    case 'rated':
      return r.rating !== null;
    case 'satisfied':
      return r.rating !== null && SATISFIED_RATINGS.has(r.rating);
  }
}

/** A ratio rounded to a tenth of a percent (0.8947 → 89.5), or null for an empty denominator. */
export function percent(n: number, of: number): number | null {
  return of === 0 ? null : Math.round((n / of) * 1000) / 10;
}

/**
 * The figures of a set of letters. `workingDays(from, to)` counts the working days in (from, to] (the
 * calendar's countWorkingDays).
 */
export function computeStats(
  records: readonly StatsRecord[],
  workingDays: (fromExclusive: string, toInclusive: string) => number,
): StatsRow {
  let done = 0;
  let answered = 0;
  let onTime = 0;
  let rated = 0;
  let satisfied = 0;
  let workingDaysTotal = 0;
  for (const r of records) {
    if (inSet(r, 'done')) done++;
    if (inSet(r, 'on_time')) onTime++;
    if (inSet(r, 'rated')) rated++;
    if (inSet(r, 'satisfied')) satisfied++;
    if (inSet(r, 'answered') && r.firstAnsweredOn) {
      answered++;
      workingDaysTotal += Math.max(0, workingDays(r.receivedOn, r.firstAnsweredOn));
    }
  }
  return {
    received: records.length,
    done,
    answered,
    onTime,
    rated,
    satisfied,
    workingDaysTotal,
    doneRate: percent(done, records.length),
    avgWorkingDays: answered === 0 ? null : Math.round((workingDaysTotal / answered) * 10) / 10,
    onTimeRate: percent(onTime, done),
    satisfactionRate: percent(satisfied, rated),
  };
}

export interface GroupedStats<K> {
  key: K;
  row: StatsRow;
}

/** The figures per group (unit or box), groups in first-seen order of `order`, then the rest. */
export function statsBy<K>(
  records: readonly StatsRecord[],
  keyOf: (r: StatsRecord) => K,
  workingDays: (fromExclusive: string, toInclusive: string) => number,
): GroupedStats<K>[] {
  const groups = new Map<K, StatsRecord[]>();
  for (const r of records) {
    const k = keyOf(r);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  return [...groups].map(([key, rs]) => ({ key, row: computeStats(rs, workingDays) }));
}

/** A statistics period: one month ('2026-04') or a whole year ('2026'). */
export interface StatsPeriod {
  label: string;
  from: string;
  to: string;
  /** The value of the picker ('2026-04' or '2026'). */
  value: string;
}

/** Parses the month picker's value; null when it is not a month or a year. */
export function parsePeriod(value: string | undefined | null): StatsPeriod | null {
  const v = (value ?? '').trim();
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(v);
  if (month) {
    const y = Number(month[1]);
    const m = Number(month[2]);
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return { label: `${y}年${m}月`, from: `${v}-01`, to: `${v}-${String(last).padStart(2, '0')}`, value: v };
  }
  if (/^(19|20)\d{2}$/.test(v)) return { label: `${v}年`, from: `${v}-01-01`, to: `${v}-12-31`, value: v };
  return null;
}

/** The month of a day ('2026-04-17' → '2026-04'). */
export const monthOf = (day: string) => day.slice(0, 7);

/** The last `n` months up to the month of `today`, newest first (for the picker). */
export function recentMonths(today: string, n: number): string[] {
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7));
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m--;
    if (m === 0) {
      m = 12;
      y--;
    }
  }
  return out;
}

/** "89.5%", or "—" when there is nothing to divide. */
export function formatPercent(p: number | null): string {
  return p === null ? '—' : `${p}%`;
}
