/**
 * The outgoing mail outbox (ADR 0006). A use-case enqueues a message inside its own transaction, so
 * a message exists exactly when the change that caused it committed; the `mail.deliver` job sends
 * due messages, retrying with backoff, safely from any number of processes (each attempt claims
 * its row with a compare-and-set update and a lease). Delivery is at least once: a process that
 * dies after the server accepted a message but before recording it sends it again after the lease.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type CallContext, NO_REQUEST, systemActor } from '../actor.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Clock } from '../clock.ts';
import { AppError } from '../errors.ts';
import { validateEmail } from '../validators/index.ts';
import { afterFailure, CLAIM_LEASE_MS, describeSendError, type SendError } from './delivery-policy.ts';
import type { MailStatus } from './mail.tables.ts';
import { maskEmail } from './mail-address.ts';
import { MailOutboxRepository, type OutboxRow } from './mail-outbox.repository.ts';
import type { MailAttachment, MailTransport, OutgoingMail, SendResult } from './mailer.ts';

/** Encrypts personal data at rest; the same FieldCipher as applicant data (see app.ts). */
export interface TextCipher {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
}

export interface MailLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** A message to enqueue. `ref` names what it is about, to show its state there. */
export interface NewMail extends OutgoingMail {
  kind: string;
  ref?: { type: string; id: number };
}

/** The encrypted part of a row. */
interface MailContent {
  text: string;
  html?: string;
  attachments?: { filename: string; contentType: string; content: string }[];
  headers?: Record<string, string>;
}

/** Header fields a message may add: a token name, not one the mailer sets itself; values on one line. */
const HEADER_NAME = /^[A-Za-z][A-Za-z0-9-]{0,62}$/;
const RESERVED_HEADERS = new Set([
  'from',
  'to',
  'cc',
  'bcc',
  'subject',
  'date',
  'message-id',
  'sender',
  'reply-to',
  'content-type',
  'content-transfer-encoding',
  'mime-version',
]);

/** @throws Error when a header name is reserved or malformed, or a value spans lines (header injection). */
function checkedHeaders(h: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!h) return undefined;
  for (const [name, value] of Object.entries(h)) {
    if (!HEADER_NAME.test(name) || RESERVED_HEADERS.has(name.toLowerCase()) || /[\r\n]/.test(value))
      throw new Error(`Mail header “${name}” is not allowed`);
  }
  return h;
}

/** The state of one message as staff see it (no address in clear). */
export interface MailStateView {
  id: number;
  status: MailStatus;
  recipient: string;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  sentAt: string | null;
}

export interface OutboxStatus {
  counts: Record<MailStatus, number>;
  oldestWaiting: { id: number; createdAt: string } | null;
  lastFailure: { id: number; at: string; error: string; status: MailStatus } | null;
}

/** How often the `mail.deliver` job runs in every process (JOBS_ENABLED). */
export const MAIL_DELIVERY_EVERY_MS = 60_000;

/**
 * Days the encrypted recipient and content of a sent (or failed) message are kept: long enough for
 * `gongkai mail retry` after an outage and for questions about a delivery; the letter itself stays with
 * its case (个人信息保护法 第十九条: no longer than the purpose needs).
 */
export const MAIL_CONTENT_KEEP_DAYS = 30;
/** Messages claimed per run of the job; the rest wait for the next run (one minute later). */
const BATCH = 50;
const MAILER: CallContext = { actor: systemActor('邮件发送'), meta: NO_REQUEST };

export class MailOutbox {
  private readonly repo: MailOutboxRepository;

  constructor(
    private readonly d: {
      db: Kysely<DB>;
      clock: Clock;
      audit: AuditLog;
      log: MailLogger;
      cipher: TextCipher;
      /** Null when SMTP_URL is unset: mail is off and nothing is enqueued. */
      transport: MailTransport | null;
    },
  ) {
    this.repo = new MailOutboxRepository(d.db);
  }

  /** True when SMTP is configured. */
  get enabled(): boolean {
    return this.d.transport !== null;
  }

