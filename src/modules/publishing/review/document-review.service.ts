/**
 * Workflow transitions of 政府信息 (document.workflow.ts): submit, 保密审查, 退回修改, approve / schedule,
 * force-publish, withdraw and the scheduled-publication job. Each lists every reason it cannot run, then
 * changes state, records the review step, updates the search index and writes the audit event in ONE
 * transaction.
 */
import type { Kysely, Transaction, Updateable } from 'kysely';
import { z } from 'zod';
import type { DB, Unit } from '../../../db/schema.ts';
import { can } from '../../../kernel/permissions.ts';
import { type CallContext, NO_REQUEST, systemActor } from '../../../lib/actor.ts';
import type { AuditLog } from '../../../lib/audit/audit-log.ts';
import { todayInShanghai } from '../../../lib/calendar/index.ts';
import type { Clock } from '../../../lib/clock.ts';
import { AppError, type FieldProblem } from '../../../lib/errors.ts';
import { choice, optionalText, requiredText } from '../../../lib/validation.ts';
import { type Transition, WorkflowEngine } from '../../../lib/workflow/engine.ts';
import type { PublicRoute } from '../../../platform/module.ts';
import type { CalendarService } from '../../calendar/calendar.service.ts';
import type { UnitService } from '../../orgs/unit.service.ts';
import { CheckRegistry, checkedDocumentOf } from '../checks/check-registry.ts';
import { internalLinksOf } from '../checks/internal-links.ts';
import {
  BUILT_IN_CHECKS,
  DEFAULT_PRE_PUBLICATION_CONFIG,
  type PrePublicationConfig,
  type PrePublicationResult,
} from '../checks/pre-publication-checks.ts';
import type { AttachmentStore } from '../documents/attachment-store.ts';
import { extractAttachmentText } from '../documents/attachment-text.ts';
import {
  CONFIDENTIALITY_CONCLUSION_LABELS,
  CONFIDENTIALITY_CONCLUSIONS,
  VALIDITY_LABELS,
  type Validity,
  WITHDRAWAL_REASON_LABELS,
  WITHDRAWAL_REASONS,
  WITHHOLDING_GROUNDS,
} from '../documents/document.model.ts';
import type { DocumentRepository } from '../documents/document.repository.ts';
import type { CreateDraftOptions, DocumentService } from '../documents/document.service.ts';
import {
  type DocumentEventHooks,
  type DocumentLifecycleNotice,
  lifecycleNoticeOf,
} from '../documents/document-events.ts';
import { searchTokensOf } from '../documents/document-search-text.ts';
import {
  DEFAULT_INDEX_NUMBER_PATTERN,
  formatIndexNumber,
  indexNumberPeriod,
} from '../documents/index-number.ts';
import type { DocumentRow, DocumentTable } from '../publishing.tables.ts';
import type { SearchProvider } from '../search/search-provider.ts';
import {
  DOCUMENT_WORKFLOW,
  DOCUMENT_WORKFLOW_DEFINITION,
  type DocumentEvent,
  type DocumentState,
  refuseReviewStep,
  STALE_DOCUMENT,
} from './document.workflow.ts';

export interface DocumentReviewServiceDeps {
  db: Kysely<DB>;
  documents: DocumentRepository;
  drafting: DocumentService;
  units: UnitService;
  files: AttachmentStore;
  search: SearchProvider;
  audit: AuditLog;
  clock: Clock;
  calendar: CalendarService;
  /** A fixed check configuration (tests); otherwise `checkSettings`, otherwise the defaults. */
  checks?: PrePublicationConfig;
  /** The stored check configuration (check-settings.service.ts), read at every run. */
  checkSettings?: { load(): Promise<PrePublicationConfig> };
  /** PUBLIC_URL (src/config.ts): absolute links to its host are checked as internal links. */
  publicUrl?: string | undefined;
  /** The site's public routes (Registry#publicRoutes): where internal links may lead. */
  publicRoutes: () => readonly PublicRoute[];
  /** 索引号 pattern (index-number.ts); regulations §9 default. */
  indexNumberPattern?: string;
  /** The checks to run (check-registry.ts); the built-in ones when absent. */
  checkRegistry?: CheckRegistry;
  /** Subscribers to "document published / withdrawn" (document-events.ts). */
  hooks?: DocumentEventHooks;
}

/** The registry of a service built without one (demo seeds): the built-in checks only. */
const BUILT_IN_REGISTRY = new CheckRegistry(BUILT_IN_CHECKS);

