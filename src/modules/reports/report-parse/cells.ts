/**
 * What one table cell holds: a number, an empty cell, a dash that stands for zero, a label, or something
 * that looks like a number but cannot be read (never turned into a guess).
 */

export type CellToken =
  | { kind: 'label'; text: string }
  | { kind: 'value'; value: number; raw: string; dash?: boolean }
  | { kind: 'empty' }
  | { kind: 'unreadable'; raw: string }
  | { kind: 'break' };

/** Cells that stand for zero in published tables ("/", "—", "无"): the issue reads them as 0 and says so. */
const ZERO_MARKS = /^(?:[/\\\-—–－―~]+|无)$/;
const NUMBER = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/;
// A unit written into a cell ("3件", "0.5万元") is dropped; the number stays.
const UNIT_SUFFIX = /(?:件|条|个|份|次|起|宗|万元|元)$/;
const CJK = /[\u4e00-\u9fff]/;
const UNREADABLE_MAX = 3;
// The rule under a Markdown table's header: "|---|:---:|".
const MARKDOWN_RULE = /^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$/;

/** Classifies the text of one cell. */
export function classifyCell(raw: string): CellToken {
  const text = raw.trim();
  if (text === '') return { kind: 'empty' };
  if (ZERO_MARKS.test(text)) return { kind: 'value', value: 0, raw: text, dash: true };
  const bare = text.replace(UNIT_SUFFIX, '').trim();
  if (NUMBER.test(bare)) return { kind: 'value', value: Number(bare.replaceAll(',', '')), raw: text };
  // Short runs without any Chinese character ("?", "O", "l0") sit where a number should be; longer ones
  // ("??????") are labels lost to mojibake, placed by their row's order.
  if (!CJK.test(text) && text.length <= UNREADABLE_MAX) return { kind: 'unreadable', raw: text };
  return { kind: 'label', text };
}

/** Whether a cell holds data (a number, an empty cell, a dash or an unreadable number). */
export function isDataCell(t: CellToken): boolean {
  return t.kind === 'value' || t.kind === 'empty' || t.kind === 'unreadable';
}

/** Splits the inside of a bordered row "| a | b | c |" (or "a | b | c |") into its cells. */
function borderedCells(line: string): string[] {
  const parts = line.split('|');
  if (line.trimStart().startsWith('|')) parts.shift();
  if (parts.length > 0 && parts[parts.length - 1]!.trim() === '') parts.pop();
  return parts;
}

/**
 * The cells of a table region, in reading order, with a break at the end of each row whose end is
 * visible. Handles the layouts of published reports: one row per line with "|" borders or tabs, one
 * cell per line ending in " |" (a bare "|" is an empty cell, "||", "|||" end a row), a label followed by
 * numbers separated by spaces, and one cell per line without any border.
 */
export function tokeniseLines(lines: string[]): CellToken[] {
  const tokens: CellToken[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    // A paragraph of prose between or under the tables ends the row before it and is no cell.
    if (!trimmed.includes('|') && /[。！？]/.test(trimmed) && trimmed.length > 30) {
      tokens.push({ kind: 'break' });
      continue;
    }
    if (MARKDOWN_RULE.test(trimmed)) continue;
    if (/^\|+$/.test(trimmed)) {
      tokens.push(trimmed.length === 1 ? { kind: 'empty' } : { kind: 'break' });
      continue;
    }
    const cells = trimmed.includes('|')
      ? borderedCells(trimmed)
      : trimmed.includes('\t')
        ? trimmed.split('\t')
        : spacedCells(trimmed);
    if (cells.length === 1) {
      tokens.push(classifyCell(cells[0]!));
      // "一、本年新收… | ||": a single cell line that closes its row.
      if (/\|\s*\|\s*$/.test(trimmed)) tokens.push({ kind: 'break' });
      continue;
    }
    for (const cell of cells) tokens.push(classifyCell(cell));
    tokens.push({ kind: 'break' });
  }
  return tokens;
}

const SPACED_VALUE = String.raw`(?:\d+(?:\.\d+)?|[/—-]+)`;
const TRAILING_VALUES = new RegExp(String.raw`^(.*?)((?:\s+${SPACED_VALUE})+)$`);
const ONLY_VALUES = new RegExp(String.raw`^${SPACED_VALUE}(?:\s+${SPACED_VALUE})*$`);
const SHORT_CELL = 10;

const NUMBERING_ONLY = /^(?:\d{1,2}[.、]|[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)$/;

/**
 * A line without borders: "规章 0 0 0" → ["规章", "0", "0", "0"] (a label, then the numbers at its end);
 * "结果维持 结果纠正 其他结果" → three header cells; a whole table flattened into one line keeps every
 * word and number as its own cell (a numbering "1." stays with its words); anything else is one cell
 * ("一、本年新收…", or a label with a space in it such as "第二十条  第(一)项" when one part is long).
 */
function spacedCells(line: string): string[] {
  if (/[。]/.test(line)) return [line];
  if (ONLY_VALUES.test(line)) return line.split(/\s+/);
  const isValue = (p: string) => classifyCell(p).kind === 'value';
  const m = TRAILING_VALUES.exec(line);
  if (m && m[1]!.trim() !== '' && !m[1]!.trim().split(/\s+/).some(isValue))
    return [m[1]!.trim(), ...m[2]!.trim().split(/\s+/)];
  // A line of prose wrapped without its full stop ("2020 年,我单位…") is one cell, not a year and words.
  if (/[,;:]/.test(line) && /\d\s+[年月日件条个%]/.test(line)) return [line];
  const parts: string[] = [];
  for (const part of line.split(/\s+/)) {
    const prev = parts.length - 1;
    if (prev >= 0 && NUMBERING_ONLY.test(parts[prev]!)) parts[prev] += part;
    else parts.push(part);
  }
  if (parts.some(isValue) || (parts.length >= 2 && parts.every((p) => p.length <= SHORT_CELL))) return parts;
  return [line];
}
