import * as OpenCC from 'opencc-js/cn2t';
import { describe, expect, it } from 'vitest';
import {
  type Grid,
  type Layout,
  reportText,
  TABLE2,
  TABLE3,
  TABLE4,
  table2Grid,
  table3Grid,
  table4Grid,
  writeGrid,
} from '../../../../test/fixtures/annual-reports/synthetic.ts';
import { SECTION_HEADINGS, TABLE3_CORNER, TABLE3_ROW_KEYS, type Table3 } from '../report.model.ts';
import { parseReportText } from './index.ts';

const LAYOUTS: Layout[] = ['bordered', 'cellPerLine', 'spaced', 'tabs'];

/** Table 三 with each row's values moved by `move` (printed order), under the given header. */
function table3With(
  header: Grid,
  move: (row: (number | null)[]) => (number | null)[],
  t: Table3 = TABLE3,
): Grid {
  const grid = table3Grid(t, header);
  return grid.map((row, i) => {
    if (i < header.length) return row;
    const values = row.slice(-7).map((v) => (v === '' ? null : Number(v)));
    return [...row.slice(0, -7), ...move(values).map((v) => String(v ?? ''))];
  });
}

describe('every published layout of the three tables', () => {
  it.each(LAYOUTS)('%s: reads tables 二, 三 and 四 whole, with nothing to report', (layout) => {
    const report = parseReportText(reportText(layout));
    expect(report.year).toBe(2024);
    expect(report.table2).toEqual(TABLE2);
    expect(report.table3).toEqual(TABLE3);
    expect(report.table4).toEqual(TABLE4);
    expect(report.unreadable).toEqual([]);
  });
});

describe('table 三 columns', () => {
  it('follows a 总计 column printed first', () => {
    const header: Grid = [
      [TABLE3_CORNER, '申请人情况'],
      ['总计', '自然人', '法人或其他组织'],
      ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
    ];
    const moved = table3With(header, (v) => [v[6]!, ...v.slice(0, 6)]);
    const report = parseReportText(reportText('bordered', { table3: writeGrid(moved, 'bordered') }));
    expect(report.table3).toEqual(TABLE3);
    expect(report.unreadable.some((n) => /列序与标准格式不同.*总计、自然人/.test(n))).toBe(true);
  });

  it('reads the header variant with 总计 after 其他 (an empty cell beside 法人或其他组织) in the standard order', () => {
    const header: Grid = [
      [TABLE3_CORNER, '申请人情况'],
      ['自然人', '法人或其他组织', ''],
      ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'],
    ];
    for (const layout of ['bordered', 'cellPerLine'] as const) {
      const report = parseReportText(
        reportText(layout, { table3: writeGrid(table3Grid(TABLE3, header), layout) }),
      );
      expect(report.table3, layout).toEqual(TABLE3);
      expect(report.unreadable, layout).toEqual([]);
    }
  });

  it('reads the standard order, and says so, when the header is missing', () => {
    const report = parseReportText(
      reportText('bordered', { table3: writeGrid(table3Grid(TABLE3, []), 'bordered') }),
    );
    expect(report.table3).toEqual(TABLE3);
    expect(report.unreadable).toContain('表三未见表头，按标准列序（自然人…其他、总计）读取');
  });
});

