/**
 * The signed links of a subscription: `<id>.<HMAC-SHA256(secret, purpose:id:nonce)>`. The nonce is a
 * random value stored with the subscription, so a link works only for its own subscription, stops working
 * when the nonce is cleared (the confirmation link after use; every link after unsubscribing) and cannot
 * be forged without the server secret.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export type LinkPurpose = 'confirm' | 'manage';

export const newNonce = (): string => randomBytes(18).toString('base64url');

const mac = (secret: string, purpose: LinkPurpose, id: number, nonce: string) =>
  createHmac('sha256', secret).update(`subscription:${purpose}:${id}:${nonce}`).digest('base64url');

export function signLink(secret: string, purpose: LinkPurpose, id: number, nonce: string): string {
  return `${id}.${mac(secret, purpose, id, nonce)}`;
}

/** The subscription id a token names (not yet verified), or null when it is malformed. */
export function tokenId(token: string): number | null {
  const m = /^(\d{1,12})\.[A-Za-z0-9_-]{43}$/.exec(token);
  return m ? Number(m[1]) : null;
}

/** Whether `token` was signed for subscription `id` with `nonce` (null nonce: the link was retired). */
export function linkValid(
  secret: string,
  purpose: LinkPurpose,
  id: number,
  nonce: string | null,
  token: string,
): boolean {
  if (nonce === null) return false;
  const expected = Buffer.from(signLink(secret, purpose, id, nonce));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
