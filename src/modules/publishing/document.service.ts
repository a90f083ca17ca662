/**
 * Drafting use-cases of 政府信息: create and edit drafts, attachments, delete never-published drafts,
 * and dated corrections (更正) of published documents that keep the earlier version.
 * Workflow transitions live in document-review.service.ts.
 */
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import type { CallContext } from '../../lib/actor.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import { todayInShanghai } from '../../lib/calendar/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, type FieldProblem } from '../../lib/errors.ts';
import { checkUpload, type FileKind } from '../../lib/file-types.ts';
import { parseInput, requiredText, toProblems } from '../../lib/validation.ts';
import { type Transition, WorkflowEngine } from '../../lib/workflow/engine.ts';
import { can } from '../accounts/permissions.ts';
import type { UnitService } from '../orgs/unit.service.ts';
import type { AttachmentStore } from './attachment-store.ts';
import type { ColumnRepository } from './column.repository.ts';
import { docNumberSearchKeyOf, normaliseDocNumber } from './doc-number.ts';
import {
  type DocumentInput,
  documentInputSchema,
  VALIDITY_LABELS,
  type Validity,
  validityInputSchema,
} from './document.model.ts';
import type { DocumentRepository } from './document.repository.ts';
import {
  DOCUMENT_WORKFLOW_DEFINITION,
  type DocumentSnapshot,
  type DocumentState,
  refuseDocumentChange,
  STALE_DOCUMENT,
} from './document.workflow.ts';
import { searchTokensOf } from './document-search-text.ts';
import { sanitiseHtml } from './html-sanitiser.ts';
import type { DocumentRow } from './publishing.tables.ts';
import type { SearchProvider } from './search/search-provider.ts';

/** Attachment types of issue 3 §3. */
export const ATTACHMENT_KINDS: readonly FileKind[] = [
  'pdf',
  'ofd',
  'doc',
  'docx',
  'xls',
  'xlsx',
  'wps',
  'et',
  'jpg',
  'png',
  'zip',
];
/** Largest attachment accepted (configurable later). */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

export interface DocumentServiceDeps {
  db: Kysely<DB>;
  documents: DocumentRepository;
  columns: ColumnRepository;
  units: UnitService;
  files: AttachmentStore;
  search: SearchProvider;
  audit: AuditLog;
  clock: Clock;
}

const correctionSchema = requiredText('更正说明', 500);

export class DocumentService {
  private readonly engine;

  constructor(private readonly d: DocumentServiceDeps) {
    this.engine = new WorkflowEngine(DOCUMENT_WORKFLOW_DEFINITION, {
      db: d.db,
      audit: d.audit,
      refuse: refuseDocumentChange,
      conflict: STALE_DOCUMENT,
    });
  }

  /** Back-office read of any document; needs a content role on its unit. */
  async get(ctx: CallContext, id: number): Promise<DocumentRow> {
    const doc = await this.d.documents.findById(id);
    if (!doc) throw AppError.notFound('信息');
    const unit = await this.d.units.get(doc.unit_id);
    const actions = ['content.draft', 'content.review_confidentiality', 'content.approve'] as const;
    if (ctx.actor.kind !== 'system' && !actions.some((a) => can(ctx.actor, a, unit.path)))
      throw AppError.forbidden();
    return doc;
  }

  /** The workflow's view of a document. */
  async snapshot(doc: DocumentRow): Promise<DocumentSnapshot> {
    const unit = await this.d.units.get(doc.unit_id);
    return {
      state: doc.state as DocumentState,
      unitPath: unit.path,
      submittedBy: doc.submitted_by,
      everPublished: doc.ever_published === 1,
    };
  }

  /** Creates a draft in `unitId`. */
  async createDraft(ctx: CallContext, unitId: number, raw: unknown): Promise<DocumentRow> {
    const [id] = await this.createDrafts(ctx, unitId, [raw]);
    return (await this.d.documents.findById(id!))!;
  }

