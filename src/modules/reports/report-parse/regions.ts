/**
 * Where each table is in the text. Sections are found by their heading's meaning, not its exact words
 * (reports write "三、收到和处理政府信息公开申请情况" and "三、行政机关收到和处理…"); the body rows of table 三
 * also start with 一、二、三、四、, so a heading is only a heading when it says what the section is about.
 * Without headings, a table starts at its own first words (第二十条 / 勾稽关系 / 结果维持).
 */

export interface Regions {
  /** Line ranges [start, end) of the tables, or null when the text has no such table. */
  table2: [number, number] | null;
  table3: [number, number] | null;
  table4: [number, number] | null;
  /** Lines where a table's section heading was found (even when the table under it is empty). */
  headings: { table2: number | null; table3: number | null; table4: number | null; after: number | null };
}

const HEADING_MAX = 40;
const HEADINGS = {
  table2: /^二\s*[、.,]\s*[^|]*主动公开/,
  table3: /^三\s*[、.,]\s*[^|]*(?:收到和处理|收到和办理|申请情况|依申请)/,
  table4: /^四\s*[、.,]\s*[^|]*(?:行政复议|行政诉讼)/,
  after: /^五\s*[、.,]\s*[^|]*(?:问题|改进)|^六\s*[、.,]\s*[^|]*其他/,
} as const;
const STARTS = {
  table2: /第二十条|本年制发件数|本年新制作数量/,
  table3: /勾稽关系|申请人情况|本年新收/,
  table4: /结果维持|结果纠正|尚未审结/,
} as const;

function findHeading(lines: string[], re: RegExp, from: number): number | null {
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line.length <= HEADING_MAX && re.test(line)) return i;
  }
  return null;
}

function findStart(lines: string[], re: RegExp, from: number): number | null {
  for (let i = from; i < lines.length; i++) if (re.test(lines[i]!)) return i;
  return null;
}

/** Finds the three tables' line ranges. */
export function findRegions(lines: string[]): Regions {
  const h2 = findHeading(lines, HEADINGS.table2, 0);
  const h3 = findHeading(lines, HEADINGS.table3, h2 ?? 0);
  const h4 = findHeading(lines, HEADINGS.table4, h3 ?? h2 ?? 0);
  const after = findHeading(lines, HEADINGS.after, h4 ?? h3 ?? h2 ?? 0);
  const s2 = h2 ?? findStart(lines, STARTS.table2, 0);
  const s3 = h3 ?? findStart(lines, STARTS.table3, s2 ?? 0);
  const s4 = h4 ?? findStart(lines, STARTS.table4, s3 ?? s2 ?? 0);
  const end = lines.length;
  const range = (start: number | null, ...ends: (number | null)[]): [number, number] | null => {
    if (start === null) return null;
    const stop = ends.find((e) => e !== null && e > start) ?? end;
    return [start + (start === h2 || start === h3 || start === h4 ? 1 : 0), stop];
  };
  return {
    table2: range(s2, s3, s4, after),
    table3: range(s3, s4, after),
    table4: range(s4, after),
    headings: { table2: h2, table3: h3, table4: h4, after },
  };
}
