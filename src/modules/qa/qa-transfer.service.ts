/**
 * Moving the 问答库 in and out (issue 14 items 2 and 6), for holders of qa.exchange:
 *
 * - the 问答库 template (.xlsx, every field): export of the actor's units' entries; import of the same
 *   template, checked by content and size, previewed with per-row Chinese problems naming row and column,
 *   then confirmed in one transaction as 草稿 or 待审核 (never published directly);
 * - the 12345 exchange (docs/qa.md): published entries as JSON `{ format: 'gongkai-knowledge/1',
 *   generatedAt, items }` or .xlsx with the EXCHANGE_FIELDS headers; importing either matches items by
 *   知识编号 (= external_id): an existing entry gets the item's text as a new draft (a revision when it is
 *   published), an unknown one becomes a new draft. All in one transaction, audited.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB, Unit } from '../../db/schema.ts';
import { can } from '../../kernel/permissions.ts';
import type { CallContext } from '../../lib/actor.ts';
import { AppError, type FieldProblem, isAppError } from '../../lib/errors.ts';
import { checkUpload } from '../../lib/file-types.ts';
import { defineSheet, readXlsx, writeXlsx } from '../../lib/spreadsheet/index.ts';
import {
  EXCHANGE_FIELDS,
  QA_AUDIENCE_LABELS,
  QA_AUDIENCES,
  QA_STATE_LABELS,
  type QaAudience,
  type QaState,
} from './qa.model.ts';
import type { QaEntriesService } from './qa-entries.service.ts';
import { type EntryInput, isArticle, parseEntryForm, sourceField } from './qa-entry.model.ts';

/** Largest file accepted (a 问答库 of a county is a few hundred rows). */
export const TRANSFER_MAX_BYTES = 5 * 1024 * 1024;
export const TRANSFER_MAX_ROWS = 2_000;
export const EXCHANGE_FORMAT = 'gongkai-knowledge/1';

const TEMPLATE = defineSheet<Record<string, string>>({
  sheetName: '政策问答库',
  columns: [
    { key: 'id', header: '编号', width: 8 },
    { key: 'unit', header: '所属单位', required: true, width: 20 },
    { key: 'question', header: '问题', required: true, width: 30 },
    { key: 'altQuestions', header: '其他问法', width: 30 },
    { key: 'answer', header: '答复内容', required: true, width: 60 },
    { key: 'topic', header: '主题', width: 16 },
    { key: 'audiences', header: '服务对象', width: 10 },
    { key: 'matter', header: '事项', width: 20 },
    { key: 'tags', header: '标签', width: 16 },
    { key: 'region', header: '适用地区', width: 12 },
    { key: 'validUntil', header: '有效期至', width: 12 },
    { key: 'sources', header: '依据', width: 40 },
    { key: 'state', header: '状态', width: 8 },
    { key: 'reviewOn', header: '复核日期', width: 12 },
    { key: 'stale', header: '待更新', width: 30 },
  ],
});
const EXCHANGE_SHEET = defineSheet<Record<string, string>>({
  sheetName: '知识库',
  columns: (Object.entries(EXCHANGE_FIELDS) as [keyof typeof EXCHANGE_FIELDS, string][]).map(
    ([key, header]) => ({
      key,
      header,
      required: key === 'title' || key === 'content',
      width: key === 'content' ? 60 : 16,
    }),
  ),
});

/** One 12345 knowledge item (docs/qa.md). */
export interface ExchangeItem {
  id: string;
  title: string;
  content: string;
  category: string | null;
  region: string | null;
  source: string | null;
  validUntil: string | null;
  updatedAt: string;
  unit: string | null;
  altQuestions: string[];
  audiences: string[];
}

export interface PreviewRow {
  row: number;
  question: string;
  unit: string;
  sources: number;
}

const parseList = (json: string): string[] => JSON.parse(json) as string[];
const audienceLabels = (json: string) => parseList(json).map((a) => QA_AUDIENCE_LABELS[a as QaAudience] ?? a);
const audienceKeys = (text: string) =>
  text
    .split(/[、,，;；\s]+/)
    .filter(Boolean)
    .map((t) => QA_AUDIENCES.find((a) => a === t || QA_AUDIENCE_LABELS[a] === t) ?? t);

