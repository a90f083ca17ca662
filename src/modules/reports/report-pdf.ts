/**
 * The annual report as a PDF (issue 12 §4), drawn with pdfkit like the library's download versions
 * (docs/adr/0009-pdf-generation.md): A4 with the GB/T 9704-2012 margins, the title centred, the six
 * sections (also as PDF bookmarks), and the three tables of report-layout.ts drawn cell by cell with
 * their merged cells. A table that does not fit breaks between rows; the next page repeats its header
 * rows (table 三's three, table 四's three), and a cell merged down across the break (三、本年度办理结果,
 * a group caption) is drawn on both pages with its text.
 *
 * No font, no PDF: the caller looks the font up with `findCjkFont()` (src/lib/cjk-font.ts) and, when it
 * is null, answers 503 and offers the .docx, as the library does; `reportPdf` itself needs a font, and
 * its promise rejects (pdfkit's error) when the font file cannot be read.
 */
import PDFDocument from 'pdfkit';
import type { CjkFont } from '../../lib/cjk-font.ts';
import {
  type ReportDocument,
  reportTitle,
  SECTION_HEADINGS,
  SECTION_KEYS,
  type SectionKey,
} from './report.model.ts';
import { sectionParagraphs } from './report-html.ts';
import {
  type GridSlot,
  mayBreakBefore,
  reportLayout,
  type TableLayout,
  tableGrid,
  titleLines,
} from './report-layout.ts';

type Pdf = PDFKit.PDFDocument;

const MM = 72 / 25.4;
/** GB/T 9704-2012: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (a 156 mm text width). */
const MARGINS = { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM };
/** Points: 二号 title, 三号 headings and text, 五号 / 小五 tables. */
const SIZE = { title: 22, heading: 16, body: 16, table2: 10.5, table3: 9, table4: 9 } as const;
const CELL_PAD = 3;
const LINE = 0.6;

/** The report as a PDF, with the CJK font given (see the module comment for the no-font case). */
export function reportPdf(doc: ReportDocument, font: CjkFont): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const title = reportTitle(doc.unitName, doc.year);
    const pdf = new PDFDocument({ size: 'A4', margins: MARGINS, bufferPages: true, info: { Title: title } });
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    try {
      if (font.face) pdf.font(font.path, font.face);
      else pdf.font(font.path);
      drawReport(pdf, doc);
      drawPageNumbers(pdf);
      pdf.end();
    } catch (e) {
      reject(e);
    }
  });
}

function drawReport(pdf: Pdf, doc: ReportDocument): void {
  const layout = reportLayout(doc.figures);
  const tables: Partial<Record<SectionKey, TableLayout>> = {
    [layout.table2.section]: layout.table2,
    [layout.table3.section]: layout.table3,
    [layout.table4.section]: layout.table4,
  };
  pdf.fontSize(SIZE.title).text(titleLines(doc.unitName, doc.year).join('\n'), { align: 'center' });
  if (doc.dateOn) {
    const [y, m, d] = doc.dateOn.split('-').map(Number);
    pdf.fontSize(SIZE.body).text(`（${y}年${m}月${d}日）`, { align: 'center' });
  }
  pdf.moveDown(0.8);
  for (const key of SECTION_KEYS) {
    const table = tables[key];
    const measured = table ? measureTable(pdf, table) : null;
    // Keep a heading with what follows: the table's first unbreakable part, or three lines of text.
    const next = measured ? measured.firstPart : SIZE.body * 4;
    if (pdf.y + SIZE.heading * 1.8 + next > bottomOf(pdf)) pdf.addPage();
    pdf.outline.addItem(SECTION_HEADINGS[key]);
    pdf.fontSize(SIZE.heading).text(SECTION_HEADINGS[key], MARGINS.left, pdf.y, { indent: SIZE.body * 2 });
    pdf.moveDown(0.3);
    if (measured) drawTable(pdf, measured);
    pdf.fontSize(SIZE.body);
    for (const p of sectionParagraphs(doc.sections[key])) {
      pdf.text(p, MARGINS.left, pdf.y, { indent: SIZE.body * 2, align: 'justify', lineGap: 6 });
    }
    pdf.moveDown(0.5);
  }
}

