/**
 * The catalogue as a spreadsheet in the standard table layout of the 基层政务公开标准目录:
 * 序号 · 公开事项（一级事项 / 二级事项）· 公开内容（要素）· 公开依据 · 公开时限 · 公开主体 · 公开渠道和载体 ·
 * 公开对象（全社会 / 特定群体）· 公开方式（主动 / 依申请）· 公开层级（县级 / 乡级）, ticks as “√”.
 */
import ExcelJS from 'exceljs';
import type { FieldProblem } from '../../lib/errors.ts';
import { toProblems } from '../../lib/validation.ts';
import {
  AUDIENCES,
  type CatalogueItem,
  type CatalogueItemInput,
  catalogueItemSchema,
  DISCLOSURE_WAYS,
  LEVELS,
} from './catalogue.model.ts';

const GROUPS = [
  { header: '公开对象', values: AUDIENCES, key: 'audiences' },
  { header: '公开方式', values: DISCLOSURE_WAYS, key: 'ways' },
  { header: '公开层级', values: LEVELS, key: 'levels' },
] as const;
const SINGLE = ['公开内容（要素）', '公开依据', '公开时限', '公开主体', '公开渠道和载体'] as const;
const TICK = '√';

/** Writes the unit's catalogue; returns the .xlsx bytes. */
export async function catalogueToXlsx(unitName: string, items: CatalogueItem[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('主动公开目录');
  const width = 14;
  ws.mergeCells(1, 1, 1, width);
  ws.getCell(1, 1).value = `${unitName}主动公开目录`;
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  const top = ['序号', '公开事项', '', ...SINGLE, ...GROUPS.flatMap((g) => [g.header, ''])];
  const sub = ['', '一级事项', '二级事项', ...SINGLE.map(() => ''), ...GROUPS.flatMap((g) => [...g.values])];
  ws.addRow(top);
  ws.addRow(sub);
  for (const c of [1, 4, 5, 6, 7, 8]) ws.mergeCells(2, c, 3, c);
  for (const c of [2, 9, 11, 13]) ws.mergeCells(2, c, 2, c + 1);
  for (const r of [2, 3]) ws.getRow(r).font = { bold: true };
  items.forEach((it, i) => {
    ws.addRow([
      i + 1,
      it.level1,
      it.level2 ?? '',
      it.content,
      it.basis ?? '',
      it.timeLimit ?? '',
      it.publisher,
      it.channels.join('、'),
      ...GROUPS.flatMap((g) =>
        g.values.map((v) => ((it[g.key] as readonly string[]).includes(v) ? TICK : '')),
      ),
    ]);
  });
  ws.columns.forEach((col, i) => {
    col.width = [6, 16, 16, 40, 30, 20, 16, 24][i] ?? 8;
    col.alignment = { wrapText: true, vertical: 'top' };
  });
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
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

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v)
    return v.richText
      .map((t) => t.text)
      .join('')
      .trim();
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim();
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '').trim();
  return String(v).trim();
}

export interface ParsedCatalogue {
  items: CatalogueItemInput[];
  /** Field = `row<N>.<field>`; message starts with 第 N 行. */
  problems: FieldProblem[];
}

/** Reads a catalogue sheet in the standard layout (header rows found by their labels). */
export async function parseCatalogueXlsx(buffer: Buffer): Promise<ParsedCatalogue> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as never);
  const ws = wb.worksheets[0];
  if (!ws) return { items: [], problems: [{ field: 'file', message: '文件中没有工作表' }] };
  const head = findHeader(ws);
  if (!head)
    return {
      items: [],
      problems: [{ field: 'file', message: '找不到表头：需要“公开内容（要素）”“一级事项”等列' }],
    };
  const items: CatalogueItemInput[] = [];
  const problems: FieldProblem[] = [];
  let carry = { level1: '', level2: '' };
  for (let r = head.firstDataRow; r <= ws.rowCount; r++) {
    const get = (label: string) => (head.cols[label] ? text(ws.getCell(r, head.cols[label]!).value) : '');
    if (!get('公开内容（要素）') && !get('一级事项')) continue;
    const level1 = get('一级事项') || carry.level1;
    const level2 = get('二级事项') || (get('一级事项') ? '' : carry.level2);
    carry = { level1, level2 };
    const raw = {
      level1,
      level2,
      content: get('公开内容（要素）'),
      basis: get('公开依据'),
      timeLimit: get('公开时限'),
      publisher: get('公开主体'),
      channels: splitChannels(get('公开渠道和载体')),
      ...Object.fromEntries(GROUPS.map((g) => [g.key, g.values.filter((v) => /[√✓✔●■是yY]/.test(get(v)))])),
    };
    const parsed = catalogueItemSchema.safeParse(raw);
    if (parsed.success) items.push(parsed.data);
    else
      for (const p of toProblems(parsed.error))
        problems.push({ field: `row${r}.${p.field}`, message: `第 ${r} 行：${p.message}` });
  }
  if (!items.length && !problems.length) problems.push({ field: 'file', message: '表格中没有目录条目' });
  return { items, problems };
}

function splitChannels(s: string): string[] {
  return s
    .split(/[、，,；;\n]+/)
    .map((x) => x.trim())
    .filter(Boolean)
    .map((x) => CHANNEL_SYNONYMS[x] ?? x);
}

/** Locates the two header rows and the column of every label. */
function findHeader(ws: ExcelJS.Worksheet): { cols: Record<string, number>; firstDataRow: number } | null {
  for (let r = 1; r <= Math.min(ws.rowCount, 20); r++) {
    const cols: Record<string, number> = {};
    for (const row of [r, r + 1]) {
      ws.getRow(row).eachCell((cell, c) => {
        const label = text(cell.value).replace(/\s+/g, '').replace('公开内容(要素)', '公开内容（要素）');
        if (label && !cols[label]) cols[label] = c;
      });
    }
    if (cols['公开内容（要素）'] && cols['一级事项']) return { cols, firstDataRow: r + 2 };
  }
  return null;
}