/** One source as a line of the template: `文号或标题|条款|摘录`, an external one `外部:名称|文号|条款|摘录`. */
const sourceLine = (s: {
  document_id: number | null;
  title: string;
  doc_number: string | null;
  article: string | null;
  excerpt: string | null;
}) =>
  s.document_id !== null
    ? [s.doc_number ?? s.title, s.article ?? '', s.excerpt ?? ''].join('|')
    : ['外部:' + s.title, s.doc_number ?? '', s.article ?? '', s.excerpt ?? ''].join('|');

/** A source as 12345 来源 text: 《名称》（文号）第X条, several joined by ；. */
const sourceText = (s: { title: string; doc_number: string | null; article: string | null }) =>
  `《${s.title}》${s.doc_number ? `（${s.doc_number}）` : ''}${s.article ?? ''}`;

export class QaTransferService {
  constructor(private readonly s: QaEntriesService) {}

  private async exchangeUnits(ctx: CallContext): Promise<Unit[]> {
    if (ctx.actor.kind !== 'system' && !can(ctx.actor, 'qa.exchange')) throw AppError.forbidden();
    return this.s.unitsFor(ctx, 'qa.exchange');
  }

  private async names() {
    const units = await this.s.d.units.activeUnits();
    const topics = await this.s.d.publishing.topics.list();
    return { units, topics };
  }

  /** The 问答库 template with every entry of the actor's units. */
  async exportXlsx(ctx: CallContext): Promise<Buffer> {
    const mine = await this.exchangeUnits(ctx);
    const { units, topics } = await this.names();
    const { rows } = await this.s.repo.listAdmin({ unitIds: mine.map((u) => u.id) }, 1, 100_000);
    const sources = await this.s.repo.sourcesOf(rows.map((r) => r.id));
    const out = rows.map((r) => ({
      id: String(r.id),
      unit: units.find((u) => u.id === r.unit_id)?.name ?? '',
      question: r.question,
      altQuestions: parseList(r.alt_questions).join('\n'),
      answer: r.answer,
      topic: topics.find((t) => t.id === r.topic_id)?.name ?? '',
      audiences: audienceLabels(r.audiences).join('、'),
      matter: r.matter ?? '',
      tags: parseList(r.tags).join('、'),
      region: r.region ?? '',
      validUntil: r.valid_until ?? '',
      sources: sources
        .filter((x) => x.entry_id === r.id)
        .map(sourceLine)
        .join('\n'),
      state: QA_STATE_LABELS[r.state as QaState] ?? r.state,
      reviewOn: r.review_on ?? '',
      stale: r.stale ? (r.stale_reason ?? '待更新') : '',
    }));
    return writeXlsx(TEMPLATE, out, { wrap: true, neutraliseFormulas: true });
  }

  /** The form fields of one template row (as the entry form would send them). */
  private rowFields(cells: Record<string, string>, units: Unit[], topics: { id: number; name: string }[]) {
    const fields: Record<string, unknown> = {
      unitId: String(units.find((u) => u.name === cells.unit)?.id ?? ''),
      question: cells.question,
      altQuestions: cells.altQuestions,
      answer: cells.answer,
      topicId: cells.topic ? String(topics.find((t) => t.name === cells.topic)?.id ?? 'x') : '',
      audiences: audienceKeys(cells.audiences ?? ''),
      matter: cells.matter,
      tags: cells.tags,
      region: cells.region,
      validUntil: cells.validUntil,
    };
    (cells.sources ?? '')
      .split(/\r?\n/)
      .filter((l) => l.trim())
      .forEach((line, i) => {
        const [a = '', b = '', c = '', d = ''] = line.split(/[|｜]/).map((x) => x.trim());
        if (a.startsWith('外部:') || a.startsWith('外部：'))
          Object.assign(fields, {
            [sourceField(i, 'title')]: a.slice(3),
            [sourceField(i, 'number')]: b,
            [sourceField(i, 'article')]: c,
            [sourceField(i, 'excerpt')]: d,
          });
        else
          Object.assign(fields, {
            [sourceField(i, 'doc')]: a,
            [sourceField(i, 'article')]: b,
            [sourceField(i, 'excerpt')]: c,
          });
      });
    return fields;
  }

