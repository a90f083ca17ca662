/**
 * What the library does when 主动公开 publishes a document (issue 11 §1–2), inside the publishing step's
 * transaction (publishing `events.inTransaction('published', …)`; everything uses `trx`):
 *
 * - a 规章 / 行政规范性文件 / 其他政策文件 gets (first publication) or refreshes (re-publication after 撤回)
 *   its `policy_entries` row: the library's copy of its metadata, its 公布 / 施行 / 有效期至 dates and
 *   where the 有效期至 came from (the form, the document's own text, the province's rule, or none); then
 *   the state is recomputed and the step audited (`policy.entry`);
 * - a document of any kind with `repeals` / `amends` relations to library documents records 废止 / 修改
 *   on each target through the ledger. A target whose history refuses the event (already 废止) is
 *   skipped with an audit event saying why: the publication itself never fails for it.
 *
 * A withdrawn (撤回) document keeps its entry; the public library pages list published documents only.
 * A correction (更正) is not a lifecycle event of 主动公开, so it does not refresh the entry (see report).
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { CallContext } from '../../lib/actor.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import { addDays, isValidPlainDate, todayInShanghai } from '../../lib/calendar/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { ancestorIds, SettingsStore } from '../../lib/settings/settings-store.ts';
import { htmlToText } from '../publishing/checks/html-text.ts';
import type { DocumentLifecycleNotice } from '../publishing/documents/document-events.ts';
import type { PublishingApi } from '../publishing/publishing.api.ts';
import {
  type ExpirySource,
  isPolicyKind,
  VALIDITY_EVENT_LABELS,
  VALIDITY_STATE_LABELS,
  type ValidityEvent,
} from './policy.model.ts';
import { LIBRARY_SETTINGS } from './policy-settings.ts';
import { readPolicyText } from './policy-text.ts';
import type { ValidityLedger } from './validity-ledger.ts';

/**
 * The last day of a period of `years` years that starts on `start` (the start day counts): the day before
 * the anniversary. 有效期5年 from 2020-06-03 → 2025-06-02, so the document is valid THROUGH that day and
 * 已失效 from 2025-06-03 (validity.ts: valid through expires_on). The corpus page of 平江县 (PJDR-2020-01004)
 * shows 生效日期 2020-06-03 / 失效日期 2025-06-03: its 失效日期 is the first day no longer in force, i.e. our
 * `expiryDay(expires_on)`, the same boundary. A 29 February start ends on 28 February (anniversary 1 March).
 */
export function lastDayOfYears(start: string, years: number): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const pad = (n: number) => String(n).padStart(2, '0');
  let anniversary = `${y + years}-${pad(m)}-${pad(d)}`;
  if (!isValidPlainDate(anniversary)) anniversary = `${y + years}-${pad(m + 1)}-01`;
  return addDays(anniversary, -1);
}

/** `date` moved by `months` (negative: earlier); a day the target month lacks becomes its last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  const pad = (n: number) => String(n).padStart(2, '0');
  for (let day = d; day >= 28; day--) {
    const iso = `${ty}-${pad(tm)}-${pad(day)}`;
    if (isValidPlainDate(iso)) return iso;
  }
  return `${ty}-${pad(tm)}-${pad(d)}`;
}

/** What the library reads of a document's metadata (kind_metadata_json of a policy kind). */
interface PolicyMeta {
  registrationNumber?: string | null;
  publishedOn?: string | null;
  effectiveOn?: string | null;
  expiresOn?: string | null;
  noInterpretationReason?: string | null;
}

/** The dates of an entry from its metadata, its text and the unit's rule (pure; exported for tests). */
export function entryDates(input: {
  meta: PolicyMeta;
  publicationDay: string;
  text: string;
  title: string;
  /** The unit's LIBRARY_SETTINGS values. */
  rule: { validityYears: number; provisionalValidityYears: number };
}): {
  publishedOn: string;
  effectiveOn: string;
  expiresOn: string | null;
  expirySource: ExpirySource;
  registrationNumber: string | null;
} {
  const { meta, text, title, rule } = input;
  const reading = readPolicyText(text, title);
  const publishedOn = meta.publishedOn ?? input.publicationDay;
  const fromText = reading.effectiveOn?.value;
  const effectiveOn =
    meta.effectiveOn ?? (fromText === 'publication' ? publishedOn : (fromText ?? publishedOn));
  let expiresOn: string | null = null;
  let expirySource: ExpirySource = 'none';
  if (meta.expiresOn) [expiresOn, expirySource] = [meta.expiresOn, 'metadata'];
  else if (reading.expiresOn) [expiresOn, expirySource] = [reading.expiresOn.value, 'text'];
  else if (reading.validityYears)
    [expiresOn, expirySource] = [lastDayOfYears(effectiveOn, reading.validityYears.value), 'text'];
  else {
    const years = reading.provisional ? rule.provisionalValidityYears : rule.validityYears;
    if (years > 0) [expiresOn, expirySource] = [lastDayOfYears(effectiveOn, years), 'rule'];
  }
  return {
    publishedOn,
    effectiveOn,
    expiresOn,
    expirySource,
    registrationNumber: meta.registrationNumber ?? reading.registrationNumber?.value ?? null,
  };
}