  /**
   * Adds a message to the outbox inside the caller's transaction. The caller checks `enabled`
   * first and records the audit entry of its own change (which should name the masked recipient).
   */
  async enqueue(trx: Transaction<DB>, mail: NewMail): Promise<{ id: number; recipient: string }> {
    if (!this.enabled) throw new Error('Mail is not configured (SMTP_URL is unset)');
    const checked = validateEmail(mail.to);
    if (!checked.ok) throw AppError.validation([{ field: 'email', message: `收件人${checked.reason}` }]);
    const now = this.d.clock.now().toISOString();
    const content: MailContent = {
      text: mail.text,
      html: mail.html,
      attachments: mail.attachments?.map((a) => ({ ...a, content: a.content.toString('base64') })),
      headers: checkedHeaders(mail.headers),
    };
    const recipient = maskEmail(checked.normalised);
    const id = await this.repo.insert(trx, {
      kind: mail.kind,
      ref_type: mail.ref?.type ?? null,
      ref_id: mail.ref?.id ?? null,
      recipient_enc: this.d.cipher.encrypt(checked.normalised),
      recipient_masked: recipient,
      subject: mail.subject,
      content_enc: this.d.cipher.encrypt(JSON.stringify(content)),
      status: 'pending',
      next_attempt_at: now,
      created_at: now,
      updated_at: now,
    });
    return { id, recipient };
  }

  /** The `mail.deliver` job: sends every due message once; returns what happened. */
  async deliverDue(): Promise<{ sent: number; retrying: number; failed: number }> {
    const out = { sent: 0, retrying: 0, failed: 0 };
    const transport = this.d.transport;
    if (!transport) return out;
    for (const id of await this.repo.dueIds(this.d.clock.now().toISOString(), BATCH)) {
      const now = this.d.clock.now();
      const token = randomUUID();
      const row = await this.repo.claim(
        id,
        token,
        now.toISOString(),
        new Date(now.getTime() + CLAIM_LEASE_MS).toISOString(),
      );
      if (!row) continue; // another process took it
      const result = await this.attempt(transport, row, token);
      out[result]++;
    }
    return out;
  }

  private async attempt(
    transport: MailTransport,
    row: OutboxRow,
    token: string,
  ): Promise<'sent' | 'retrying' | 'failed'> {
    const base = {
      event: 'mail',
      id: row.id,
      kind: row.kind,
      to: row.recipient_masked,
      attempt: row.attempts,
    };
    let sent: SendResult;
    try {
      sent = await transport.send(this.decode(row));
    } catch (e) {
      return this.recordFailure(row, token, e as SendError, base);
    }
    const now = this.d.clock.now().toISOString();
    await this.d.db.transaction().execute(async (trx) => {
      if (!(await this.repo.finish(trx, row.id, token, { status: 'sent', now, messageId: sent.messageId })))
        return;
      await this.d.audit.record(trx, MAILER, {
        action: 'mail.sent',
        targetType: 'mail',
        targetId: row.id,
        summary: `电子邮件“${row.subject}”已发送至 ${row.recipient_masked}`,
        after: { messageId: sent.messageId, attempts: row.attempts },
      });
    });
    this.d.log.info({ ...base, event: 'mail.sent', messageId: sent.messageId }, '电子邮件已发送');
    return 'sent';
  }

  private async recordFailure(
    row: OutboxRow,
    token: string,
    e: SendError,
    base: Record<string, unknown>,
  ): Promise<'retrying' | 'failed'> {
    const error = describeSendError(e);
    const now = this.d.clock.now();
    const next = afterFailure(row.attempts, e, now);
    await this.d.db.transaction().execute(async (trx) => {
      const change =
        next.status === 'failed'
          ? { status: 'failed' as const, now: now.toISOString(), lastError: error }
          : {
              status: 'pending' as const,
              now: now.toISOString(),
              lastError: error,
              nextAttemptAt: next.nextAttemptAt,
            };
      if (!(await this.repo.finish(trx, row.id, token, change)) || next.status !== 'failed') return;
      await this.d.audit.record(trx, MAILER, {
        action: 'mail.failed',
        targetType: 'mail',
        targetId: row.id,
        summary: `电子邮件“${row.subject}”发送至 ${row.recipient_masked} 失败（已尝试 ${row.attempts} 次），不再重试：${error}`,
      });
    });
    if (next.status === 'failed') {
      this.d.log.error({ ...base, event: 'mail.failed', err: error }, '电子邮件发送失败，不再重试');
      return 'failed';
    }
    this.d.log.warn(
      { ...base, event: 'mail.retry', err: error, nextAttemptAt: next.nextAttemptAt },
      '电子邮件发送失败，稍后重试',
    );
    return 'retrying';
  }

  private decode(row: OutboxRow): OutgoingMail {
    const content = JSON.parse(this.d.cipher.decrypt(row.content_enc)) as MailContent;
    return {
      to: this.d.cipher.decrypt(row.recipient_enc),
      subject: row.subject,
      text: content.text,
      html: content.html,
      attachments: content.attachments?.map(
        (a): MailAttachment => ({ ...a, content: Buffer.from(a.content, 'base64') }),
      ),
      ...(content.headers ? { headers: content.headers } : {}),
    };
  }

