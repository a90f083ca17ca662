/**
 * When to try a message again. There is no legal number here: the schedule follows common MTA
 * practice (Postfix retries for days, backing off), shortened because a letter that cannot be
 * e-mailed still reaches the applicant by post or on the status page, so staff must learn soon.
 */
import { maskEmailsIn } from './mail-address.ts';

/** Attempts before a message is marked failed (8 attempts ≈ 22 hours with the delays below). */
export const MAX_ATTEMPTS = 8;

/** Minutes to wait after the n-th failed attempt (index 0 = after the first attempt). */
export const RETRY_DELAYS_MINUTES = [1, 5, 15, 60, 180, 360, 720] as const;

/** A claimed message not finished within this time (a crashed process) may be claimed again. */
export const CLAIM_LEASE_MS = 10 * 60_000;

/** Longest error text kept in the outbox. */
const MAX_ERROR_LENGTH = 500;

/** Milliseconds to wait after failed attempt number `attempt` (1-based) before the next one. */
export function retryDelayMs(attempt: number): number {
  const i = Math.min(Math.max(attempt, 1), RETRY_DELAYS_MINUTES.length) - 1;
  return (RETRY_DELAYS_MINUTES[i] ?? 720) * 60_000;
}

/** The error fields nodemailer sets (see NodemailerError). */
export interface SendError {
  message?: string;
  code?: string;
  command?: string;
  response?: string;
  responseCode?: number;
  permanent?: boolean;
}

/**
 * A permanent refusal of this message (5xx except 503, e.g. 550 unknown recipient) is not retried.
 * Authentication failures are retried: they are the operator's configuration to fix, not the
 * message's fault. Connection errors and 4xx replies are transient.
 */
export function isPermanentFailure(e: SendError): boolean {
  if (e.code === 'EAUTH' || e.code === 'ENOAUTH') return false;
  if (typeof e.permanent === 'boolean') return e.permanent;
  return typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode !== 503;
}

/** A short, masked description of a failure for the outbox, the logs and the case page. */
export function describeSendError(e: SendError): string {
  const reply = e.response?.trim();
  const text = reply ? (e.command ? `${e.command}：${reply}` : reply) : (e.message ?? String(e));
  const prefix = e.code && !reply ? `${e.code} ` : '';
  return maskEmailsIn(`${prefix}${text}`.replace(/\s+/g, ' ')).slice(0, MAX_ERROR_LENGTH);
}

/** What to do after a failed attempt. */
export function afterFailure(
  attempt: number,
  e: SendError,
  now: Date,
): { status: 'failed' } | { status: 'pending'; nextAttemptAt: string } {
  if (isPermanentFailure(e) || attempt >= MAX_ATTEMPTS) return { status: 'failed' };
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempt)).toISOString() };
}
