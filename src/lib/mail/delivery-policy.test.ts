import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  describeSendError,
  isPermanentFailure,
  MAX_ATTEMPTS,
  RETRY_DELAYS_MINUTES,
  retryDelayMs,
} from './delivery-policy.ts';

const NOW = new Date('2026-03-02T02:00:00Z');
const MIN = 60_000;

describe('retryDelayMs', () => {
  it.each([
    [1, 1],
    [2, 5],
    [3, 15],
    [4, 60],
    [5, 180],
    [6, 360],
    [7, 720],
    [20, 720],
    [0, 1],
  ])('after attempt %i waits %i minutes', (attempt, minutes) =>
    expect(retryDelayMs(attempt)).toBe(minutes * MIN),
  );

  it('never shrinks, and the whole schedule spans most of a day', () => {
    const delays = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => retryDelayMs(i + 1));
    expect(delays).toEqual([...delays].sort((a, b) => a - b));
    expect(RETRY_DELAYS_MINUTES).toHaveLength(MAX_ATTEMPTS - 1);
    expect(delays.reduce((a, b) => a + b, 0) / 3_600_000).toBeGreaterThan(20);
  });
});

describe('isPermanentFailure', () => {
  it.each([
    ['550 unknown recipient', { responseCode: 550, permanent: true, command: 'RCPT TO' }, true],
    ['552 message too large', { responseCode: 552 }, true],
    ['451 greylisted', { responseCode: 451, permanent: false }, false],
    ['503 bad sequence', { responseCode: 503 }, false],
    ['535 wrong password (operator fixes it)', { code: 'EAUTH', responseCode: 535, permanent: true }, false],
    ['connection refused', { code: 'ESOCKET', message: 'connect ECONNREFUSED' }, false],
    ['timeout', { code: 'ETIMEDOUT' }, false],
  ])('%s → %s', (_label, e, permanent) => expect(isPermanentFailure(e)).toBe(permanent));
});

describe('afterFailure', () => {
  it('schedules the next attempt after a transient failure', () => {
    expect(afterFailure(2, { responseCode: 451 }, NOW)).toEqual({
      status: 'pending',
      nextAttemptAt: new Date(NOW.getTime() + 5 * MIN).toISOString(),
    });
  });
  it('gives up after the last attempt or at once after a permanent refusal', () => {
    expect(afterFailure(MAX_ATTEMPTS, { code: 'ESOCKET' }, NOW)).toEqual({ status: 'failed' });
    expect(afterFailure(1, { responseCode: 550, permanent: true }, NOW)).toEqual({ status: 'failed' });
  });
});

describe('describeSendError', () => {
  it('names the command and the reply, masks addresses and stays short', () => {
    expect(
      describeSendError({
        command: 'RCPT TO',
        response: '550 5.1.1 <li.si@example.com>:\r\n Recipient address rejected',
        responseCode: 550,
      }),
    ).toBe('RCPT TO：550 5.1.1 <l***@example.com>: Recipient address rejected');
    expect(describeSendError({ code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:25' })).toBe(
      'ESOCKET connect ECONNREFUSED 127.0.0.1:25',
    );
    expect(describeSendError({ message: 'x'.repeat(2000) })).toHaveLength(500);
  });
});
