/** How a message's state reads for staff (the case page): 待发送 / 已发送 时间 / 发送失败 原因. */
import type { MailStateView } from './mail-outbox.ts';

/** 'YYYY-MM-DD HH:mm' in China time for an ISO timestamp. */
export function chinaMinute(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** One Chinese sentence describing the state of an e-mail, with the masked recipient. */
export function describeMailState(m: MailStateView): string {
  const to = `（${m.recipient}）`;
  switch (m.status) {
    case 'sent':
      return `电子邮件已发送 ${m.sentAt ? chinaMinute(m.sentAt) : ''}${to}`;
    case 'sending':
      return `电子邮件发送中${to}`;
    case 'failed':
      return `电子邮件发送失败${to}：${m.lastError ?? '原因不明'}（已尝试 ${m.attempts} 次，不再重试，请改用其他方式送达或联系系统管理员）`;
    default:
      if (m.attempts === 0) return `电子邮件待发送${to}`;
      return `电子邮件发送失败，正在重试${to}：${m.lastError ?? '原因不明'}（已尝试 ${m.attempts} 次${m.nextAttemptAt ? `，将于 ${chinaMinute(m.nextAttemptAt)} 重试` : ''}）`;
  }
}