  /** The template's column header a form field belongs to (for row problems). */
  private static column(field: string): string {
    if (/^s\d+_/.test(field)) return '依据';
    const map: Record<string, string> = { unitId: '所属单位', topicId: '主题' };
    return map[field] ?? TEMPLATE.columns.find((c) => c.key === field)?.header ?? field;
  }

  /**
   * Reads an uploaded template: every row checked like the form (units, topics, sources resolved).
   * Returns the rows, their problems ("第 N 行「列」：…") and a signed token carrying the rows to confirm.
   */
  async preview(ctx: CallContext, fileName: string, content: Buffer) {
    const mine = await this.exchangeUnits(ctx);
    checkUpload('file', '导入文件', fileName, content, { allowed: ['xlsx'], maxBytes: TRANSFER_MAX_BYTES });
    const read = await readXlsx<Record<string, string>>(TEMPLATE as never, content, {
      maxBytes: TRANSFER_MAX_BYTES,
      maxRows: TRANSFER_MAX_ROWS,
    });
    const problems: string[] = read.problems.map((p) =>
      p.row === null ? p.message : `第 ${p.row} 行「${p.column ?? ''}」：${p.message}`,
    );
    const { topics } = await this.names();
    const rows: PreviewRow[] = [];
    const accepted: { row: number; fields: Record<string, unknown> }[] = [];
    for (const r of read.rows) {
      const fields = this.rowFields(r.value, mine, topics);
      const found = await this.rowProblems(ctx, fields, r.value);
      if (found.length)
        problems.push(
          ...found.map((p) => `第 ${r.row} 行「${QaTransferService.column(p.field)}」：${p.message}`),
        );
      else {
        rows.push({
          row: r.row,
          question: String(fields.question),
          unit: r.value.unit ?? '',
          sources: (r.value.sources ?? '').split(/\r?\n/).filter((l) => l.trim()).length,
        });
        accepted.push({ row: r.row, fields });
      }
    }
    return { rows, problems, token: problems.length ? null : this.sign(accepted) };
  }

  private async rowProblems(
    ctx: CallContext,
    fields: Record<string, unknown>,
    cells: Record<string, string>,
  ): Promise<FieldProblem[]> {
    try {
      await this.s.checkForm(ctx, fields);
      return [];
    } catch (e) {
      if (!isAppError(e)) throw e;
      return e.problems.map((p) =>
        p.field === 'unitId' ? { field: p.field, message: `没有您可导入的单位“${cells.unit ?? ''}”` } : p,
      );
    }
  }

  private signature(payload: string): string {
    return createHmac('sha256', this.s.d.formSecret).update(`qa-import:${payload}`).digest('base64url');
  }

  private sign(rows: unknown): string {
    const payload = Buffer.from(JSON.stringify(rows)).toString('base64url');
    return `${payload}.${this.signature(payload)}`;
  }

  private unsign(token: string): { row: number; fields: Record<string, unknown> }[] {
    const [payload = '', sig = ''] = token.split('.');
    const want = Buffer.from(this.signature(payload));
    const got = Buffer.from(sig);
    if (!payload || want.length !== got.length || !timingSafeEqual(want, got))
      throw AppError.validation([{ field: 'file', message: '导入预览已失效，请重新上传文件' }]);
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  }

