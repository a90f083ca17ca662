/**
 * Encryption at rest of personal data (applicant data, mail recipients) (个人信息保护法; issue 4 §3): AES-256-GCM with a
 * random 96-bit nonce per value. Stored form: 'v1.' + base64(nonce ‖ tag ‖ ciphertext). The version
 * prefix lets a later key rotation tell old values apart. The key comes from configuration only.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const VERSION = 'v1.';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** Binds ciphertexts to this use, so a value cannot be replayed into another encrypted column type. */
const AAD = Buffer.from('gongkai:info-request:v1');

export class FieldCipher {
  private readonly key: Buffer;

  /** @throws RangeError unless `key` is exactly 32 bytes (AES-256). */
  constructor(key: Uint8Array) {
    if (key.length !== 32) throw new RangeError('The encryption key must be 32 bytes (AES-256)');
    this.key = Buffer.from(key);
  }

  encrypt(plain: string): string {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    cipher.setAAD(AAD);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return VERSION + Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64');
  }

  /** @throws Error when the value was tampered with or encrypted under another key. */
  decrypt(stored: string): string {
    if (!stored.startsWith(VERSION)) throw new Error('Unknown encrypted value format');
    const raw = Buffer.from(stored.slice(VERSION.length), 'base64');
    const nonce = raw.subarray(0, NONCE_BYTES);
    const tag = raw.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.key, nonce);
    decipher.setAAD(AAD);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(raw.subarray(NONCE_BYTES + TAG_BYTES)), decipher.final()]).toString(
      'utf8',
    );
  }
}

/** 查询码 alphabet without look-alikes (0/O, 1/I/L), easy to read out on the phone. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const LOOKUP_CODE_LENGTH = 10;

/** A random 查询码 (≈ 49 bits; lookups are rate-limited at the HTTP boundary). */
export function newLookupCode(): string {
  const bytes = randomBytes(LOOKUP_CODE_LENGTH * 2);
  let code = '';
  for (let i = 0; code.length < LOOKUP_CODE_LENGTH && i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    // Rejection sampling keeps every character equally likely (248 = 8 × 31).
    if (b < 248) code += CODE_ALPHABET.charAt(b % CODE_ALPHABET.length);
  }
  return code.length === LOOKUP_CODE_LENGTH ? code : newLookupCode();
}

/** SHA-256 hex of a 查询码 as typed (case and spaces ignored); the code is random, so no slow hash. */
export function hashLookupCode(code: string): string {
  return createHash('sha256').update(code.replace(/\s/g, '').toUpperCase()).digest('hex');
}

/** Constant-time comparison of a typed 查询码 with a stored hash. */
export function lookupCodeMatches(code: string, storedHash: string): boolean {
  const a = Buffer.from(hashLookupCode(code), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
