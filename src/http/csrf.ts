/**
 * CSRF protection for every state-changing request: a random per-browser value in an HttpOnly
 * cookie and, in each form, an HMAC of it under the server secret. A cross-site page can neither
 * read the cookie nor compute the token. Origin is also checked when the browser sends it.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const CSRF_COOKIE = 'gk_csrf';
export const CSRF_FIELD = '_csrf';

export function newCsrfSeed(): string {
  return randomBytes(18).toString('base64url');
}

export function csrfTokenFor(secret: string, seed: string): string {
  return createHmac('sha256', secret).update(`csrf:${seed}`).digest('base64url');
}

export function csrfTokenValid(secret: string, seed: string | undefined, token: unknown): boolean {
  if (!seed || typeof token !== 'string') return false;
  const expected = Buffer.from(csrfTokenFor(secret, seed));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
