/**
 * Word import (issue 3 §4): a .docx becomes a sanitised body, and 标题, 发文字号, 成文日期 and 发文机关
 * are guessed from the opening lines (and the closing signature/date lines of a notice) for the editor to
 * confirm. The guessing is pure and works on plain lines, so it is tested on the seed texts directly.
 */
import mammoth from 'mammoth';
import { isValidPlainDate } from '../../../lib/calendar/index.ts';
import { normaliseDocNumber, parseDocNumber } from '../documents/doc-number.ts';
import { sanitiseHtml } from '../documents/html-sanitiser.ts';

/** What the import proposes; every field may be missing. */
export interface WordGuess {
  title?: string;
  docNumber?: string;
  /** 成文日期, YYYY-MM-DD. */
  writtenOn?: string;
  issuers: string[];
}

export interface WordImport {
  bodyHtml: string;
  guess: WordGuess;
}

/** How many opening lines are searched for the title and the 发文字号 (page furniture comes first in scraped texts). */
const HEAD_LINES = 40;
/** Genre words a title ends with (党政机关公文处理工作条例 第八条 and common 规范性文件 names). */
const TITLE_END =
  /(通知|通报|决定|决议|意见|办法|规定|公告|通告|报告|批复|函|纪要|要点|方案|规划|细则|命令|公报|请示|议案|指南|制度|规则|条例|计划|总结)$/u;
/** Endings of an organ's name (发文机关 / 落款). */
const ORGAN_END = /(人民政府|政府|办公室|办公厅|委员会|领导小组|小组|局|厅|委|部|院|办|中心|署|所|站|会)$/u;
/** Lines that are page furniture of a scraped page, never a title. */
const FURNITURE = /位置|首页|>|＞|登录|字体|字号|访问量|发布时间|来源[:：]|作者[:：]|扫一扫/u;

const CN_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Plain text of a line: markdown-style marks and surrounding spaces removed, full-width spaces folded. */
function clean(line: string): string {
  return line
    .replace(/\u3000/g, ' ')
    .replace(/^#+\s*/, '')
    .replace(/\*\*/g, '')
    .trim()
    .replace(/(?<=[\p{Script=Han}《》“”（）])\s+(?=[\p{Script=Han}《》“”（）])/gu, '');
}

/** Chinese numerals up to 31 (五, 十九, 二十四, 三十一). */
function cnNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  const m = /^([一二三])?十([一二三四五六七八九])?$|^([一二三四五六七八九])$/u.exec(s);
  if (!m) return null;
  if (m[3]) return CN_DIGITS[m[3]]!;
  return (m[1] ? CN_DIGITS[m[1]]! : 1) * 10 + (m[2] ? CN_DIGITS[m[2]]! : 0);
}

const iso = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * A line that is only a date: 2022年5月19日, 二〇二二年五月十九日, 2022-05-19, 2022.5.19, and the forms
 * scraped pages leave after losing 月/日 (2022519, 2022年624) when only one split gives a valid date.
 */
export function parseDateLine(line: string): string | null {
  const s = clean(line).normalize('NFKC').replace(/\s+/g, '');
  const cn =
    /^([〇零一二三四五六七八九]{4})年([一二三十]{1,3}|[一二三四五六七八九])月([一二三十]{0,2}[一二三四五六七八九十]?)日$/u.exec(
      s,
    );
  if (cn) {
    const y = Number([...cn[1]!].map((c) => CN_DIGITS[c]).join(''));
    const [m, d] = [cnNumber(cn[2]!), cnNumber(cn[3]!)];
    const v = m && d ? iso(y, m, d) : '';
    return isValidPlainDate(v) ? v : null;
  }
  const full = /^((?:19|20)\d{2})[年.\-/](\d{1,2})[月.\-/](\d{1,2})日?$/.exec(s);
  if (full) {
    const v = iso(Number(full[1]), Number(full[2]), Number(full[3]));
    return isValidPlainDate(v) ? v : null;
  }
  const bare = /^((?:19|20)\d{2})年?(\d{2,4})$/.exec(s);
  if (!bare) return null;
  const digits = bare[2]!;
  const candidates: string[] = [];
  for (let cut = 1; cut <= 2 && cut < digits.length; cut++) {
    const [m, d] = [digits.slice(0, cut), digits.slice(cut)];
    if (d.length > 2) continue;
    const v = iso(Number(bare[1]), Number(m), Number(d));
    if (isValidPlainDate(v)) candidates.push(v);
  }
  return candidates.length === 1 ? candidates[0]! : null;
}

const isOrganLine = (s: string) =>
  s.length >= 3 && s.length <= 40 && ORGAN_END.test(s) && /^[\p{Script=Han}（）()、]+$/u.test(s);

/** The first line (of the opening ones) that reads as a title. */
function guessTitle(head: string[]): string | undefined {
  return head.find(
    (s) =>
      s.length >= 6 &&
      s.length <= 150 &&
      !FURNITURE.test(s) &&
      (TITLE_END.test(s) || /^关于/.test(s)) &&
      parseDocNumber(s) === null,
  );
}

/** The closing 落款: an organ line directly followed by a date line; the last such pair wins the date. */
function guessSignature(lines: string[]): { issuer?: string; date?: string } {
  for (let i = 0; i < lines.length; i++) {
    const date = parseDateLine(lines[i]!);
    if (!date) continue;
    const before = lines[i - 1];
    if (before && isOrganLine(before)) return { issuer: before, date };
  }
  return {};
}

/** Guesses the metadata from the document's lines (one paragraph per line). */
export function guessMetadata(rawLines: readonly string[]): WordGuess {
  const lines = rawLines.map(clean).filter((l) => l !== '');
  const head = lines.slice(0, HEAD_LINES);
  const title = guessTitle(head);
  const numberLine = head.find((s) => s.length <= 40 && parseDocNumber(s) !== null);
  const signature = guessSignature(lines);
  const issuers: string[] = [];
  const fromTitle = title ? /^(.{3,40}?)关于/u.exec(title)?.[1]?.trim() : undefined;
  if (fromTitle && isOrganLine(fromTitle)) issuers.push(fromTitle);
  // a 落款 wrapped over two lines: the full name usually heads the document
  const signed = signature.issuer
    ? (head.find((s) => isOrganLine(s) && s.endsWith(signature.issuer!)) ?? signature.issuer)
    : undefined;
  if (signed && !issuers.includes(signed)) issuers.push(signed);
  if (!issuers.length && numberLine) {
    const above = head[head.indexOf(numberLine) - 1];
    if (above && isOrganLine(above)) issuers.push(above);
  }
  const writtenOn = signature.date ?? lines.map(parseDateLine).find((d) => d !== null) ?? undefined;
  return {
    ...(title ? { title } : {}),
    ...(numberLine ? { docNumber: normaliseDocNumber(numberLine) } : {}),
    ...(writtenOn ? { writtenOn } : {}),
    issuers,
  };
}

/** Reads a .docx: sanitised body HTML and the guessed metadata. Throws when the file is not a readable .docx. */
export async function importWordDocument(content: Buffer): Promise<WordImport> {
  const html = await mammoth.convertToHtml({ buffer: content });
  const text = await mammoth.extractRawText({ buffer: content });
  return { bodyHtml: sanitiseHtml(html.value), guess: guessMetadata(text.value.split(/\r?\n/)) };
}