/** The relation types whose publication lands an event on the target, and which event. */
const RELATION_EVENTS: Readonly<Record<string, ValidityEvent>> = { repeals: 'repealed', amends: 'amended' };

export interface PolicyPublicationDeps {
  audit: AuditLog;
  clock: Clock;
  ledger: ValidityLedger;
}

export class PolicyPublication {
  constructor(private readonly d: PolicyPublicationDeps) {}

  /** Subscribes to 主动公开's published hook (called once, by the module's `connect`). */
  connect(publishing: Pick<PublishingApi, 'events'>): void {
    publishing.events.inTransaction('published', (notice, trx) => this.onPublished(notice, trx));
    publishing.events.inTransaction('corrected', (notice, trx) => this.onCorrected(notice, trx));
  }

  /**
   * A correction (更正) of a published library document refreshes its entry (a corrected 有效期至, 施行日期 or
   * 登记号 reaches the library in the correction's transaction); the 公布日期 stays the one it had.
   */
  async onCorrected(notice: DocumentLifecycleNotice, trx: Transaction<DB>): Promise<void> {
    if (!isPolicyKind(notice.kind)) return;
    const entry = await trx
      .selectFrom('policy_entries')
      .select('published_on')
      .where('document_id', '=', notice.documentId)
      .executeTakeFirst();
    const doc = await trx
      .selectFrom('documents')
      .select(['published_at'])
      .where('id', '=', notice.documentId)
      .executeTakeFirstOrThrow();
    const day =
      entry?.published_on ?? (doc.published_at ? todayInShanghai(new Date(doc.published_at)) : null);
    await this.onPublished({ ...notice, at: day ? `${day}T04:00:00.000Z` : notice.at }, trx);
  }

  async onPublished(notice: DocumentLifecycleNotice, trx: Transaction<DB>): Promise<void> {
    const doc = await trx
      .selectFrom('documents')
      .select(['id', 'unit_id', 'kind', 'title', 'doc_number', 'topic_id', 'body_html', 'kind_metadata_json'])
      .where('id', '=', notice.documentId)
      .executeTakeFirstOrThrow();
    const publicationDay = todayInShanghai(new Date(notice.at));
    const meta = (doc.kind_metadata_json ? JSON.parse(doc.kind_metadata_json) : {}) as PolicyMeta;
    // The 废止 / 修改 takes effect when the publishing document does: a library document's 施行日期 (its
    // form, else what its text says), any other document's publication day.
    const effectiveOn = isPolicyKind(doc.kind)
      ? await this.upsertEntry(trx, notice.ctx, doc, meta, publicationDay)
      : null;
    const occursOn = effectiveOn ?? publicationDay;
    await this.recordRelationEvents(trx, notice.ctx, doc.id, doc.title, occursOn);
  }

