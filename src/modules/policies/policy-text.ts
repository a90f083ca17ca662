/**
 * What a 规范性文件's own text says about its validity: the 统一登记号, "有效期X年", "有效期至…",
 * "自…起施行" and whether it is 暂行/试行. Pure and tolerant of real input: full-width characters, dash
 * variants, traditional characters, pinyin after characters ("區(qū)"), lines broken anywhere, Chinese
 * numerals. Each finding carries the excerpt it was read from, so the page can show its source; nothing
 * is guessed when the text is ambiguous (two different 有效期 clauses → none, with a warning).
 */

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
  /** The title or text names itself 暂行 or 试行. */
  provisional: boolean;
  /** What the reader could not decide (shown to the user). */
  warnings: string[];
}

const DASH = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D_~～]/g;

/** Folds full-width forms, dashes and pinyin-in-brackets; joins broken lines between CJK characters. */
export function normalisePolicyText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\(([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6})\)/g, '')
    .replace(DASH, '-')
    .replace(/[ \t\u3000]+/g, ' ')
    .replace(/([^\p{ASCII}])\s*\n\s*(?=[^\p{ASCII}])/gu, '$1')
    .replace(/\s*\n\s*/g, '\n');
}

const CN_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
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

/** Registration numbers: letters, a year and a serial, e.g. HHCR-2023-01005, HFGS-2017-9, 湘政发规 not. */
const REGISTRATION = /(?<![A-Z])([A-Z]{2,8})\s*-\s*((?:19|20)\d{2})\s*-\s*(\d{1,6})(?!\d)/g;

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

/** Reads what the text (and its title) says about validity. */
export function readPolicyText(text: string, title = ''): PolicyTextReading {
  const t = normalisePolicyText(text);
  const warnings: string[] = [];

  const regs: Finding<string>[] = [];
  for (const m of t.toUpperCase().matchAll(REGISTRATION))
    regs.push({ value: `${m[1]}-${m[2]}-${m[3]}`, excerpt: m[0].trim() });
  const registrationNumber = unique(regs, '统一登记号', warnings);

  const years: Finding<number>[] = [];
  for (const m of t.matchAll(
    /有效期(?:限)?(?:为|是)?\s*([0-9]{1,2}|[〇零一二两三四五六七八九十]{1,3})\s*年/g,
  )) {
    const n = smallNumber(m[1] as string);
    if (n !== null && n > 0 && n <= 50)
      years.push({ value: n, excerpt: excerptAround(t, m.index, m[0].length) });
  }
  const expiries: Finding<string>[] = [];
  for (const m of t.matchAll(
    new RegExp(String.raw`有效期(?:限)?(?:自[^。；;]{0,30}?)?(?:至|到|截至|截止(?:到|至)?)\s*${DATE}`, 'g'),
  )) {
    const d = dateOf(m[1] as string, m[2] as string, m[3] as string);
    if (d) expiries.push({ value: d, excerpt: excerptAround(t, m.index, m[0].length) });
  }
  const starts: Finding<string | 'publication'>[] = [];
  for (const m of t.matchAll(new RegExp(String.raw`自\s*${DATE}\s*起(?:施行|执行|实施|生效)`, 'g'))) {
    const d = dateOf(m[1] as string, m[2] as string, m[3] as string);
    if (d) starts.push({ value: d, excerpt: excerptAround(t, m.index, m[0].length) });
  }
  for (const m of t.matchAll(/自(?:印发|发布|公布|签发|下发)之日起(?:施行|执行|实施|生效)/g))
    starts.push({ value: 'publication', excerpt: excerptAround(t, m.index, m[0].length) });

  const provisional =
    /[暂暫]行|[试試]行/.test(normalisePolicyText(title)) ||
    /(?:本|此)(?:办法|規定|规定|细则|細則|意见|意見|方案)[^。]{0,6}(?:[暂暫]行|[试試]行)/.test(t);
  return {
    registrationNumber,
    validityYears: unique(years, '有效期年限', warnings),
    expiresOn: unique(expiries, '有效期截止日期', warnings),
    effectiveOn: unique(starts, '施行日期', warnings),
    provisional,
    warnings,
  };
}
