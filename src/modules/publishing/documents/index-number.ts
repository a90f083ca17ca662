/**
 * 索引号 (index number) of a 政府信息: unique per document and never changed once assigned.
 *
 * The 2008 national catalogue rule (regulations §9) is `<organ code>/<4-digit year>-<5-digit sequence>`
 * (000014349/2017-00110). Real sites vary (18-character credit codes, yyyymm, longer sequences), so the
 * pattern is configuration made of tokens:
 *
 *   {code}      the unit's code (letters and digits)
 *   {yyyy}      year of the document; {yy} two-digit year
 *   {mm}        month, two digits; {yyyymm} year and month
 *   {seq:N}     the sequence, zero-padded to N digits (1–12)
 *
 * Any other character is literal. The sequence restarts in every period named by the date tokens present
 * ({@link indexNumberPeriod}); the caller keeps one counter per (unit, period).
 */

/** Regulations §9 (national catalogue rule, 2008): 000014349/2017-00110. */
export const DEFAULT_INDEX_NUMBER_PATTERN = '{code}/{yyyy}-{seq:5}';
/** Widest sequence a pattern may ask for. */
const INDEX_NUMBER_MAX_SEQ_WIDTH = 12;
/** Unit codes: organisation codes (9 characters) or 统一社会信用代码 (18), letters and digits only. */
const INDEX_NUMBER_CODE_PATTERN = /^[0-9A-Za-z]{1,32}$/;

type Token =
  | { kind: 'literal'; text: string }
  | { kind: 'code' | 'yyyy' | 'yy' | 'mm' | 'yyyymm' }
  | { kind: 'seq'; width: number };

const DATE_TOKEN_WIDTH = { yyyy: 4, yy: 2, mm: 2, yyyymm: 6 } as const;

/** Result of {@link validateIndexNumberPattern}. */
export type PatternValidation = { ok: true } | { ok: false; reason: string };

function tokenOf(name: string): Token | string {
  if (name === 'code' || name === 'yyyy' || name === 'yy' || name === 'mm' || name === 'yyyymm') {
    return { kind: name };
  }
  const seq = /^seq:(\d{1,2})$/.exec(name);
  if (!seq) return `未知的占位符 {${name}}`;
  const width = Number(seq[1]);
  if (width < 1 || width > INDEX_NUMBER_MAX_SEQ_WIDTH) {
    return `流水号位数应为1至${INDEX_NUMBER_MAX_SEQ_WIDTH}位`;
  }
  return { kind: 'seq', width };
}

/** Splits a pattern into tokens, or returns a Chinese reason why it is malformed. */
function tokenize(pattern: string): Token[] | string {
  const tokens: Token[] = [];
  const re = /\{([^{}]*)\}|([^{}]+)|([{}])/g;
  for (const m of pattern.matchAll(re)) {
    if (m[3]) return '索引号规则中的花括号不成对';
    if (m[2]) {
      tokens.push({ kind: 'literal', text: m[2] });
      continue;
    }
    const token = tokenOf(m[1] ?? '');
    if (typeof token === 'string') return token;
    tokens.push(token);
  }
  return tokens;
}

function problemsOf(tokens: Token[]): string | null {
  const count = (kind: Token['kind']) => tokens.filter((t) => t.kind === kind).length;
  if (count('code') !== 1) return '索引号规则须包含且只包含一个 {code}（单位编码）';
  if (count('seq') !== 1) return '索引号规则须包含且只包含一个流水号 {seq:N}';
  const kinds = tokens.map((t) => t.kind);
  if (count('yyyy') + count('yy') + count('yyyymm') > 1) return '索引号规则中的年份只能出现一次';
  if (count('mm') > 0 && (count('yyyymm') > 0 || count('yyyy') + count('yy') === 0)) {
    return '{mm} 须与 {yyyy} 或 {yy} 一起使用，且不能与 {yyyymm} 同时使用';
  }
  // {code} has a variable width: a literal must separate it from a following or preceding token,
  // otherwise the index number could not be parsed back.
  const at = kinds.indexOf('code');
  const neighbours = [tokens[at - 1], tokens[at + 1]];
  if (neighbours.some((t) => t !== undefined && t.kind !== 'literal')) {
    return '{code} 前后须有分隔符（例如 / 或 -）';
  }
  return null;
}

/**
 * Checks a configured 索引号 pattern: known tokens, exactly one {code} and one {seq:N}, consistent date
 * tokens, and {code} separated from other tokens by literal text so that numbers can be parsed back.
 */
