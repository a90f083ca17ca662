/**
 * Bulk import (issue 3 §4): a .zip of .docx files plus an .xlsx with one row of metadata per file.
 * Every row is checked first — file present and readable, names of 主题分类 and 栏目 known, the document
 * input valid — and the report lists what failed in each row and why. Only when every row passes are the
 * drafts created, all in ONE transaction (DocumentService.createDrafts): nothing is half-imported.
 */
import JSZip from 'jszip';
import type { CallContext } from '../../../lib/actor.ts';
import { AppError } from '../../../lib/errors.ts';
import { defineSheet, readXlsx } from '../../../lib/spreadsheet/index.ts';
import {
  DISCLOSURE_MODE_LABELS,
  DISCLOSURE_MODES,
  VALIDITIES,
  VALIDITY_LABELS,
} from '../documents/document.model.ts';
import { type DocumentService, MAX_ATTACHMENT_BYTES } from '../documents/document.service.ts';
import type { SiteColumn } from '../publishing.tables.ts';
import { importWordDocument } from './word-import.ts';

/** Most rows (and .docx files) one import takes. */
export const MAX_BULK_ROWS = 500;
/** Largest uncompressed .docx accepted inside the .zip (guards against zip bombs). */
const MAX_BULK_DOCX_BYTES = 50 * 1024 * 1024;

/** Column headings of the metadata sheet → document form fields. 文件名 and 标题 are required headings. */
export const BULK_HEADINGS: Readonly<Record<string, string>> = {
  文件名: 'fileName',
  标题: 'title',
  发文字号: 'docNumber',
  成文日期: 'writtenOn',
  信息形成日期: 'formedOn',
  主题分类: 'topic',
  栏目: 'columns',
  发文机关: 'issuers',
  文种: 'genre',
  公开方式: 'disclosureMode',
  关键词: 'keywords',
  内容概述: 'summary',
  来源: 'source',
  有效性: 'validity',
  施行日期: 'effectiveOn',
  废止日期: 'repealedOn',
};

export interface BulkRowReport {
  /** Spreadsheet row number (the heading is row 1). */
  row: number;
  fileName: string;
  title: string;
  problems: string[];
}

export interface BulkImportResult {
  imported: number;
  rows: BulkRowReport[];
  ids: number[];
}

export interface BulkImportDeps {
  documents: DocumentService;
  topics: { id: number; name: string; active: number }[];
  /** Columns of the target unit. */
  columns: SiteColumn[];
}

/** The metadata sheet: one column per heading, found by its name on row 1. */
const BULK_SHEET = defineSheet({
  sheetName: '元数据',
  columns: Object.entries(BULK_HEADINGS).map(([header, key]) => ({
    key,
    header,
    required: key === 'fileName' || key === 'title',
  })),
});

const sheetError = (message: string) =>
  AppError.validation([{ field: 'sheet', message: `元数据表格：${message}` }]);

/** The metadata rows of the first sheet, keyed by form field (empty cells left out). */
async function readSheet(xlsx: Buffer): Promise<{ row: number; values: Record<string, string> }[]> {
  const { rows, problems } = await readXlsx<Record<string, string>>(BULK_SHEET, xlsx, {
    // The upload route checked the size against the same limit.
    maxBytes: MAX_ATTACHMENT_BYTES,
    emptyMessage: '没有数据行',
    maxRows: MAX_BULK_ROWS,
    headerSearchRows: 1,
    prepare: (cells) => {
      const values = Object.fromEntries(Object.entries(cells).filter(([, v]) => v !== '')) as Record<
        string,
        string
      >;
      return Object.keys(values).length ? values : null;
    },
  });
  const [problem] = problems;
  if (problem?.message.startsWith('找不到表头')) throw sheetError('第 1 行须有“文件名”和“标题”两列');
  if (problem) throw sheetError(problem.message === '文件中没有工作表' ? '没有工作表' : problem.message);
  return rows.map((r) => ({ row: r.row, values: r.value }));
}

