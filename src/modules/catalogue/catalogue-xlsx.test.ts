import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CatalogueItem } from './catalogue.model.ts';
import { catalogueToXlsx, parseCatalogueXlsx } from './catalogue-xlsx.ts';

const item = (over: Partial<CatalogueItem> = {}): CatalogueItem => ({
  id: 1,
  unitId: 1,
  position: 1,
  level1: '社会救助',
  level2: '最低生活保障',
  content: '低保政策文件、办理流程、保障对象名单（去标识化）',
  basis: '《社会救助暂行办法》',
  timeLimit: '信息形成或者变更之日起20个工作日内',
  publisher: '县民政局',
  channels: ['政府网站', '社区/企事业单位/村公示栏（电子屏）'],
  audiences: ['全社会'],
  ways: ['主动'],
  levels: ['县级', '乡级'],
  columnIds: [],
  ...over,
});

/** A sheet laid out like real county catalogues: title, two header rows, merged 一级事项, synonyms. */
async function realWorldSheet(rows: (string | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('目录');
  ws.addRow(['某县基层政务公开标准目录（社会救助领域）']);
  ws.addRow([
    '序号',
    '公开事项',
    null,
    '公开内容(要素)',
    '公开依据',
    '公开时限',
    '公开主体',
    '公开渠道和载体',
    '公开对象',
    null,
    '公开方式',
    null,
    '公开层级',
    null,
  ]);
  ws.addRow([
    null,
    '一级事项',
    '二级事项',
    null,
    null,
    null,
    null,
    null,
    '全社会',
    '特定群体',
    '主动',
    '依申请',
    '县级',
    '乡级',
  ]);
  for (const r of rows) ws.addRow(r);
  if (rows.length >= 2) ws.mergeCells(4, 2, 5, 2);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('catalogue spreadsheets', () => {
  it('round-trips the standard layout', async () => {
    const items = [
      item(),
      item({
        id: 2,
        level1: '涉农补贴',
        level2: null,
        ways: ['主动', '依申请'],
        audiences: ['特定群体'],
        levels: ['乡级'],
      }),
    ];
    const parsed = await parseCatalogueXlsx(await catalogueToXlsx('示范县民政局', items));
    expect(parsed.problems).toEqual([]);
    expect(parsed.items).toEqual(items.map(({ id, unitId, position, ...rest }) => rest));
  });

  it('reads real-world sheets: merged 一级事项, half-width brackets, channel synonyms, ✓ ticks', async () => {
    const buf = await realWorldSheet([
      [
        '1',
        '社会救助',
        '低保',
        '政策文件',
        '条例',
        '20个工作日',
        '县民政局',
        '政府网站、政务新媒体、公示栏',
        '✓',
        null,
        '✓',
        null,
        '✓',
        null,
      ],
      [
        '2',
        null,
        '特困供养',
        '供养标准',
        null,
        null,
        '县民政局',
        '政府网站',
        '√',
        null,
        '√',
        null,
        null,
        '√',
      ],
    ]);
    const { items, problems } = await parseCatalogueXlsx(buf);
    expect(problems).toEqual([]);
    expect(items).toHaveLength(2);
    expect(items[0]!.channels).toEqual(['政府网站', '两微一端', '社区/企事业单位/村公示栏（电子屏）']);
    expect(items[1]).toMatchObject({ level1: '社会救助', level2: '特困供养', levels: ['乡级'] });
  });

  it('reports every bad row with its number and the field', async () => {
    const buf = await realWorldSheet([
      ['1', '社会救助', '低保', '', null, null, '县民政局', '飞鸽传书', '√', null, '√', null, '√', null],
      ['2', '社会救助', '特困', '标准', null, null, '', '政府网站', null, null, '√', null, '√', null],
    ]);
    const { items, problems } = await parseCatalogueXlsx(buf);
    expect(items).toEqual([]);
    const messages = problems.map((p) => p.message);
    expect(messages).toContain('第 4 行：请填写公开内容（要素）');
    expect(messages.some((m) => m.startsWith('第 4 行：公开渠道和载体：不认识“飞鸽传书”'))).toBe(true);
    expect(messages).toContain('第 5 行：请填写公开主体');
    expect(messages).toContain('第 5 行：请选择公开对象');
  });

  it('refuses a sheet without the standard headers', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['姓名', '电话']);
    const { problems } = await parseCatalogueXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(problems[0]!.message).toContain('找不到表头');
  });

  it('accepts header variants: 公开内容 for 公开内容（要素）, 公开渠道 for 公开渠道和载体, spaces', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('目录');
    ws.addRow([
      '序号',
      '公开事项',
      null,
      '公开内容',
      '公开主体',
      '公开渠道',
      '公开对象',
      null,
      '公开方式',
      null,
      '公开层级',
      null,
    ]);
    ws.addRow([
      null,
      '一级 事项',
      '二级事项',
      null,
      null,
      null,
      '全社会',
      '特定群体',
      '主动',
      '依申请',
      '县级',
      '乡级',
    ]);
    ws.addRow(['1', '社会救助', null, '政策文件', '县民政局', '政府网站', '√', null, '√', null, '√', null]);
    const { items, problems } = await parseCatalogueXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(problems).toEqual([]);
    expect(items[0]).toMatchObject({
      level1: '社会救助',
      content: '政策文件',
      channels: ['政府网站'],
      levels: ['县级'],
    });
  });
});
