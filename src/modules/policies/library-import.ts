/**
 * Import of an existing library from an .xlsx (issue 11 §5): headers found by meaning (synonyms), every
 * row checked and turned into a plan — the kind, the dates, the event the sheet's 有效性 implies and the
 * state the platform will derive — shown for review BEFORE anything is written; confirming writes every
 * row in one transaction (published documents, their entries, their events) or none.
 *
 * The sheet is not the repealing document: a 废止 / 失效 read from it lands as an event whose source is
 * “原文件库记录” with certainty 'presumed', and a blank / 有效 row is presumed in force.
 */
import { z } from 'zod';
import { can } from '../../kernel/permissions.ts';
import type { CallContext } from '../../lib/actor.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import { addDays, todayInShanghai } from '../../lib/calendar/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { defineSheet, readXlsx, type SheetProblem } from '../../lib/spreadsheet/index.ts';
import type { UnitService } from '../orgs/unit.service.ts';
import type { PublishingApi } from '../publishing/publishing.api.ts';
import type { LibraryFilesRepository } from './library-files.repository.ts';
import { isPolicyKind, type PolicyKind, VALIDITY_STATE_LABELS, type ValidityEvent } from './policy.model.ts';
import { dateOf } from './policy-text.ts';
import { type DerivedValidity, deriveValidity } from './validity.ts';
import type { ValidityLedger } from './validity-ledger.ts';

/** Where imported events say they come from (the history shows it). */
export const IMPORT_SOURCE = '原文件库记录';
/** Most rows one import takes. */
export const MAX_IMPORT_ROWS = 1000;
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** The sheet, declared once: headers by meaning (offices name their columns differently). */
export const LIBRARY_IMPORT_SHEET = defineSheet({
  sheetName: '文件库',
  columns: [
    { key: 'title', header: '文件名称', synonyms: ['标题', '名称', '文件标题'], required: true },
    { key: 'docNumber', header: '文号', synonyms: ['发文字号', '文件编号'] },
    { key: 'issuers', header: '制定机关', synonyms: ['发文机关', '发布机构', '发布机关', '制发机关'] },
    { key: 'registrationNumber', header: '统一登记号', synonyms: ['登记号', '登记编号', '统一编号'] },
    { key: 'publishedOn', header: '公布日期', synonyms: ['发布日期', '发文日期', '成文日期', '印发日期'] },
    { key: 'effectiveOn', header: '施行日期', synonyms: ['生效日期', '生效时间', '实施日期'] },
    { key: 'expiresOn', header: '有效期至', synonyms: ['失效日期', '有效期截止日期', '有效期截至'] },
    { key: 'validity', header: '有效性', synonyms: ['状态', '时效', '效力状态', '时效性'] },
    { key: 'repealedOn', header: '废止日期', synonyms: ['废止时间'] },
    { key: 'kind', header: '类型', synonyms: ['文件类型', '类别'] },
    { key: 'url', header: '正文链接', synonyms: ['网址', '链接', '原文链接'] },
  ],
});
const CELL_KEYS = [
  'title',
  'docNumber',
  'issuers',
  'registrationNumber',
  'publishedOn',
  'effectiveOn',
  'expiresOn',
  'validity',
  'repealedOn',
  'kind',
  'url',
] as const;
/** One row's trimmed cell texts, by the sheet's column keys ('' when the column is absent or empty). */
export type ImportCells = Record<(typeof CELL_KEYS)[number], string>;

/** 类型 cell → kind (labels as offices write them). */
const KIND_WORDS: Record<string, PolicyKind> = {
  规章: 'regulation',
  政府规章: 'regulation',
  部门规章: 'regulation',
  规范性文件: 'normative',
  行政规范性文件: 'normative',
  其他政策文件: 'policy',
  政策文件: 'policy',
  其他文件: 'policy',
};
/** 有效性 cell → what it implies: nothing (presumed in force), or an event. */
const VALIDITY_WORDS: Record<string, 'in_force' | 'repealed' | 'expired'> = {
  有效: 'in_force',
  现行有效: 'in_force',
  继续有效: 'in_force',
  废止: 'repealed',
  已废止: 'repealed',
  失效: 'expired',
  已失效: 'expired',
  宣布失效: 'expired',
};

