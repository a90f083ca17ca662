/**
 * Document lifecycle hooks: modules subscribe to "document published" and "document withdrawn"
 * (撤回, the only way a published document stops being public) without editing publishing.
 *
 * - `phase: 'transaction'` subscribers run INSIDE the workflow step's transaction, after the state
 *   change, the 索引号, the search index, the review record and the step's audit event. They get the
 *   transaction and write their own rows atomically with the step: if one throws, the whole step rolls
 *   back and the user sees the error (the document stays unpublished). Keep them short: on SQLite the
 *   transaction holds the only connection, so they must use `trx`, never the root database.
 * - `phase: 'after-commit'` subscribers run after the commit, for side effects (a notification, a
 *   cache, a call to another system). The step has happened whatever they do: an error is passed to
 *   the handler set with `handleErrorsWith` (default: printed) and never reaches the user.
 *
 * docs/publishing-extension-points.md.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { CallContext } from '../../../lib/actor.ts';
import type { DocumentRow } from '../publishing.tables.ts';
import type { DocumentEvent } from '../review/document.workflow.ts';

/** What happened to the document, as subscribers see it. */
/** 'corrected': a published document was corrected (更正): its text or metadata changed, it stays published. */
const DOCUMENT_LIFECYCLE_EVENTS = ['published', 'withdrawn', 'corrected'] as const;
export type DocumentLifecycleEvent = (typeof DOCUMENT_LIFECYCLE_EVENTS)[number];

/** The document event a subscriber receives. */
export interface DocumentLifecycleNotice {
  event: DocumentLifecycleEvent;
  documentId: number;
  /** The document's kind key (document-kinds.ts). */
  kind: string;
  unitId: number;
  title: string;
  /** The workflow step: approve, force_publish or publish_due for 'published'; withdraw for 'withdrawn'. */
  step: DocumentEvent;
  /** True the first time the document is published (a re-publication after 撤回 is not the first). */
  firstPublication: boolean;
  /** Who took the step (a user, or the named system actor of the scheduled job). */
  ctx: CallContext;
  /** ISO time of the step. */
  at: string;
}

/** The workflow steps that lead to each lifecycle event (approve here is 审核通过并发布; schedule is not one). */
const LIFECYCLE_STEPS: Readonly<Record<DocumentLifecycleEvent, readonly DocumentEvent[]>> = {
  published: ['approve', 'force_publish', 'publish_due'],
  withdrawn: ['withdraw'],
  // Fired by the correction itself (correctionNoticeOf): `correct` is also the step of 变更有效性.
  corrected: [],
};

/** What subscribers are told about workflow step `step` on `doc` (as it was before it), or null. */
export function lifecycleNoticeOf(
  ctx: CallContext,
  doc: DocumentRow,
  step: DocumentEvent,
  at: string,
): DocumentLifecycleNotice | null {
  const event = DOCUMENT_LIFECYCLE_EVENTS.find((e) => LIFECYCLE_STEPS[e].includes(step));
  if (!event) return null;
  const { id: documentId, kind, unit_id: unitId, title } = doc;
  const firstPublication = event === 'published' && doc.ever_published === 0;
  return { event, documentId, kind, unitId, title, step, firstPublication, ctx, at };
}

/** The notice of a correction (更正) of the published `doc` (as it was before it). */
export function correctionNoticeOf(ctx: CallContext, doc: DocumentRow, at: string): DocumentLifecycleNotice {
  const { id: documentId, kind, unit_id: unitId, title } = doc;
  return {
    event: 'corrected',
    documentId,
    kind,
    unitId,
    title,
    step: 'correct',
    firstPublication: false,
    ctx,
    at,
  };
}

export type InTransactionSubscriber = (
  notice: DocumentLifecycleNotice,
  trx: Transaction<DB>,
) => Promise<void>;
export type AfterCommitSubscriber = (notice: DocumentLifecycleNotice) => Promise<void> | void;

type Subscription =
  | { event: DocumentLifecycleEvent; phase: 'transaction'; run: InTransactionSubscriber }
  | { event: DocumentLifecycleEvent; phase: 'after-commit'; run: AfterCommitSubscriber };

export class DocumentEventHooks {
  private readonly subscriptions: Subscription[] = [];

  private onError: (error: unknown, notice: DocumentLifecycleNotice) => void = (error, notice) =>
    console.error(`document ${notice.event} subscriber failed for document ${notice.documentId}`, error);

  /** Where errors of after-commit subscribers go (the composition root may pass its logger). */
  handleErrorsWith(onError: (error: unknown, notice: DocumentLifecycleNotice) => void): void {
    this.onError = onError;
  }

  /** Runs `run` inside the transaction of every step that leads to `event` (an error rolls the step back). */
  inTransaction(event: DocumentLifecycleEvent, run: InTransactionSubscriber): void {
    this.subscriptions.push({ event, phase: 'transaction', run });
  }

  /** Runs `run` after the commit of every step that led to `event` (an error goes to onError). */
  afterCommit(event: DocumentLifecycleEvent, run: AfterCommitSubscriber): void {
    this.subscriptions.push({ event, phase: 'after-commit', run });
  }

  /** Called by DocumentReviewService inside the step's transaction. */
  async runInTransaction(notice: DocumentLifecycleNotice, trx: Transaction<DB>): Promise<void> {
    for (const s of this.subscriptions)
      if (s.phase === 'transaction' && s.event === notice.event) await s.run(notice, trx);
  }

  /** Called by DocumentReviewService after the step's commit; never throws. */
  async runAfterCommit(notice: DocumentLifecycleNotice): Promise<void> {
    for (const s of this.subscriptions) {
      if (s.phase !== 'after-commit' || s.event !== notice.event) continue;
      try {
        await s.run(notice);
      } catch (e) {
        this.onError(e, notice);
      }
    }
  }
}