  /**
   * Creates several drafts in `unitId` in ONE transaction (bulk import: nothing half-imported). Every input
   * is checked first; a validation error names each failing input as `row.<index>.<field>`.
   */
  async createDrafts(ctx: CallContext, unitId: number, raws: readonly unknown[]): Promise<number[]> {
    const unit = await this.d.units.get(unitId);
    if (ctx.actor.kind !== 'system' && !can(ctx.actor, 'content.draft', unit.path))
      throw AppError.forbidden();
    const inputs: DocumentInput[] = [];
    const problems: FieldProblem[] = [];
    for (const [i, raw] of raws.entries()) {
      const r = await this.checkInput(raw, unitId);
      if ('input' in r) inputs.push(r.input);
      else
        problems.push(
          ...(raws.length === 1
            ? r.problems
            : r.problems.map((p) => ({ ...p, field: `row.${i}.${p.field}` }))),
        );
    }
    if (problems.length) throw AppError.validation(problems);
    const now = this.d.clock.now().toISOString();
    return this.d.db.transaction().execute(async (trx) => {
      const ids: number[] = [];
      for (const input of inputs) {
        const id = await this.d.documents.insert(trx, {
          ...toRow(input),
          unit_id: unitId,
          state: 'draft',
          version: 0,
          ever_published: 0,
          created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
          created_at: now,
          updated_at: now,
        });
        await this.d.documents.setIssuers(trx, id, input.issuers);
        await this.d.documents.setColumns(trx, id, input.columnIds);
        await this.d.audit.record(trx, ctx, {
          action: 'document.create',
          targetType: 'document',
          targetId: id,
          summary: `新建信息草稿“${input.title}”`,
        });
        ids.push(id);
      }
      return ids;
    });
  }

  /** Parses and checks one document input against the database; returns it or every problem. */
  async checkInput(
    raw: unknown,
    unitId: number,
  ): Promise<{ input: DocumentInput } | { problems: FieldProblem[] }> {
    try {
      const input = parseInput(documentInputSchema, raw);
      await this.inputProblems(input, unitId);
      return { input };
    } catch (e) {
      if (e instanceof AppError && e.code === 'validation') return { problems: e.problems };
      throw e;
    }
  }

  /** An attachment's bytes for the back office (any content role on the document's unit). */
  async readAttachment(ctx: CallContext, id: number, attachmentId: number) {
    await this.get(ctx, id);
    const a = await this.d.documents.attachment(attachmentId);
    if (!a || a.document_id !== id) throw AppError.notFound('附件');
    return { fileName: a.file_name, kind: a.kind as FileKind, content: await this.d.files.read(a.sha256) };
  }

  /** Edits a draft (only drafts can be edited; a published document is corrected instead). */
  async updateDraft(ctx: CallContext, id: number, raw: unknown): Promise<DocumentRow> {
    const doc = await this.get(ctx, id);
    const snap = await this.snapshot(doc);
    if (snap.state !== 'draft')
      throw new AppError('invalid_transition', '只有草稿可以修改；已发布的信息请使用“更正”');
    if (ctx.actor.kind !== 'system' && !can(ctx.actor, 'content.draft', snap.unitPath))
      throw AppError.forbidden();
    const input = parseInput(documentInputSchema, raw);
    await this.inputProblems(input, doc.unit_id);
    await this.d.db.transaction().execute(async (trx) => {
      await this.write(trx, id, input);
      await this.d.audit.record(trx, ctx, {
        action: 'document.update',
        targetType: 'document',
        targetId: id,
        summary: `修改信息草稿“${input.title}”`,
      });
    });
    return (await this.d.documents.findById(id))!;
  }