const bottomOf = (pdf: Pdf) => pdf.page.height - MARGINS.bottom;
const textWidth = (pdf: Pdf) => pdf.page.width - MARGINS.left - MARGINS.right;

interface Origin {
  slot: GridSlot;
  x: number;
  width: number;
  /** Height the cell's text needs, padding included. */
  need: number;
}

/** The cells of the grid where they start, with their x, width and the height their text needs. */
function origins(pdf: Pdf, grid: GridSlot[][], widths: number[]): Origin[] {
  const xs = [0];
  for (const w of widths) xs.push((xs.at(-1) ?? 0) + w);
  return grid.flatMap((line, r) =>
    line
      .filter((s, c) => s.row === r && s.column === c)
      .map((slot) => {
        const width = widths.slice(slot.column, slot.column + slot.cell.colSpan).reduce((a, b) => a + b, 0);
        const need =
          pdf.heightOfString(slot.cell.text || ' ', { width: width - 2 * CELL_PAD }) + 2 * CELL_PAD;
        return { slot, x: xs[slot.column] ?? 0, width, need };
      }),
  );
}

/** Height of each row: enough for its one-row cells, and for each merged cell over its rows. */
function rowHeights(pdf: Pdf, t: TableLayout, cells: Origin[]): number[] {
  const min = (pdf.currentLineHeight(true) as number) + 2 * CELL_PAD;
  const heights = t.rows.map(() => min);
  for (const o of cells.filter((c) => c.slot.cell.rowSpan === 1)) {
    heights[o.slot.row] = Math.max(heights[o.slot.row] ?? min, o.need);
  }
  for (const o of cells.filter((c) => c.slot.cell.rowSpan > 1)) {
    const { row, rowSpan } = { row: o.slot.row, rowSpan: o.slot.cell.rowSpan };
    const missing = o.need - heights.slice(row, row + rowSpan).reduce((a, b) => a + b, 0);
    if (missing > 0)
      for (let r = row; r < row + rowSpan; r++) heights[r] = (heights[r] ?? min) + missing / rowSpan;
  }
  return heights;
}

interface TablePage {
  top: number;
  rows: number[];
}

/** A table measured for the page: column widths, its cells where they start, and row heights. */
interface MeasuredTable {
  t: TableLayout;
  cells: Origin[];
  heights: number[];
  /** Height of the header rows plus the body rows up to the first place the table may break. */
  firstPart: number;
}

function measureTable(pdf: Pdf, t: TableLayout): MeasuredTable {
  pdf.fontSize(SIZE[t.key]);
  const total = textWidth(pdf);
  const widths = t.columnWidths.map((w) => (total * w) / 100);
  const cells = origins(pdf, tableGrid(t), widths);
  const heights = rowHeights(pdf, t, cells);
  let end = t.headerRows + 1;
  while (end < t.rows.length && !mayBreakBefore(t, end)) end++;
  return { t, cells, heights, firstPart: heights.slice(0, end).reduce((a, b) => a + b, 0) };
}

/**
 * Splits the rows into pages: each page draws the header rows, then a run of body rows. A break moves up
 * to a place the table may break (mayBreakBefore), and never leaves a merged cell with less room than its
 * text on the page where it starts (the break moves up to the cell's first row instead) — as long as
 * the page keeps a body row.
 */
