/**
 * Deadlines (时限) in plan wording: "2022年底前", "9月底前", "每年1月31日前", "15个工作日内", "实时更新".
 *
 * Decisions (see docs/tasks-plan-parser.md):
 * - "年底前"/"年内" → 31 December of the plan year; "N月底前" → last day of month N of the plan year.
 * - "每年…前" is a yearly recurrence, not a date: the ledger creates one occurrence per year.
 * - Periods counted from an event ("15个工作日内", "3年内") stay as text: they have no fixed date.
 * - A phrase without a year and no plan year stays as text rather than guessing a year.
 */

import { normaliseWidth } from './text.ts';
import type { Deadline, Recurrence } from './types.ts';

/** A deadline phrase found in a text. */
export interface DeadlineHit {
  raw: string;
  index: number;
  deadline: Exclude<Deadline, null>;
  /** The date was completed with the plan year. */
  impliedYear: boolean;
}

/** "cell": a 时限 table cell, where bare words such as "持续推进" are deadlines; "prose": running text. */
type Mode = 'cell' | 'prose';

const CN_NUMBER = /([一二三四五六七八九十两]{1,3})(?=个?(?:工作日|日|天|周|月|年|小时|季度))/g;
const CN_VALUES: Record<string, number> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

function cnToNumber(text: string): string {
  const tenAt = text.indexOf('十');
  if (tenAt === -1) return String(CN_VALUES[text] ?? text);
  const tens = tenAt === 0 ? 1 : (CN_VALUES[text.slice(0, tenAt)] ?? 0);
  const units = CN_VALUES[text.slice(tenAt + 1)] ?? 0;
  return String(tens * 10 + units);
}

function prepare(text: string): string {
  return normaliseWidth(text)
    .replace(/\s+/g, '')
    .replace(CN_NUMBER, (numeral) => cnToNumber(numeral));
}

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

function lastDayOfMonth(year: number, month: number): string | null {
  if (month < 1 || month > 12) return null;
  return isoDate(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate());
}

type DateRule = { re: RegExp; modes: Mode[]; resolve: (m: RegExpExecArray, year: number) => string | null };

const BEFORE = '(?:前|之前|以前)';
const DATE_RULES: DateRule[] = [
  {
    re: new RegExp(`(?:(\\d{4})年)?(\\d{1,2})月(\\d{1,2})[日号]${BEFORE}`, 'g'),
    modes: ['cell', 'prose'],
    resolve: (m, y) => isoDate(y, Number(m[2]), Number(m[3])),
  },
  {
    re: /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})[日号]/g,
    modes: ['cell'],
    resolve: (m, y) => isoDate(y, Number(m[2]), Number(m[3])),
  },
  {
    re: new RegExp(`(?:(\\d{4})年)?(\\d{1,2})月(?:底|末)${BEFORE}?`, 'g'),
    modes: ['cell', 'prose'],
    resolve: (m, y) => lastDayOfMonth(y, Number(m[2])),
  },
  // "第三季度", "一季度", "第4季度末前": the last day of the quarter.
  {
    re: new RegExp(`(?:(\\d{4})年)?(?:第|(?<!\\d))([1-4])季度(?:末|底)?${BEFORE}?`, 'g'),
    modes: ['cell', 'prose'],
    resolve: (m, y) => lastDayOfMonth(y, Number(m[2]) * 3),
  },
  { re: /(?:(\d{4})年)?上半年/g, modes: ['cell', 'prose'], resolve: (_m, y) => isoDate(y, 6, 30) },
  { re: /(?:(\d{4})年)?下半年/g, modes: ['cell', 'prose'], resolve: (_m, y) => isoDate(y, 12, 31) },
  // "11月前" (without 底 or a day): before November begins, the last day of October.
  {
    re: new RegExp(`(?:(\\d{4})年)?(?<!\\d)(\\d{1,2})月份?${BEFORE}`, 'g'),
    modes: ['cell', 'prose'],
    resolve: (m, y) => (Number(m[2]) === 1 ? isoDate(y - 1, 12, 31) : lastDayOfMonth(y, Number(m[2]) - 1)),
  },
  {
    re: new RegExp(`(\\d{4})年(?:底|末|年底|内)${BEFORE}?`, 'g'),
    modes: ['cell', 'prose'],
    resolve: (_m, y) => isoDate(y, 12, 31),
  },
  {
    re: new RegExp(`(?<![\\d年每])(?:年底|年末|年内)${BEFORE}?`, 'g'),
    modes: ['cell', 'prose'],
    resolve: (_m, y) => isoDate(y, 12, 31),
  },
  {
    re: /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/g,
    modes: ['cell'],
    resolve: (m, y) => isoDate(y, Number(m[2]), Number(m[3])),
  },
  // "全年" in a 时限 cell: the work runs through the plan year and is due at its end.
  { re: /(?:(\d{4})年)?全年/g, modes: ['cell'], resolve: (_m, y) => isoDate(y, 12, 31) },
];