/** .docx entries of the zip by file name (without folders). */
async function readZip(zip: Buffer): Promise<Map<string, JSZip.JSZipObject>> {
  const archive = await JSZip.loadAsync(zip).catch(() => {
    throw AppError.validation([{ field: 'archive', message: '压缩包：无法读取，请上传 .zip 文件' }]);
  });
  const out = new Map<string, JSZip.JSZipObject>();
  for (const entry of Object.values(archive.files))
    if (!entry.dir) out.set(entry.name.replace(/^.*\//, '').normalize('NFC'), entry);
  return out;
}

/** One row's document input, or the reasons it cannot become one. */
async function rowInput(
  deps: BulkImportDeps,
  unitId: number,
  values: Record<string, string>,
  entry: JSZip.JSZipObject | undefined,
): Promise<{ raw?: Record<string, unknown>; problems: string[] }> {
  const problems: string[] = [];
  if (!values.fileName) return { problems: ['请填写文件名'] };
  if (!/\.docx$/i.test(values.fileName)) problems.push(`文件“${values.fileName}”不是 .docx 文件`);
  if (!entry) return { problems: [...problems, `压缩包中没有文件“${values.fileName}”`] };
  const size = (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
  if (size > MAX_BULK_DOCX_BYTES) return { problems: [...problems, `文件“${values.fileName}”过大`] };
  const word = await importWordDocument(await entry.async('nodebuffer')).catch(() => null);
  if (!word) return { problems: [...problems, `文件“${values.fileName}”无法作为 Word 文档读取`] };
  const topic = values.topic ? deps.topics.find((t) => t.name === values.topic && t.active === 1) : undefined;
  if (values.topic && !topic) problems.push(`主题分类“${values.topic}”不存在或已停用`);
  const columnIds: string[] = [];
  // 、 is not a separator: column names contain it (双随机、一公开)
  for (const name of (values.columns ?? '')
    .split(/[;；\n]+/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const col = deps.columns.find((c) => c.name === name && c.kind === 'list' && c.active === 1);
    if (col) columnIds.push(String(col.id));
    else problems.push(`栏目“${name}”不存在、已停用或不是信息列表`);
  }
  const mode = values.disclosureMode
    ? DISCLOSURE_MODES.find(
        (m) => DISCLOSURE_MODE_LABELS[m] === values.disclosureMode || m === values.disclosureMode,
      )
    : 'proactive';
  if (!mode) problems.push(`公开方式“${values.disclosureMode}”应为 主动公开 / 依申请公开 / 不予公开`);
  const validity = values.validity
    ? VALIDITIES.find((v) => VALIDITY_LABELS[v] === values.validity || v === values.validity)
    : '';
  if (validity === undefined)
    problems.push(`有效性“${values.validity}”应为 ${VALIDITIES.map((v) => VALIDITY_LABELS[v]).join(' / ')}`);
  const raw = {
    ...values,
    title: values.title || word.guess.title || '',
    docNumber: values.docNumber || word.guess.docNumber || '',
    writtenOn: values.writtenOn || word.guess.writtenOn || '',
    issuers: values.issuers || word.guess.issuers.join('\n'),
    topicId: topic ? String(topic.id) : '',
    disclosureMode: mode ?? 'proactive',
    validity: validity ?? '',
    columnIds,
    bodyHtml: word.bodyHtml,
  };
  const checked = await deps.documents.checkInput(raw, unitId);
  if ('problems' in checked) problems.push(...checked.problems.map((p) => p.message));
  return { raw, problems };
}

/**
 * Validates every row, then imports all of them as drafts of `unitId` in one transaction — or none, when
 * any row fails (`imported` is then 0 and the report says why).
 */
export async function bulkImport(
  ctx: CallContext,
  deps: BulkImportDeps,
  unitId: number,
  files: { zip: Buffer; xlsx: Buffer },
): Promise<BulkImportResult> {
  const rows = await readSheet(files.xlsx);
  const entries = await readZip(files.zip);
  const reports: BulkRowReport[] = [];
  const raws: Record<string, unknown>[] = [];
  for (const { row, values } of rows) {
    const r = await rowInput(deps, unitId, values, entries.get((values.fileName ?? '').normalize('NFC')));
    reports.push({
      row,
      fileName: values.fileName ?? '',
      title: String(r.raw?.title ?? values.title ?? ''),
      problems: r.problems,
    });
    if (r.raw) raws.push(r.raw);
  }
  if (reports.some((r) => r.problems.length)) return { imported: 0, rows: reports, ids: [] };
  const ids = await deps.documents.createDrafts(ctx, unitId, raws);
  return { imported: ids.length, rows: reports, ids };
}
