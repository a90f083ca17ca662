/** The library sheet's mapping: headers by meaning, what each row becomes, and the row-numbered refusals. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type ImportCells, planRow, planRows, readImportSheet, sheetDate } from './library-import.ts';

const TODAY = '2026-12-01';
const cells = (over: Partial<ImportCells>): ImportCells => ({
  title: '某县农村集体资产管理办法',
  docNumber: '',
  issuers: '',
  registrationNumber: '',
  publishedOn: '',
  effectiveOn: '',
  expiresOn: '',
  validity: '',
  repealedOn: '',
  kind: '行政规范性文件',
  url: '',
  ...over,
});
const plan = (over: Partial<ImportCells>) => {
  const r = planRow(2, cells(over), TODAY);
  if ('problems' in r) throw new Error(r.problems.join('；'));
  return r.plan;
};
const problems = (over: Partial<ImportCells>) => {
  const r = planRow(2, cells(over), TODAY);
  return 'problems' in r ? r.problems : [];
};

describe('sheetDate', () => {
  it.each([
    ['2021-05-01', '2021-05-01'],
    ['2021/5/1', '2021-05-01'],
    ['2021.5.1', '2021-05-01'],
    ['2021年5月1日', '2021-05-01'],
    ['２０２１年５月１日', '2021-05-01'],
    ['', null],
    ['2021-02-30', undefined],
    ['去年', undefined],
  ])('%s → %s', (t, d) => expect(sheetDate(t)).toBe(d));
});

describe('planRow', () => {
  it('类型 words map to kinds', () => {
    expect(plan({ kind: '规章' }).kind).toBe('regulation');
    expect(plan({ kind: '规范性文件' }).kind).toBe('normative');
    expect(plan({ kind: '其他政策文件' }).kind).toBe('policy');
  });

  it('有效 / blank: no event; presumed in force, with or without a 施行日期 (the sheet is not the document)', () => {
    const blank = plan({ publishedOn: '2018-01-01' });
    expect(blank.event).toBeNull();
    expect(blank.derived).toMatchObject({ state: 'in_force', certainty: 'presumed' });
    expect(blank.presumed).toBe(true);
    const dated = plan({ validity: '有效', publishedOn: '2018-01-01', effectiveOn: '2018-02-01' });
    expect(dated.derived).toMatchObject({ state: 'in_force', certainty: 'presumed', since: '2018-02-01' });
    expect(dated.presumed).toBe(true);
  });

  it('废止 with a 废止日期 → a presumed repealed event', () => {
    const p = plan({ validity: '已废止', publishedOn: '2015-01-01', repealedOn: '2020年6月30日' });
    expect(p.event).toEqual({ type: 'repealed', occursOn: '2020-06-30' });
    expect(p.derived).toMatchObject({ state: 'repealed', certainty: 'presumed', since: '2020-06-30' });
  });

  it('失效 → an expired event the day after 有效期至 (or on the given date)', () => {
    expect(plan({ validity: '失效', expiresOn: '2021-01-04' }).event).toEqual({
      type: 'expired',
      occursOn: '2021-01-05',
    });
    expect(plan({ validity: '失效', repealedOn: '2021-03-01' }).event).toEqual({
      type: 'expired',
      occursOn: '2021-03-01',
    });
  });

  it('a 有效期至 already passed with 有效 in the sheet: the platform derives 已失效 from the date', () => {
    expect(plan({ validity: '有效', effectiveOn: '2019-01-01', expiresOn: '2024-12-31' }).derived.state).toBe(
      'expired',
    );
  });

  it('several 制定机关 are split on 、 and commas', () => {
    expect(plan({ issuers: '县财政局、县人民银行，县税务局' }).issuers).toEqual([
      '县财政局',
      '县人民银行',
      '县税务局',
    ]);
  });

  it.each([
    [{ kind: '' }, '第 2 行：请填写类型'],
    [{ kind: '通知' }, '第 2 行：类型“通知”不认识'],
    [{ title: '' }, '第 2 行：请填写文件名称'],
    [{ publishedOn: '2021-13-01' }, '第 2 行：公布日期“2021-13-01”不是有效日期'],
    [{ publishedOn: '2021-03-01', effectiveOn: '2021-02-01' }, '施行日期 2021-02-01 早于公布日期 2021-03-01'],
    [{ effectiveOn: '2021-03-01', expiresOn: '2021-02-01' }, '有效期至 2021-02-01 早于施行（公布）日期'],
    [{ validity: '废止' }, '有效性为“废止”，请填写废止日期'],
    [{ validity: '失效' }, '有效性为“失效”，请填写有效期至或废止（失效）日期'],
    [{ validity: '部分失效' }, '有效性“部分失效”不认识'],
    [{ repealedOn: '2021-01-01' }, '填写了废止日期 2021-01-01，但有效性不是“废止”'],
    [
      { validity: '废止', publishedOn: '2021-03-01', repealedOn: '2021-01-01' },
      '废止日期 2021-01-01 早于公布日期 2021-03-01',
    ],
    [{ url: 'javascript:alert(1)' }, '正文链接“javascript:alert(1)”应为 http:// 或 https:// 开头的网址'],
  ])('%o → %s', (over, message) => {
    expect(problems(over).join('；')).toContain(message);
  });
});

describe('planRows: duplicates within the sheet', () => {
  it('same 文号 (ignoring bracket styles), or same title and 公布日期, name the first row', () => {
    const r = planRows(
      [
        { row: 2, cells: cells({ docNumber: '某政规〔2021〕1号' }) },
        { row: 3, cells: cells({ title: '乙', docNumber: '某政规[2021]1号' }) },
        { row: 4, cells: cells({ title: '丙', publishedOn: '2021-01-01' }) },
        { row: 5, cells: cells({ title: '丙', publishedOn: '2021-01-01' }) },
      ],
      TODAY,
    );
    expect(r.problems).toEqual([
      '第 3 行：与第 2 行重复（文号“某政规[2021]1号”相同）',
      '第 5 行：与第 4 行重复（文件名称“丙”和公布日期相同）',
    ]);
  });
});

describe('readImportSheet', () => {
  async function xlsx(rows: (string | Date)[][]) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('finds headers by their synonyms below a title row; date cells become ISO dates', async () => {
    const r = await readImportSheet(
      await xlsx([
        ['某县现行有效规范性文件目录'],
        ['名称', '发文字号', '发文机关', '登记号', '成文日期', '生效时间', '时效', '文件类型', '网址'],
        [
          '甲办法',
          '某政规〔2021〕1号',
          '某县人民政府',
          'HNCR-2021-00001',
          new Date(Date.UTC(2021, 4, 1)),
          '2021年6月1日',
          '有效',
          '规章',
          'https://a.example/1',
        ],
      ]),
    );
    expect(r.problems).toEqual([]);
    expect(r.rows).toEqual([
      {
        row: 3,
        cells: cells({
          title: '甲办法',
          docNumber: '某政规〔2021〕1号',
          issuers: '某县人民政府',
          registrationNumber: 'HNCR-2021-00001',
          publishedOn: '2021-05-01',
          effectiveOn: '2021年6月1日',
          validity: '有效',
          kind: '规章',
          url: 'https://a.example/1',
        }),
      },
    ]);
  });

  it('a sheet without a title column, or not an xlsx at all, is refused as a whole', async () => {
    expect((await readImportSheet(await xlsx([['文号'], ['x']]))).problems[0]).toContain('找不到表头');
    expect((await readImportSheet(Buffer.from('not a sheet'))).problems[0]).toContain('.xlsx');
  });
});
