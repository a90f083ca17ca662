/**
 * The annual report as a Word document (.docx) in the official layout (issue 12 §4): A4 with the margins
 * of the 公文 format (GB/T 9704-2012: 37 / 35 / 28 / 26 mm, a 156 mm text width), the title centred, the
 * six sections with their headings, and the three tables of report-layout.ts with borders, REAL merged
 * cells (w:gridSpan across, w:vMerge down) and their header rows repeated on every page (w:tblHeader).
 *
 * The official faces (方正小标宋简体, 仿宋_GB2312, 黑体) are not on every machine: the runs name the common
 * Windows faces SimSun / FangSong / SimHei for both Latin and East Asian text, which Word and WPS have and
 * substitute sensibly elsewhere.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeightRule,
  type IBorderOptions,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import {
  type ReportDocument,
  reportTitle,
  SECTION_HEADINGS,
  SECTION_KEYS,
  type SectionKey,
} from './report.model.ts';
import { sectionParagraphs } from './report-html.ts';
import {
  type LayoutCell,
  mayBreakBefore,
  reportLayout,
  type TableLayout,
  titleLines,
} from './report-layout.ts';

const face = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });
/** 方正小标宋简体 → SimSun (bold), 黑体 → SimHei, 仿宋_GB2312 → FangSong. */
const TITLE_FONT = face('SimSun');
const HEADING_FONT = face('SimHei');
const BODY_FONT = face('FangSong');
const TABLE_FONT = face('SimSun');

/** Sizes in half-points: 二号 22 pt (title), 三号 16 pt (text), 五号 10.5 pt and 小五 9 pt (tables). */
const TITLE_SIZE = 44;
const BODY_SIZE = 32;
const TABLE_SIZE: Record<TableLayout['key'], number> = { table2: 21, table3: 18, table4: 18 };
/** 28 pt exact line pitch (560 twips): 22 lines on the 225 mm 版心 of GB/T 9704. */
const BODY_LINE = 560;
/** Two characters of 三号 text: the first-line indent of a paragraph. */
const INDENT = 640;

/** A4 and the GB/T 9704-2012 margins, in twips (1 mm ≈ 56.7 twips). */
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: 2098, bottom: 1984, left: 1587, right: 1474 };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

const BORDER: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

/** Runs of a text with its line breaks kept. */
const runs = (text: string, font: ReturnType<typeof face>, size: number, bold = false) =>
  text
    .split('\n')
    .map((line, i) => new TextRun({ text: line, font, size, bold, ...(i > 0 ? { break: 1 } : {}) }));

/** Column widths in twips from the layout's percentages; the last column takes the rounding rest. */
function columnWidths(t: TableLayout): number[] {
  const widths = t.columnWidths.map((w) => Math.floor((TEXT_WIDTH * w) / 100));
  const rest = TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  widths[widths.length - 1] = (widths.at(-1) ?? 0) + rest;
  return widths;
}

function tableCell(c: LayoutCell, width: number, size: number): TableCell {
  return new TableCell({
    children: [
      new Paragraph({
        alignment: c.role === 'value' || c.role === 'header' ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: runs(c.text, TABLE_FONT, size, c.role === 'header'),
      }),
    ],
    columnSpan: c.colSpan > 1 ? c.colSpan : undefined,
    rowSpan: c.rowSpan > 1 ? c.rowSpan : undefined,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    borders: BORDERS,
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
  });
}

/** One table of the layout: merged cells as gridSpan / vMerge, header rows repeated, rows kept whole. */
export function docxTable(t: TableLayout): Table {
  const widths = columnWidths(t);
  const size = TABLE_SIZE[t.key];
  const covered: number[] = Array(t.columnCount).fill(0); // rows still covered by a cell from above
  const rows = t.rows.map((row, r) => {
    let column = 0;
    const cells = row.cells.map((c) => {
      while ((covered[column] ?? 0) > 0) column++;
      const width = widths.slice(column, column + c.colSpan).reduce((a, b) => a + b, 0);
      for (let k = column; k < column + c.colSpan; k++) covered[k] = c.rowSpan;
      column += c.colSpan;
      return tableCell(c, width, size);
    });
    for (let k = 0; k < covered.length; k++) covered[k] = Math.max(0, (covered[k] ?? 0) - 1);
    return new TableRow({
      children: cells,
      // Only header rows carry w:tblHeader: docx writes `false` as <w:tblHeader w:val="off"/>, which some
      // readers (mammoth, so our own Word import) take for a header row.
      ...(r < t.headerRows ? { tableHeader: true } : {}),
      cantSplit: true,
      // Table 二's blocks stay on one page (Word keeps a row with the next).
      keepNext: !mayBreakBefore(t, r + 1),
      height: { value: 397, rule: HeightRule.ATLEAST },
    });
  });
  return new Table({
    rows,
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
  });
}

const bodyParagraph = (text: string) =>
  new Paragraph({
    indent: { firstLine: INDENT },
    spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT },
    alignment: AlignmentType.JUSTIFIED,
    children: runs(text, BODY_FONT, BODY_SIZE),
  });

/** 'YYYY-MM-DD' as 2026年1月20日. */
const chineseDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** The .docx of a report: title, date (when published), the six sections with their tables. */
export async function reportDocx(doc: ReportDocument): Promise<Buffer> {
  const title = reportTitle(doc.unitName, doc.year);
  const layout = reportLayout(doc.figures);
  const tables: Partial<Record<SectionKey, TableLayout>> = {
    [layout.table2.section]: layout.table2,
    [layout.table3.section]: layout.table3,
    [layout.table4.section]: layout.table4,
  };
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 200, line: 700, lineRule: LineRuleType.AT_LEAST },
      children: runs(titleLines(doc.unitName, doc.year).join('\n'), TITLE_FONT, TITLE_SIZE, true),
    }),
  ];
  if (doc.dateOn) {
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 300 },
        children: runs(`（${chineseDate(doc.dateOn)}）`, BODY_FONT, BODY_SIZE),
      }),
    );
  }
  for (const key of SECTION_KEYS) {
    children.push(
      new Paragraph({
        indent: { firstLine: INDENT },
        spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT },
        keepNext: true,
        children: runs(SECTION_HEADINGS[key], HEADING_FONT, BODY_SIZE),
      }),
    );
    const table = tables[key];
    if (table) children.push(docxTable(table), new Paragraph({ children: [] }));
    for (const p of sectionParagraphs(doc.sections[key])) children.push(bodyParagraph(p));
  }
  const document = new Document({
    title,
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE } } } },
    sections: [
      {
        properties: { page: { size: PAGE, margin: MARGIN } },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