  /**
   * Corrects a published document (更正): the current version is kept in document_versions with the
   * dated 更正说明 shown on the public page; the search index follows in the same transaction.
   */
  async correctPublished(ctx: CallContext, id: number, raw: unknown, note: unknown): Promise<DocumentRow> {
    let correction = '';
    return this.change(ctx, id, {
      schema: () => documentInputSchema,
      raw,
      checkInput: async (input, doc) => {
        const n = correctionSchema.safeParse(note);
        if (!n.success) return toProblems(n.error);
        correction = n.data;
        return this.problemsOf(() => this.inputProblems(input, doc.unit_id));
      },
      transition: (doc, input, now) => ({
        effect: (trx) =>
          this.d.documents.keepVersion(trx, doc, {
            by: ctx.actor,
            at: now,
            correction: { note: correction, on: todayInShanghai(now) },
          }),
        change: (trx) => this.write(trx, doc, input, { version: doc.version + 1 }),
        record: async (trx) => this.d.search.index(trx, id, await searchTokensOf(trx, id)),
        audit: () => ({
          action: 'document.correct',
          targetType: 'document',
          targetId: id,
          summary: `更正已发布信息“${doc.title}”：${correction}`,
          before: { title: doc.title, version: doc.version },
          after: { title: input.title, version: doc.version + 1 },
        }),
      }),
    });
  }

  /**
   * 变更有效性 of a published document (e.g. marking it 废止 when a new document repeals it). A published
   * change like a correction: the current version is kept in document_versions (without a 更正说明 — the
   * public page shows the new mark instead), the version number goes up, and the audit event records the
   * values before and after. Needs the same permission as a correction.
   */
  async changeValidity(ctx: CallContext, id: number, raw: unknown): Promise<DocumentRow> {
    const valuesOf = (v: {
      validity?: string | null;
      effectiveOn: string | null;
      repealedOn: string | null;
    }) => ({
      validity: v.validity ?? null,
      effectiveOn: v.effectiveOn,
      repealedOn: v.repealedOn,
    });
    const before = (doc: DocumentRow) =>
      valuesOf({ validity: doc.validity, effectiveOn: doc.effective_on, repealedOn: doc.repealed_on });
    const label = (v: string | null) => (v ? VALIDITY_LABELS[v as Validity] : '未标注');
    return this.change(ctx, id, {
      onlyPublished: '只有已发布的信息可以变更有效性；草稿的有效性在修改草稿时填写',
      schema: (doc) => validityInputSchema(doc.written_on),
      raw,
      checkInput: (input, doc) =>
        JSON.stringify(before(doc)) === JSON.stringify(valuesOf(input))
          ? [{ field: 'validity', message: '有效性、施行日期和废止日期都没有变化' }]
          : [],
      transition: (doc, input, now) => {
        const [was, is] = [before(doc), valuesOf(input)];
        return {
          effect: (trx) => this.d.documents.keepVersion(trx, doc, { by: ctx.actor, at: now }),
          change: (trx) =>
            this.d.documents.updateInState(trx, id, 'published', {
              validity: is.validity,
              effective_on: is.effectiveOn,
              repealed_on: is.repealedOn,
              version: doc.version + 1,
              updated_at: now.toISOString(),
            }),
          audit: () => ({
            action: 'document.validity',
            targetType: 'document',
            targetId: id,
            summary: `变更已发布信息“${doc.title}”的有效性：${label(was.validity)} → ${label(is.validity)}${input.note ? `（${input.note}）` : ''}`,
            before: { ...was, version: doc.version },
            after: { ...is, version: doc.version + 1 },
          }),
        };
      },
    });
  }

  /** Deletes a draft that was never published (published ones are withdrawn instead). */
  async deleteDraft(ctx: CallContext, id: number): Promise<void> {
    await this.engine.run(ctx, {
      event: 'delete',
      prepare: () => this.load(ctx, id),
      subject: (p) => p.snapshot,
      env: () => ctx.actor,
      commit: ({ prepared: { doc } }) => ({
        // Still a draft inside the transaction, or someone submitted it meanwhile.
        change: (trx) => this.d.documents.updateInState(trx, id, 'draft', { updated_at: this.nowIso() }),
        record: (trx) => this.d.documents.delete(trx, id),
        audit: () => ({
          action: 'document.delete',
          targetType: 'document',
          targetId: id,
          summary: `删除未发布的信息草稿“${doc.title}”`,
          before: { title: doc.title },
        }),
      }),
    });
  }