  private async upsertEntry(
    trx: Transaction<DB>,
    ctx: CallContext,
    doc: {
      id: number;
      unit_id: number;
      kind: string;
      title: string;
      doc_number: string | null;
      topic_id: number | null;
      body_html: string;
    },
    meta: PolicyMeta,
    publicationDay: string,
  ): Promise<string> {
    const issuers = await trx
      .selectFrom('document_issuers')
      .select('name')
      .where('document_id', '=', doc.id)
      .orderBy('position')
      .execute();
    const unit = await trx
      .selectFrom('units')
      .select('path')
      .where('id', '=', doc.unit_id)
      .executeTakeFirstOrThrow();
    // On SQLite the step's transaction holds the only connection: the settings are read through it.
    const rule = await new SettingsStore({ db: trx, audit: this.d.audit, clock: this.d.clock }).readGroup(
      LIBRARY_SETTINGS,
      { unitId: doc.unit_id, ancestorIds: ancestorIds(unit.path, doc.unit_id) },
    );
    const dates = entryDates({
      meta,
      publicationDay,
      text: htmlToText(doc.body_html),
      title: doc.title,
      rule,
    });
    const before = await this.d.ledger.entries.find(doc.id, trx);
    const now = this.d.clock.now().toISOString();
    await this.d.ledger.entries.upsert(trx, {
      document_id: doc.id,
      unit_id: doc.unit_id,
      kind: doc.kind,
      title: doc.title,
      doc_number: doc.doc_number,
      issuers: issuers.map((i) => i.name).join('、') || null,
      registration_number: dates.registrationNumber,
      published_on: dates.publishedOn,
      effective_on: dates.effectiveOn,
      expires_on: dates.expiresOn,
      expiry_source: dates.expirySource,
      topic_id: doc.topic_id,
      state: before?.state ?? 'not_yet_effective',
      certainty: before?.certainty ?? 'official',
      state_since: before?.state_since ?? null,
      no_interpretation_reason: meta.noInterpretationReason ?? null,
      created_at: before?.created_at ?? now,
      updated_at: now,
    });
    const v = await this.d.ledger.recompute(trx, doc.id);
    const expiry = dates.expiresOn
      ? `有效期至 ${dates.expiresOn}（${EXPIRY_SOURCE_LABELS[dates.expirySource]}）`
      : '未设有效期';
    await this.d.audit.record(trx, ctx, {
      action: 'policy.entry',
      targetType: 'document',
      targetId: doc.id,
      summary: `${before ? '更新' : '收录'}规范性文件库条目“${doc.title}”：施行日期 ${dates.effectiveOn}，${expiry}；现为“${VALIDITY_STATE_LABELS[v.state]}”`,
      before: before
        ? {
            published_on: before.published_on,
            effective_on: before.effective_on,
            expires_on: before.expires_on,
            expiry_source: before.expiry_source,
            state: before.state,
          }
        : null,
      after: {
        published_on: dates.publishedOn,
        effective_on: dates.effectiveOn,
        expires_on: dates.expiresOn,
        expiry_source: dates.expirySource,
        registration_number: dates.registrationNumber,
        state: v.state,
      },
    });
    return dates.effectiveOn;
  }

  private async recordRelationEvents(
    trx: Transaction<DB>,
    ctx: CallContext,
    sourceId: number,
    sourceTitle: string,
    occursOn: string,
  ): Promise<void> {
    const relations = await trx
      .selectFrom('document_relations')
      .innerJoin('policy_entries', 'policy_entries.document_id', 'document_relations.to_document_id')
      .select(['document_relations.to_document_id as targetId', 'document_relations.relation_type as type'])
      .where('document_relations.from_document_id', '=', sourceId)
      .where('document_relations.relation_type', 'in', Object.keys(RELATION_EVENTS))
      .orderBy('document_relations.id')
      .execute();
    for (const r of relations) {
      const type = RELATION_EVENTS[r.type] as ValidityEvent;
      // A re-publication (after 撤回) must not record the same 修改 twice.
      const already = await trx
        .selectFrom('policy_validity_events')
        .select('id')
        .where('document_id', '=', r.targetId)
        .where('source_document_id', '=', sourceId)
        .where('event_type', '=', type)
        .where('cancelled_at', 'is', null)
        .executeTakeFirst();
      if (already) continue;
      try {
        await this.d.ledger.recordInTransaction(trx, ctx, r.targetId, {
          type,
          occursOn,
          sourceDocumentId: sourceId,
          certainty: 'official',
          note: `由《${sourceTitle}》发布时自动记录`,
        });
      } catch (e) {
        if (!(e instanceof AppError) || e.code !== 'validation') throw e;
        const reasons = e.problems.map((p) => p.message).join('；') || e.message;
        await this.d.audit.record(trx, ctx, {
          action: 'policy.validity_event_skipped',
          targetType: 'document',
          targetId: r.targetId,
          summary: `《${sourceTitle}》发布，未能对文件（编号 ${r.targetId}）记录“${VALIDITY_EVENT_LABELS[type]}”：${reasons}`,
          after: { sourceDocumentId: sourceId, type, occursOn, reasons },
        });
      }
    }
  }
}

const EXPIRY_SOURCE_LABELS: Record<ExpirySource, string> = {
  metadata: '按填写的有效期至',
  text: '按文件正文',
  rule: '按本地规定推定',
  none: '无',
};
