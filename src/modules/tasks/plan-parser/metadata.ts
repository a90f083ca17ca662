/**
 * Document metadata: title, plan year, issuer (发文机关) and document number (发文字号), read from the
 * first lines of the notice and from the signature above the date.
 */
import { type CleanLine, isDateLine, isPlanTitle } from './text.ts';

/** Metadata of one document plus warnings about what had to be repaired. */
export interface PlanMetadata {
  title: string | null;
  year: number | null;
  issuer: string | null;
  docNumber: string | null;
  warnings: string[];
}

const HEAD_LINES = 40;
const DOC_TITLE = /(?:通知|工作要点|任务分工|分工表|分解表|任务表|任务清单|实施方案|工作方案|工作计划|意见)$/;
const ORG = /(?:人民政府|办公室|办公厅|委员会|领导小组|局|厅|委|办|中心)$/;
const DOC_NUMBER = /^([\u4e00-\u9fff]{2,15})[〔[［(（](\d{4})[〕\]］)）](\d{1,4})号$/;
// "中县政务公开202210": the brackets (and perhaps a character) were lost in copying.
const BROKEN_DOC_NUMBER = /^([\u4e00-\u9fff]{2,15}?)(20\d{2})(\d{1,4})号?$/;

/** The first four-digit year in a text ("2022年…"), within a plausible range. */
export function yearIn(text: string | null): number | null {
  const match = text ? /((?:19|20)\d{2})\s*年/.exec(text) : null;
  return match ? Number(match[1]) : null;
}

function findTitle(head: string[]): string | null {
  return head.find((line) => line.length >= 8 && DOC_TITLE.test(line) && !/^附件/.test(line)) ?? null;
}

function isShortName(line: string | undefined): line is string {
  return line !== undefined && line.length <= 30 && !/[。，,：:；;、\s]/.test(line);
}

/** The signature above the first date line that has one ("道县人民政府办公室" / "2017年5月5日"). */
function findSignature(lines: string[]): string | null {
  for (let i = 1; i < lines.length; i++) {
    if (!isDateLine(lines[i]!)) continue;
    const last = lines[i - 1];
    if (!isShortName(last) || !ORG.test(last)) continue;
    const before = lines[i - 2];
    // A name wrapped over two lines: the first part does not end like an organisation.
    if (isShortName(before) && !ORG.test(before) && !isPlanTitle(before)) return before + last;
    return last;
  }
  return null;
}

function findIssuer(title: string | null, lines: string[]): string | null {
  const prefix = title ? /^(.{2,30}?)关于/.exec(title)?.[1] : undefined;
  if (prefix && ORG.test(prefix)) return prefix;
  const signature = findSignature(lines);
  if (signature) return signature;
  return lines.slice(0, 5).find((line) => isShortName(line) && ORG.test(line)) ?? null;
}

function findDocNumber(head: string[], warnings: string[]): string | null {
  for (const line of head) {
    const exact = DOC_NUMBER.exec(line);
    if (exact) return `${exact[1]}〔${exact[2]}〕${exact[3]}号`;
  }
  for (const line of head) {
    const broken = BROKEN_DOC_NUMBER.exec(line);
    if (!broken) continue;
    const repaired = `${broken[1]}〔${broken[2]}〕${broken[3]}号`;
    warnings.push(`发文字号“${line}”疑似缺字，按“${repaired}”读取，请核对`);
    return repaired;
  }
  return null;
}

/** Reads the metadata of a document; `year` (from the caller) wins over the year in the text. */
export function readMetadata(clean: CleanLine[], year?: number): PlanMetadata {
  const lines = clean.map((l) => l.text);
  const head = lines.slice(0, HEAD_LINES);
  const warnings: string[] = [];
  const title = findTitle(head);
  const planTitle = lines.find(isPlanTitle) ?? null;
  const foundYear = yearIn(title) ?? yearIn(planTitle);
  if (year === undefined && foundYear === null) warnings.push('未能确定计划年度，未写年份的时限保留原文');
  return {
    title,
    year: year ?? foundYear,
    issuer: findIssuer(title, lines),
    docNumber: findDocNumber(head, warnings),
    warnings,
  };
}
