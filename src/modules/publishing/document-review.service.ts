/**
 * Workflow transitions of 政府信息 (document.workflow.ts): submit, 保密审查, 退回修改, approve / schedule,
 * force-publish, withdraw and the scheduled-publication job. Each lists every reason it cannot run, then
 * changes state, records the review step, updates the search index and writes the audit event in ONE
 * transaction.
 */
import type { Kysely, Transaction, Updateable } from 'kysely';
import { z } from 'zod';
import type { DB, Unit } from '../../db/schema.ts';
import { type CallContext, NO_REQUEST, systemActor } from '../../lib/actor.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import { todayInShanghai } from '../../lib/calendar/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { choice, optionalText, parseInput, requiredText } from '../../lib/validation.ts';
import type { CalendarService } from '../calendar/calendar.service.ts';
import type { UnitService } from '../orgs/unit.service.ts';
import type { AttachmentStore } from './attachment-store.ts';
import { extractAttachmentText } from './attachment-text.ts';
import { CheckRegistry, checkedDocumentOf } from './check-registry.ts';
import { internalLinksOf } from './checks/internal-links.ts';
import {
  CONFIDENTIALITY_CONCLUSION_LABELS,
  CONFIDENTIALITY_CONCLUSIONS,
  VALIDITY_LABELS,
  type Validity,
  WITHDRAWAL_REASON_LABELS,
  WITHDRAWAL_REASONS,
  WITHHOLDING_GROUNDS,
} from './document.model.ts';
import type { DocumentRepository } from './document.repository.ts';
import type { DocumentService } from './document.service.ts';
import { DOCUMENT_WORKFLOW, type DocumentEvent, transitionProblems } from './document.workflow.ts';
import { type DocumentEventHooks, lifecycleNoticeOf } from './document-events.ts';
import { searchTokensOf } from './document-search-text.ts';
import { DEFAULT_INDEX_NUMBER_PATTERN, formatIndexNumber, indexNumberPeriod } from './index-number.ts';
import {
  BUILT_IN_CHECKS,
  DEFAULT_PRE_PUBLICATION_CONFIG,
  type PrePublicationConfig,
  type PrePublicationResult,
} from './pre-publication-checks.ts';
import type { DocumentRow, DocumentTable } from './publishing.tables.ts';
import type { SearchProvider } from './search/search-provider.ts';

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
export const PUBLISH_DUE_BATCH = 200;

interface StepRecord {
  conclusion?: string | null;
  ground?: string | null;
  reason?: string | null;
  findings?: PrePublicationResult['findings'];
  summary: string;
}

