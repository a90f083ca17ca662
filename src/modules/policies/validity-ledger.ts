/**
 * The one place validity events are written and the derived state is kept (issue 11 §2). Every writer —
 * the event form, the published hook of a repealing document, the daily expiry job, a published 清理
 * batch, the import — calls `recordInTransaction` inside its own transaction; it checks the event against
 * the document's history (every reason it cannot be recorded), inserts it, recomputes the entry's state
 * (validity.ts), writes the 有效性 the public page shows (documents.validity via 主动公开's
 * `setDerivedValidity`) and appends the audit event, all in that transaction.
 */
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { can } from '../../kernel/permissions.ts';
import type { CallContext } from '../../lib/actor.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import { isValidPlainDate, todayInShanghai } from '../../lib/calendar/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, type FieldProblem } from '../../lib/errors.ts';
import { choice, optionalChecked, optionalIntField, optionalText, parseInput } from '../../lib/validation.ts';
import { docNumberSearchKeyOf } from '../publishing/documents/doc-number.ts';
import type { Validity } from '../publishing/documents/document.model.ts';
import type { PublishingApi } from '../publishing/publishing.api.ts';
import {
  CERTAINTIES,
  type Certainty,
  EVENTS_NEEDING_SOURCE,
  FINAL_STATES,
  isPolicyKind,
  VALIDITY_EVENT_LABELS,
  VALIDITY_EVENTS,
  VALIDITY_STATE_LABELS,
  type ValidityEvent,
  type ValidityState,
} from './policy.model.ts';
import {
  type PolicyEntry,
  PolicyEntryRepository,
  type PolicyValidityEventRow,
} from './policy-entry.repository.ts';
import {
  type DerivedValidity,
  deriveValidity,
  EVENT_ALLOWED_FROM,
  expiryDay,
  type ValidityDates,
  type ValidityEventRecord,
} from './validity.ts';

/** The 有效性 mark of 主动公开 (document.model.ts VALIDITIES) that a derived state shows as. */
export const STATE_TO_VALIDITY: Record<ValidityState, Validity | null> = {
  not_yet_effective: null,
  in_force: 'valid',
  amended: 'amended',
  partially_invalid: 'amended',
  suspended: 'valid',
  repealed: 'repealed',
  expired: 'expired',
};

const dateOf = (label: string) =>
  optionalChecked(label, (v) => (isValidPlainDate(v) ? null : '应为有效日期，例如 2026-03-02'), 10);

/** The event form (and every writer's input). */
export const eventInputSchema = z.object({
  type: choice('事件类型', VALIDITY_EVENTS),
  occursOn: dateOf('发生日期').refine((v) => v !== null, '请填写发生日期'),
  sourceDocumentId: optionalIntField('依据文件', { min: 1 }),
  sourceTitle: optionalText('依据文件标题', 300),
  sourceDocNumber: optionalText('依据文件文号', 60),
  certainty: z.preprocess((v) => (v === '' || v == null ? 'official' : v), choice('可靠程度', CERTAINTIES)),
  note: optionalText('说明', 500),
});
/** What writers pass (form strings or typed values; parsed again by the schema). */
export interface EventInput {
  type: ValidityEvent;
  occursOn: string;
  sourceDocumentId?: number | string | null;
  sourceTitle?: string | null;
  sourceDocNumber?: string | null;
  certainty?: Certainty;
  note?: string | null;
  /** The 清理 batch the event comes from. */
  cleanupId?: number | null;
}

export const datesOf = (e: PolicyEntry): ValidityDates => ({
  publishedOn: e.published_on,
  effectiveOn: e.effective_on,
  expiresOn: e.expires_on,
  expirySource: e.expiry_source as ValidityDates['expirySource'],
  presumed: e.origin === 'sheet' || (e.certainty === 'presumed' && e.effective_on === null),
});
export const recordsOf = (rows: readonly PolicyValidityEventRow[]): ValidityEventRecord[] =>
  rows.map((r) => ({
    id: r.id,
    type: r.event_type as ValidityEvent,
    occursOn: r.occurs_on,
    certainty: r.certainty as Certainty,
  }));

/**
 * Every reason the events, in date order, cannot all apply: an event from a state that does not allow
 * it (a 废止 of a document already 废止, a 恢复执行 of one not suspended …). Returns the first problem.
 */
export function sequenceProblem(dates: ValidityDates, events: readonly ValidityEventRecord[]): string | null {
  const sorted = [...events].sort((a, b) =>
    a.occursOn === b.occursOn ? a.id - b.id : a.occursOn < b.occursOn ? -1 : 1,
  );
  for (const [i, e] of sorted.entries()) {
    // The state just before e: everything earlier applied, as of e's day, without the expiry rule.
    const before = deriveValidity({ ...dates, expiresOn: null }, sorted.slice(0, i), e.occursOn);
    if (FINAL_STATES.includes(before.state))
      return `文件自 ${before.since ?? e.occursOn} 起已是“${VALIDITY_STATE_LABELS[before.state]}”，不能再记录 ${e.occursOn} 的“${VALIDITY_EVENT_LABELS[e.type]}”`;
    if (!EVENT_ALLOWED_FROM[e.type].includes(before.state))
      return `文件在 ${e.occursOn} 的状态是“${VALIDITY_STATE_LABELS[before.state]}”，不能记录“${VALIDITY_EVENT_LABELS[e.type]}”`;
  }
  return null;
}