  /** The latest message about each of `refIds` (e.g. letters of a case), for staff pages. */
  async statesFor(refType: string, refIds: number[]): Promise<Map<number, MailStateView>> {
    const out = new Map<number, MailStateView>();
    for (const r of await this.repo.forRefs(refType, refIds)) {
      if (r.ref_id !== null && !out.has(r.ref_id)) out.set(r.ref_id, stateView(r));
    }
    return out;
  }

  /** Counts per state, the oldest waiting message and the last failure (`gongkai mail status`). */
  async status(): Promise<OutboxStatus> {
    const counts = await this.repo.countByStatus();
    const oldest = await this.repo.oldestWaiting();
    const failure = await this.repo.lastFailure();
    return {
      counts: {
        pending: counts.pending ?? 0,
        sending: counts.sending ?? 0,
        sent: counts.sent ?? 0,
        failed: counts.failed ?? 0,
      },
      oldestWaiting: oldest ? { id: oldest.id, createdAt: oldest.created_at } : null,
      lastFailure: failure
        ? {
            id: failure.id,
            at: failure.last_attempt_at ?? failure.updated_at,
            error: failure.last_error ?? '',
            status: failure.status as MailStatus,
          }
        : null,
    };
  }

  /** Puts every failed message back in the queue (after the operator fixed the cause); audited. */
  async retryFailed(ctx: CallContext): Promise<number> {
    const now = this.d.clock.now().toISOString();
    return this.d.db.transaction().execute(async (trx) => {
      const rows = await this.repo.requeueFailed(trx, now);
      if (rows.length) {
        await this.d.audit.record(trx, ctx, {
          action: 'mail.retry',
          targetType: 'mail',
          summary: `将 ${rows.length} 封发送失败的电子邮件重新排队发送`,
          after: { ids: rows.map((r) => r.id) },
        });
      }
      return rows.length;
    });
  }

  /**
   * Erases the encrypted recipient and content (letters carry the applicant's name) of messages sent
   * or given up more than MAIL_CONTENT_KEEP_DAYS ago; the row stays with its masked address, subject
   * and state, so the case page still shows that and when a letter was e-mailed. Daily job `mail.purge`.
   */
  async purgeOld(): Promise<number> {
    const now = this.d.clock.now();
    const before = new Date(now.getTime() - MAIL_CONTENT_KEEP_DAYS * 86_400_000).toISOString();
    return this.d.db.transaction().execute(async (trx) => {
      const n = await this.repo.purgeContent(trx, before, now.toISOString());
      if (n) {
        await this.d.audit.record(trx, MAILER, {
          action: 'mail.purge',
          targetType: 'mail',
          summary: `清除 ${n} 封已发送或发送失败超过 ${MAIL_CONTENT_KEEP_DAYS} 天的电子邮件的收件人和内容`,
          after: { purged: n, before },
        });
      }
      return n;
    });
  }

  /** Sends a test message now, bypassing the queue, so an operator sees the server's answer. */
  async sendTest(ctx: CallContext, address: string, siteName: string): Promise<SendResult> {
    const transport = this.d.transport;
    if (!transport) throw new AppError('validation', '未配置 SMTP_URL，电子邮件发送已关闭');
    const checked = validateEmail(address);
    if (!checked.ok)
      throw AppError.validation([{ field: 'address', message: `收件地址：${checked.reason}` }]);
    const recipient = maskEmail(checked.normalised);
    try {
      const r = await transport.send({
        to: checked.normalised,
        subject: `${siteName}：测试邮件`,
        text: `这是 ${siteName} 政务公开平台发出的测试邮件，发送时间 ${this.d.clock.now().toISOString()}。收到此邮件说明电子邮件发送配置正确。`,
      });
      await this.recordTest(ctx, `测试邮件已发送至 ${recipient}`);
      return r;
    } catch (e) {
      const error = describeSendError(e as SendError);
      await this.recordTest(ctx, `测试邮件发送至 ${recipient} 失败：${error}`);
      throw new AppError('validation', `测试邮件发送失败：${error}`);
    }
  }

  private async recordTest(ctx: CallContext, summary: string): Promise<void> {
    await this.d.db
      .transaction()
      .execute((trx) => this.d.audit.record(trx, ctx, { action: 'mail.test', targetType: 'mail', summary }));
  }

  async close(): Promise<void> {
    this.d.transport?.close();
  }
}

function stateView(r: OutboxRow): MailStateView {
  return {
    id: r.id,
    status: r.status as MailStatus,
    recipient: r.recipient_masked,
    attempts: r.attempts,
    nextAttemptAt: r.status === 'pending' ? r.next_attempt_at : null,
    lastError: r.last_error,
    sentAt: r.sent_at,
  };
}
