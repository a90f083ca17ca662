/**
 * The catalogue as a spreadsheet in the standard table layout of the 基层政务公开标准目录:
 * 序号 · 公开事项（一级事项 / 二级事项）· 公开内容（要素）· 公开依据 · 公开时限 · 公开主体 · 公开渠道和载体 ·
 * 公开对象（全社会 / 特定群体）· 公开方式（主动 / 依申请）· 公开层级（县级 / 乡级）, ticks as “√”.
 */
import type { FieldProblem } from '../../lib/errors.ts';
import {
  defineSheet,
  readXlsx,
  type SheetCells,
  type SheetColumn,
  toFieldProblems,
  writeXlsx,
} from '../../lib/spreadsheet/index.ts';
import {
  AUDIENCES,
  type CatalogueItem,
  type CatalogueItemInput,
  catalogueItemSchema,
  DISCLOSURE_WAYS,
  LEVELS,
} from './catalogue.model.ts';

/** Largest catalogue file read (the upload route checks the same limit first). */
const CATALOGUE_XLSX_MAX_BYTES = 5 * 1024 * 1024;

const GROUPS = [
  { header: '公开对象', values: AUDIENCES, key: 'audiences' },
  { header: '公开方式', values: DISCLOSURE_WAYS, key: 'ways' },
  { header: '公开层级', values: LEVELS, key: 'levels' },
] as const;
const TICK = '√';
const TICKED = /[√✓✔●■是yY]/;

const text = (key: keyof CatalogueItem, width: number, header: string, required = false) =>
  ({
    key,
    header,
    width,
    required,
    cell: (it: CatalogueItem) => (it[key] as string | null) ?? '',
  }) satisfies SheetColumn<CatalogueItem>;

/** The standard layout: 公开事项 and the three tick groups have a label row above their columns. */
const CATALOGUE_SHEET = defineSheet<CatalogueItem>({
  sheetName: '主动公开目录',
  columns: [
    { key: 'number', header: '序号', width: 6, cell: (_it, i) => i + 1 },
    { ...text('level1', 16, '一级事项', true), group: '公开事项' },
    { ...text('level2', 16, '二级事项'), group: '公开事项' },
    { ...text('content', 40, '公开内容（要素）', true), synonyms: ['公开内容', '公开要素'] },
    text('basis', 30, '公开依据'),
    text('timeLimit', 20, '公开时限'),
    text('publisher', 16, '公开主体'),
    {
      key: 'channels',
      header: '公开渠道和载体',
      synonyms: ['公开渠道及载体', '公开渠道'],
      width: 24,
      cell: (it) => it.channels.join('、'),
    },
    ...GROUPS.flatMap((g) =>
      g.values.map(
        (v): SheetColumn<CatalogueItem> => ({
          key: `${g.key}:${v}`,
          field: g.key,
          group: g.header,
          header: v,
          width: 8,
          cell: (it) => ((it[g.key] as readonly string[]).includes(v) ? TICK : ''),
        }),
      ),
    ),
  ],
});

/** Writes the unit's catalogue; returns the .xlsx bytes. */
export async function catalogueToXlsx(unitName: string, items: CatalogueItem[]): Promise<Buffer> {
  return writeXlsx(CATALOGUE_SHEET, items, { title: `${unitName}主动公开目录`, titleSize: 16, wrap: true });
}
/** Channel wording seen in real catalogues, mapped onto the standard vocabulary. */
const CHANNEL_SYNONYMS: Record<string, string> = {
  政务新媒体: '两微一端',
  政务微博: '两微一端',
  政务微信: '两微一端',
  公示栏: '社区/企事业单位/村公示栏（电子屏）',
  村公示栏: '社区/企事业单位/村公示栏（电子屏）',
  电子屏: '社区/企事业单位/村公示栏（电子屏）',
  发布会: '发布会/听证会',
  听证会: '发布会/听证会',
  现场: '入户/现场',
  入户: '入户/现场',
  政府门户网站: '政府网站',
};

export interface ParsedCatalogue {
  items: CatalogueItemInput[];
  /** Field = `row<N>.<field>`; message starts with 第 N 行. */
  problems: FieldProblem[];
}

/** Reads a catalogue sheet in the standard layout (header rows found by their labels). */
export async function parseCatalogueXlsx(buffer: Buffer): Promise<ParsedCatalogue> {
  // A merged 一级事项 (or 二级事项) cell is only filled in its first row: later rows carry it on.
  let carry = { level1: '', level2: '' };
  const prepare = (cells: SheetCells) => {
    const get = (key: string) => String(cells[key] ?? '');
    if (!get('content') && !get('level1')) return null;
    const level1 = get('level1') || carry.level1;
    const level2 = get('level2') || (get('level1') ? '' : carry.level2);
    carry = { level1, level2 };
    return {
      level1,
      level2,
      content: get('content'),
      basis: get('basis'),
      timeLimit: get('timeLimit'),
      publisher: get('publisher'),
      channels: splitChannels(get('channels')),
      ...Object.fromEntries(
        GROUPS.map((g) => [g.key, g.values.filter((v) => TICKED.test(get(`${g.key}:${v}`)))]),
      ),
    };
  };
  const { rows, problems } = await readXlsx(CATALOGUE_SHEET, buffer, {
    maxBytes: CATALOGUE_XLSX_MAX_BYTES,
    prepare,
    rowSchema: catalogueItemSchema,
    emptyMessage: '表格中没有目录条目',
  });
  return { items: rows.map((r) => r.value), problems: toFieldProblems(problems) };
}

function splitChannels(s: string): string[] {
  return s
    .split(/[、，,；;\n]+/)
    .map((x) => x.trim())
    .filter(Boolean)
    .map((x) => CHANNEL_SYNONYMS[x] ?? x);
}
