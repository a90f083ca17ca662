/**
 * 发文字号 (document number): 机关代字 + 年份 + 发文顺序号, e.g. 张政办发〔2022〕14号.
 *
 * Users and scraped sources write the year brackets in many ways (〔〕 [] ［］ () （） 【】 〖〗, full or half
 * width), add spaces or 第, or lose the brackets altogether ("中县政务公开202210"). Everything is folded to
 * one canonical form for storage and display, and to one search key that the segmenter also emits for every
 * number found in a document's text, so a typed number finds its document whatever brackets were used.
 */

/** GB/T 9704-2012 §7.2.3: the year is enclosed in 六角括号 〔〕. */
const DOC_NUMBER_YEAR_OPEN = '〔';
/** GB/T 9704-2012 §7.2.3: closing 六角括号. */
const DOC_NUMBER_YEAR_CLOSE = '〕';
/** GB/T 9704-2012 §7.2.3: the serial has no leading zeros (不编虚位) and no 第 (不加“第”字); it ends in 号. */
const DOC_NUMBER_SERIAL_SUFFIX = '号';

/** Longest 机关代字 considered when a number is found inside running text (longer Han runs are cut). */
const DOC_NUMBER_MAX_PREFIX_LENGTH = 12;
/** Shortest 机关代字 (国发, 国函 …). */
const DOC_NUMBER_MIN_PREFIX_LENGTH = 2;

/** The parts of a 发文字号. */
export interface DocNumberParts {
  /** 机关代字, e.g. 张政办发. */
  prefix: string;
  /** 年份, four digits. */
  year: number;
  /** 发文顺序号, ≥ 1. */
  serial: number;
}

/** Opening year brackets after NFKC folding (［ → [, （ → (, ﹝ → 〔, ｛ → {). */
const OPEN = '[〔\\[(【{〖]';
/** Closing year brackets after NFKC folding. */
const CLOSE = '[〕\\])】}〗]';
const YEAR = '((?:19|20)\\d{2})';
const SERIAL = '第?0*([1-9]\\d{0,5})';
const HAN_PREFIX = '(\\p{Script=Han}{2,})';

/** Whole-string forms, tried in order: bracketed, 年 form, bracket-less (the serial must then be bare). */
const WHOLE_FORMS: readonly RegExp[] = [
  new RegExp(`^${HAN_PREFIX}${OPEN}${YEAR}${CLOSE}${SERIAL}号?$`, 'u'),
  new RegExp(`^${HAN_PREFIX}${YEAR}年${SERIAL}号?$`, 'u'),
  new RegExp(`^${HAN_PREFIX}${YEAR}${SERIAL}号?$`, 'u'),
];

/**
 * Forms recognised inside running text: bracketed or 年 form, 号 required, spaces tolerated. The Han run
 * before the year is captured whole; which tail of it is the 机关代字 is unknown (see docNumberKeysInText).
 */
const IN_TEXT = new RegExp(
  `(\\p{Script=Han}+)\\s*(?:${OPEN}\\s*${YEAR}\\s*${CLOSE}|${YEAR}\\s*年)\\s*${SERIAL}\\s*号`,
  'gu',
);

/** NFKC-folds full-width characters and removes all white space. */
function compact(input: string): string {
  return input.normalize('NFKC').replace(/\s+/g, '');
}

/**
 * Parses a 发文字号 typed or imported in any common form: 张政办发〔2022〕14号, 张政办发[2022]14号,
 * 张政办发（2022）第14号, 张政办发 2022年 14 号, 中县政务公开202210 (year then serial, no brackets).
 * Returns null when the input is not recognisably a 发文字号 (the 机关代字 must be at least two Han characters).
 */
export function parseDocNumber(input: string): DocNumberParts | null {
  const text = compact(input);
  for (const form of WHOLE_FORMS) {
    const m = form.exec(text);
    if (m?.[1] && m[2] && m[3]) return { prefix: m[1], year: Number(m[2]), serial: Number(m[3]) };
  }
  return null;
}

/** The canonical form of parsed parts: 张政办发〔2022〕14号. */
function formatDocNumber(parts: DocNumberParts): string {
  return `${parts.prefix}${DOC_NUMBER_YEAR_OPEN}${parts.year}${DOC_NUMBER_YEAR_CLOSE}${parts.serial}${DOC_NUMBER_SERIAL_SUFFIX}`;
}

/**
 * The form to store: canonical when the input parses; otherwise the input with full-width characters folded,
 * spaces removed and brackets around a four-digit year unified to 〔〕, so unusual numbers are still stored
 * consistently. Empty input gives ''.
 */
export function normaliseDocNumber(input: string): string {
  const parts = parseDocNumber(input);
  if (parts) return formatDocNumber(parts);
  return compact(input).replace(
    new RegExp(`${OPEN}${YEAR}${CLOSE}`, 'gu'),
    `${DOC_NUMBER_YEAR_OPEN}$1${DOC_NUMBER_YEAR_CLOSE}`,
  );
}

/**
 * The search key of a 发文字号: 机关代字 + year + 年 + serial + 号 (张政办发2022年14号). It contains only Han
 * characters and digits, so full-text tokenizers (SQLite unicode61, PostgreSQL 'simple') keep it as one token.
 */
export function docNumberSearchKey(parts: DocNumberParts): string {
  return `${parts.prefix}${parts.year}年${parts.serial}号`;
}

/** The search key of a typed 发文字号, or null when it does not parse. */
export function docNumberSearchKeyOf(input: string): string | null {
  const parts = parseDocNumber(input);
  return parts ? docNumberSearchKey(parts) : null;
}

/** A 发文字号 found in running text. */
export interface DocNumberInText {
  /** The text as written. */
  match: string;
  /** The whole Han run before the year, at most {@link DOC_NUMBER_MAX_PREFIX_LENGTH} characters (its tail). */
  hanRun: string;
  year: number;
  serial: number;
}

/**
 * Finds 发文字号 in running text (bracketed or 年 forms ending in 号; the bracket-less form is too ambiguous
 * in prose and is only accepted by {@link parseDocNumber}).
 */
export function findDocNumbersInText(text: string): DocNumberInText[] {
  const found: DocNumberInText[] = [];
  for (const m of text.normalize('NFKC').matchAll(IN_TEXT)) {
    const run = m[1] ?? '';
    const year = m[2] ?? m[3];
    if (!year || !m[4] || run.length < DOC_NUMBER_MIN_PREFIX_LENGTH) continue;
    const hanRun = run.slice(-DOC_NUMBER_MAX_PREFIX_LENGTH);
    found.push({ match: m[0], hanRun, year: Number(year), serial: Number(m[4]) });
  }
  return found;
}

/**
 * Search keys for every 发文字号 in a text. In prose the 机关代字 cannot be told apart from the words before
 * it (根据中县政务公开办发〔2022〕7号), so one key is emitted for each tail of the Han run of at least two
 * characters: a typed number then matches whatever preceded it.
 */
export function docNumberKeysInText(text: string): string[] {
  const keys = new Set<string>();
  for (const found of findDocNumbersInText(text)) {
    const { hanRun, year, serial } = found;
    for (let start = 0; start <= hanRun.length - DOC_NUMBER_MIN_PREFIX_LENGTH; start++) {
      keys.add(docNumberSearchKey({ prefix: hanRun.slice(start), year, serial }));
    }
  }
  return [...keys];
}
