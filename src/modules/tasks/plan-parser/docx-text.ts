/**
 * The text of a .docx work plan with its tables kept as tables: every paragraph is a line, every table
 * row one "| a | b | c |" line (the layout the bordered-table reader takes), so an empty cell stays an
 * empty cell and a cell holding several paragraphs stays one cell. A raw text dump would put every cell
 * on its own line and drop empty cells, shifting the columns of the rows after them. Vertically merged
 * cells (a 公开领域 or a 时限 over several rows) are repeated on each row they span; horizontally merged
 * cells keep their columns with empty cells. Reads the document tree mammoth builds (transformDocument).
 *
 * Word's automatic numbering is not in the text. mammoth tells the list level of a numbered paragraph
 * but not its format, so the marker is inferred: one level below the last typed marker ("一、" typed,
 * auto level 0 → "（一）"), or 一、/（一）/1./（1） from level 0 when nothing was typed; the plan warns.
 */
import mammoth from 'mammoth';
import { type MarkerStyle, parseMarker } from './numbering.ts';

interface DocNode {
  type: string;
  children?: DocNode[];
  value?: string;
  colSpan?: number;
  rowSpan?: number;
  /** A paragraph in a Word list: its level ("0", "1", …) and whether it is numbered (not bullets). */
  numbering?: { level: string; isOrdered: boolean } | null;
}

const CN_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二, 20 → 二十 (plans never number past 99). */
function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${CN_DIGITS[n % 10]}`;
}

/** The outline of Chinese plans, outermost first. */
const OUTLINE: { style: MarkerStyle; marker: (n: number) => string }[] = [
  { style: 'chapter', marker: (n) => `${chineseNumber(n)}、` },
  { style: 'cn-paren', marker: (n) => `（${chineseNumber(n)}）` },
  { style: 'arabic', marker: (n) => `${n}.` },
  { style: 'arabic-paren', marker: (n) => `（${n}）` },
];

/** Gives Word's auto-numbered paragraphs the marker their place in the outline implies. */
class AutoNumbering {
  /** Outline depth of the last typed marker (−1: none yet). */
  private typedDepth = -1;
  private readonly counters: number[] = [];
  inferred = 0;

  line(node: DocNode, text: string): string {
    const typed = parseMarker(text);
    if (typed) {
      const depth = OUTLINE.findIndex((o) => o.style === typed.style);
      if (depth !== -1) {
        this.typedDepth = depth;
        this.counters.length = 0;
      }
      return text;
    }
    const numbering = node.numbering;
    if (!numbering?.isOrdered || text.trim() === '') return text;
    const level = Number(numbering.level) || 0;
    const depth = Math.min(this.typedDepth + 1 + level, OUTLINE.length - 1);
    this.counters[level] = (this.counters[level] ?? 0) + 1;
    this.counters.length = level + 1;
    this.inferred++;
    return `${OUTLINE[depth]!.marker(this.counters[level]!)}${text}`;
  }
}

/** The visible text of a paragraph, run or hyperlink (tabs kept: a tab-separated line is a table too). */
function inlineText(node: DocNode): string {
  if (node.type === 'text') return node.value ?? '';
  if (node.type === 'tab') return '\t';
  if (node.type === 'break') return '\n';
  return (node.children ?? []).map(inlineText).join('');
}

/** Joins a cell's paragraphs: CJK text runs on, Latin words and numbers keep a space. */
function joinParts(parts: string[]): string {
  return parts.reduce(
    (acc, p) => (acc !== '' && /[A-Za-z0-9]$/.test(acc) && /^[A-Za-z0-9]/.test(p) ? `${acc} ${p}` : acc + p),
    '',
  );
}

/** A cell's text on one line; a "|" inside it would split the cell, so it becomes a full-width bar. */
function cellText(cell: DocNode): string {
  const parts: string[] = [];
  const walk = (n: DocNode) => {
    if (n.type === 'paragraph') parts.push(inlineText(n).replace(/\s+/g, ' ').trim());
    else if (n.type === 'table') for (const r of n.children ?? []) for (const c of r.children ?? []) walk(c);
    else for (const c of n.children ?? []) walk(c);
  };
  walk(cell);
  return joinParts(parts.filter((p) => p !== '')).replaceAll('|', '｜');
}

function tableLines(table: DocNode): string[] {
  const lines: string[] = [];
  // Column → the text of a vertically merged cell and how many more rows it spans.
  const spanning = new Map<number, { text: string; left: number }>();
  for (const row of table.children ?? []) {
    if (row.type !== 'tableRow') continue;
    const cells: string[] = [];
    const fillSpanned = () => {
      for (let held = spanning.get(cells.length); held && held.left > 0; held = spanning.get(cells.length)) {
        cells.push(held.text);
        held.left--;
      }
    };
    for (const cell of row.children ?? []) {
      if (cell.type !== 'tableCell') continue;
      fillSpanned();
      const text = cellText(cell);
      const at = cells.length;
      cells.push(text);
      if ((cell.rowSpan ?? 1) > 1) spanning.set(at, { text, left: (cell.rowSpan ?? 1) - 1 });
      for (let i = 1; i < (cell.colSpan ?? 1); i++) cells.push('');
    }
    fillSpanned();
    if (cells.some((c) => c !== '')) lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines;
}

function blockLines(node: DocNode, auto: AutoNumbering): string[] {
  if (node.type === 'paragraph') return auto.line(node, inlineText(node).trim()).split('\n');
  if (node.type === 'table') return tableLines(node);
  return (node.children ?? []).flatMap((c) => blockLines(c, auto));
}

/**
 * The plan text of a .docx file, given by its path or its content (paragraphs and table rows, one per
 * line), and notes for the reviewer.
 */
export async function docxPlanText(file: string | Buffer): Promise<{ text: string; warnings: string[] }> {
  let lines: string[] = [];
  const auto = new AutoNumbering();
  await mammoth.convertToHtml(typeof file === 'string' ? { path: file } : { buffer: file }, {
    transformDocument: (document: DocNode) => {
      lines = blockLines(document, auto);
      return document;
    },
  });
  const warnings =
    auto.inferred > 0
      ? [
          `文档中 ${auto.inferred} 个段落使用 Word 自动编号，序号已按层级推定（一、/（一）/1./（1）），请核对任务序号`,
        ]
      : [];
  return { text: lines.join('\n'), warnings };
}
