import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import {
  reportText,
  TABLE2,
  TABLE3,
  TABLE4,
  table2Grid,
  table3Labels,
  table4Grid,
} from '../../../../test/fixtures/annual-reports/synthetic.ts';
import { SECTION_HEADINGS, TABLE3_CORNER, TABLE3_ROW_KEYS, type Table3RowKey } from '../report.model.ts';
import { parseReportFile } from './index.ts';

interface Span {
  text: string;
  rows?: number;
  cols?: number;
}
type SpannedGrid = (string | Span)[][];

const SUBS = ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];
const OUTCOME_ROWS = 22;
const GROUP_ROWS: Record<string, number> = { '三(三)': 8, '三(四)': 3, '三(五)': 5, '三(六)': 3 };

/** Table 三 in the official layout: the corner over 3×3 cells, 三、本年度办理结果 over 22 rows, groups merged. */
function officialTable3(): SpannedGrid {
  const body = TABLE3_ROW_KEYS.map((key: Table3RowKey) => {
    const labels = table3Labels(key);
    const values = TABLE3[key].map(String);
    const group = /^三\([三四五六]\)/.exec(key)?.[0];
    if (!key.startsWith('三')) return [{ text: labels[0]!, cols: 3 }, ...values];
    const cells: (string | Span)[] = [];
    if (key === '三(一)') cells.push({ text: labels[0]!, rows: OUTCOME_ROWS });
    const own = labels.at(-1)!;
    if (group && key.endsWith('1') && key !== '三(一)')
      cells.push({ text: labels.at(-2)!, rows: GROUP_ROWS[group]! });
    cells.push(group ? own : { text: own, cols: 2 });
    return [...cells, ...values];
  });
  return [
    [
      { text: TABLE3_CORNER, rows: 3, cols: 3 },
      { text: '申请人情况', cols: 7 },
    ],
    [
      { text: '自然人', rows: 2 },
      { text: '法人或其他组织', cols: 5 },
      { text: '总计', rows: 2 },
    ],
    SUBS,
    ...body,
  ];
}

function htmlTable(grid: SpannedGrid): string {
  const cell = (c: string | Span) => {
    const s = typeof c === 'string' ? { text: c } : c;
    return `<td${s.rows ? ` rowspan="${s.rows}"` : ''}${s.cols ? ` colspan="${s.cols}"` : ''}><p>${s.text}</p></td>`;
  };
  return `<table border="1"><tbody>${grid
    .map((r) => `<tr>${r.map(cell).join('')}</tr>`)
    .join('\n')}</tbody></table>`;
}

function docxTable(grid: SpannedGrid): Table {
  return new Table({
    rows: grid.map(
      (r) =>
        new TableRow({
          children: r.map((c) => {
            const s = typeof c === 'string' ? { text: c } : c;
            return new TableCell({
              children: [new Paragraph(s.text)],
              ...(s.rows ? { rowSpan: s.rows } : {}),
              ...(s.cols ? { columnSpan: s.cols } : {}),
            });
          }),
        }),
    ),
  });
}

/** GBK bytes of a text, from Node's own GBK decoder run backwards (Node has no GBK encoder). */
function encodeGbk(text: string): Buffer {
  const table = new Map<string, [number, number]>();
  const decoder = new TextDecoder('gbk');
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const ch = decoder.decode(Uint8Array.of(lead, trail));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else bytes.push(...(table.get(ch) ?? [0x3f]));
  }
  return Buffer.from(bytes);
}

describe('parseReportFile', () => {
  it('reads a .docx in the official layout, merged cells and all (by content, whatever its name)', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph('示例县2024年政府信息公开工作年度报告'),
            new Paragraph(SECTION_HEADINGS.overview),
            new Paragraph('2024年，本县共收到政府信息公开申请7件。'),
            new Paragraph(SECTION_HEADINGS.proactive),
            docxTable(table2Grid()),
            new Paragraph(SECTION_HEADINGS.requests),
            docxTable(officialTable3()),
            new Paragraph(SECTION_HEADINGS.appeals),
            docxTable([
              [
                { text: '行政复议', cols: 5 },
                { text: '行政诉讼', cols: 10 },
              ],
              [
                ...table4Grid()[1]!
                  .slice(0, 5)
                  .map((t) => ({ text: t, rows: 2 })),
                { text: '未经复议直接起诉', cols: 5 },
                { text: '复议后起诉', cols: 5 },
              ],
              table4Grid()[2]!.slice(5),
              TABLE4.map(String),
            ]),
            new Paragraph(SECTION_HEADINGS.problems),
            new Paragraph('无。'),
          ],
        },
      ],
    });
    const report = await parseReportFile(await Packer.toBuffer(doc), 'upload.bin');
    expect(report.year).toBe(2024);
    expect(report.table2).toEqual(TABLE2);
    expect(report.table3).toEqual(TABLE3);
    expect(report.table4).toEqual(TABLE4);
    expect(report.prose.新收).toBe(7);
    expect(report.unreadable).toEqual([]);
  });

  it('reads an HTML page: rowspan/colspan tables inside a layout table, entities, page furniture', async () => {
    const html = `<!DOCTYPE html><html><head><title>年报</title><script>var a = "<table>";</script></head><body>
      <table width="100%"><tr><td>首页 &gt; 政务公开</td></tr><tr><td>
      <h1>示例县2024年政府信息公开工作年度报告</h1>
      <p>${SECTION_HEADINGS.overview}</p><p>2024年，本县共收到政府信息公开申请7件&nbsp;。</p>
      <p>${SECTION_HEADINGS.proactive}</p>${htmlTable(table2Grid())}
      <p>${SECTION_HEADINGS.requests}</p>${htmlTable(officialTable3())}
      <p>${SECTION_HEADINGS.appeals}</p>${htmlTable(table4Grid())}
      <p>${SECTION_HEADINGS.problems}</p><p>无。</p>
      </td></tr></table></body></html>`;
    const report = await parseReportFile(Buffer.from(html, 'utf8'), 'report.txt');
    expect(report.table2).toEqual(TABLE2);
    expect(report.table3).toEqual(TABLE3);
    expect(report.table4).toEqual(TABLE4);
    expect(report.prose.新收).toBe(7);
    expect(report.unreadable).toEqual([]);
  });

  it('reads a GBK text file and says it was not UTF-8', async () => {
    const text = reportText('bordered');
    const gbk = encodeGbk(text);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
    const report = await parseReportFile(gbk, 'report.txt');
    expect(report.table3).toEqual(TABLE3);
    expect(report.unreadable[0]).toBe('文件不是 UTF-8 编码，已按 GBK/GB18030 读取');
  });

  it('reads a UTF-8 text with a byte-order mark and Windows line ends', async () => {
    const text = `\ufeff${reportText('cellPerLine').replaceAll('\n', '\r\n')}`;
    const report = await parseReportFile(Buffer.from(text, 'utf8'), 'report');
    expect(report.table3).toEqual(TABLE3);
    expect(report.unreadable).toEqual([]);
  });

  it.each([
    ['%PDF-1.7', /PDF/],
    ['\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1', /\.doc/],
    ['PK\x03\x04other.xml', /不是 \.docx/],
  ])('refuses a file it cannot read (%#) with a Chinese message', async (head, message) => {
    await expect(parseReportFile(Buffer.from(head, 'latin1'), 'report.docx')).rejects.toThrow(message);
  });
});