export function validateIndexNumberPattern(pattern: string): PatternValidation {
  const tokens = tokenize(pattern);
  if (typeof tokens === 'string') return { ok: false, reason: tokens };
  const problem = problemsOf(tokens);
  return problem ? { ok: false, reason: problem } : { ok: true };
}

function tokensOrThrow(pattern: string): Token[] {
  const tokens = tokenize(pattern);
  const problem = typeof tokens === 'string' ? tokens : problemsOf(tokens);
  if (problem || typeof tokens === 'string') throw new RangeError(`Invalid index number pattern: ${problem}`);
  return tokens;
}

/** Inputs of {@link formatIndexNumber}. */
export interface IndexNumberInput {
  /** The unit's code (letters and digits). */
  code: string;
  /** The document's date 'YYYY-MM-DD' (normally 成文日期 or the publication date, by configuration). */
  date: string;
  /** The sequence number within the unit and period, ≥ 1. */
  seq: number;
}

function dateParts(date: string): { yyyy: string; mm: string } {
  const m = /^(\d{4})-(\d{2})-\d{2}$/.exec(date);
  if (!m?.[1] || !m[2]) throw new RangeError(`Invalid date ${JSON.stringify(date)}`);
  return { yyyy: m[1], mm: m[2] };
}

/**
 * Generates a 索引号 from a pattern.
 * @throws RangeError for an invalid pattern, code or date, or a sequence that does not fit its width
 *   (widening it silently would break the fixed layout and uniqueness of earlier numbers).
 */
export function formatIndexNumber(pattern: string, input: IndexNumberInput): string {
  const tokens = tokensOrThrow(pattern);
  if (!INDEX_NUMBER_CODE_PATTERN.test(input.code)) throw new RangeError(`Invalid unit code ${input.code}`);
  const { yyyy, mm } = dateParts(input.date);
  return tokens
    .map((t) => {
      if (t.kind === 'literal') return t.text;
      if (t.kind === 'code') return input.code;
      if (t.kind === 'seq') {
        if (!Number.isSafeInteger(input.seq) || input.seq < 1 || String(input.seq).length > t.width) {
          throw new RangeError(`Sequence ${input.seq} does not fit ${t.width} digits`);
        }
        return String(input.seq).padStart(t.width, '0');
      }
      return { yyyy, yy: yyyy.slice(2), mm, yyyymm: `${yyyy}${mm}` }[t.kind];
    })
    .join('');
}

/**
 * The period in which the sequence of a pattern counts, for the given date: '2017' for patterns with a year,
 * '2017-03' with a month, '' when the pattern has no date (one sequence forever).
 */
export function indexNumberPeriod(pattern: string, date: string): string {
  const kinds = new Set(tokensOrThrow(pattern).map((t) => t.kind));
  const { yyyy, mm } = dateParts(date);
  if (kinds.has('yyyymm') || kinds.has('mm')) return `${yyyy}-${mm}`;
  if (kinds.has('yyyy') || kinds.has('yy')) return yyyy;
  return '';
}

/** What {@link parseIndexNumber} reads back from a 索引号. */
export interface ParsedIndexNumber {
  code: string;
  /** Four-digit year, or two-digit for {yy}; absent when the pattern has no year. */
  year?: string;
  month?: string;
  seq: number;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Regular-expression source of one token; date parts and the sequence get named groups. */
function tokenSource(t: Token): string {
  if (t.kind === 'literal') return escapeRegExp(t.text);
  if (t.kind === 'code') return '(?<code>[0-9A-Za-z]+?)';
  if (t.kind === 'seq') return `(?<seq>\\d{${t.width}})`;
  if (t.kind === 'yyyymm') return '(?<year>\\d{4})(?<month>\\d{2})';
  if (t.kind === 'mm') return '(?<month>\\d{2})';
  return `(?<year>\\d{${DATE_TOKEN_WIDTH[t.kind]}})`;
}

/** Parses a 索引号 made with `pattern` back into its parts; null when it does not match. */
export function parseIndexNumber(pattern: string, value: string): ParsedIndexNumber | null {
  const source = tokensOrThrow(pattern).map(tokenSource).join('');
  const groups = new RegExp(`^${source}$`).exec(value.trim())?.groups;
  if (!groups?.code || !groups.seq) return null;
  const parsed: ParsedIndexNumber = { code: groups.code, seq: Number(groups.seq) };
  if (groups.year) parsed.year = groups.year;
  if (groups.month) parsed.month = groups.month;
  return parsed;
}
