/**
 * Staff intake form: the application plus the channel and the date of receipt that the channel's
 * rule gives (条例 第三十一条: 当面 = submitted, 邮寄 = signed for, 平常信函 = confirmed with the
 * applicant, 传真/电子邮件/网上 = both sides confirmed). All problems of both parts are reported.
 */
import { z } from 'zod';
import { isValidPlainDate } from '../../lib/calendar/dates.ts';
import { CHANNEL_INFO, CHANNELS, type Channel } from './info-request.model.ts';
import { type ApplicationInput, applicationSchema } from './info-request.schemas.ts';

export interface IntakeInput {
  application: ApplicationInput;
  channel: Channel;
  receivedOn: string;
}

function receiptProblem(channel: string | undefined, receivedOn: unknown, today: string): string | null {
  const label = (CHANNELS as readonly string[]).includes(channel ?? '')
    ? CHANNEL_INFO[channel as Channel].receiptDateLabel
    : '收到申请日期';
  if (typeof receivedOn !== 'string' || receivedOn.trim() === '') return `请填写${label}`;
  if (!isValidPlainDate(receivedOn.trim())) return `${label}格式应为 YYYY-MM-DD，例如 2026-03-02`;
  return receivedOn.trim() > today ? `${label}不能晚于今天` : null;
}

/** The intake schema for `today` (the date of receipt cannot be in the future). */
export function intakeSchema(today: string) {
  return z.record(z.string(), z.unknown()).transform((raw, ctx): IntakeInput => {
    const app = applicationSchema.safeParse(raw);
    if (!app.success) {
      for (const i of app.error.issues) ctx.addIssue({ code: 'custom', path: i.path, message: i.message });
    }
    const channel = typeof raw.channel === 'string' ? raw.channel : undefined;
    const channelOk = (CHANNELS as readonly string[]).includes(channel ?? '');
    if (!channelOk) {
      ctx.addIssue({ code: 'custom', path: ['channel'], message: '请选择申请渠道' });
    }
    const problem = receiptProblem(channel, raw.receivedOn, today);
    if (problem) ctx.addIssue({ code: 'custom', path: ['receivedOn'], message: problem });
    if (!app.success || problem || !channelOk) return z.NEVER;
    return { application: app.data, channel: channel as Channel, receivedOn: String(raw.receivedOn).trim() };
  });
}
