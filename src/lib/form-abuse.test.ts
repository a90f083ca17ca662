import { describe, expect, it } from 'vitest';
import { abuseProblem, FORM_TOKEN_FIELD, HONEYPOT_FIELD, withAbuseFields } from './form-abuse.ts';

const SECRET = 'test-secret';
const T = Date.UTC(2026, 11, 1);

describe('withAbuseFields', () => {
  it('gives a fresh form a valid token and an empty honeypot', () => {
    const v = withAbuseFields({ title: '标题' }, SECRET, T);
    expect(v.title).toBe('标题');
    expect(v[HONEYPOT_FIELD]).toBe('');
    expect(abuseProblem(SECRET, v, T + 10_000)).toBeNull();
  });

  it('keeps the token a corrected form was loaded with, and empties a filled honeypot', () => {
    const first = withAbuseFields({}, SECRET, T);
    const again = withAbuseFields({ ...first, [HONEYPOT_FIELD]: 'x' }, SECRET, T + 60_000);
    expect(again[FORM_TOKEN_FIELD]).toBe(first[FORM_TOKEN_FIELD]);
    expect(again[HONEYPOT_FIELD]).toBe('');
  });
});