function paginate(pdf: Pdf, m: MeasuredTable): TablePage[] {
  const { t, heights } = m;
  const header = Array.from({ length: t.headerRows }, (_, i) => i);
  const headerHeight = header.reduce((a, r) => a + (heights[r] ?? 0), 0);
  if (pdf.y + m.firstPart > bottomOf(pdf)) pdf.addPage();
  const pages: TablePage[] = [];
  let page: TablePage = { top: pdf.y, rows: [...header] };
  let y = pdf.y + headerHeight;
  let r = t.headerRows;
  while (r < t.rows.length) {
    const h = heights[r] ?? 0;
    const firstBody = page.rows[header.length];
    if (y + h > bottomOf(pdf) && firstBody !== undefined) {
      const breakAt = moveBreakUp(m, firstBody, r);
      page.rows = page.rows.filter((row) => row < breakAt);
      pages.push(page);
      page = { top: MARGINS.top, rows: [...header] };
      y = MARGINS.top + headerHeight;
      r = breakAt;
      continue;
    }
    page.rows.push(r);
    y += h;
    r++;
  }
  pages.push(page);
  return pages;
}

/** Where to break instead of before row `r`, on a page whose first body row is `firstBody`. */
function moveBreakUp(m: MeasuredTable, firstBody: number, r: number): number {
  const { t, heights, cells } = m;
  let breakAt = r;
  for (let moved = true; moved; ) {
    moved = false;
    while (breakAt > firstBody + 1 && !mayBreakBefore(t, breakAt)) {
      breakAt--;
      moved = true;
    }
    for (const o of cells) {
      const start = o.slot.row;
      if (start <= firstBody || start >= breakAt || start + o.slot.cell.rowSpan <= breakAt) continue;
      if (heights.slice(start, breakAt).reduce((a, b) => a + b, 0) < o.need) {
        breakAt = start;
        moved = true;
      }
    }
  }
  return mayBreakBefore(t, breakAt) ? breakAt : r;
}

/** Draws one measured table across as many pages as it needs. */
function drawTable(pdf: Pdf, m: MeasuredTable): void {
  pdf.fontSize(SIZE[m.t.key]);
  const { cells, heights } = m;
  paginate(pdf, m).forEach((page, i) => {
    if (i > 0) pdf.addPage();
    const ys = new Map<number, number>();
    let y = page.top;
    for (const r of page.rows) {
      ys.set(r, y);
      y += heights[r] ?? 0;
    }
    for (const o of cells) {
      const shown = page.rows.filter((r) => r >= o.slot.row && r < o.slot.row + o.slot.cell.rowSpan);
      const first = shown[0];
      if (first === undefined) continue;
      const height = shown.reduce((a, r) => a + (heights[r] ?? 0), 0);
      drawCell(pdf, o, MARGINS.left + o.x, ys.get(first) ?? page.top, height);
    }
    pdf.y = y;
  });
  pdf.x = MARGINS.left;
  pdf.moveDown(0.5);
}

function drawCell(pdf: Pdf, o: Origin, x: number, y: number, height: number): void {
  pdf.lineWidth(LINE).rect(x, y, o.width, height).stroke();
  const { text, role } = o.slot.cell;
  if (!text) return;
  const width = o.width - 2 * CELL_PAD;
  const textHeight = Math.min(o.need, height) - 2 * CELL_PAD;
  // `height` keeps the text inside its cell (a merged cell cut by a page break): never a page of its own.
  pdf.text(text, x + CELL_PAD, y + Math.max(CELL_PAD, (height - textHeight) / 2), {
    width,
    height: Math.max(height - 2 * CELL_PAD, 1),
    align: role === 'label' || role === 'note' ? 'left' : 'center',
  });
}

/** “— n —” centred under each page, as in official documents. */
function drawPageNumbers(pdf: Pdf): void {
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    // Writing in the bottom margin must not make pdfkit start a new page.
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf.fontSize(12).text(`— ${i - range.start + 1} —`, MARGINS.left, pdf.page.height - MARGINS.bottom + 20, {
      width: textWidth(pdf),
      align: 'center',
      lineBreak: false,
    });
    pdf.page.margins.bottom = bottom;
  }
}
