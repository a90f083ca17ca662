import { describe, expect, it } from 'vitest';
import { sanitiseHtml } from '../publishing/documents/html-sanitiser.ts';
import { SECTION_HEADINGS, SECTION_KEYS } from './report.model.ts';
import { fixtureFigures, fixtureReportDocument, fixtureSections } from './report-fixture.test-support.ts';
import { reportBodyHtml, sectionParagraphs, tableHtml } from './report-html.ts';
import { table4Layout } from './report-layout.ts';

describe('reportBodyHtml', () => {
  const html = reportBodyHtml(fixtureReportDocument());

  it('survives the publishing sanitiser unchanged', () => {
    expect(sanitiseHtml(html)).toBe(html);
    const hostile = reportBodyHtml(
      fixtureReportDocument({
        sections: {
          ...fixtureSections(),
          problems: '<script>alert(1)</script> & “引号” <b>粗</b>\n\n&amp; &#x41;',
        },
      }),
    );
    expect(sanitiseHtml(hostile)).toBe(hostile);
  });

  it('has the six headings as h2, in order, each once', () => {
    let at = -1;
    for (const key of SECTION_KEYS) {
      const h = `<h2>${SECTION_HEADINGS[key]}</h2>`;
      expect(html.split(h)).toHaveLength(2);
      expect(html.indexOf(h)).toBeGreaterThan(at);
      at = html.indexOf(h);
    }
  });

  it('puts each table right under its heading, with its caption', () => {
    const cases = [
      ['proactive', '主动公开政府信息情况'],
      ['requests', '收到和处理政府信息公开申请情况'],
      ['appeals', '政府信息公开行政复议、行政诉讼情况'],
    ] as const;
    for (const [key, caption] of cases) {
      expect(html).toContain(`<h2>${SECTION_HEADINGS[key]}</h2><table><caption>${caption}</caption>`);
    }
    expect(html.split('<table>')).toHaveLength(4);
  });

  it('writes one escaped <p> per paragraph, single line breaks as <br>', () => {
    const doc = fixtureReportDocument({
      sections: {
        ...fixtureSections(),
        problems: '第一段<b>不是粗体</b> & 符号\n第一段第二行\n\n\n  第二段  \r\n\r\n',
      },
    });
    const out = reportBodyHtml(doc);
    expect(out).toContain(
      `<h2>${SECTION_HEADINGS.problems}</h2><p>第一段&lt;b&gt;不是粗体&lt;/b&gt; &amp; 符号<br>第一段第二行</p><p>第二段</p><h2>`,
    );
    const empty = reportBodyHtml(
      fixtureReportDocument({ sections: { ...fixtureSections(), other: '   \n\n ' } }),
    );
    expect(empty.endsWith(`<h2>${SECTION_HEADINGS.other}</h2>`)).toBe(true);
  });

  it('renders the three paragraphs of the overview', () => {
    expect(sectionParagraphs(fixtureSections().overview)).toHaveLength(3);
    expect(html).toContain(`<h2>${SECTION_HEADINGS.overview}</h2><p>本年度，示范县人民政府`);
  });
});

describe('tableHtml', () => {
  it('draws table 四 with its header in <thead>, spans as colspan/rowspan, values as <td>', () => {
    const results = '<th>结果维持</th><th>结果纠正</th><th>其他结果</th><th>尚未审结</th><th>总计</th>';
    const spanned = results.replaceAll('<th>', '<th rowspan="2">');
    const values = fixtureFigures()
      .table4.map((v) => `<td>${v}</td>`)
      .join('');
    expect(tableHtml(table4Layout(fixtureFigures()))).toBe(
      '<table><caption>政府信息公开行政复议、行政诉讼情况</caption><thead>' +
        '<tr><th colspan="5">行政复议</th><th colspan="10">行政诉讼</th></tr>' +
        `<tr>${spanned}<th colspan="5">未经复议直接起诉</th><th colspan="5">复议后起诉</th></tr>` +
        `<tr>${results}${results}</tr>` +
        `</thead><tbody><tr>${values}</tr></tbody></table>`,
    );
  });

  it('leaves a null value cell empty', () => {
    const f = fixtureFigures();
    f.table4[3] = null;
    expect(tableHtml(table4Layout(f))).toContain('<td>33</td><td></td><td>130</td>');
  });
});
