import { describe, expect, it } from 'vitest';
import {
  FieldCipher,
  hashLookupCode,
  LOOKUP_CODE_LENGTH,
  lookupCodeMatches,
  newLookupCode,
} from './field-cipher.ts';

const KEY = Buffer.alloc(32, 7);

describe('FieldCipher (AES-256-GCM)', () => {
  it('round-trips and never stores the plain text', () => {
    const c = new FieldCipher(KEY);
    const stored = c.encrypt('张三 110101199003074578');
    expect(stored.startsWith('v1.')).toBe(true);
    expect(stored).not.toContain('张三');
    expect(c.decrypt(stored)).toBe('张三 110101199003074578');
  });

  it('uses a fresh nonce each time', () => {
    const c = new FieldCipher(KEY);
    expect(c.encrypt('x')).not.toBe(c.encrypt('x'));
  });

  it('detects tampering and a wrong key', () => {
    const stored = new FieldCipher(KEY).encrypt('秘密');
    const raw = Buffer.from(stored.slice(3), 'base64');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(() => new FieldCipher(KEY).decrypt(`v1.${raw.toString('base64')}`)).toThrow();
    expect(() => new FieldCipher(Buffer.alloc(32, 8)).decrypt(stored)).toThrow();
    expect(() => new FieldCipher(KEY).decrypt('plain')).toThrow(/format/);
  });

  it.each([0, 16, 31, 33])('refuses a %i-byte key', (n) => {
    expect(() => new FieldCipher(Buffer.alloc(n))).toThrow(RangeError);
  });
});

describe('查询码', () => {
  it('is 10 unambiguous characters and differs each time', () => {
    const codes = new Set(Array.from({ length: 200 }, newLookupCode));
    expect(codes.size).toBe(200);
    for (const c of codes) expect(c).toMatch(new RegExp(`^[2-9A-HJKMNP-Z]{${LOOKUP_CODE_LENGTH}}$`));
  });

  it('matches its hash regardless of case and spaces, and nothing else', () => {
    const code = newLookupCode();
    const h = hashLookupCode(code);
    expect(lookupCodeMatches(` ${code.toLowerCase()} `, h)).toBe(true);
    expect(lookupCodeMatches(`${code}X`, h)).toBe(false);
    expect(lookupCodeMatches(code, 'abcd')).toBe(false);
  });
});
