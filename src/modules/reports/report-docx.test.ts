import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { reportTitle, SECTION_HEADINGS, SECTION_KEYS } from './report.model.ts';
import { reportDocx } from './report-docx.ts';
import {
  fixtureNumbersInOrder,
  fixtureReportDocument,
  fixtureSections,
} from './report-fixture.test-support.ts';
import { reportLayout, type TableLayout, tableGrid } from './report-layout.ts';

async function documentXml(buffer: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const file = zip.file('word/document.xml');
  if (!file) throw new Error('no word/document.xml');
  return file.async('string');
}

/** The text of a piece of WordprocessingML: its w:t runs joined (docx writes no nested markup in them). */
const textOf = (xml: string) =>
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1] ?? '')
    .join('')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
const parts = (xml: string, tag: string) =>
  [...xml.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1] ?? '');

interface DocxCell {
  text: string;
  gridSpan: number;
  vMerge: 'restart' | 'continue' | null;
}
/** The tables of the document: rows of cells with their merge properties. */
function docxTables(xml: string): DocxCell[][][] {
  return parts(xml, 'w:tbl').map((tbl) =>
    parts(tbl, 'w:tr').map((tr) =>
      parts(tr, 'w:tc').map((tc) => ({
        text: textOf(tc),
        gridSpan: Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(tc)?.[1] ?? 1),
        vMerge: (/<w:vMerge w:val="(restart|continue)"\/>/.exec(tc)?.[1] as DocxCell['vMerge']) ?? null,
      })),
    ),
  );
}

/** Checks that a Word table merges exactly as the layout says: every cell, every span, every text. */
function expectSameMerges(rows: DocxCell[][], t: TableLayout) {
  const grid = tableGrid(t);
  expect(rows).toHaveLength(grid.length);
  rows.forEach((cells, r) => {
    let column = 0;
    for (const c of cells) {
      const slot = grid[r]?.[column];
      if (!slot) throw new Error(`${t.key} row ${r + 1}: a cell past column ${t.columnCount}`);
      expect(c.gridSpan, `${t.key} row ${r + 1} column ${column + 1}`).toBe(slot.cell.colSpan);
      if (slot.row < r) {
        expect(c.vMerge).toBe('continue');
        expect(c.text).toBe('');
      } else {
        expect(c.text).toBe(slot.cell.text);
        expect(c.vMerge).toBe(slot.cell.rowSpan > 1 ? 'restart' : null);
      }
      column += c.gridSpan;
    }
    expect(column, `${t.key} row ${r + 1} covers the grid`).toBe(t.columnCount);
  });
}