/** '2021-05-01', '2021/5/1', '2021.5.1', '2021年5月1日' → ISO; '' → null; undefined → not a date. */
export function sheetDate(text: string): string | null | undefined {
  const t = text.normalize('NFKC').trim();
  if (!t) return null;
  const m = /^(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?$/.exec(t);
  return (m && dateOf(m[1] as string, m[2] as string, m[3] as string)) ?? undefined;
}

const safeUrl = (u: string) => /^https?:\/\/[^\s"'<>]+$/i.test(u);
const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** What one row becomes. */
export interface ImportRowPlan {
  row: number;
  title: string;
  kind: PolicyKind;
  docNumber: string | null;
  issuers: string[];
  registrationNumber: string | null;
  publishedOn: string | null;
  effectiveOn: string | null;
  expiresOn: string | null;
  url: string | null;
  /** The event the sheet's 有效性 implies (source “原文件库记录”, presumed). */
  event: { type: Extract<ValidityEvent, 'repealed' | 'expired'>; occursOn: string } | null;
  /** The state the platform will derive today, and how sure. */
  derived: DerivedValidity;
  /** The sheet says 有效 (or nothing) and nothing proves it: shown as 推定. */
  presumed: boolean;
}

export interface ImportPlan {
  rows: ImportRowPlan[];
  /** Row-numbered Chinese messages; nothing is written while there is one. */
  problems: string[];
}

const docKey = (s: string) => s.normalize('NFKC').replace(/[\s〔〕[\]【】()（）]/g, '');

/** One row's plan, or its problems (each naming the column and what was typed). */
export function planRow(
  row: number,
  c: ImportCells,
  today: string,
): { plan: ImportRowPlan } | { problems: string[] } {
  const problems: string[] = [];
  const bad = (m: string) => problems.push(`第 ${row} 行：${m}`);
  if (!c.title) bad('请填写文件名称');
  const kindWord = c.kind.normalize('NFKC').trim();
  const kind = kindWord
    ? (KIND_WORDS[kindWord] ?? (isPolicyKind(kindWord) ? kindWord : undefined))
    : undefined;
  if (!kindWord) bad('请填写类型（规章 / 行政规范性文件 / 其他政策文件）');
  else if (!kind) bad(`类型“${kindWord}”不认识，应为 规章 / 行政规范性文件 / 其他政策文件`);
  const dates: Record<string, string | null> = {};
  for (const [key, label] of [
    ['publishedOn', '公布日期'],
    ['effectiveOn', '施行日期'],
    ['expiresOn', '有效期至'],
    ['repealedOn', '废止日期'],
  ] as const) {
    const d = sheetDate(c[key]);
    if (d === undefined) bad(`${label}“${c[key]}”不是有效日期，应写作 2021-05-01 或 2021年5月1日`);
    dates[key] = d ?? null;
  }
  const { publishedOn = null, effectiveOn = null, expiresOn = null, repealedOn = null } = dates;
  if (publishedOn && effectiveOn && effectiveOn < publishedOn)
    bad(`施行日期 ${effectiveOn} 早于公布日期 ${publishedOn}`);
  if (expiresOn && (effectiveOn ?? publishedOn) && expiresOn < (effectiveOn ?? publishedOn)!)
    bad(`有效期至 ${expiresOn} 早于施行（公布）日期`);
  const validityWord = c.validity.normalize('NFKC').trim();
  const validity = validityWord ? VALIDITY_WORDS[validityWord] : 'in_force';
  if (!validity)
    bad(
      `有效性“${validityWord}”不认识，应为 有效 / 废止 / 失效（修改、部分失效请导入后逐件记录并注明依据文件）`,
    );
  let event: ImportRowPlan['event'] = null;
  if (validity === 'repealed') {
    if (!repealedOn) bad('有效性为“废止”，请填写废止日期');
    else event = { type: 'repealed', occursOn: repealedOn };
  } else if (validity === 'expired') {
    const on = repealedOn ?? (expiresOn ? addDays(expiresOn, 1) : null);
    if (!on) bad('有效性为“失效”，请填写有效期至或废止（失效）日期');
    else event = { type: 'expired', occursOn: on };
  } else if (repealedOn) bad(`填写了废止日期 ${repealedOn}，但有效性不是“废止”`);
  if (event && publishedOn && event.occursOn < publishedOn)
    bad(`${event.type === 'repealed' ? '废止' : '失效'}日期 ${event.occursOn} 早于公布日期 ${publishedOn}`);
  const url = c.url.trim() || null;
  if (url && !safeUrl(url)) bad(`正文链接“${url}”应为 http:// 或 https:// 开头的网址`);
  if (c.title.length > 300) bad('文件名称超过 300 字');
  if (problems.length || !kind) return { problems };
  // As the ledger will derive it (validity-ledger.ts datesOf): an entry from a sheet (origin 'sheet') is
  // presumed whatever dates it gives — the sheet is not the document.
  const derived = deriveValidity(
    {
      publishedOn,
      effectiveOn,
      expiresOn,
      expirySource: expiresOn ? 'metadata' : 'none',
      presumed: true, // a sheet's dates are typed, not the document's own (origin 'sheet')
    },
    event ? [{ id: 1, type: event.type, occursOn: event.occursOn, certainty: 'presumed' }] : [],
    today,
  );
  return {
    plan: {
      row,
      title: c.title,
      kind,
      docNumber: c.docNumber || null,
      issuers: c.issuers
        .split(/[、,，;；\n]+/)
        .map((s) => s.trim())
        .filter(Boolean),
      registrationNumber: c.registrationNumber || null,
      publishedOn,
      effectiveOn,
      expiresOn,
      url,
      event,
      derived,
      presumed: derived.certainty === 'presumed',
    },
  };
}

/** Plans every row: per-row problems, then duplicates within the sheet (same 文号, or same title and date). */
export function planRows(rows: readonly { row: number; cells: ImportCells }[], today: string): ImportPlan {
  const plans: ImportRowPlan[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of rows) {
    const r = planRow(row, cells, today);
    if ('problems' in r) problems.push(...r.problems);
    else plans.push(r.plan);
    const keys = [
      cells.docNumber ? `n:${docKey(cells.docNumber)}` : null,
      `t:${docKey(cells.title)}|${cells.publishedOn}`,
    ].filter((k): k is string => k !== null);
    for (const k of keys) {
      const first = seen.get(k);
      if (first !== undefined) {
        problems.push(
          `第 ${row} 行：与第 ${first} 行重复（${k.startsWith('n:') ? `文号“${cells.docNumber}”` : `文件名称“${cells.title}”和公布日期`}相同）`,
        );
        break;
      }
      seen.set(k, row);
    }
  }
  return { rows: plans, problems };
}

/** Reads the uploaded sheet into cell texts by row (file-level problems as messages). */
export async function readImportSheet(
  xlsx: Buffer,
): Promise<{ rows: { row: number; cells: ImportCells }[]; problems: string[] }> {
  const { rows, problems } = await readXlsx<ImportCells>(LIBRARY_IMPORT_SHEET, xlsx, {
    maxBytes: MAX_IMPORT_BYTES,
    maxRows: MAX_IMPORT_ROWS,
    emptyMessage: '表格中没有数据行',
  });
  const message = (p: SheetProblem) =>
    p.row === null
      ? p.message.startsWith('找不到表头')
        ? '找不到表头：表格须有“文件名称”（或“标题”“名称”）列，以及类型、文号、日期、有效性等列'
        : p.message
      : `第 ${p.row} 行：${p.message}`;
  return {
    rows: rows.map((r) => ({ row: r.row, cells: fill(r.value) })),
    problems: problems.map(message),
  };
}

const fill = (v: Partial<Record<string, unknown>>): ImportCells =>
  Object.fromEntries(CELL_KEYS.map((k) => [k, String(v[k] ?? '').trim()])) as ImportCells;

/** The review form carries the rows' cell texts; confirming re-plans them (never trusts a plan). */
export const carriedRowsSchema = z.string().transform((s, ctx) => {
  try {
    const parsed = z
      .array(z.object({ row: z.number().int().positive(), cells: z.record(z.string(), z.string()) }))
      .max(MAX_IMPORT_ROWS)
      .parse(JSON.parse(s));
    return parsed.map((r) => ({ row: r.row, cells: fill(r.cells) }));
  } catch {
    ctx.addIssue({ code: 'custom', message: '导入内容已损坏，请重新上传表格' });
    return z.NEVER;
  }
});

/** The document input (主动公开's form fields) of a planned row. */
export function documentRawOf(p: ImportRowPlan): Record<string, unknown> {
  const link = p.url ? `<p>正文：<a href="${escapeHtml(p.url)}">${escapeHtml(p.url)}</a></p>` : '';
  return {
    kind: p.kind,
    title: p.title,
    docNumber: p.docNumber ?? '',
    issuers: p.issuers.join('\n'),
    writtenOn: p.publishedOn ?? '',
    disclosureMode: 'proactive',
    source: IMPORT_SOURCE,
    bodyHtml: `<p>本条目由${IMPORT_SOURCE}导入。</p>${link}`,
    'meta.registrationNumber': p.registrationNumber ?? '',
    'meta.publishedOn': p.publishedOn ?? '',
    'meta.effectiveOn': p.effectiveOn ?? '',
    'meta.expiresOn': p.expiresOn ?? '',
    'meta.noInterpretationReason': `${IMPORT_SOURCE}导入的已发布文件`,
  };
}

/** Label of a derived state for the review screen (“现行有效（推定）”). */
export const planStateLabel = (p: ImportRowPlan) =>
  `${VALIDITY_STATE_LABELS[p.derived.state]}${p.presumed ? '（推定）' : ''}`;

const importError = (problems: string[]) =>
  AppError.validation(
    problems.map((message) => ({ field: 'file', message })),
    '表格有误，未导入任何内容，请按提示修改后重新上传',
  );

export interface LibraryImportDeps {
  audit: AuditLog;
  clock: Clock;
  units: Pick<UnitService, 'get'>;
  publishing: Pick<PublishingApi, 'documents' | 'review'>;
  ledger: ValidityLedger;
  files: LibraryFilesRepository;
}

/** The xlsx import: review (plan, nothing written) and confirm (all rows in one transaction or none). */
export class LibraryImport {
  constructor(private readonly d: LibraryImportDeps) {}

  private today(): string {
    return todayInShanghai(this.d.clock.now());
  }

  private async unitFor(ctx: CallContext, unitId: number) {
    const unit = await this.d.units.get(unitId);
    if (ctx.actor.kind !== 'system' && !can(ctx.actor, 'policy.manage', unit.path))
      throw AppError.forbidden('您没有导入该单位文件库的权限');
    return unit;
  }

  /** The plan of an uploaded sheet, with every problem (sheet, rows, duplicates, existing entries). */
  async review(ctx: CallContext, unitId: number, xlsx: Buffer) {
    await this.unitFor(ctx, unitId);
    const sheet = await readImportSheet(xlsx);
    const plan = await this.plan(unitId, sheet.rows);
    return { carried: sheet.rows, plan: { ...plan, problems: [...sheet.problems, ...plan.problems] } };
  }

  private async plan(unitId: number, rows: { row: number; cells: ImportCells }[]): Promise<ImportPlan> {
    const plan = planRows(rows, this.today());
    const existing = new Map(
      (await this.d.files.entriesOfUnits([unitId]))
        .filter((e) => e.doc_number)
        .map((e) => [docKey(e.doc_number!), e.title]),
    );
    for (const p of plan.rows) {
      const title = p.docNumber ? existing.get(docKey(p.docNumber)) : undefined;
      if (title) plan.problems.push(`第 ${p.row} 行：文号“${p.docNumber}”已在文件库中（《${title}》）`);
      const checked = await this.d.publishing.documents.checkInput(documentRawOf(p), unitId);
      if ('problems' in checked)
        plan.problems.push(...checked.problems.map((x) => `第 ${p.row} 行：${x.message}`));
    }
    return plan;
  }

  /**
   * Writes the carried rows (re-planned now): published documents (主动公开's importPublished), their
   * entries and the events their 有效性 implies, in ONE transaction with one audit event for the batch.
   */
  async confirm(ctx: CallContext, unitId: number, carriedJson: unknown): Promise<number[]> {
    await this.unitFor(ctx, unitId);
    const carried = carriedRowsSchema.safeParse(carriedJson);
    if (!carried.success) throw importError(['导入内容已损坏，请重新上传表格']);
    const plan = await this.plan(unitId, carried.data);
    if (plan.problems.length) throw importError(plan.problems);
    if (!plan.rows.length) throw importError(['没有可导入的行']);
    const now = this.d.clock.now().toISOString();
    return this.d.publishing.review.importPublished(
      ctx,
      unitId,
      plan.rows.map((p) => ({ raw: documentRawOf(p), publishedOn: p.publishedOn })),
      IMPORT_SOURCE,
      {
        inTransaction: async (trx, ids) => {
          for (const [i, id] of ids.entries()) {
            const p = plan.rows[i]!;
            await this.d.ledger.entries.upsert(trx, {
              document_id: id,
              unit_id: unitId,
              kind: p.kind,
              title: p.title,
              doc_number: p.docNumber,
              issuers: p.issuers.join('、') || null,
              registration_number: p.registrationNumber,
              published_on: p.publishedOn,
              effective_on: p.effectiveOn,
              expires_on: p.expiresOn,
              expiry_source: p.expiresOn ? 'metadata' : 'none',
              origin: 'sheet',
              topic_id: null,
              state: 'in_force',
              certainty: 'presumed',
              state_since: null,
              no_interpretation_reason: null,
              created_at: now,
              updated_at: now,
            });
            if (p.event)
              await this.d.ledger.recordInTransaction(trx, ctx, id, {
                type: p.event.type,
                occursOn: p.event.occursOn,
                sourceTitle: IMPORT_SOURCE,
                certainty: 'presumed',
                note: `依据${IMPORT_SOURCE}导入：表格不是废止（失效）文件本身，依据文件待补充`,
              });
            else await this.d.ledger.recompute(trx, id);
          }
          await this.d.audit.record(trx, ctx, {
            action: 'policy.library_import',
            targetType: 'unit',
            targetId: unitId,
            summary: `从表格导入文件库 ${ids.length} 件（${IMPORT_SOURCE}）`,
            after: { documentIds: ids },
          });
        },
      },
    );
  }
}
