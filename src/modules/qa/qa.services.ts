/**
 * Builds the 政策问答库 services of one App. Sections between `// ── x ──` markers belong to the part that
 * builds them (entries and queue; the answer box; the 12345 exchange), so they can grow side by side.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import type { Clock } from '../../lib/clock.ts';
import type { MailOutbox } from '../../lib/mail/mail-outbox.ts';
import type { Registry } from '../../platform/module.ts';
import { type Answers, answersOf } from './answers/answers.services.ts';
import type { QaSource } from './qa.model.ts';
import { QaEntriesService } from './qa-entries.service.ts';
import { QaPublicService } from './qa-public.service.ts';
import { QaQueueService } from './qa-queue.service.ts';
import { QaStaleSources } from './qa-stale.job.ts';
import { QaTransferService } from './qa-transfer.service.ts';

export interface QaDeps {
  db: Kysely<DB>;
  audit: AuditLog;
  clock: Clock;
  mail: MailOutbox;
  /** Absolute base URL for links in e-mails (unset: links are relative to the site). */
  publicUrl: string | undefined;
  units: Registry['units'];
  publishing: Registry['publishing'];
  /** The 规范性文件库 (optional module): validity of a cited document as of a day. */
  policies: Registry['policies'] | null;
  formSecret: string;
  encryptionKey: Uint8Array;
}

export interface Qa {
  deps: QaDeps;
  // ── entries ──
  /** Staff use-cases of entries: write, edit, review, revise. */
  entryService: QaEntriesService;
  /** Public 政策问答 pages and the read functions of the other parts. */
  publicEntries: QaPublicService;
  /** The unanswered queue: route, answer, close, promote; 咨询 letters into entries. */
  queue: QaQueueService;
  /** xlsx import/export and the 12345 exchange. */
  transfer: QaTransferService;
  /** The daily 待更新 sweep. */
  stale: QaStaleSources;
  entries: {
    /** Entries published after `sinceIso` (政策找人). */
    publishedSince(
      sinceIso: string,
      limit: number,
    ): Promise<
      {
        id: number;
        question: string;
        unitId: number;
        topicId: number | null;
        audiences: string[];
        publishedAt: string;
        href: string;
      }[]
    >;
    /** Every published entry with its sources (the answer box). */
    publishedForIndex(): Promise<
      {
        id: number;
        unitId: number;
        question: string;
        altQuestions: string[];
        answer: string;
        topicId: number | null;
        audiences: string[];
        stale: boolean;
        publishedAt: string;
        sources: QaSource[];
      }[]
    >;
    /** Changes whenever a published entry changes. */
    generation(): Promise<string>;
  };
  // ── end entries ──
  // ── answers ──
  /** The 问答 box (answers with citations) and its "send to the unit" step. */
  readonly answers: Answers;
  // ── end answers ──
}

export function createQa(d: QaDeps): Qa {
  // ── entries ──
  const entryService = new QaEntriesService(d);
  const publicEntries = new QaPublicService(entryService);
  const entriesPart = {
    entryService,
    publicEntries,
    queue: new QaQueueService(entryService),
    transfer: new QaTransferService(entryService),
    stale: new QaStaleSources(entryService, publicEntries.validity),
    entries: {
      publishedSince: (sinceIso: string, limit: number) => publicEntries.publishedSince(sinceIso, limit),
      publishedForIndex: () => publicEntries.publishedForIndex(),
      generation: () => publicEntries.generation(),
    },
  };
  // ── end entries ──
  return {
    deps: d,
    // ── entries ──
    ...entriesPart,
    // ── end entries ──
    // ── answers ──
    // A getter: the box reads the entries part of this same object (wired in either order).
    get answers(): Answers {
      return answersOf(this, d);
    },
    // ── end answers ──
  };
}