describe('cells', () => {
  it('reads blank cells and "/" as 0 and says so', () => {
    const t2 = table2Grid().map((r) => (r[0] === '规章' ? ['规章', '/', '/', '/'] : r));
    const t3 = table3Grid().map((r) => r.map((c) => (c === '0' ? '' : c)));
    const report = parseReportText(
      reportText('cellPerLine', {
        table2: writeGrid(t2, 'cellPerLine'),
        table3: writeGrid(t3, 'cellPerLine'),
      }),
    );
    expect(report.table2).toEqual(TABLE2);
    expect(report.table3).toEqual(TABLE3);
    expect(report.unreadable).toContain('表二有 3 个单元格填“/”或“—”，按0读取');
    const blankT2 = table2Grid().map((r) => (r[0] === '行政强制' ? ['行政强制', ''] : r));
    const blank = parseReportText(reportText('bordered', { table2: writeGrid(blankT2, 'bordered') }));
    expect(blank.table2!.行政强制).toBe(0);
    expect(blank.unreadable).toContain('表二有 1 个空白单元格，按0读取');
    expect(report.unreadable.some((n) => /表三有 \d+ 个空白单元格，按0读取/.test(n))).toBe(true);
  });

  it('keeps a number it cannot read as null and names it', () => {
    const t3 = table3Grid().map((r) =>
      r[0] === '二、上年结转政府信息公开申请数量' ? [r[0], '1', '0', 'O', '0', '0', '0', '1'] : r,
    );
    const report = parseReportText(reportText('bordered', { table3: writeGrid(t3, 'bordered') }));
    expect(report.table3!.二).toEqual([1, 0, null, 0, 0, 0, 1]);
    expect(report.unreadable).toContain('表三“二”一行有无法识别的数字“O”');
  });

  it('reads full-width digits and brackets', () => {
    const wide = (s: string) => s.replace(/[0-9()]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const report = parseReportText(wide(reportText('bordered')));
    expect(report.table3).toEqual(TABLE3);
    expect(report.table4).toEqual(TABLE4);
  });

  it('does not guess the columns of a short row in the middle of the table', () => {
    const t3 = table3Grid().map((r) => (r[0] === '四、结转下年度继续办理' ? [r[0], '1', '1'] : r));
    const report = parseReportText(reportText('bordered', { table3: writeGrid(t3, 'bordered') }));
    expect(report.table3!.四).toEqual(Array(7).fill(null));
    expect(report.unreadable.some((n) => /“四”一行只有 2 个数字/.test(n))).toBe(true);
  });
});

describe('labels', () => {
  it('joins a label broken over two lines', () => {
    const text = reportText('cellPerLine')
      .replace('1.属于国家秘密 |', '1.属于国家\n秘密 |')
      .replace('一、本年新收政府信息公开申请数量 |', '一、本年新收政府信息\n公开申请数量 |');
    const report = parseReportText(text);
    expect(report.table3).toEqual(TABLE3);
  });

  it('places a label with lost characters by its words, and an unreadable one by its place', () => {
    const text = reportText('bordered')
      .replace('5.属于三类内部事务信息', '5.属于三类内?事务信息')
      .replace('4.保护第三方合法权益', '??????')
      .replace('2.没有现成信息需要另行制作', '2.没?现成信息需要另?制?');
    const report = parseReportText(text);
    expect(report.table3).toEqual(TABLE3);
    expect(report.unreadable).toContain('表三第 8 行的标签“??????”无法辨认，按行序视为“三(三)4”');
  });

  it('places a table-二 row whose label is lost by the caption of its block', () => {
    const text = reportText('cellPerLine')
      .replace('行政许可 |', '行政??可 |')
      .replace('行政强制 |', '????? |');
    const report = parseReportText(text);
    expect(report.table2).toEqual(TABLE2);
    expect(report.unreadable).toContain('表二一行标签“行政??可”无法辨认，按所在栏目视为“行政许可”');
  });

  it('reads a report in traditional characters', () => {
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const report = parseReportText(toTraditional(reportText('bordered')));
    expect(report.table3).toEqual(TABLE3);
    expect(report.table2).toEqual(TABLE2);
    expect(report.unreadable).toContain('原文为繁体字，已转换为简体后识别');
  });
});

describe('the 2019 format', () => {
  const oldTable2: Grid = [
    ['第二十条第（一）项'],
    ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
    ['规章', '0', '0', '5'],
    ['规范性文件', '2', '2', '30'],
    ['第二十条第（五）项'],
    ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
    ['行政许可', '40', '2', '120'],
    ['其他对外管理服务事项', '3', '0', '9'],
    ['第二十条第（六）项'],
    ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
    ['行政处罚', '10', '0', '45'],
    ['行政强制', '2', '0', '3'],
    ['第二十条第（八）项'],
    ['信息内容', '上一年项目数量', '本年增/减'],
    ['行政事业性收费', '4', '0'],
  ];

  it('reads only the columns that mean what 2021 columns mean, and says the format is old', () => {
    const report = parseReportText(reportText('bordered', { table2: writeGrid(oldTable2, 'bordered') }));
    const none = { made: null, repealed: null, inForce: null };
    expect(report.table2).toEqual({
      规章: none,
      行政规范性文件: none,
      行政许可: 120,
      行政处罚: 45,
      行政强制: 3,
      行政事业性收费: null,
    });
    expect(report.unreadable.some((n) => /2019年旧格式/.test(n))).toBe(true);
  });

  it('does not spread a single （六）其他处理 row over the three 2021 rows', () => {
    const grid = table3Grid().filter((r) => !r.some((c) => /^[123]\.申请人|^3\.其他$/.test(c)));
    const at = grid.findIndex((r) => r[0] === '（七）总计');
    grid.splice(at, 0, ['（六）其他处理', '0', '0', '0', '0', '0', '0', '0']);
    const report = parseReportText(reportText('bordered', { table3: writeGrid(grid, 'bordered') }));
    for (const k of ['三(六)1', '三(六)2', '三(六)3'] as const)
      expect(report.table3![k]).toEqual(Array(7).fill(null));
    expect(report.table3!['三(七)']).toEqual(TABLE3['三(七)']);
    expect(report.unreadable.some((n) => /2019年旧格式.*（六）其他处理/.test(n))).toBe(true);
  });
});

describe('prose and truncation', () => {
  const prose = [
    '2024年，本机关共收到政府信息公开申请8件，上年结转2件，办结9件，结转下年度继续办理1件。',
    '全年未发生因政府信息公开引起的行政复议和行政诉讼。',
  ].join('');

  it('reads the totals from the prose when there are no tables', () => {
    const report = parseReportText(
      [
        '示例镇2024年政府信息公开工作年度报告',
        '一、总体情况',
        prose,
        '五、存在的主要问题及改进情况',
        '无。',
      ].join('\n'),
    );
    expect(report.prose).toEqual({ 新收: 8, 上年结转: 2, 办结: 9, 结转下年: 1, 复议: 0, 诉讼: 0 });
    expect([report.table2, report.table3, report.table4]).toEqual([null, null, null]);
    expect(report.unreadable).toEqual([]);
  });

  it('names the prose totals that disagree with the tables', () => {
    const report = parseReportText(reportText('bordered', { overview: prose }));
    expect(report.unreadable).toEqual(
      expect.arrayContaining([
        '正文“新收”为 8，与表三“一、本年新收”总计 7 不符',
        '正文“上年结转”为 2，与表三“二、上年结转”总计 1 不符',
        '正文“办结”为 9，与表三“（七）总计” 7 不符',
        '正文“复议”为 0，与表四行政复议总计 1 不符',
        '正文“诉讼”为 0，与表四行政诉讼总计 1 不符',
      ]),
    );
    expect(report.unreadable.some((n) => /结转下年/.test(n))).toBe(false);
  });

  it('names a row whose 总计 is not the sum of its columns, without correcting it', () => {
    const t3 = { ...TABLE3, 一: [5, 1, 0, 0, 1, 0, 9] };
    const report = parseReportText(reportText('bordered', { table3: writeGrid(table3Grid(t3), 'bordered') }));
    expect(report.table3!.一).toEqual([5, 1, 0, 0, 1, 0, 9]);
    expect(report.unreadable).toContain('表三“一”一行总计为 9，与各类申请人之和 7 不符');
  });

  it.each(['bordered', 'cellPerLine'] as const)(
    '%s: a text cut inside table 三 leaves the later rows null and says where',
    (layout) => {
      const full = reportText(layout);
      const text = full.slice(0, full.indexOf('1.本机关不掌握相关政府信息'));
      const report = parseReportText(text);
      const read = TABLE3_ROW_KEYS.slice(0, TABLE3_ROW_KEYS.indexOf('三(四)1'));
      for (const k of TABLE3_ROW_KEYS)
        expect(report.table3![k], k).toEqual(read.includes(k) ? TABLE3[k] : Array(7).fill(null));
      expect(report.table4).toBeNull();
      expect(report.unreadable.some((n) => /自“三\(四\)1”起共 \d+ 行未读到/.test(n))).toBe(true);
      expect(report.unreadable.some((n) => /“.*无法提供”处中断/.test(n))).toBe(true);
    },
  );

  it('keeps the numbers a row cut off by the end of the text shows', () => {
    const full = reportText('cellPerLine');
    const at = full.indexOf('二、上年结转政府信息公开申请数量 |');
    const report = parseReportText(`${full.slice(0, at)}二、上年结转政府信息公开申请数量 |\n1 |\n0 |`);
    expect(report.table3!.二).toEqual([1, 0, null, null, null, null, null]);
  });
});

describe('year', () => {
  it.each([
    ['示例区2023年度政府信息公开工作年度报告\n一、总体情况', 2023],
    ['一、总体情况\n本报告所列数据统计期限为2022年1月1日至2022年12月31日。', 2022],
    ['一、总体情况\n截至2021年12月31日，本局发布信息20条。', 2021],
    ['一、总体情况\n2020年，本镇认真落实条例。', 2020],
    ['某局政府信息公开工作年度报告（2022年）\n一、总体情况', 2022],
    ['二〇二三年度某镇政府信息公开工作年度报告', 2023],
    ['某局政府信息公开工作年度报告\n2024年1月20日', null],
    ['一、总体情况\n本年度，本镇认真落实条例。发布日期：2024-01-20', null],
  ])('%s → %s', (text, year) => expect(parseReportText(text).year).toBe(year));
});

describe('more layouts found in copied text', () => {
  it('reads Markdown tables (the rule under the header is no row of zeros)', () => {
    const md = (grid: Grid) => {
      const lines = grid.map((r) => `| ${r.join(' | ')} |`);
      lines.splice(1, 0, `|${' --- |'.repeat(grid[1]!.length)}`);
      return lines.join('\n');
    };
    const report = parseReportText(
      reportText('bordered', { table2: md(table2Grid()), table3: md(table3Grid()) }),
    );
    expect(report.table2).toEqual(TABLE2);
    expect(report.table3).toEqual(TABLE3);
    expect(report.unreadable).toEqual([]);
  });

  it('reads one cell per line without any border (text copied from a page)', () => {
    const plain = (grid: Grid) => grid.flat().join('\n');
    const report = parseReportText(
      reportText('bordered', {
        table2: plain(table2Grid()),
        table3: plain(table3Grid()),
        table4: plain(table4Grid()),
      }),
    );
    expect(report.table2).toEqual(TABLE2);
    expect(report.table3).toEqual(TABLE3);
    expect(report.table4).toEqual(TABLE4);
  });

  it('reads a table flattened into one line of words and numbers', () => {
    const oneLine = (grid: Grid) => grid.flat().join(' ');
    const report = parseReportText(reportText('bordered', { table3: oneLine(table3Grid()) }));
    expect(report.table3).toEqual(TABLE3);
  });
});

describe('prose that is not about applications', () => {
  it('does not take 行政许可, hotline or mailbox counts for applications, nor an approximate number', () => {
    const text = [
      '示例县2024年政府信息公开工作年度报告',
      '一、总体情况',
      '全年受理行政许可申请12000件，办结11990件。',
      '12345热线共受理群众诉求3000件，办结2990件。',
      '全年共收到政府信息公开申请100余件。',
      '五、存在的主要问题及改进情况',
      '无。',
    ].join('\n');
    const report = parseReportText(text);
    expect(report.prose).toEqual({
      新收: null,
      上年结转: null,
      办结: null,
      结转下年: null,
      复议: null,
      诉讼: null,
    });
    expect(report.unreadable).toContain('正文“全年共收到政府信息公开申请100余件”为约数，“新收”未读取');
  });
});

describe('bordered rows as some sites print them', () => {
  it('reads a header split over two lines and rows with empty cells before their label', () => {
    const header: Grid = [
      [TABLE3_CORNER, '申请人情况'],
      ['自然人', '法人或其他组织', '总计'],
      ['商业', '科研', '社会公益组织', '法律服务机构', '其他'],
      ['企业', '机构'],
    ];
    // Sub-rows after the first of each group start with empty cells where the merged cells were.
    const lines = writeGrid(table3Grid(TABLE3, header), 'bordered')
      .split('\n')
      .map((l) => (/^\| (?:[2-8]\.|（[二七]）)/.test(l) ? `| |${l}` : l));
    const report = parseReportText(reportText('bordered', { table3: lines.join('\n') }));
    expect(report.table3).toEqual(TABLE3);
    expect(report.unreadable).toEqual([]);
  });

  it('keeps a last row whose line ends with its border but lost cells to the cut', () => {
    const full = writeGrid(table3Grid(), 'bordered').split('\n');
    const at = full.findIndex((l) => l.includes('7.属于行政执法案卷'));
    const cut = [...full.slice(0, at), '| 7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 | 0 |'].join('\n');
    const text = `${reportText('bordered').split(SECTION_HEADINGS.requests)[0]}${SECTION_HEADINGS.requests}\n${cut}`;
    const report = parseReportText(text);
    expect(report.table3!['三(三)7']).toEqual([0, 0, 0, 0, 0, 0, null]);
    expect(report.table3!['三(三)8']).toEqual(Array(7).fill(null));
  });
});

describe('text extracted from a PDF', () => {
  it('reads table 四 under a header printed one character per line, and wrapped prose without its full stop', () => {
    const table4 = [
      '2023 年,本机关未出现因政府信息公开申请行政复议、提起行政诉讼的情况,',
      '行政复议 行政诉讼',
      '未经复议直接起诉 复议后起诉',
      '结 结 其 尚',
      '结 结 其 尚 结 结 其 尚',
      '总计 果 果 他 未 总 果 果 他 未 总',
      '维 纠 结 审 计 维 纠 结 审 计',
      TABLE4.join(' '),
    ].join('\n');
    const report = parseReportText(reportText('spaced', { table4 }));
    expect(report.table4).toEqual(TABLE4);
    expect(report.prose.复议).toBe(0);
    expect(report.unreadable).toContain('正文“复议”为 0，与表四行政复议总计 1 不符');
  });
});

describe('prose that says there were none', () => {
  it.each([
    ['2023年，全年未接到信息公开申请。', 0],
    ['2022年，未收到依申请公开事项。', 0],
    ['本年度本单位未收到政府信息公开申请，未发生行政复议。', 0],
    ['全年未收到行政许可申请。', null],
  ])('%s → 新收 %s', (text, n) => expect(parseReportText(text).prose.新收).toBe(n));
});

describe('rows wrapped by a PDF', () => {
  it('joins numbers wrapped onto the next line and labels wrapped after their numbers', () => {
    const t3 = writeGrid(table3Grid(), 'spaced')
      .replace(
        '一、本年新收政府信息公开申请数量 5 1 0 0 1 0 7',
        '一、本年新收政府信息公开申请数量 5 1 0 0\n1 0 7',
      )
      .replace(
        /（二）部分公开（区分处理的，只计这一情形，不计其他情形） (.*)/,
        '（二）部分公开（区分处理的，只计这一情形， $1\n不计其他情形）',
      )
      .replace(/1\.属于国家秘密/, '(1)属于国家秘密');
    const report = parseReportText(reportText('spaced', { table3: t3 }));
    expect(report.table3).toEqual(TABLE3);
  });
});

describe('prose totals of appeals', () => {
  it.each([
    ['因政府信息公开工作被申请行政复议2件、提起行政诉讼1件。', 2, 1],
    ['本年度行政复议、行政诉讼均为0。', 0, 0],
    ['2022年度未收到政府信息公开申请，无行政复议和行政诉讼。', 0, 0],
  ])('%s', (text, appeals, suits) => {
    const { prose } = parseReportText(text);
    expect([prose.复议, prose.诉讼]).toEqual([appeals, suits]);
  });
});