const reviewSchema = z
  .object({
    conclusion: choice('保密审查结论', CONFIDENTIALITY_CONCLUSIONS),
    ground: z
      .union([z.literal('').transform(() => null), choice('不予公开依据', WITHHOLDING_GROUNDS)])
      .nullish(),
    note: optionalText('审查意见', 1000),
  })
  .superRefine((v, ctx) => {
    if (v.conclusion === 'withhold' && !v.ground)
      ctx.addIssue({ code: 'custom', path: ['ground'], message: '不予公开须选择依据（条例第十四至十六条）' });
    if (v.conclusion === 'redact' && !v.note)
      ctx.addIssue({ code: 'custom', path: ['note'], message: '请在审查意见中写明须删除的内容' });
  });
const reasonSchema = requiredText('理由', 1000);
const withdrawSchema = z
  .object({ reason: choice('撤回原因', WITHDRAWAL_REASONS), note: optionalText('撤回说明', 1000) })
  .superRefine((v, ctx) => {
    if (v.reason === 'other' && !v.note)
      ctx.addIssue({ code: 'custom', path: ['note'], message: '撤回原因为“其他”时请填写撤回说明' });
  });
const approveSchema = z.object({
  scheduledAt: z.preprocess(
    (v) => (v === '' || v === null ? undefined : v),
    z.iso.datetime({ offset: true, message: '定时发布时间格式不正确' }).optional(),
  ),
});

/** How many scheduled documents one run of the job publishes at most (the next run takes the rest). */
const PUBLISH_DUE_BATCH = 200;

interface StepRecord {
  conclusion?: string | null;
  ground?: string | null;
  reason?: string | null;
  findings?: PrePublicationResult['findings'];
  summary: string;
}

/** What a review step writes besides the state. */
interface StepPlan {
  patch: Updateable<DocumentTable>;
  record: StepRecord;
  publish?: boolean;
  unindex?: boolean;
}

interface StepInput<V> {
  event: DocumentEvent;
  input: V;
  findings: PrePublicationResult['findings'] | undefined;
}

export class DocumentReviewService {
  private readonly engine;

  constructor(private readonly d: DocumentReviewServiceDeps) {
    this.engine = new WorkflowEngine(DOCUMENT_WORKFLOW_DEFINITION, {
      db: d.db,
      audit: d.audit,
      refuse: refuseReviewStep,
      conflict: STALE_DOCUMENT,
    });
  }

  /** The pre-publication checks for a document as it stands, for the reviewer's screen. */
  async runChecks(doc: DocumentRow): Promise<PrePublicationResult> {
    const attachments = await Promise.all(
      (await this.d.documents.attachments(doc.id)).map(async (a) => ({
        name: a.file_name,
        text: await extractAttachmentText(a.file_name, await this.d.files.read(a.sha256)).catch(() => null),
      })),
    );
    const topic = doc.topic_id === null ? '' : String(doc.topic_id);
    const metadata = {
      title: doc.title,
      topic,
      publisher: (await this.d.units.get(doc.unit_id)).name,
      issuers: await this.d.documents.issuers(doc.id),
      docNumber: doc.doc_number ?? '',
      genre: doc.genre ?? '',
      writtenOn: doc.written_on ?? '',
      formedOn: doc.formed_on ?? '',
      disclosureMode: doc.disclosure_mode,
      keywords: JSON.parse(doc.keywords_json) as string[],
      summary: doc.summary ?? '',
      source: doc.source ?? '',
      validity: doc.validity ? VALIDITY_LABELS[doc.validity as Validity] : '',
    };
    const publishOn = todayInShanghai(this.d.clock.now());
    const config = this.d.checks ?? (await this.d.checkSettings?.load()) ?? DEFAULT_PRE_PUBLICATION_CONFIG;
    // The pure check gets the link targets resolved here, like the attachment text above.
    const linkOptions = {
      publicBaseUrl: this.d.publicUrl,
      documentId: doc.id,
      routes: this.d.publicRoutes(),
    };
    const links = internalLinksOf(doc.body_html, linkOptions);
    const lookup = await this.d.documents.linkTargets(links.map((l) => l.target));
    return (this.d.checkRegistry ?? BUILT_IN_REGISTRY).run(
      { metadata, bodyHtml: doc.body_html, attachments, publishOn, site: { ...linkOptions, lookup } },
      config,
      await this.d.calendar.calendar(),
      checkedDocumentOf(doc),
    );
  }