export class DocumentReviewService {
  constructor(private readonly d: DocumentReviewServiceDeps) {}

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
    const linkOptions = { publicBaseUrl: this.d.publicUrl, documentId: doc.id };
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
    const doc = await this.d.drafting.get(ctx, id);
    const checks = await this.guard(ctx, doc, 'submit', true);
    await this.step(ctx, doc, 'submit', {
      patch: { submitted_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null, submitted_at: this.now() },
      record: { findings: checks?.findings, summary: `提交信息“${doc.title}”进行保密审查` },
    });
  }

  /** 保密审查 with its conclusion: 可以公开 → 待审核; 删除…后公开 → back to the editor; 不予公开 → closed. */
  async reviewConfidentiality(ctx: CallContext, id: number, raw: unknown): Promise<void> {
    const input = parseInput(reviewSchema, raw);
    const event: DocumentEvent = input.conclusion === 'disclose' ? 'clear' : input.conclusion;
    const doc = await this.d.drafting.get(ctx, id);
    await this.guard(ctx, doc, event, false);
    const label = CONFIDENTIALITY_CONCLUSION_LABELS[input.conclusion];
    await this.step(ctx, doc, event, {
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
        summary: `保密审查信息“${doc.title}”：${label}`,
      },
    });
  }

  /** 退回修改 from either review step, with a required reason. */
  async returnForRevision(ctx: CallContext, id: number, reason: unknown): Promise<void> {
    const text = parseInput(reasonSchema, reason);
    const doc = await this.d.drafting.get(ctx, id);
    await this.guard(ctx, doc, 'return', false);
    await this.step(ctx, doc, 'return', {
      patch: {},
      record: { reason: text, summary: `退回信息“${doc.title}”修改：${text}` },
    });
  }

  /** 审核通过: publishes now, or at `scheduledAt` (定时发布) when that is in the future. */
  async approve(ctx: CallContext, id: number, raw: unknown = {}): Promise<void> {
    const { scheduledAt } = parseInput(approveSchema, raw);
    const doc = await this.d.drafting.get(ctx, id);
    const at = scheduledAt ? new Date(scheduledAt) : null;
    if (at && at.getTime() <= this.d.clock.now().getTime())
      throw AppError.validation([{ field: 'scheduledAt', message: '定时发布时间必须晚于当前时间' }]);
    const event: DocumentEvent = at ? 'schedule' : 'approve';
    const checks = await this.guard(ctx, doc, event, true);
    const record = {
      findings: checks?.findings,
      summary: `审核通过信息“${doc.title}”${at ? `，定时于 ${at.toISOString()} 发布` : '并发布'}`,
    };
    if (at) await this.step(ctx, doc, event, { patch: { scheduled_at: at.toISOString() }, record });
    else await this.step(ctx, doc, event, { patch: {}, record, publish: true });
  }

  /** 取消定时发布: back to 待审核. */
  async unschedule(ctx: CallContext, id: number): Promise<void> {
    const doc = await this.d.drafting.get(ctx, id);
    await this.guard(ctx, doc, 'unschedule', false);
    await this.step(ctx, doc, 'unschedule', {
      patch: { scheduled_at: null },
      record: { summary: `取消信息“${doc.title}”的定时发布` },
    });
  }

  /** 强制发布 by the 政务公开管理员 with a recorded reason; blocking findings still block. */
  async forcePublish(ctx: CallContext, id: number, reason: unknown): Promise<void> {
    const text = parseInput(reasonSchema, reason);
    const doc = await this.d.drafting.get(ctx, id);
    const checks = await this.guard(ctx, doc, 'force_publish', true);
    await this.step(ctx, doc, 'force_publish', {
      patch: {},
      record: {
        reason: text,
        findings: checks?.findings,
        summary: `强制发布信息“${doc.title}”，理由：${text}`,
      },
      publish: true,
    });
  }

  /** 撤回: the page stays with a 已撤回 notice, date and reason; the item leaves lists and search. */
  async withdraw(ctx: CallContext, id: number, raw: unknown): Promise<void> {
    const input = parseInput(withdrawSchema, raw);
    const doc = await this.d.drafting.get(ctx, id);
    await this.guard(ctx, doc, 'withdraw', false);
    await this.step(ctx, doc, 'withdraw', {
      patch: { withdrawn_at: this.now(), withdrawal_reason: input.reason, withdrawal_note: input.note },
      record: {
        reason: input.note,
        conclusion: input.reason,
        summary: `撤回信息“${doc.title}”：${WITHDRAWAL_REASON_LABELS[input.reason]}`,
      },
      unindex: true,
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
      await this.step(ctx, doc, 'publish_due', {
        patch: {},
        record: { summary: `定时发布信息“${doc.title}”` },
        publish: true,
      });
      published++;
    }
    return published;
  }

  /** Throws with every reason the event cannot run; runs the checks when asked and refuses on 'block'. */
  private async guard(ctx: CallContext, doc: DocumentRow, event: DocumentEvent, check: boolean) {
    const problems = transitionProblems(event, await this.d.drafting.snapshot(doc), ctx.actor);
    const checks = check ? await this.runChecks(doc) : undefined;
    if (checks?.blocked)
      problems.push(
        ...checks.findings.filter((f) => f.severity === 'block').map((f) => `发布前检查未通过：${f.message}`),
      );
    if (problems.length) throw new AppError('invalid_transition', problems.join('；'));
    return checks;
  }

  private async step(
    ctx: CallContext,
    doc: DocumentRow,
    event: DocumentEvent,
    opts: { patch: Updateable<DocumentTable>; record: StepRecord; publish?: boolean; unindex?: boolean },
  ): Promise<void> {
    const to = DOCUMENT_WORKFLOW[event].to ?? doc.state;
    // Read outside the transaction: SQLite has one connection, which the transaction holds.
    const unit = await this.d.units.get(doc.unit_id);
    const notice = lifecycleNoticeOf(ctx, doc, event, this.now());
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.documents.update(trx, doc.id, { ...opts.patch, state: to, updated_at: this.now() });
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
      await this.d.audit.record(trx, ctx, {
        action: `document.${event}`,
        targetType: 'document',
        targetId: doc.id,
        summary: opts.record.summary,
        before: { state: doc.state },
        after: { state: to },
      });
      if (notice) await this.d.hooks?.runInTransaction(notice, trx);
    });
    if (notice) await this.d.hooks?.runAfterCommit(notice);
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
