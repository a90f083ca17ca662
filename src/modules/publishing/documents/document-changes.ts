/**
 * Changes of a published document through the workflow's `correct` rule — 更正 (the earlier version
 * kept with a dated 更正说明) and 变更有效性 — and deleting a never-published draft (`delete`). Each runs
 * through the workflow engine: every reason first, then the input, then one transaction that changes
 * the document only while it is still in the state read, with its audit event.
 */
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../../db/schema.ts';
import type { CallContext } from '../../../lib/actor.ts';
import type { AuditLog } from '../../../lib/audit/audit-log.ts';
import { todayInShanghai } from '../../../lib/calendar/index.ts';
import type { Clock } from '../../../lib/clock.ts';
import { AppError, type FieldProblem } from '../../../lib/errors.ts';
import { requiredText, toProblems } from '../../../lib/validation.ts';
import { type Transition, WorkflowEngine } from '../../../lib/workflow/engine.ts';
import type { DocumentRow } from '../publishing.tables.ts';
import {
  DOCUMENT_WORKFLOW_DEFINITION,
  type DocumentSnapshot,
  refuseDocumentChange,
  STALE_DOCUMENT,
} from '../review/document.workflow.ts';
import type { SearchProvider } from '../search/search-provider.ts';
import {
  type DocumentInput,
  documentInputSchema,
  VALIDITY_LABELS,
  type Validity,
  validityInputSchema,
} from './document.model.ts';
import type { DocumentRepository } from './document.repository.ts';
import { correctionNoticeOf, type DocumentEventHooks } from './document-events.ts';
import type { KindedDocumentInput, KindMetadataResult } from './document-kinds.ts';
import { searchTokensOf } from './document-search-text.ts';

const correctionSchema = requiredText('更正说明', 500);

/** What the changes borrow from DocumentService: access check, snapshot, form writes and checks. */
export interface DocumentChangeHost {
  get(ctx: CallContext, id: number): Promise<DocumentRow>;
  snapshot(doc: DocumentRow): Promise<DocumentSnapshot>;
  /** Writes the form's values while the document is still in the state read (false if not). */
  write(
    trx: Transaction<DB>,
    doc: DocumentRow,
    input: KindedDocumentInput,
    extra: { version?: number },
  ): Promise<boolean>;
  /** The document kind's own fields of the form (document-kinds.ts), or their problems. */
  kindMetadata(doc: DocumentRow, raw: unknown): KindMetadataResult;
  /** Why the document's 有效性 is not typed in (its kind derives it), or undefined. */
  derivedValidity(doc: DocumentRow): string | undefined;
  /** Throws validation problems that need the database (topic, columns). */
  inputProblems(input: DocumentInput, unitId: number): Promise<void>;
}

export interface DocumentChangeDeps {
  /** Subscribers to "document corrected" (document-events.ts). */
  hooks?: DocumentEventHooks | undefined;
  db: Kysely<DB>;
  documents: DocumentRepository;
  search: SearchProvider;
  audit: AuditLog;
  clock: Clock;
}

export class DocumentChanges {
  private readonly engine;

  constructor(
    private readonly d: DocumentChangeDeps,
    private readonly host: DocumentChangeHost,
  ) {
    this.engine = new WorkflowEngine(DOCUMENT_WORKFLOW_DEFINITION, {
      db: d.db,
      audit: d.audit,
      refuse: refuseDocumentChange,
      conflict: STALE_DOCUMENT,
    });
  }

  /**
   * Corrects a published document (更正): the current version is kept in document_versions with the
   * dated 更正说明 shown on the public page; the search index follows in the same transaction.
   */
  async correctPublished(ctx: CallContext, id: number, raw: unknown, note: unknown): Promise<DocumentRow> {
    let correction = '';
    let kindMetadata: Record<string, unknown> | null = null;
    return this.change(ctx, id, {
      schema: () => documentInputSchema,
      raw,
      checkInput: async (input, doc) => {
        const kindProblems: FieldProblem[] = [];
        const meta = this.host.kindMetadata(doc, raw);
        if ('problems' in meta) kindProblems.push(...meta.problems);
        else kindMetadata = meta.metadata;
        const n = correctionSchema.safeParse(note);
        if (!n.success) return [...kindProblems, ...toProblems(n.error)];
        correction = n.data;
        return [
          ...kindProblems,
          ...(await this.problemsOf(() => this.host.inputProblems(input, doc.unit_id))),
        ];
      },
      transition: (doc, input, now) => ({
        effect: (trx) =>
          this.d.documents.keepVersion(trx, doc, {
            by: ctx.actor,
            at: now,
            correction: { note: correction, on: todayInShanghai(now) },
          }),
        change: (trx) =>
          this.host.write(trx, doc, { ...input, kind: doc.kind, kindMetadata }, { version: doc.version + 1 }),
        record: async (trx) => {
          await this.d.search.index(trx, id, await searchTokensOf(trx, id));
          // Other modules refresh what they keep of the document (the library's entry) in this transaction.
          await this.d.hooks?.runInTransaction(correctionNoticeOf(ctx, doc, now.toISOString()), trx);
        },
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
        this.host.derivedValidity(doc)
          ? [
              {
                field: 'validity',
                message: `此类信息的有效性不能手工变更：${this.host.derivedValidity(doc)}`,
              },
            ]
          : JSON.stringify(before(doc)) === JSON.stringify(valuesOf(input))
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
    const doc = await this.host.get(ctx, id);
    return { doc, snapshot: await this.host.snapshot(doc) };
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
}