  /** 提交审查: to 待保密审查; blocked by blocking check findings. */
  async submit(ctx: CallContext, id: number): Promise<void> {
    await this.run(ctx, id, {
      event: 'submit',
      step: (doc, { findings }) => ({
        patch: {
          submitted_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
          submitted_at: this.now(),
        },
        record: { findings, summary: `提交信息“${doc.title}”进行保密审查` },
      }),
    });
  }

  /** 保密审查 with its conclusion: 可以公开 → 待审核; 删除…后公开 → back to the editor; 不予公开 → closed. */
  async reviewConfidentiality(ctx: CallContext, id: number, raw: unknown): Promise<void> {
    await this.run(ctx, id, {
      input: { schema: reviewSchema, raw },
      event: (input) => (input.conclusion === 'disclose' ? 'clear' : input.conclusion),
      step: (doc, { event, input }) => ({
        patch: {
          confidentiality_conclusion: input.conclusion,
          confidentiality_ground: input.ground ?? null,
          ...(event === 'withhold'
            ? { disclosure_mode: 'withheld', withheld_ground: input.ground ?? null }
            : {}),
        },
        record: {
          conclusion: input.conclusion,
          ground: input.ground ?? null,
          reason: input.note,
          summary: `保密审查信息“${doc.title}”：${CONFIDENTIALITY_CONCLUSION_LABELS[input.conclusion]}`,
        },
      }),
    });
  }

  /** 退回修改 from either review step, with a required reason. */
  async returnForRevision(ctx: CallContext, id: number, reason: unknown): Promise<void> {
    await this.run(ctx, id, {
      input: { schema: reasonSchema, raw: reason },
      event: 'return',
      step: (doc, { input: text }) => ({
        patch: {},
        record: { reason: text, summary: `退回信息“${doc.title}”修改：${text}` },
      }),
    });
  }

  /** 审核通过: publishes now, or at `scheduledAt` (定时发布) when that is in the future. */
  async approve(ctx: CallContext, id: number, raw: unknown = {}): Promise<void> {
    const at = (v: { scheduledAt?: string | undefined }) => (v.scheduledAt ? new Date(v.scheduledAt) : null);
    await this.run(ctx, id, {
      input: { schema: approveSchema, raw },
      event: (v) => (at(v) ? 'schedule' : 'approve'),
      checkInput: (v) =>
        at(v) && at(v)!.getTime() <= this.d.clock.now().getTime()
          ? [{ field: 'scheduledAt', message: '定时发布时间必须晚于当前时间' }]
          : [],
      step: (doc, { input, findings }) => {
        const when = at(input);
        const record = {
          findings,
          summary: `审核通过信息“${doc.title}”${when ? `，定时于 ${when.toISOString()} 发布` : '并发布'}`,
        };
        return when
          ? { patch: { scheduled_at: when.toISOString() }, record }
          : { patch: {}, record, publish: true };
      },
    });
  }

  /** 取消定时发布: back to 待审核. */
  async unschedule(ctx: CallContext, id: number): Promise<void> {
    await this.run(ctx, id, {
      event: 'unschedule',
      step: (doc) => ({
        patch: { scheduled_at: null },
        record: { summary: `取消信息“${doc.title}”的定时发布` },
      }),
    });
  }

  /** 强制发布 by the 政务公开管理员 with a recorded reason; blocking findings still block. */
  async forcePublish(ctx: CallContext, id: number, reason: unknown): Promise<void> {
    await this.run(ctx, id, {
      input: { schema: reasonSchema, raw: reason },
      event: 'force_publish',
      step: (doc, { input: text, findings }) => ({
        patch: {},
        record: { reason: text, findings, summary: `强制发布信息“${doc.title}”，理由：${text}` },
        publish: true,
      }),
    });
  }

