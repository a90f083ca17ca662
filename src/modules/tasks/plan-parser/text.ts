/**
 * Line-level clean-up shared by the prose and table readers: width normalisation, Markdown markers and
 * web-page furniture. Punctuation is deliberately left as written so task content reads like the source.
 */

/** A cleaned line plus what Markdown said about it before the markers were removed. */
export interface CleanLine {
  text: string;
  /** Was a Markdown heading or a line that was bold from end to end: never merged with the next line. */
  hard: boolean;
}

const FULL_WIDTH_DIGIT = /[０-９]/g;
const SPACES = /[\u00a0\u3000\t]/g;
const CJK = '\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef“”‘’';
// Spaces next to a CJK character are typesetting, not content ("开福区 2022 年" → "开福区2022年").
const SPACE_BEFORE_CJK = new RegExp(` +(?=[${CJK}])`, 'g');
const SPACE_AFTER_CJK = new RegExp(`(?<=[${CJK}]) +`, 'g');

/** Converts full-width digits and odd spaces, and drops spaces that sit next to CJK characters. */
export function normaliseWidth(text: string): string {
  return text
    .replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(SPACES, ' ')
    .replace(SPACE_BEFORE_CJK, '')
    .replace(SPACE_AFTER_CJK, '')
    .trim();
}

/** Removes Markdown heading marks, bold/italic markers and list bullets from one line. */
export function cleanLine(raw: string): CleanLine {
  let text = normaliseWidth(raw);
  let hard = false;
  const heading = /^#{1,6}\s*/.exec(text);
  if (heading) {
    text = text.slice(heading[0].length);
    hard = true;
  }
  text = text.replace(/^(?:[•·▪●]|[-+*](?=\s))\s*/, '');
  if (/^(\*\*|__).+\1$/.test(text) && !/(\*\*|__)/.test(text.slice(2, -2))) hard = true;
  // Emphasis markers, including a lone "*" left when copying broke a "**" pair.
  text = text.replace(/\*+|__+/g, '').trim();
  return { text, hard };
}

// Furniture that marks the end of the document body on a web page (share widgets, sources, disclaimers).
const TERMINAL_FURNITURE =
  /^(?:扫一扫|原文链接|来源[:：]|\[?免责声明|打印本页|关闭窗口|【字体|相关链接|上一篇|下一篇|分享到|责任编辑|作者[:：]|访问量|字号|编辑[:：])/;
const FURNITURE_MAX = 80;
// Furniture that repeats on each page of a PDF or print-out and can be dropped anywhere.
const PAGE_FURNITURE =
  /^(?:[-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)$/;

/** True for web-page furniture after which no plan text follows (when seen after the first task). */
export function isTerminalFurniture(text: string): boolean {
  // Furniture is a short line; a long one starting with "分享到" is a whole page run into one line.
  return text.length <= FURNITURE_MAX && TERMINAL_FURNITURE.test(text);
}

/** True for page numbers and similar print furniture. */
function isPageFurniture(text: string): boolean {
  return PAGE_FURNITURE.test(text);
}

/** True when a line is only a date, as under a signature ("2017年5月5日", "2022年624", "2022519"). */
export function isDateLine(text: string): boolean {
  return /^(?:\d{4}年\d{0,2}月?\d{0,2}日?|20\d{5,6}|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})$/.test(text);
}

/**
 * An issuing office's signature line ("某县人民政府办公室", "某市政务公开领导小组办公室"). `loose` also takes
 * names ending like any organ (…局, …委, …中心): right as the last line of a document, wrong under a table,
 * where such a line may still be a unit cell.
 */
export function isSignatureLine(text: string, loose = false): boolean {
  return loose
    ? /^\S{2,30}(?:人民政府|办公室|办公厅|委员会|领导小组|局|委|办|中心|政府)$/.test(text)
    : /^\S{2,30}(?:人民政府|人民政府办公室|办公厅|领导小组办公室|领导小组)$/.test(text);
}

/**
 * How a complete document ends after its last sentence: the date line, the issuing office's signature,
 * "（此件公开发布）". Such a last line is no sign of a cut.
 */
export function isDocumentEnding(text: string): boolean {
  return (
    isDateLine(text.replace(/\s+/g, '')) ||
    /^[（(]此件[^）)]*[）)]$/.test(text) ||
    isSignatureLine(text, true)
  );
}

/** Splits text into cleaned, non-empty lines. */
export function cleanLines(text: string): CleanLine[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((raw) => !isPageFurniture(normaliseWidth(raw)))
    .map(cleanLine)
    .filter((line) => line.text !== '');
}

/** Sentence terminators after which a wrapped line cannot continue the same paragraph. */
export function endsParagraph(text: string): boolean {
  return /[。！？!?；;）)】\]］〕]$/.test(text);
}

/** A plan title line such as "张家界市2022年政务公开工作要点" (not the notice that forwards it). */
export function isPlanTitle(text: string): boolean {
  if (text.length > 40 || /关于|通知|印发|《|附件/.test(text)) return false;
  // "一、工作要点" is a chapter of the plan, not the title of another plan.
  if (
    /^(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.．、])/.test(text)
  )
    return false;
  return /(?:工作要点|任务分工|分工表|分解表|任务表|实施方案|工作方案|工作计划|任务清单)$/.test(text);
}
