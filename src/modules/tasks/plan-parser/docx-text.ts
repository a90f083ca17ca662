/**
 * The text of a .docx work plan with its tables kept as tables: every paragraph is a line, every table
 * row one "| a | b | c |" line (the layout the bordered-table reader takes), so an empty cell stays an
 * empty cell and a cell holding several paragraphs stays one cell. A raw text dump would put every cell
 * on its own line and drop empty cells, shifting the columns of the rows after them. Vertically merged
 * cells (a 公开领域 or a 时限 over several rows) are repeated on each row they span; horizontally merged
 * cells keep their columns with empty cells. Reads the document tree mammoth builds (transformDocument).
 */
import mammoth from 'mammoth';

interface DocNode {
  type: string;
  children?: DocNode[];
  value?: string;
  colSpan?: number;
  rowSpan?: number;
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

function blockLines(node: DocNode): string[] {
  if (node.type === 'paragraph') return inlineText(node).split('\n');
  if (node.type === 'table') return tableLines(node);
  return (node.children ?? []).flatMap(blockLines);
}

/** The plan text of a .docx file (paragraphs and table rows, one per line). */
export async function docxPlanText(filePath: string): Promise<string> {
  let lines: string[] = [];
  await mammoth.convertToHtml(
    { path: filePath },
    {
      transformDocument: (document: DocNode) => {
        lines = blockLines(document);
        return document;
      },
    },
  );
  return lines.join('\n');
}
