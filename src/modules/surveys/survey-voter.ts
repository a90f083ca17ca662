/**
 * One response per person without an account: the browser keeps a signed random voter token in a cookie;
 * a response stores only HMAC(survey, token), unique per survey. Clearing cookies gets a new token, so the
 * per-IP rate limit and the form's anti-abuse token (src/lib/form-abuse.ts) bound what that buys.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const VOTER_COOKIE = 'gk_voter';
/** The token lives a year: long enough to span any survey window. */
export const VOTER_COOKIE_MAX_AGE_S = 365 * 24 * 3600;

const sign = (secret: string, id: string) =>
  createHmac('sha256', secret).update(`voter:${id}`).digest('base64url');

/** A new `<random id>.<signature>`. */
export function issueVoterToken(secret: string): string {
  const id = randomBytes(16).toString('base64url');
  return `${id}.${sign(secret, id)}`;
}

/** The voter id of a token this site signed, or null. */
export function voterId(secret: string, token: unknown): string | null {
  if (typeof token !== 'string') return null;
  const [id = '', sig = ''] = token.split('.');
  if (!/^[A-Za-z0-9_-]{22}$/.test(id)) return null;
  const expected = Buffer.from(sign(secret, id));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

/** What a response stores: the voter's id hashed with the survey, so tokens are not linkable across surveys. */
export function voterHash(secret: string, surveyId: number, id: string): string {
  return createHmac('sha256', secret).update(`survey:${surveyId}:${id}`).digest('base64url');
}