describe('reportDocx', async () => {
  const doc = fixtureReportDocument();
  const xml = await documentXml(await reportDocx(doc));
  const layout = reportLayout(doc.figures);

  it('is an A4 page with the title centred and the six headings in order', () => {
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const paragraphs = parts(xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, ''), 'w:p');
    expect(textOf(paragraphs[0] ?? '')).toBe(reportTitle(doc.unitName, doc.year));
    expect(paragraphs[0]).toContain('<w:jc w:val="center"/>');
    expect(textOf(paragraphs[1] ?? '')).toBe('（2026年1月20日）');
    const texts = paragraphs.map(textOf);
    const headings = SECTION_KEYS.map((k) => texts.indexOf(SECTION_HEADINGS[k]));
    expect(headings.every((i) => i > 0)).toBe(true);
    expect([...headings].sort((a, b) => a - b)).toEqual(headings);
    // A paragraph of section 五, after its heading.
    expect(texts.indexOf(texts.find((t) => t.startsWith('一是政策解读')) ?? '')).toBeGreaterThan(
      headings[4] ?? Number.POSITIVE_INFINITY,
    );
  });

  it('names SimSun / FangSong for East Asian text too', () => {
    expect(xml).toContain('w:eastAsia="FangSong"');
    expect(xml).toContain('w:eastAsia="SimSun"');
  });

  it('merges the cells of the three tables exactly as the layout does (w:gridSpan, w:vMerge)', () => {
    const tables = docxTables(xml);
    expect(tables).toHaveLength(3);
    expectSameMerges(tables[0] ?? [], layout.table2);
    expectSameMerges(tables[1] ?? [], layout.table3);
    expectSameMerges(tables[2] ?? [], layout.table4);
    // 三、本年度办理结果 starts a vertical merge continued by 21 rows.
    const column0 = (tables[1] ?? []).slice(5, 27).map((row) => row[0]);
    expect(column0[0]).toMatchObject({ text: '三、本年度办理结果', vMerge: 'restart' });
    expect(column0.slice(1).every((c) => c?.vMerge === 'continue')).toBe(true);
  });

  it('repeats the header rows of tables 三 and 四 on every page', () => {
    const [t2, t3, t4] = parts(xml, 'w:tbl').map((tbl) =>
      parts(tbl, 'w:tr').map((tr) => tr.includes('<w:tblHeader/>')),
    );
    expect(t2?.some(Boolean)).toBe(false);
    expect(t3).toEqual([true, true, true, ...Array(25).fill(false)]);
    expect(t4).toEqual([true, true, true, false]);
  });

  it('keeps each block of table 二 on one page (keep with next, but not across blocks)', () => {
    const rows = parts(parts(xml, 'w:tbl')[0] ?? '', 'w:tr').map((tr) => tr.includes('<w:keepNext/>'));
    // Blocks: rows 0–3, 4–6, 7–10, 11–13: every row keeps with the next but the last of a block.
    expect(rows).toEqual([
      true,
      true,
      true,
      false,
      true,
      true,
      false,
      true,
      true,
      true,
      false,
      true,
      true,
      false,
    ]);
  });

  it('writes every number of the report, each once, in the tables’ order', () => {
    const numbers = parts(xml, 'w:tbl')
      .flatMap((tbl) => parts(tbl, 'w:tc').map(textOf))
      .filter((t) => /^\d+(\.\d+)?$/.test(t));
    expect(numbers).toEqual(fixtureNumbersInOrder());
  });

  it('reads back in mammoth (our Word import) with the same merges and header rows', async () => {
    const html = (await mammoth.convertToHtml({ buffer: await reportDocx(doc) })).value;
    const tables = [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((m) => m[1] ?? '');
    expect(tables).toHaveLength(3);
    [layout.table2, layout.table3, layout.table4].forEach((t, i) => {
      const table = tables[i] ?? '';
      const head = /<thead>([\s\S]*?)<\/thead>/.exec(table)?.[1] ?? '';
      expect(head.split('<tr>').length - 1).toBe(t.headerRows);
      const rows = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) =>
        [
          ...(r[1] ?? '').matchAll(/<(t[hd])(?: colspan="(\d+)")?(?: rowspan="(\d+)")?>([\s\S]*?)<\/t[hd]>/g),
        ].map((c) => [Number(c[2] ?? 1), Number(c[3] ?? 1), (c[4] ?? '').replace(/<[^>]*>/g, '')]),
      );
      expect(rows).toEqual(t.rows.map((r) => r.cells.map((c) => [c.colSpan, c.rowSpan, c.text])));
    });
  });

  it('leaves a cell not held empty, and a draft without a date line', async () => {
    const draft = fixtureReportDocument({ dateOn: null });
    draft.figures.table4[0] = null;
    const x = await documentXml(await reportDocx(draft));
    const t4 = docxTables(x)[2] ?? [];
    expect(t4[3]?.[0]?.text).toBe('');
    expect(x).not.toContain('2026年1月20日');
  });

  it('keeps the paragraphs and line breaks of a section, escaped', async () => {
    const x = await documentXml(
      await reportDocx(
        fixtureReportDocument({ sections: { ...fixtureSections(), problems: '甲 <b> & 乙\n丙\n\n丁' } }),
      ),
    );
    expect(x).toContain('甲 &lt;b&gt; &amp; 乙</w:t></w:r><w:r>');
    expect(x).toMatch(/<w:br\/><w:t xml:space="preserve">丙<\/w:t>/);
    expect(parts(x, 'w:p').map(textOf)).toContain('丁');
  });
});