/** Events that end a document: they decide its state even when dated after 有效期至. */
const ENDING_EVENTS: readonly ValidityEvent[] = ['repealed', 'declared_invalid', 'expired'];

export interface ValidityLedgerDeps {
  db: Kysely<DB>;
  audit: AuditLog;
  clock: Clock;
  publishing: Pick<PublishingApi, 'documents'>;
}

export class ValidityLedger {
  readonly entries: PolicyEntryRepository;

  constructor(private readonly d: ValidityLedgerDeps) {
    this.entries = new PolicyEntryRepository(d.db);
  }

  today(): string {
    return todayInShanghai(this.d.clock.now());
  }

  /** The state of an entry on `asOf` (default today), from its stored dates and events. */
  async stateOn(documentId: number, asOf = this.today()): Promise<DerivedValidity | null> {
    const entry = await this.entries.find(documentId);
    if (!entry) return null;
    return deriveValidity(datesOf(entry), recordsOf(await this.entries.events(documentId)), asOf);
  }

  /**
   * Records one event (the form): checks the input and the 记录 right on the document's unit, then one
   * transaction. Field problems name the form's fields.
   */
  async record(ctx: CallContext, documentId: number, raw: unknown): Promise<number> {
    const input = parseInput(eventInputSchema, raw);
    const doc = await this.d.publishing.documents.get(ctx, documentId);
    const unitPath = (await this.d.publishing.documents.snapshot(doc)).unitPath;
    if (ctx.actor.kind !== 'system' && !can(ctx.actor, 'policy.record', unitPath))
      throw AppError.forbidden('您没有记录此文件有效性变化的权限');
    return this.d.db
      .transaction()
      .execute((trx) => this.recordInTransaction(trx, ctx, documentId, input as EventInput));
  }

  /**
   * Checks and writes one event inside `trx` (callers check permissions). Throws a validation error with
   * every problem, field by field, and writes nothing then.
   */
  async recordInTransaction(
    trx: Transaction<DB>,
    ctx: CallContext,
    documentId: number,
    raw: EventInput,
  ): Promise<number> {
    const input = parseInput(eventInputSchema, raw);
    const occursOn = input.occursOn as string;
    const type = input.type as ValidityEvent;
    const problems: FieldProblem[] = [];
    const add = (field: string, message: string) => problems.push({ field, message });
    const entry = await this.entries.find(documentId, trx);
    if (!entry)
      throw AppError.validation([
        {
          field: 'documentId',
          message: '该文件不在规范性文件库中（须为已发布的规章、行政规范性文件或其他政策文件）',
        },
      ]);
    let sourceTitle = input.sourceTitle ?? null;
    let sourceDocumentId = input.sourceDocumentId;
    if (sourceDocumentId === undefined && input.sourceDocNumber) {
      // Only a 文号: link the published platform document with that 文号 when there is exactly one.
      const key = docNumberSearchKeyOf(input.sourceDocNumber);
      const matches = key
        ? await trx
            .selectFrom('documents')
            .select(['id', 'title'])
            .where('doc_number_key', '=', key)
            .where('state', '=', 'published')
            .where('id', '!=', documentId)
            .limit(2)
            .execute()
        : [];
      if (matches.length === 1 && matches[0]) {
        sourceDocumentId = matches[0].id;
        sourceTitle ??= matches[0].title;
      }
    }
    if (input.sourceDocumentId !== undefined) {
      if (input.sourceDocumentId === documentId) add('sourceDocumentId', '依据文件不能是文件本身');
      const source = await trx
        .selectFrom('documents')
        .select(['id', 'title', 'state', 'ever_published'])
        .where('id', '=', input.sourceDocumentId)
        .executeTakeFirst();
      if (!source) add('sourceDocumentId', `依据文件（编号 ${input.sourceDocumentId}）不存在`);
      else sourceTitle ??= source.title;
    }
    if (EVENTS_NEEDING_SOURCE.includes(type) && sourceDocumentId === undefined && !input.sourceTitle)
      add(
        'sourceDocumentId',
        `“${VALIDITY_EVENT_LABELS[type]}”须注明依据文件：选择平台上的文件，或填写依据文件的标题和文号`,
      );
    if (entry.published_on && occursOn < entry.published_on && type !== 'took_effect')
      add('occursOn', `发生日期不能早于文件的公布日期 ${entry.published_on}`);
    // After 有效期至 only an event that ends the document (废止, 宣布失效, 失效) still decides its state
    // (validity.ts); any other would be recorded and never shown.
    if (entry.expires_on && occursOn > entry.expires_on && !ENDING_EVENTS.includes(type))
      add(
        'occursOn',
        `文件有效期至 ${entry.expires_on}，自 ${expiryDay(entry.expires_on)} 起已失效，不能记录此后的“${VALIDITY_EVENT_LABELS[type]}”；如有效期已延长，请先更正文件的有效期至`,
      );
    const events = recordsOf(await this.entries.events(documentId, trx));
    const candidate: ValidityEventRecord = {
      id: Number.MAX_SAFE_INTEGER,
      type,
      occursOn,
      certainty: input.certainty as Certainty,
    };
    const seq = sequenceProblem(datesOf(entry), [...events, candidate]);
    if (seq) add('type', seq);
    if (problems.length) throw AppError.validation(problems);

    const now = this.d.clock.now().toISOString();
    const id = await this.entries.insertEvent(trx, {
      document_id: documentId,
      event_type: type,
      occurs_on: occursOn,
      source_document_id: sourceDocumentId ?? null,
      source_title: sourceTitle,
      source_doc_number: input.sourceDocNumber ?? null,
      certainty: input.certainty as Certainty,
      note: input.note ?? null,
      cleanup_id: raw.cleanupId ?? null,
      created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      created_at: now,
      cancelled_by: null,
      cancelled_at: null,
      cancel_reason: null,
    });
    const before = entry.state as ValidityState;
    const after = await this.recompute(trx, documentId);
    await this.d.audit.record(trx, ctx, {
      action: 'policy.validity_event',
      targetType: 'document',
      targetId: documentId,
      summary: `记录“${entry.title}”的有效性变化：${occursOn} ${VALIDITY_EVENT_LABELS[type]}${sourceTitle ? `（依据《${sourceTitle}》）` : ''}；现为“${VALIDITY_STATE_LABELS[after.state]}”`,
      before: { state: before },
      after: {
        eventId: id,
        type,
        occursOn,
        sourceDocumentId: sourceDocumentId ?? null,
        state: after.state,
      },
    });
    return id;
  }