  /** Imports the previewed rows in ONE transaction as 草稿 or 待审核; returns how many. */
  async confirm(ctx: CallContext, token: string, state: string): Promise<number> {
    await this.exchangeUnits(ctx);
    if (state !== 'draft' && state !== 'in_review')
      throw AppError.validation([{ field: 'state', message: '请选择导入后的状态（草稿或待审核）' }]);
    const rows = this.unsign(token);
    const checked: Awaited<ReturnType<QaEntriesService['checkForm']>>[] = [];
    for (const r of rows) {
      try {
        const c = await this.s.checkForm(ctx, r.fields);
        if (state === 'in_review' && !c.sources.length)
          throw AppError.validation([
            { field: 's0_doc', message: '送审的问答请至少列出一项答复所依据的文件' },
          ]);
        checked.push(c);
      } catch (e) {
        if (!isAppError(e)) throw e;
        throw AppError.validation(
          e.problems.map((p) => ({
            field: 'file',
            message: `第 ${r.row} 行「${QaTransferService.column(p.field)}」：${p.message}`,
          })),
        );
      }
    }
    await this.s.d.db.transaction().execute(async (trx) => {
      for (const c of checked)
        await this.s.insertChecked(trx, ctx, c.input, c.sources, { origin: 'import', state });
      await this.s.d.audit.record(trx, ctx, {
        action: 'qa.import',
        targetType: 'qa_entry',
        summary: `从表格导入政策问答 ${checked.length} 条（${QA_STATE_LABELS[state]}）`,
        after: { count: checked.length, state },
      });
    });
    return checked.length;
  }

