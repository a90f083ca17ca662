/**
 * Drafting use-cases of 政府信息: create and edit drafts, attachments, delete never-published drafts,
 * and dated corrections (更正) of published documents that keep the earlier version (these two and
 * 变更有效性 run through the workflow engine in document-changes.ts). Review transitions live in
 * document-review.service.ts.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { can } from '../../../kernel/permissions.ts';
import type { CallContext } from '../../../lib/actor.ts';
import type { AuditLog } from '../../../lib/audit/audit-log.ts';
import type { Clock } from '../../../lib/clock.ts';
import { AppError, type FieldProblem } from '../../../lib/errors.ts';
import { checkUpload, type FileKind } from '../../../lib/file-types.ts';
import type { UnitService } from '../../orgs/unit.service.ts';
import type { ColumnRepository } from '../columns/column.repository.ts';
import type { DocumentRow } from '../publishing.tables.ts';
import type { DocumentSnapshot, DocumentState } from '../review/document.workflow.ts';
import type { SearchProvider } from '../search/search-provider.ts';
import type { AttachmentStore } from './attachment-store.ts';
import { docNumberSearchKeyOf, normaliseDocNumber } from './doc-number.ts';
import type { DocumentInput, Validity } from './document.model.ts';
import type { DocumentRepository } from './document.repository.ts';
import { DocumentChanges } from './document-changes.ts';
import type { DocumentEventHooks } from './document-events.ts';
import {
  type DocumentKind,
  DocumentKindRegistry,
  type KindedDocumentInput,
  parseKindedInput,
} from './document-kinds.ts';
import { sanitiseHtml } from './html-sanitiser.ts';

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
  /** The registered document kinds (document-kinds.ts); without it only the built-in 政府信息 exists. */
  kinds?: DocumentKindRegistry;
  /** Subscribers to "document corrected" (document-events.ts): a correction runs them in its transaction. */
  hooks?: DocumentEventHooks;
}

/** Options of createDraft / createDrafts. */
export interface CreateDraftOptions {
  /**
   * Runs inside the creating transaction, after the drafts and their audit events: another module
   * writes its own rows (a link to the new draft, its audit event) atomically with the drafts. If it
   * throws, nothing is created. Use `trx` only (on SQLite it holds the only connection).
   */
  inTransaction?: (trx: Transaction<DB>, ids: number[]) => Promise<void>;
}

export class DocumentService {
  private readonly changes: DocumentChanges;
  private readonly kinds: DocumentKindRegistry;

