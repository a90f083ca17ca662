/**
 * What a 规范性文件's own text says about its validity: the 统一登记号, "有效期X年", "有效期至…",
 * "自…起施行" and whether it is 暂行/试行. Pure and tolerant of real input: full-width characters, dash
 * variants, traditional characters (OpenCC, docs/adr/0008), pinyin after characters ("區(qū)"), lines broken anywhere, Chinese
 * numerals. Each finding carries the excerpt it was read from, so the page can show its source; nothing
 * is guessed when the text is ambiguous (two different 有效期 clauses → none, with a warning).
 */

import { addDays } from '../../lib/calendar/index.ts';
import { toSimplified } from '../../lib/chinese-script.ts';

export interface Finding<T> {
  value: T;
  /** The words the value was read from, as they stand (normalised spacing). */
  excerpt: string;
}

export interface PolicyTextReading {
  registrationNumber: Finding<string> | null;
  /** "有效期X年" / "有效期为X年" / "有效期限X年". */
  validityYears: Finding<number> | null;
  /** "有效期至2025年6月3日" / "有效期自…至…". */
  expiresOn: Finding<string> | null;
  /** "自2021年5月1日起施行"; 'publication' for "自印发/发布/公布之日起施行". */
  effectiveOn: Finding<string | 'publication'> | null;
  /**
   * "自发布之日起30日后施行": the days after publication. The date depends on the 公布日期, which the text
   * does not give: effectiveOn stays null and a warning asks the user to confirm.
   */
  effectiveAfterDays: Finding<number> | null;
  /** The title or text names itself 暂行 or 试行. */
  provisional: boolean;
  /** What the reader could not decide (shown to the user). */
  warnings: string[];
}

const DASH = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D_~～]/g;

