/**
 * Splits the text of a draft into its articles, for comments on one article (CONSUL's legislation
 * processes: a draft is a list of annotatable parts). Pure, tolerant of what copying from Word or a PDF
 * does to a text:
 *
 * - the numbering style is found, not configured: 第一条 … (规章, 规范性文件; with 第一章 headings as their own
 *   parts), else 一、二、 … (方案, 决策草案), else 1. 2. …;
 * - a marker counts only when it continues the sequence (第五条 after 第四条), so a line that starts with a
 *   cross-reference ("第五条规定的情形…", wrapped there) stays in the article it belongs to;
 * - lines broken inside a sentence are joined (no space between Chinese characters); a new paragraph is kept
 *   where the previous line ends a sentence or the next one starts an item (（一）, 1.);
 * - text before the first article (the title, a preamble) is a part without a number.
 */

export type NumberingStyle = 'article' | 'chinese' | 'arabic' | 'none';

export interface DraftArticle {
  /** The number as written, normalised (第十二条, 第二章, 三、, 4.); null for a preamble. */
  number: string | null;
  text: string;
}

export interface SplitDraft {
  style: NumberingStyle;
  articles: DraftArticle[];
}

const CN_DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
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
const CN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 二十一 → 21, 一百零五 → 105, 十 → 10, 12 → 12; NaN when it is not a number. */
export function parseChineseNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  let total = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch in CN_DIGIT) digit = CN_DIGIT[ch]!;
    else if (ch in CN_UNIT) {
      total += (digit < 0 ? 1 : digit) * CN_UNIT[ch]!;
      digit = -1;
    } else return Number.NaN;
  }
  return s === '' ? Number.NaN : total + (digit < 0 ? 0 : digit);
}

const NUM = '[一二三四五六七八九十百千零〇两\\d]+';
const ARTICLE = new RegExp(`^第\\s*(${NUM})\\s*条(?:[\\s：:]*)`);
const CHAPTER = new RegExp(`^第\\s*(${NUM})\\s*([章节])(?:[\\s：:]*)`);
const CHINESE = /^([一二三四五六七八九十]+)\s*[、，．.](?!\d)\s*/;
const ARABIC = /^(\d{1,3})\s*[.、．](?!\d)\s*/;
/** Lines that start an item inside an article: keep them on their own line. */
const ITEM_START = /^(?:[（(][一二三四五六七八九十\d]+[）)]|\d{1,3}\s*[.、．](?!\d)|[①-⑳])/;
const SENTENCE_END = /[。；;：:！!？?」”）)]$/;

/** Clean lines: no NUL or control characters, no full-width or trailing spaces, no empty lines. */
function cleanLines(text: string): string[] {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((l) => l.replace(/[\s\u3000\u00a0]+/g, ' ').trim())
      .filter((l) => l !== '')
  );
}

interface Marker {
  kind: 'article' | 'chapter' | 'section' | 'chinese' | 'arabic';
  n: number;
  rest: string;
}

function markerOf(line: string, style: NumberingStyle): Marker | null {
  if (style === 'article') {
    const a = ARTICLE.exec(line);
    if (a) return { kind: 'article', n: parseChineseNumber(a[1]!), rest: line.slice(a[0].length) };
    const c = CHAPTER.exec(line);
    if (c)
      return {
        kind: c[2] === '章' ? 'chapter' : 'section',
        n: parseChineseNumber(c[1]!),
        rest: line.slice(c[0].length),
      };
    return null;
  }
  const m = (style === 'chinese' ? CHINESE : style === 'arabic' ? ARABIC : null)?.exec(line);
  return m
    ? { kind: style as 'chinese' | 'arabic', n: parseChineseNumber(m[1]!), rest: line.slice(m[0].length) }
    : null;
}

/** The style with a sequence 1, 2 (at least two parts) at line starts, in order of preference. */
function detectStyle(lines: readonly string[]): NumberingStyle {
  for (const style of ['article', 'chinese', 'arabic'] as const) {
    let next = 1;
    for (const l of lines) {
      const m = markerOf(l, style);
      if (m && (m.kind === style || style !== 'article' || m.kind === 'article') && m.n === next) next++;
      if (next > 2) return style;
    }
  }
  return 'none';
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/** Appends a line to an article's text: a new paragraph, or the rest of a broken line. */
function appendLine(text: string, line: string): string {
  if (text === '') return line;
  if (SENTENCE_END.test(text) || ITEM_START.test(line)) return `${text}\n${line}`;
  const joinTight = CJK.test(text.slice(-1)) || CJK.test(line.charAt(0));
  return joinTight ? text + line : `${text} ${line}`;
}

const numberLabel = (m: Marker, raw: string): string =>
  m.kind === 'article' || m.kind === 'chapter' || m.kind === 'section'
    ? `第${raw.replace(/\s+/g, '')}${m.kind === 'article' ? '条' : m.kind === 'chapter' ? '章' : '节'}`
    : `${raw}${m.kind === 'chinese' ? '、' : '.'}`;

/** Splits `text` into its articles (see the file comment). */
export function splitDraftArticles(text: string): SplitDraft {
  const lines = cleanLines(text);
  const style = detectStyle(lines);
  const articles: DraftArticle[] = [];
  let current: DraftArticle | null = null;
  const counters = { article: 0, chapter: 0, section: 0, chinese: 0, arabic: 0 };
  for (const line of lines) {
    const m = style === 'none' ? null : markerOf(line, style);
    const fits =
      m &&
      (m.n === counters[m.kind] + 1 ||
        (m.kind === 'section' && m.n === 1) ||
        (m.kind === 'chapter' && m.n === 1 && counters.chapter === 0));
    if (m && fits) {
      counters[m.kind] = m.n;
      if (m.kind === 'chapter') counters.section = 0;
      const raw =
        line.match(
          m.kind === 'article'
            ? ARTICLE
            : m.kind === 'chinese'
              ? CHINESE
              : m.kind === 'arabic'
                ? ARABIC
                : CHAPTER,
        )?.[1] ?? '';
      current = { number: numberLabel(m, raw), text: m.rest.trim() };
      articles.push(current);
      continue;
    }
    if (!current) {
      current = { number: null, text: '' };
      articles.push(current);
    }
    current.text = appendLine(current.text, line);
  }
  return { style, articles: articles.filter((a) => a.text !== '' || a.number !== null) };
}