  /**
   * A change of a published document (the `correct` rule of the workflow) through the engine: every
   * reason first, then the input, then one transaction that changes it only while still published.
   */
  private async change<V>(
    ctx: CallContext,
    id: number,
    o: {
      /** Refused before anything else when the document is not published. */
      onlyPublished?: string;
      schema: (doc: DocumentRow) => z.ZodType<V>;
      raw: unknown;
      checkInput: (input: V, doc: DocumentRow) => FieldProblem[] | Promise<FieldProblem[]>;
      transition: (doc: DocumentRow, input: V, now: Date) => Transition<Transaction<DB>, unknown, undefined>;
    },
  ): Promise<DocumentRow> {
    const now = this.d.clock.now();
    await this.engine.run(ctx, {
      input: { schema: (p: { doc: DocumentRow }) => o.schema(p.doc), raw: o.raw },
      event: 'correct',
      prepare: async () => {
        const p = await this.load(ctx, id);
        if (o.onlyPublished && p.doc.state !== 'published')
          throw new AppError('invalid_transition', o.onlyPublished);
        return p;
      },
      subject: (p) => p.snapshot,
      env: () => ctx.actor,
      checkInput: (input, p) => o.checkInput(input, p.doc),
      commit: ({ prepared: { doc }, value }) => o.transition(doc, value, now),
    });
    return (await this.d.documents.findById(id))!;
  }

  private async load(ctx: CallContext, id: number) {
    const doc = await this.get(ctx, id);
    return { doc, snapshot: await this.snapshot(doc) };
  }

  /** The validation problems `check` throws, as a list. */
  private async problemsOf(check: () => Promise<void>): Promise<FieldProblem[]> {
    try {
      await check();
      return [];
    } catch (e) {
      if (e instanceof AppError && e.code === 'validation') return e.problems;
      throw e;
    }
  }

  private nowIso(): string {
    return this.d.clock.now().toISOString();
  }

  /** Adds an attachment to a draft: type checked by content, stored by hash, original name kept. */
  async addAttachment(ctx: CallContext, id: number, fileName: string, content: Buffer): Promise<number> {
    const doc = await this.get(ctx, id);
    const snap = await this.snapshot(doc);
    if (snap.state !== 'draft') throw new AppError('invalid_transition', '只有草稿可以添加附件');
    if (ctx.actor.kind !== 'system' && !can(ctx.actor, 'content.draft', snap.unitPath))
      throw AppError.forbidden();
    const kind = checkUpload('attachment', '附件', fileName, content, {
      allowed: ATTACHMENT_KINDS,
      maxBytes: MAX_ATTACHMENT_BYTES,
    });
    const sha256 = await this.d.files.put(content);
    return this.d.db.transaction().execute(async (trx) => {
      const attachmentId = await this.d.documents.insertAttachment(trx, {
        document_id: id,
        file_name: fileName.replace(/^.*[\\/]/, ''),
        kind,
        size: content.length,
        sha256,
        sort_order: (await this.d.documents.attachments(id, trx)).length,
        created_at: this.d.clock.now().toISOString(),
      });
      await this.d.audit.record(trx, ctx, {
        action: 'document.attachment_add',
        targetType: 'document',
        targetId: id,
        summary: `为信息“${doc.title}”添加附件“${fileName}”`,
      });
      return attachmentId;
    });
  }