const PINYIN = /(?<=[\u4e00-\u9fff])\(([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[1-5]?)\)/gi;

/** Chinese-numeral dates ("二〇二一年五月一日", "二○二一年十二月三十一日") → "2021年5月1日". */
const CN_DATE =
  /([〇零○Ｏ一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,2})\s*月\s*([一二三四五六七八九十]{1,3})\s*日/g;
const CN_YEAR_DIGIT: Record<string, string> = { 〇: '0', 零: '0', '○': '0', Ｏ: '0' };

function arabicDates(text: string): string {
  return text.replace(CN_DATE, (all, y: string, m: string, d: string) => {
    const year = [...y].map((c) => CN_YEAR_DIGIT[c] ?? String(CN_DIGITS[c] ?? '')).join('');
    const month = smallNumber(m);
    const day = smallNumber(d);
    return year.length === 4 && month && day ? `${year}年${month}月${day}日` : all;
  });
}

/**
 * Folds full-width forms, dashes, traditional characters, Chinese-numeral dates and pinyin-in-brackets;
 * joins lines broken between CJK characters (and between a CJK character and a digit, as PDFs break them).
 */
export function normalisePolicyText(text: string): string {
  const folded = toSimplified(text)
    .replace(/[○Ｏ]/g, '〇')
    .normalize('NFKC')
    .replace(PINYIN, '')
    .replace(DASH, '-')
    .replace(/[ \t\u3000\u00a0]+/g, ' ')
    .replace(/([^\s!-~])[ ]*\r?\n\s*(?=[^\s!-~])/g, '$1')
    .replace(/([^\s!-~])[ ]*\r?\n\s*(?=\d)/g, '$1')
    .replace(/(\d)[ ]*\r?\n\s*(?=[年月日\d])/g, '$1')
    .replace(/\s*\n\s*/g, '\n');
  return arabicDates(folded);
}

const CN_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  '○': 0,
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

/** "5", "五", "十", "十二", "二十" → number (null if not a small number). */
export function smallNumber(s: string): number | null {
  if (/^\d{1,3}$/.test(s)) return Number(s);
  if (!/^[〇零一二两三四五六七八九十]{1,3}$/.test(s)) return null;
  if (!s.includes('十')) return s.length === 1 ? (CN_DIGITS[s] ?? null) : null;
  const [tens, ones] = s.split('十') as [string, string];
  const t = tens === '' ? 1 : CN_DIGITS[tens];
  const o = ones === '' ? 0 : CN_DIGITS[ones];
  return t === undefined || o === undefined ? null : t * 10 + o;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** "2025年6月3日" / "2025-06-03" / "2025.6.3" → '2025-06-03' when it is a real date. */
export function dateOf(y: string, m: string, d: string): string | null {
  const [yy, mm, dd] = [Number(y), Number(m), Number(d)];
  if (!(yy >= 1949 && yy <= 2100 && mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31)) return null;
  const iso = `${yy}-${pad(mm)}-${pad(dd)}`;
  const t = new Date(`${iso}T00:00:00Z`);
  return t.getUTCMonth() + 1 === mm ? iso : null;
}
const DATE = String.raw`(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?`;

/**
 * Registration numbers: letters (some provinces add a 2-digit organ code: ZJSP01), a year and a serial,
 * e.g. HHCR-2023-01005, HFGS-2017-9, ZJSP01-2021-0005. Not 发文字号 such as 湘政发〔2021〕5号.
 */
const REGISTRATION = /(?<![A-Z0-9])([A-Z]{2,8}\d{0,3})\s*-\s*((?:19|20)\d{2})\s*-\s*(\d{1,6})(?![\d-])/g;

const excerptAround = (text: string, index: number, length: number) =>
  text
    .slice(Math.max(0, index - 8), Math.min(text.length, index + length + 8))
    .replace(/\n/g, ' ')
    .trim();

function unique<T>(found: Finding<T>[], what: string, warnings: string[]): Finding<T> | null {
  const values = [...new Set(found.map((f) => JSON.stringify(f.value)))];
  if (values.length > 1) {
    warnings.push(
      `正文中有多个不同的${what}（${found.map((f) => f.excerpt).join('；')}），未采用，请人工确认`,
    );
    return null;
  }
  return found[0] ?? null;
}

const NUMBER = '([0-9]{1,3}|[〇零一二两三四五六七八九十]{1,3})';
const TAKES_EFFECT = '(?:施行|执行|实施|生效)';
const PUBLICATION = '(?:印发|发布|公布|签发|下发|颁布)';
/** A clause about another instrument ("自2020年1月1日起施行的《条例》") is not about this document. */
const NOT_ATTRIBUTIVE = '(?![的之])';

function validityYearsIn(t: string): Finding<number>[] {
  const out: Finding<number>[] = [];
  for (const m of t.matchAll(new RegExp(String.raw`有效期(?:限)?(?:为|是)?[:：]?\s*${NUMBER}\s*年`, 'g'))) {
    const n = smallNumber(m[1] as string);
    if (n !== null && n > 0 && n <= 50)
      out.push({ value: n, excerpt: excerptAround(t, m.index, m[0].length) });
  }
  return out;
}

/** "有效期至…", "有效期为X至Y", "有效期自X起至Y止": the end date; the start date (if any) is a 施行 date. */
/**
 * Dates in the labelled metadata block real pages print above the text (“生效日期: 2020-06-03  失效日期:
 * 2025-06-03”, “施行时间：…”, “有效期至：…”), labels and values possibly on separate lines. 失效日期 is read
 * as the first day no longer in force (so 有效期至 is the day before) and said so; a 废止日期/时间 is only
 * reported: a 废止 needs its repealing document, which the label does not name.
 */
function labelledDatesIn(
  t: string,
  warnings: string[],
): { starts: Finding<string>[]; ends: Finding<string>[] } {
  const starts: Finding<string>[] = [];
  const ends: Finding<string>[] = [];
  const at = (label: string) => new RegExp(String.raw`(?:${label})\s*[:：]?\s*${DATE}`, 'g');
  const each = (label: string, f: (d: string, excerpt: string) => void) => {
    for (const m of t.matchAll(at(label))) {
      const d = dateOf(m[1] as string, m[2] as string, m[3] as string);
      if (d) f(d, m[0].replace(/\s+/g, ' ').trim());
    }
  };
  each('(?:生效|施行|实施)(?:日期|时间)', (d, excerpt) => starts.push({ value: d, excerpt }));
  each('有效期至|有效期截止(?:日期|时间)?', (d, excerpt) => ends.push({ value: d, excerpt }));
  each('失效(?:日期|时间)', (d, excerpt) => {
    const until = addDays(d, -1);
    ends.push({ value: until, excerpt });
    warnings.push(`页面标注“${excerpt}”：按自该日起失效理解，有效期至 ${until}，请核对`);
  });
  each('废止(?:日期|时间)', (_d, excerpt) =>
    warnings.push(
      `页面标注“${excerpt}”：废止须有废止它的文件为依据，未自动记录，请在文件库中记录废止及其依据`,
    ),
  );
  return { starts, ends };
}

function validityPeriodsIn(t: string): { ends: Finding<string>[]; starts: Finding<string>[] } {
  const ends: Finding<string>[] = [];
  const starts: Finding<string>[] = [];
  const re = new RegExp(
    String.raw`有效期(?:限)?(?:为|是)?[:：]?\s*(?:(?:自|从)?\s*${DATE}\s*(?:起)?\s*)?(?:至|到|截至|截止(?:到|至)?)\s*${DATE}`,
    'g',
  );
  for (const m of t.matchAll(re)) {
    const excerpt = excerptAround(t, m.index, m[0].length);
    const end = dateOf(m[4] as string, m[5] as string, m[6] as string);
    if (end) ends.push({ value: end, excerpt });
    if (m[1]) {
      const start = dateOf(m[1], m[2] as string, m[3] as string);
      if (start) starts.push({ value: start, excerpt });
    }
  }
  return { ends, starts };
}

function effectiveClausesIn(t: string) {
  const starts: Finding<string | 'publication'>[] = [];
  const afterDays: Finding<number>[] = [];
  for (const m of t.matchAll(
    new RegExp(String.raw`(?:自|从|于)\s*${DATE}\s*起?\s*${TAKES_EFFECT}${NOT_ATTRIBUTIVE}`, 'g'),
  )) {
    const d = dateOf(m[1] as string, m[2] as string, m[3] as string);
    if (d) starts.push({ value: d, excerpt: excerptAround(t, m.index, m[0].length) });
  }
  for (const m of t.matchAll(new RegExp(`自${PUBLICATION}之日起${TAKES_EFFECT}${NOT_ATTRIBUTIVE}`, 'g')))
    starts.push({ value: 'publication', excerpt: excerptAround(t, m.index, m[0].length) });
  for (const m of t.matchAll(
    new RegExp(
      String.raw`自${PUBLICATION}之日起(?:满)?\s*${NUMBER}\s*(?:日|天|个工作日)(?:后|以后|之后)?(?:起)?${TAKES_EFFECT}`,
      'g',
    ),
  )) {
    const n = smallNumber(m[1] as string);
    if (n !== null && n > 0) afterDays.push({ value: n, excerpt: excerptAround(t, m.index, m[0].length) });
  }
  return { starts, afterDays };
}

/** Reads what the text (and its title) says about validity. */
export function readPolicyText(text: string, title = ''): PolicyTextReading {
  const t = normalisePolicyText(text);
  const warnings: string[] = [];

  const regs: Finding<string>[] = [];
  for (const m of t.toUpperCase().matchAll(REGISTRATION))
    regs.push({ value: `${m[1]}-${m[2]}-${m[3]}`, excerpt: m[0].trim() });
  const registrationNumber = unique(regs, '统一登记号', warnings);

  const periods = validityPeriodsIn(t);
  const clauses = effectiveClausesIn(t);
  const effectiveAfterDays = unique(clauses.afterDays, '施行时间', warnings);
  if (effectiveAfterDays)
    warnings.push(
      `正文规定“${effectiveAfterDays.excerpt}”：施行日期取决于公布日期，未自动推算，请按公布日期确认施行日期`,
    );
  const labels = labelledDatesIn(t, warnings);
  const effectiveOn = unique([...clauses.starts, ...periods.starts, ...labels.starts], '施行日期', warnings);

  const provisional =
    /暂行|试行/.test(normalisePolicyText(title)) ||
    /(?:本|此)(?:办法|规定|细则|意见|方案|规程|标准|制度)[^。]{0,6}(?:暂行|试行)/.test(t);
  return {
    registrationNumber,
    validityYears: unique(validityYearsIn(t), '有效期年限', warnings),
    expiresOn: unique([...periods.ends, ...labels.ends], '有效期截止日期', warnings),
    effectiveOn,
    effectiveAfterDays,
    provisional,
    warnings,
  };
}
