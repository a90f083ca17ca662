import { describe, expect, it } from 'vitest';
import type { MailStateView } from './mail-outbox.ts';
import { chinaMinute, describeMailState } from './mail-state.ts';

const base: MailStateView = {
  id: 1,
  status: 'pending',
  recipient: 'z***@example.com',
  attempts: 0,
  nextAttemptAt: '2026-03-02T02:00:00Z',
  lastError: null,
  sentAt: null,
};

describe('describeMailState', () => {
  it.each<[string, Partial<MailStateView>, string]>([
    ['waiting', {}, '电子邮件待发送（z***@example.com）'],
    ['being sent', { status: 'sending', attempts: 1 }, '电子邮件发送中（z***@example.com）'],
    [
      'sent',
      { status: 'sent', attempts: 1, sentAt: '2026-03-02T02:01:30Z', nextAttemptAt: null },
      '电子邮件已发送 2026-03-02 10:01（z***@example.com）',
    ],
    [
      'retrying',
      { attempts: 2, lastError: 'RCPT TO：451 try later', nextAttemptAt: '2026-03-02T02:05:00Z' },
      '电子邮件发送失败，正在重试（z***@example.com）：RCPT TO：451 try later（已尝试 2 次，将于 2026-03-02 10:05 重试）',
    ],
    [
      'failed',
      { status: 'failed', attempts: 8, lastError: '550 refused', nextAttemptAt: null },
      '电子邮件发送失败（z***@example.com）：550 refused（已尝试 8 次，不再重试，请改用其他方式送达或联系系统管理员）',
    ],
  ])('%s', (_label, change, text) => expect(describeMailState({ ...base, ...change })).toBe(text));
});

describe('chinaMinute', () => {
  it('shows China time whatever the server time zone, across midnight', () => {
    expect(chinaMinute('2026-03-01T16:30:00Z')).toBe('2026-03-02 00:30');
    expect(chinaMinute('2026-12-31T15:59:59Z')).toBe('2026-12-31 23:59');
  });
});