  /** Cancels a wrongly recorded event (with a reason); the state is recomputed. Same right as recording. */
  async cancel(ctx: CallContext, eventId: number, raw: unknown): Promise<void> {
    const { reason } = parseInput(
      z.object({ reason: optionalText('撤销理由', 500).refine((v) => v !== null, '请填写撤销理由') }),
      raw,
    );
    const event = await this.entries.findEvent(eventId);
    if (!event) throw AppError.notFound('有效性记录');
    const doc = await this.d.publishing.documents.get(ctx, event.document_id);
    const unitPath = (await this.d.publishing.documents.snapshot(doc)).unitPath;
    if (ctx.actor.kind !== 'system' && !can(ctx.actor, 'policy.record', unitPath))
      throw AppError.forbidden('您没有记录此文件有效性变化的权限');
    const entry = await this.entries.find(event.document_id);
    if (!entry) throw AppError.notFound('文件库条目');
    const rest = recordsOf((await this.entries.events(event.document_id)).filter((e) => e.id !== eventId));
    const seq = sequenceProblem(datesOf(entry), rest);
    if (seq) throw AppError.validation([{ field: 'reason', message: `撤销后其余记录不能成立：${seq}` }]);
    await this.d.db.transaction().execute(async (trx) => {
      const by = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
      if (
        !(await this.entries.cancelEvent(
          trx,
          eventId,
          by,
          this.d.clock.now().toISOString(),
          reason as string,
        ))
      )
        throw new AppError('conflict', '该记录已被撤销');
      const after = await this.recompute(trx, event.document_id);
      await this.d.audit.record(trx, ctx, {
        action: 'policy.validity_event_cancel',
        targetType: 'document',
        targetId: event.document_id,
        summary: `撤销“${entry.title}”的有效性记录：${event.occurs_on} ${VALIDITY_EVENT_LABELS[event.event_type as ValidityEvent] ?? event.event_type}（${reason}）；现为“${VALIDITY_STATE_LABELS[after.state]}”`,
        before: { eventId, state: entry.state },
        after: { state: after.state },
      });
    });
  }

  /**
   * Recomputes the entry's state as of today from its dates and events, stores it and writes the 有效性
   * mark of the document (public page). Callers append their own audit event in the same transaction.
   */
  async recompute(trx: Transaction<DB>, documentId: number, asOf = this.today()): Promise<DerivedValidity> {
    const entry = await this.entries.find(documentId, trx);
    if (!entry) throw AppError.notFound('文件库条目');
    const events = await this.entries.events(documentId, trx);
    const v = deriveValidity(datesOf(entry), recordsOf(events), asOf);
    await this.entries.setState(trx, documentId, {
      state: v.state,
      certainty: v.certainty,
      state_since: v.since,
      updated_at: this.d.clock.now().toISOString(),
    });
    const repeal = v.state === 'repealed' ? events.find((e) => e.id === v.eventId) : undefined;
    await this.d.publishing.documents.setDerivedValidity(trx, documentId, {
      validity: STATE_TO_VALIDITY[v.state],
      effectiveOn: entry.effective_on ?? entry.published_on,
      repealedOn: repeal?.occurs_on ?? null,
    });
    return v;
  }
}

/** Whether a stored kind key belongs to the library (guards hooks that see every document). */
export const inLibrary = (kind: string | null | undefined): boolean => isPolicyKind(kind);