type RecurrenceRule = { re: RegExp; modes: Mode[]; recurrence: Recurrence };

const RECURRENCE_RULES: RecurrenceRule[] = [
  {
    re: new RegExp(
      `每年(?:\\d{1,2}月\\d{1,2}[日号]|\\d{1,2}月(?:底|末)|年底|年末|第?\\d季度(?:末|底)?)${BEFORE}?`,
      'g',
    ),
    modes: ['cell', 'prose'],
    recurrence: 'yearly',
  },
  { re: /每年|按年|年度更新/g, modes: ['cell'], recurrence: 'yearly' },
  { re: /每季度?|按季度?|季度更新/g, modes: ['cell', 'prose'], recurrence: 'quarterly' },
  { re: /每月|按月|月度更新/g, modes: ['cell', 'prose'], recurrence: 'monthly' },
  { re: /实时更新|即时更新|随时更新/g, modes: ['cell', 'prose'], recurrence: 'realtime' },
  { re: /实时|即时|随时/g, modes: ['cell'], recurrence: 'realtime' },
  { re: /持续|长期|常态化?|动态更新/g, modes: ['cell'], recurrence: 'continuous' },
];

// "会后", "文件印发后", "收到申请之日起", "招生前": the event a period is counted from, right before it.
const EVENT_BEFORE = /(?:^|(?<=[\s，,；;]))[^\s，,；;。\d]{1,12}(?:后|前|之日起|日起|起)$/;
const RELATIVE = /(?<![\d.])\d{1,3}个?(?:工作日|日|天|周|个月|月|年|小时)(?:内|以内)/g;

/**
 * A half-yearly duty ("每半年公开一次"). Recurrence has no half-year value (it is persisted by the ledger,
 * whose occurrences are monthly, quarterly or yearly), so it stays as the text "每半年", with a note.
 */
const HALF_YEARLY = /每半年|半年一次|按半年/g;
const HALF_YEARLY_TEXT = '每半年';
const HALF_YEARLY_NOTE = '“每半年”为半年一次的周期工作，台账暂无半年周期，时限保留原文';

function mask(text: string, index: number, length: number): string {
  return text.slice(0, index) + ' '.repeat(length) + text.slice(index + length);
}

function scanRecurrences(text: string, mode: Mode, hits: DeadlineHit[]): string {
  let rest = text;
  for (const rule of RECURRENCE_RULES) {
    if (!rule.modes.includes(mode)) continue;
    for (const m of rest.matchAll(rule.re)) {
      hits.push({ raw: m[0], index: m.index, deadline: { recurrence: rule.recurrence }, impliedYear: false });
      rest = mask(rest, m.index, m[0].length);
    }
  }
  return rest;
}

// "到2023年底，…基本建成" is a target the plan aims at, not the due date of a task ("…年底前完成" is).
const TARGET_BEFORE = /(?:到|至|截至|截止到|力争|争取|预计)$/;

function isTarget(text: string, m: RegExpExecArray | RegExpMatchArray): boolean {
  const index = m.index ?? 0;
  return !/前$/.test(m[0]) && TARGET_BEFORE.test(text.slice(Math.max(0, index - 4), index));
}

function scanDates(text: string, mode: Mode, year: number | null, hits: DeadlineHit[]): string {
  let rest = text;
  for (const rule of DATE_RULES) {
    if (!rule.modes.includes(mode)) continue;
    for (const m of rest.matchAll(rule.re)) {
      if (mode === 'prose' && isTarget(rest, m)) continue;
      const explicitYear = m[1] === undefined ? null : Number(m[1]);
      const useYear = explicitYear ?? year;
      const date = useYear === null ? null : rule.resolve(m, useYear);
      const deadline = date === null ? { text: m[0] } : { date };
      hits.push({ raw: m[0], index: m.index, deadline, impliedYear: explicitYear === null && date !== null });
      rest = mask(rest, m.index, m[0].length);
    }
  }
  return rest;
}