  /** Published entries as 12345 knowledge items. */
  async exchangeItems(ctx: CallContext): Promise<ExchangeItem[]> {
    await this.exchangeUnits(ctx);
    const { units, topics } = await this.names();
    const rows = await this.s.repo.publishedAll();
    const sources = await this.s.repo.sourcesOf(rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.external_id ?? `GK-QA-${r.id}`,
      title: r.question,
      content: r.answer,
      category: topics.find((t) => t.id === r.topic_id)?.name ?? null,
      region: r.region,
      source:
        sources
          .filter((x) => x.entry_id === r.id)
          .map(sourceText)
          .join('；') || null,
      validUntil: r.valid_until,
      updatedAt: r.updated_at,
      unit: units.find((u) => u.id === r.unit_id)?.name ?? null,
      altQuestions: parseList(r.alt_questions),
      audiences: audienceLabels(r.audiences),
    }));
  }

  async exchangeJson(ctx: CallContext): Promise<string> {
    const items = await this.exchangeItems(ctx);
    return JSON.stringify(
      { format: EXCHANGE_FORMAT, generatedAt: this.s.d.clock.now().toISOString(), items },
      null,
      2,
    );
  }

  async exchangeXlsx(ctx: CallContext): Promise<Buffer> {
    const items = await this.exchangeItems(ctx);
    return writeXlsx(
      EXCHANGE_SHEET,
      items.map((i) => ({
        ...Object.fromEntries(Object.entries(i).map(([k, v]) => [k, v === null ? '' : String(v)])),
        altQuestions: i.altQuestions.join('\n'),
        audiences: i.audiences.join('、'),
      })),
      { wrap: true, neutraliseFormulas: true },
    );
  }

  /** Reads an exchange file (.json or .xlsx) into items; problems name the item and the field. */
  private async readExchange(fileName: string, content: Buffer): Promise<ExchangeItem[]> {
    const isJson = /\.json$/i.test(fileName);
    if (!isJson)
      checkUpload('file', '交换文件', fileName, content, { allowed: ['xlsx'], maxBytes: TRANSFER_MAX_BYTES });
    else if (content.length > TRANSFER_MAX_BYTES)
      throw AppError.validation([{ field: 'file', message: '交换文件：文件过大（最大 5 MB）' }]);
    const list = (v: unknown) =>
      Array.isArray(v)
        ? v.map(String)
        : typeof v === 'string'
          ? v
              .split(/\r?\n|、/)
              .map((x) => x.trim())
              .filter(Boolean)
          : [];
    const text = (v: unknown) => (v === undefined || v === null || v === '' ? null : String(v).trim());
    let raw: Record<string, unknown>[];
    if (isJson) {
      let doc: unknown;
      try {
        doc = JSON.parse(content.toString('utf8'));
      } catch {
        throw AppError.validation([{ field: 'file', message: '交换文件：不是有效的 JSON' }]);
      }
      const d = doc as { format?: unknown; items?: unknown };
      if (d?.format !== EXCHANGE_FORMAT || !Array.isArray(d.items))
        throw AppError.validation([
          { field: 'file', message: `交换文件：格式应为 ${EXCHANGE_FORMAT}（含 items 数组）` },
        ]);
      raw = d.items as Record<string, unknown>[];
    } else {
      const read = await readXlsx<Record<string, string>>(EXCHANGE_SHEET as never, content, {
        maxBytes: TRANSFER_MAX_BYTES,
        maxRows: TRANSFER_MAX_ROWS,
      });
      if (read.problems.length)
        throw AppError.validation(
          read.problems.map((p) => ({
            field: 'file',
            message: p.row === null ? p.message : `第 ${p.row} 行「${p.column}」：${p.message}`,
          })),
        );
      raw = read.rows.map((r) => r.value);
    }
    if (raw.length > TRANSFER_MAX_ROWS)
      throw AppError.validation([{ field: 'file', message: `一次最多导入 ${TRANSFER_MAX_ROWS} 条` }]);
    return raw.map((r) => ({
      id: text(r.id) ?? '',
      title: text(r.title) ?? '',
      content: text(r.content) ?? '',
      category: text(r.category),
      region: text(r.region),
      source: text(r.source),
      validUntil: text(r.validUntil),
      updatedAt: text(r.updatedAt) ?? '',
      unit: text(r.unit),
      altQuestions: list(r.altQuestions),
      audiences: list(r.audiences),
    }));
  }

  /** The entry form fields of an item; its 来源 parsed back into sources (platform documents when found). */
  private itemFields(
    item: ExchangeItem,
    unitId: number,
    topics: { id: number; name: string }[],
  ): Record<string, unknown> {
    const fields: Record<string, unknown> = {
      unitId: String(unitId),
      question: item.title,
      answer: item.content,
      altQuestions: item.altQuestions.join('\n'),
      topicId: item.category ? String(topics.find((t) => t.name === item.category)?.id ?? 'x') : '',
      audiences: audienceKeys(item.audiences.join('、')),
      region: item.region ?? '',
      validUntil: item.validUntil ?? '',
    };
    (item.source ?? '')
      .split('；')
      .filter((x) => x.trim())
      .forEach((part, i) => {
        const m = /^《(.+?)》(?:（(.+?)）)?(.*)$/.exec(part.trim());
        const article = m?.[3]?.trim() ?? '';
        if (m && (!article || isArticle(article)))
          Object.assign(fields, {
            [sourceField(i, 'title')]: m[1],
            [sourceField(i, 'number')]: m[2] ?? '',
            [sourceField(i, 'article')]: article,
          });
        else Object.assign(fields, { [sourceField(i, 'title')]: part.trim().slice(0, 200) });
      });
    return fields;
  }

  /**
   * Imports a 12345 exchange file in one transaction: items matched by 知识编号 update their entry as a new
   * draft (a published one through a revision), others become drafts. Problems name the item and field.
   */
  async importExchange(
    ctx: CallContext,
    fileName: string,
    content: Buffer,
  ): Promise<{ created: number; updated: number }> {
    const mine = await this.exchangeUnits(ctx);
    const items = await this.readExchange(fileName, content);
    const { topics } = await this.names();
    const problems: FieldProblem[] = [];
    const plans: {
      item: ExchangeItem;
      input: EntryInput;
      sources: Awaited<ReturnType<QaEntriesService['checkForm']>>['sources'];
      existing: Awaited<ReturnType<QaEntriesService['repo']['findByExternalId']>>;
      revisionId?: number | null;
    }[] = [];
    for (const [n, item] of items.entries()) {
      const where = `第 ${n + 1} 条（知识编号 ${item.id || '空'}）`;
      if (!item.id) {
        problems.push({ field: 'file', message: `${where}「知识编号」：请填写知识编号` });
        continue;
      }
      const unit = mine.find((u) => u.name === item.unit) ?? (item.unit ? undefined : mine[0]);
      if (!unit) {
        problems.push({ field: 'file', message: `${where}「责任单位」：没有您可导入的单位“${item.unit}”` });
        continue;
      }
      const fields = this.itemFields(item, unit.id, topics);
      // A source named as text: a platform document when its 文号 or title is found, else kept external.
      for (let i = 0; fields[sourceField(i, 'title')] !== undefined; i++) {
        const number = String(fields[sourceField(i, 'number')] ?? '');
        const title = String(fields[sourceField(i, 'title')]);
        const found = await this.s.findDocument(number || title);
        if (found.length === 1 && found[0]!.title === title) {
          fields[sourceField(i, 'doc')] = number || title;
          delete fields[sourceField(i, 'title')];
          delete fields[sourceField(i, 'number')];
        }
      }
      try {
        const c = await this.s.checkForm(ctx, fields);
        plans.push({ item, ...c, existing: await this.s.repo.findByExternalId(item.id) });
      } catch (e) {
        if (!isAppError(e)) throw e;
        const col = (f: string) =>
          f === 'question'
            ? EXCHANGE_FIELDS.title
            : f === 'answer'
              ? EXCHANGE_FIELDS.content
              : f === 'topicId'
                ? EXCHANGE_FIELDS.category
                : /^s\d/.test(f)
                  ? EXCHANGE_FIELDS.source
                  : f;
        problems.push(
          ...e.problems.map((p) => ({ field: 'file', message: `${where}「${col(p.field)}」：${p.message}` })),
        );
      }
    }
    for (const p of plans)
      if (p.existing && p.existing.state !== 'draft' && p.existing.state !== 'published')
        problems.push({
          field: 'file',
          message: `知识编号 ${p.item.id} 对应的问答${QA_STATE_LABELS[p.existing.state as QaState]}，未导入`,
        });
    if (problems.length) throw AppError.validation(problems.slice(0, 50));
    let created = 0;
    let updated = 0;
    // A revision opens in its own transaction (the published text stays); it is then filled below.
    // A published entry is updated through its revision (the public text stays until it is reviewed).
    for (const p of plans.filter((x) => x.existing?.state === 'published'))
      p.revisionId = (await this.s.repo.findRevision(p.existing!.id))?.id ?? null;
    await this.s.d.db.transaction().execute(async (trx) => {
      for (const p of plans) {
        if (p.existing) {
          const target =
            p.existing.state === 'published'
              ? (p.revisionId ?? (await this.s.openRevision(trx, ctx, p.existing)))
              : p.existing.id;
          await this.updateDraft(trx, ctx, target, p.input, p.sources);
          updated++;
        } else {
          await this.s.insertChecked(trx, ctx, p.input, p.sources, {
            origin: 'exchange',
            externalId: p.item.id,
            originRef: p.item.id,
          });
          created++;
        }
      }
      await this.s.d.audit.record(trx, ctx, {
        action: 'qa.exchange.import',
        targetType: 'qa_entry',
        summary: `导入12345知识库交换文件：新建 ${created} 条、更新 ${updated} 条（均为草稿，待审核发布）`,
        after: { created, updated },
      });
    });
    return { created, updated };
  }

  private async updateDraft(
    trx: Transaction<DB>,
    ctx: CallContext,
    id: number,
    input: EntryInput,
    sources: Awaited<ReturnType<QaEntriesService['checkForm']>>['sources'],
  ) {
    const ok = await this.s.repo.updateIfState(trx, id, 'draft', {
      question: input.question,
      answer: input.answer,
      alt_questions: JSON.stringify(input.altQuestions),
      topic_id: input.topicId,
      audiences: JSON.stringify(input.audiences),
      region: input.region,
      valid_until: input.validUntil,
      updated_at: this.s.d.clock.now().toISOString(),
    });
    if (!ok) throw AppError.conflict('有问答刚刚已被他人处理，请重新导入');
    await this.s.repo.replaceSources(trx, id, sources);
    await this.s.d.audit.record(trx, ctx, {
      action: 'qa.entry.update',
      targetType: 'qa_entry',
      targetId: id,
      summary: `12345知识库交换更新政策问答“${input.question}”（草稿）`,
    });
  }
}
