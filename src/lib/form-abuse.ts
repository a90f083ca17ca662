/**
 * Anti-abuse for public forms (the application form, letters, comments, votes) without an image captcha (适老化: no image-only
 * captcha): a honeypot field that people never see, and a signed timestamp proving the form was
 * on screen for a minimum time. Together with per-IP rate limiting in the routes.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** A person needs more than this to fill the form; scripts that post at once are refused. */
const MIN_FILL_MS = 3_000;
/** A form older than this must be reloaded (the token is not a long-lived pass). */
const MAX_FORM_AGE_MS = 24 * 3600_000;
/** Name of the honeypot input: hidden from people, tempting for form-filling bots. */
export const HONEYPOT_FIELD = 'website';
export const FORM_TOKEN_FIELD = 'formStarted';

const sign = (secret: string, t: string) =>
  createHmac('sha256', secret).update(`apply:${t}`).digest('base64url');

/** `<issued ms>.<signature>` */
export function issueFormToken(secret: string, nowMs: number): string {
  const t = String(nowMs);
  return `${t}.${sign(secret, t)}`;
}

/** Why a submission looks automated (null = it looks like a person's). */
export function abuseProblem(
  secret: string,
  fields: Record<string, unknown>,
  nowMs: number,
  minFillMs = MIN_FILL_MS,
): string | null {
  const honey = fields[HONEYPOT_FIELD];
  if (typeof honey === 'string' && honey.trim() !== '') return '提交未通过校验，请刷新页面后重新填写';
  const token = String(fields[FORM_TOKEN_FIELD] ?? '');
  const [t = '', sig = ''] = token.split('.');
  const expected = Buffer.from(sign(secret, t));
  const given = Buffer.from(sig);
  if (!/^\d{10,16}$/.test(t) || expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return '页面已过期，请刷新页面后重新填写';
  }
  const age = nowMs - Number(t);
  if (age < minFillMs) return '提交过快，请核对填写的内容后再次提交';
  if (age > MAX_FORM_AGE_MS) return '页面已过期，请刷新页面后重新填写';
  return null;
}

/**
 * The values of a public form being shown, with its anti-abuse fields: a corrected form keeps the token it
 * was loaded with (the person need not wait again), a fresh one gets a new token; the honeypot is empty.
 */
export function withAbuseFields(
  values: Record<string, unknown>,
  secret: string,
  nowMs: number,
): Record<string, unknown> {
  return {
    ...values,
    [FORM_TOKEN_FIELD]: values[FORM_TOKEN_FIELD] ?? issueFormToken(secret, nowMs),
    [HONEYPOT_FIELD]: '',
  };
}