  /**
   * Imports documents an organ already published elsewhere (an existing 文件库, issue 11 §5): each is
   * created and published in ONE transaction with the others — or none is — without the review steps
   * (the original was published by its organ; nothing is being released now). Like a forced publication
   * it needs 强制发布 on the unit. Each gets its 索引号 and search entry as on publication, a review step
   * 'import_publish' and the audit event 'document.import_publish' naming `source`; its 发布日期 is the
   * one given. The published hooks do not run: this is not a new publication (no 解读 clock starts).
   * `opts.inTransaction` runs last, in the same transaction (the importing module's own rows).
   */
  async importPublished(
    ctx: CallContext,
    unitId: number,
    items: readonly { raw: unknown; publishedOn: string | null }[],
    source: string,
    opts: CreateDraftOptions = {},
  ): Promise<number[]> {
    const unit = await this.d.units.get(unitId);
    if (ctx.actor.kind !== 'system' && !can(ctx.actor, 'content.force_publish', unit.path))
      throw AppError.forbidden('您没有导入已发布信息的权限（需要强制发布权限）');
    return this.d.drafting.createDrafts(
      ctx,
      unitId,
      items.map((i) => i.raw),
      {
        inTransaction: async (trx, ids) => {
          for (const [i, id] of ids.entries()) {
            const publishedOn = items[i]?.publishedOn ?? todayInShanghai(this.d.clock.now());
            await this.d.documents.update(trx, id, { state: 'published', published_on: publishedOn });
            const doc = (await this.d.documents.findById(id, trx))!;
            await this.publishIn(trx, doc, unit);
            await this.d.documents.insertReview(trx, {
              document_id: id,
              event: 'import_publish',
              from_state: 'draft',
              to_state: 'published',
              actor_user_id: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
              actor_name: ctx.actor.kind === 'user' ? ctx.actor.displayName : '系统',
              conclusion: null,
              ground: null,
              reason: source,
              findings_json: null,
              created_at: this.now(),
            });
            await this.d.audit.record(trx, ctx, {
              action: 'document.import_publish',
              targetType: 'document',
              targetId: id,
              summary: `导入已发布信息“${doc.title}”（来源：${source}，发布日期 ${publishedOn}）`,
              before: { state: 'draft' },
              after: { state: 'published' },
            });
          }
          await opts.inTransaction?.(trx, ids);
        },
      },
    );
  }

  /** 撤回: the page stays with a 已撤回 notice, date and reason; the item leaves lists and search. */
  async withdraw(ctx: CallContext, id: number, raw: unknown): Promise<void> {
    await this.run(ctx, id, {
      input: { schema: withdrawSchema, raw },
      event: 'withdraw',
      step: (doc, { input }) => ({
        patch: { withdrawn_at: this.now(), withdrawal_reason: input.reason, withdrawal_note: input.note },
        record: {
          reason: input.note,
          conclusion: input.reason,
          summary: `撤回信息“${doc.title}”：${WITHDRAWAL_REASON_LABELS[input.reason]}`,
        },
        unindex: true,
      }),
    });
  }

  /**
   * The scheduled-publication job: publishes every 定时发布 document whose time has come, as the named
   * system actor. Idempotent; returns how many were published. Register with the scheduler.
   */
  async publishDue(now: Date = this.d.clock.now()): Promise<number> {
    const ctx: CallContext = { actor: systemActor('定时发布任务'), meta: NO_REQUEST };
    let published = 0;
    for (const id of await this.d.documents.dueScheduled(now.toISOString(), PUBLISH_DUE_BATCH)) {
      const doc = await this.d.documents.findById(id);
      if (doc?.state !== 'scheduled') continue;
      try {
        await this.run(ctx, id, {
          event: 'publish_due',
          load: doc,
          step: (d) => ({ patch: {}, record: { summary: `定时发布信息“${d.title}”` }, publish: true }),
        });
        published++;
      } catch (e) {
        // Unscheduled or force-published meanwhile: nothing left to publish.
        if (!(e instanceof AppError && e.code === 'invalid_transition')) throw e;
      }
    }
    return published;
  }