  constructor(private readonly d: DocumentServiceDeps) {
    this.kinds = d.kinds ?? new DocumentKindRegistry();
    this.changes = new DocumentChanges(d, {
      kindMetadata: (doc, raw) => this.kinds.parseMetadata(this.kinds.of(doc.kind), raw),
      derivedValidity: (doc) => this.kinds.of(doc.kind).derivedValidity,
      get: (ctx, id) => this.get(ctx, id),
      snapshot: (doc) => this.snapshot(doc),
      write: (trx, doc, input, extra) => this.write(trx, doc, input, extra),
      inputProblems: (input, unitId) => this.inputProblems(input, unitId),
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
  async createDraft(
    ctx: CallContext,
    unitId: number,
    raw: unknown,
    opts: CreateDraftOptions = {},
  ): Promise<DocumentRow> {
    const [id] = await this.createDrafts(ctx, unitId, [raw], opts);
    return (await this.d.documents.findById(id!))!;
  }

  /**
   * Creates several drafts in `unitId` in ONE transaction (bulk import: nothing half-imported). Every input
   * is checked first; a validation error names each failing input as `row.<index>.<field>`.
   */
  async createDrafts(
    ctx: CallContext,
    unitId: number,
    raws: readonly unknown[],
    opts: CreateDraftOptions = {},
  ): Promise<number[]> {
    const unit = await this.d.units.get(unitId);
    if (ctx.actor.kind !== 'system' && !can(ctx.actor, 'content.draft', unit.path))
      throw AppError.forbidden();
    const inputs: KindedDocumentInput[] = [];
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
          kind: input.kind,
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
      await opts.inTransaction?.(trx, ids);
      return ids;
    });
  }

  /**
   * Parses and checks one document input against the database; returns it or every problem. The kind is
   * `raw.kind` (the built-in 政府信息 when absent); without columns, a draft of a kind with default columns
   * is filed under them.
   */
  async checkInput(
    raw: unknown,
    unitId: number,
  ): Promise<{ input: KindedDocumentInput } | { problems: FieldProblem[] }> {
    try {
      const parsed = parseKindedInput(this.kinds, raw);
      const kind = this.kinds.of(parsed.kind);
      const input = parsed.columnIds.length
        ? parsed
        : { ...parsed, columnIds: await this.defaultColumnIds(kind, unitId) };
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
    const input = parseKindedInput(this.kinds, raw, doc.kind);
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
   * Reclassifies a published 政府信息 (the built-in kind) as a registered kind — e.g. a 规范性文件 published
   * before the library existed (issue 11 §5). Only the kind and its metadata change: the versions, 索引号,
   * columns and publication stay as they are. Needs 审核发布 on the unit; audited 'document.reclassify';
   * `opts.inTransaction` runs in the same transaction (the caller's own rows).
   */
  async reclassify(
    ctx: CallContext,
    id: number,
    kindKey: string,
    rawMetadata: unknown,
    opts: { inTransaction?: (trx: Transaction<DB>) => Promise<void> } = {},
  ): Promise<void> {
    const doc = await this.get(ctx, id);
    const snap = await this.snapshot(doc);
    if (ctx.actor.kind !== 'system' && !can(ctx.actor, 'content.approve', snap.unitPath))
      throw AppError.forbidden('您没有更改该信息类型的权限');
    if (snap.state !== 'published')
      throw new AppError('invalid_transition', `“${doc.title}”不是已发布的信息，不能更改类型`);
    if (doc.kind !== 'document')
      throw new AppError(
        'invalid_transition',
        `“${doc.title}”已是“${this.kinds.of(doc.kind).label}”，不能再更改类型`,
      );
    const kind = this.kinds.get(kindKey);
    if (!kind || kind.key === 'document')
      throw AppError.validation([{ field: 'kind', message: `信息类型“${kindKey}”不存在` }]);
    const parsed = this.kinds.parseMetadata(kind, rawMetadata);
    if ('problems' in parsed) throw AppError.validation(parsed.problems);
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.documents.update(trx, id, {
        kind: kind.key,
        kind_metadata_json: parsed.metadata ? JSON.stringify(parsed.metadata) : null,
        updated_at: this.d.clock.now().toISOString(),
      });
      await this.d.audit.record(trx, ctx, {
        action: 'document.reclassify',
        targetType: 'document',
        targetId: id,
        summary: `将已发布信息“${doc.title}”的类型由“政府信息”改为“${kind.label}”`,
        before: { kind: doc.kind },
        after: { kind: kind.key, metadata: parsed.metadata },
      });
      await opts.inTransaction?.(trx);
    });
  }

  /** 更正 of a published document (document-changes.ts). */
  correctPublished(ctx: CallContext, id: number, raw: unknown, note: unknown): Promise<DocumentRow> {
    return this.changes.correctPublished(ctx, id, raw, note);
  }

  /** 变更有效性 of a published document (document-changes.ts). */
  changeValidity(ctx: CallContext, id: number, raw: unknown): Promise<DocumentRow> {
    return this.changes.changeValidity(ctx, id, raw);
  }

  /** Deletes a draft that was never published (document-changes.ts). */
  deleteDraft(ctx: CallContext, id: number): Promise<void> {
    return this.changes.deleteDraft(ctx, id);
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
    input: KindedDocumentInput,
    extra: { version?: number } = {},
  ): Promise<boolean> {
    const derived = Boolean(this.kinds.of(input.kind).derivedValidity);
    const patch = { ...toRow(input, derived), ...extra, updated_at: this.d.clock.now().toISOString() };
    const id = typeof target === 'number' ? target : target.id;
    if (typeof target === 'number') await this.d.documents.update(trx, id, patch);
    else if (!(await this.d.documents.updateInState(trx, id, target.state, patch))) return false;
    await this.d.documents.setIssuers(trx, id, input.issuers);
    await this.d.documents.setColumns(trx, id, input.columnIds);
    return true;
  }

  /**
   * Writes the 有效性 · 施行日期 · 废止日期 a module derived for a document of a kind with `derivedValidity`
   * (document-kinds.ts), inside the module's transaction: the module appends its own audit event there.
   * The public page's 有效性 mark and 废止/失效 notice read these columns.
   */
  async setDerivedValidity(
    trx: Transaction<DB>,
    id: number,
    v: { validity: Validity | null; effectiveOn: string | null; repealedOn: string | null },
  ): Promise<void> {
    await this.d.documents.update(trx, id, {
      validity: v.validity,
      effective_on: v.effectiveOn,
      repealed_on: v.repealedOn,
      updated_at: this.d.clock.now().toISOString(),
    });
  }

  /** Form values of a new draft of `kind` in `unitId`: the kind and its default columns, preselected. */
  async newDraftValues(kind: DocumentKind, unitId: number): Promise<Record<string, string | string[]>> {
    return { kind: kind.key, columnIds: (await this.defaultColumnIds(kind, unitId)).map(String) };
  }

  /** The unit's active list columns whose template key the kind names as its default columns. */
  private async defaultColumnIds(kind: DocumentKind, unitId: number): Promise<number[]> {
    if (!kind.defaultColumns?.length) return [];
    const columns = await this.d.columns.listForUnit(unitId);
    return columns
      .filter(
        (c) => c.active === 1 && c.kind === 'list' && kind.defaultColumns?.includes(c.template_key ?? ''),
      )
      .map((c) => c.id);
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

function toRow(input: KindedDocumentInput, derivedValidity = false) {
  const docNumber = input.docNumber ? normaliseDocNumber(input.docNumber) : null;
  return {
    kind_metadata_json: input.kindMetadata ? JSON.stringify(input.kindMetadata) : null,
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
    // A kind with derived validity (document-kinds.ts) keeps what its module wrote; the form has no such fields.
    ...(derivedValidity
      ? {}
      : { validity: input.validity ?? null, effective_on: input.effectiveOn, repealed_on: input.repealedOn }),
  };
}