function scan(text: string, mode: Mode, year: number | null): DeadlineHit[] {
  const hits: DeadlineHit[] = [];
  let rest = scanRecurrences(prepare(text), mode, hits);
  for (const m of rest.matchAll(HALF_YEARLY)) {
    hits.push({ raw: m[0], index: m.index, deadline: { text: HALF_YEARLY_TEXT }, impliedYear: false });
    rest = mask(rest, m.index, m[0].length);
  }
  rest = scanDates(rest, mode, year, hits);
  for (const m of rest.matchAll(RELATIVE)) {
    // In a 时限 cell the event the period counts from belongs to it ("会后5个工作日内").
    const event = mode === 'cell' ? (EVENT_BEFORE.exec(rest.slice(0, m.index))?.[0] ?? '') : '';
    const raw = event + m[0];
    hits.push({ raw, index: m.index - event.length, deadline: { text: raw }, impliedYear: false });
  }
  return hits.sort((a, b) => a.index - b.index);
}

/** Finds every deadline phrase in running task text, in order of appearance. */
export function findDeadlines(text: string, year: number | null): DeadlineHit[] {
  return scan(text, 'prose', year);
}

/**
 * Chooses one deadline among several: the earliest due date (the first one the ledger must chase),
 * else the first recurrence, else the first relative period. Returns Chinese notes on what was guessed.
 */
export function pickDeadline(
  hits: DeadlineHit[],
  year: number | null,
): { deadline: Deadline; notes: string[] } {
  const dated = hits.filter((h) => 'date' in h.deadline);
  const chosen =
    dated.sort((a, b) => dateOf(a).localeCompare(dateOf(b)))[0] ??
    hits.find((h) => 'recurrence' in h.deadline) ??
    hits[0];
  if (!chosen) return { deadline: null, notes: [] };
  const notes: string[] = [];
  const distinct = [...new Set(hits.map((h) => h.raw))];
  if (distinct.length > 1) notes.push(`发现多个时限（${distinct.join('、')}），取“${chosen.raw}”`);
  if (chosen.impliedYear) notes.push(`“${chosen.raw}”未写年份，按计划年度${year}年推定`);
  if ('text' in chosen.deadline && chosen.deadline.text === HALF_YEARLY_TEXT) notes.push(HALF_YEARLY_NOTE);
  // "11月前" is read literally (before November begins); some offices mean "by the end of November".
  if (/(?<!\d)\d{1,2}月份?(?:前|之前|以前)$/.test(chosen.raw) && 'date' in chosen.deadline)
    notes.push(`“${chosen.raw}”按该月开始之前（${chosen.deadline.date}）计，如指该月底前请修改`);
  return { deadline: chosen.deadline, notes };
}

function dateOf(hit: DeadlineHit): string {
  return 'date' in hit.deadline ? hit.deadline.date : '';
}

/**
 * A date whose 年/月/日 were lost in copying ("2021910" = 2021-09-10), when only one reading is a real
 * date ("2021111" could be 1 November or 11 January: not read).
 */
export function brokenDate(text: string): string | null {
  const match = /^((?:19|20)\d{2})(\d{2,4})$/.exec(text);
  if (!match) return null;
  const [, yearText = '', rest = ''] = match;
  const readings = new Set<string>();
  for (let cut = 1; cut < rest.length; cut++) {
    const month = rest.slice(0, cut);
    const day = rest.slice(cut);
    if (month.length > 2 || day.length > 2 || (/^0/.test(day) && day.length === 1)) continue;
    const date = isoDate(Number(yearText), Number(month), Number(day));
    if (date) readings.add(date);
  }
  return readings.size === 1 ? [...readings][0]! : null;
}

/**
 * Normalises the wording of one deadline (a 时限 cell or a phrase) to a due date, a recurrence or text.
 * `year` completes phrases without a year ("9月底前"); unresolvable wording is returned as `{ text }`.
 */
export function normaliseDeadline(text: string, year: number | null): Deadline {
  const trimmed = normaliseWidth(text);
  if (trimmed === '') return null;
  const broken = brokenDate(trimmed);
  if (broken) return { date: broken };
  const hits = scan(trimmed, 'cell', year);
  const startsRecurring = /^(?:每|按)/.test(prepare(trimmed));
  const recurring = hits.find((h) => 'recurrence' in h.deadline);
  if (startsRecurring && recurring) return recurring.deadline;
  const { deadline } = pickDeadline(hits, year);
  return deadline ?? { text: trimmed };
}