  /**
   * Runs one review step through the workflow engine: input problems first, then every reason the
   * event cannot run (with the blocking check findings when its rule is `prePublicationChecked`), then one transaction that
   * changes the state only if it is still the one read, records the review step, updates the search
   * index and writes the audit event `document.<event>`.
   */
  private run<V = Record<string, never>>(
    ctx: CallContext,
    id: number,
    o: {
      input?: { schema: z.ZodType<V>; raw: unknown };
      event: DocumentEvent | ((input: V) => DocumentEvent);
      checkInput?: (input: V) => FieldProblem[];
      /** The document already read (the job); otherwise read with the caller's access check. */
      load?: DocumentRow;
      step: (doc: DocumentRow, x: StepInput<V>) => StepPlan;
    },
  ): Promise<void> {
    return this.engine.run(ctx, {
      ...(o.input ? { input: { ...o.input, first: true } } : {}),
      event: o.event,
      prepare: async () => {
        const doc = o.load ?? (await this.d.drafting.get(ctx, id));
        return {
          doc,
          snapshot: await this.d.drafting.snapshot(doc),
          checks: undefined as PrePublicationResult | undefined,
          notice: null as DocumentLifecycleNotice | null,
        };
      },
      subject: (p) => p.snapshot,
      env: () => ctx.actor,
      ...(o.checkInput ? { checkInput: o.checkInput } : {}),
      moreReasons: async (p, event) => {
        if (!DOCUMENT_WORKFLOW[event].prePublicationChecked) return [];
        p.checks = await this.runChecks(p.doc);
        return p.checks.blocked
          ? p.checks.findings
              .filter((f) => f.severity === 'block')
              .map((f) => `发布前检查未通过：${f.message}`)
          : [];
      },
      commit: async ({ prepared: p, event, to, value }) => {
        const plan = o.step(p.doc, { event, input: value, findings: p.checks?.findings });
        // Read outside the transaction: SQLite has one connection, which the transaction holds.
        const unit = await this.d.units.get(p.doc.unit_id);
        p.notice = lifecycleNoticeOf(ctx, p.doc, event, this.now());
        return this.transition(ctx, p.doc, event, to ?? (p.doc.state as DocumentState), plan, unit, p.notice);
      },
      // Subscribers' side effects (document-events.ts): only once the step is committed.
      afterCommit: async (_out, { prepared }) => {
        if (prepared.notice) await this.d.hooks?.runAfterCommit(prepared.notice);
      },
    });
  }

  private transition(
    ctx: CallContext,
    doc: DocumentRow,
    event: DocumentEvent,
    to: DocumentState,
    opts: StepPlan,
    unit: Unit,
    notice: DocumentLifecycleNotice | null,
  ): Transition<Transaction<DB>, undefined, undefined> {
    return {
      change: (trx) =>
        this.d.documents.updateInState(trx, doc.id, doc.state, {
          ...opts.patch,
          state: to,
          updated_at: this.now(),
        }),
      record: async (trx) => {
        if (opts.publish) await this.publishIn(trx, doc, unit);
        if (opts.unindex) await this.d.search.remove(trx, doc.id);
        await this.d.documents.insertReview(trx, {
          document_id: doc.id,
          event,
          from_state: doc.state,
          to_state: to,
          actor_user_id: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
          actor_name:
            ctx.actor.kind === 'user'
              ? ctx.actor.displayName
              : ctx.actor.kind === 'system'
                ? ctx.actor.name
                : '公众',
          conclusion: opts.record.conclusion ?? null,
          ground: opts.record.ground ?? null,
          reason: opts.record.reason ?? null,
          findings_json: opts.record.findings ? JSON.stringify(opts.record.findings) : null,
          created_at: this.now(),
        });
      },
      audit: () => ({
        action: `document.${event}`,
        targetType: 'document',
        targetId: doc.id,
        summary: opts.record.summary,
        before: { state: doc.state },
        after: { state: to },
      }),
      // Subscribers that write their own rows do so in this transaction, after the audit event.
      enqueue: async (trx) => {
        if (notice) await this.d.hooks?.runInTransaction(notice, trx);
        return undefined;
      },
    };
  }

  /** Assigns 索引号 (first publication only — it never changes), 发布日期 and version; indexes for search. */
  private async publishIn(trx: Transaction<DB>, doc: DocumentRow, unit: Unit): Promise<void> {
    const now = this.d.clock.now();
    const publishedOn = doc.published_on ?? todayInShanghai(now);
    let indexNumber = doc.index_number;
    if (!indexNumber) {
      const pattern = this.d.indexNumberPattern ?? DEFAULT_INDEX_NUMBER_PATTERN;
      const seq = await this.d.documents.nextIndexSequence(
        trx,
        unit.id,
        indexNumberPeriod(pattern, publishedOn),
      );
      indexNumber = formatIndexNumber(pattern, { code: unit.code, date: publishedOn, seq });
    }
    await this.d.documents.update(trx, doc.id, {
      index_number: indexNumber,
      published_on: publishedOn,
      published_at: now.toISOString(),
      version: doc.version + 1,
      ever_published: 1,
      scheduled_at: null,
      withdrawn_at: null,
      withdrawal_reason: null,
      withdrawal_note: null,
    });
    await this.d.search.index(trx, doc.id, await searchTokensOf(trx, doc.id));
  }

  private now(): string {
    return this.d.clock.now().toISOString();
  }
}