  /**
   * Removes an attachment from a draft. Only drafts (never published: 退回修改 also leads back to 草稿) can
   * lose one; on a published document the attachments are part of what was published and the versions do
   * not keep them, so removal is refused — withdraw the document or publish a new one instead. Only the
   * row goes; the daily sweep deletes the file once no attachment row (of any document or progress
   * report: the store is shared and deduplicated by hash) refers to it.
   */
  async removeAttachment(ctx: CallContext, id: number, attachmentId: number): Promise<void> {
    const doc = await this.get(ctx, id);
    const snap = await this.snapshot(doc);
    const a = await this.d.documents.attachment(attachmentId);
    if (!a || a.document_id !== id) throw AppError.notFound('附件');
    if (snap.state !== 'draft' || snap.everPublished)
      throw new AppError(
        'invalid_transition',
        '只能从草稿中删除附件；已发布信息的附件属于已公开的内容，不能删除，如有错误请撤回后重新发布',
      );
    if (ctx.actor.kind !== 'system' && !can(ctx.actor, 'content.draft', snap.unitPath))
      throw AppError.forbidden();
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.documents.deleteAttachment(trx, attachmentId);
      await this.d.audit.record(trx, ctx, {
        action: 'document.attachment_remove',
        targetType: 'document',
        targetId: id,
        summary: `从信息草稿“${doc.title}”删除附件“${a.file_name}”`,
        before: { attachmentId, fileName: a.file_name, size: a.size, sha256: a.sha256 },
      });
    });
    // The file itself goes with the daily sweep once nothing refers to it (attachment-sweep.ts).
  }

  /** Writes the form's values; with `doc`, only while it is still in the state read (false if not). */
  private async write(
    trx: Transaction<DB>,
    target: number | DocumentRow,
    input: DocumentInput,
    extra: { version?: number } = {},
  ): Promise<boolean> {
    const patch = { ...toRow(input), ...extra, updated_at: this.d.clock.now().toISOString() };
    const id = typeof target === 'number' ? target : target.id;
    if (typeof target === 'number') await this.d.documents.update(trx, id, patch);
    else if (!(await this.d.documents.updateInState(trx, id, target.state, patch))) return false;
    await this.d.documents.setIssuers(trx, id, input.issuers);
    await this.d.documents.setColumns(trx, id, input.columnIds);
    return true;
  }

  /** Problems that need the database: topic exists, columns belong to the unit (or its subtree) and are lists. */
  private async inputProblems(input: DocumentInput, unitId: number): Promise<void> {
    const problems: FieldProblem[] = [];
    if (input.topicId !== undefined && !(await this.d.documents.topicExists(input.topicId)))
      problems.push({ field: 'topicId', message: '主题分类不存在或已停用' });
    const unit = await this.d.units.get(unitId);
    for (const columnId of input.columnIds) {
      const col = await this.d.columns.findById(columnId);
      const owner = col ? await this.d.units.get(col.unit_id) : null;
      if (
        !col ||
        !owner ||
        !col.active ||
        col.kind !== 'list' ||
        !(owner.path.startsWith(unit.path) || unit.path.startsWith(owner.path))
      ) {
        problems.push({
          field: 'columnIds',
          message: `栏目（编号 ${columnId}）不存在、已停用、不是信息列表或不属于本单位`,
        });
      }
    }
    if (problems.length) throw AppError.validation(problems);
  }
}

function toRow(input: DocumentInput) {
  const docNumber = input.docNumber ? normaliseDocNumber(input.docNumber) : null;
  return {
    title: input.title,
    topic_id: input.topicId ?? null,
    genre: input.genre ?? null,
    doc_number: docNumber,
    doc_number_key: input.docNumber ? docNumberSearchKeyOf(input.docNumber) : null,
    written_on: input.writtenOn,
    formed_on: input.formedOn,
    disclosure_mode: input.disclosureMode,
    withheld_ground: input.withheldGround ?? null,
    keywords_json: JSON.stringify(input.keywords),
    summary: input.summary,
    source: input.source,
    body_html: input.bodyHtml ? sanitiseHtml(input.bodyHtml) : '',
    validity: input.validity ?? null,
    effective_on: input.effectiveOn,
    repealed_on: input.repealedOn,
  };
}
