import { describe, expect, it } from 'vitest';
import { issueVoterToken, voterHash, voterId } from './survey-voter.ts';

const SECRET = 'test-secret-test-secret-test-secret-0123';
/** The token with its first character changed (always a different character). */
const tamper = (t: string) => `${t.startsWith('A') ? 'B' : 'A'}${t.slice(1)}`;

describe('voter tokens (one response per person without an account)', () => {
  it('reads back a token this site signed', () => {
    const token = issueVoterToken(SECRET);
    expect(voterId(SECRET, token)).toBe(token.split('.')[0]);
  });

  it.each([
    ['missing', undefined],
    ['not signed', 'AAAAAAAAAAAAAAAAAAAAAA'],
    ['tampered id', tamper(issueVoterToken(SECRET))],
    ['another site’s', issueVoterToken('another-secret-another-secret-another-0')],
    ['malformed', 'x.y'],
  ])('refuses a %s token', (_what, token) => expect(voterId(SECRET, token)).toBeNull());

  it('hashes per survey, so one browser’s responses are not linkable across surveys', () => {
    const id = voterId(SECRET, issueVoterToken(SECRET))!;
    expect(voterHash(SECRET, 1, id)).toBe(voterHash(SECRET, 1, id));
    expect(voterHash(SECRET, 1, id)).not.toBe(voterHash(SECRET, 2, id));
  });
});
