/**
 * `gongkai mail status|test|retry`: the operator's view of outgoing mail. Output for people on
 * stdout (tab-separated where a script may read it); no address is ever printed in clear.
 */
import type { CallContext } from '../actor.ts';
import { maskEmail, maskEmailsIn, maskSmtpUrl } from './mail-address.ts';
import type { MailOutbox } from './mail-outbox.ts';
import { chinaMinute } from './mail-state.ts';

const STATUS_LABELS = { pending: '待发送', sending: '发送中', sent: '已发送', failed: '发送失败' } as const;

/** Runs one mail sub-command; returns the exit code (1 when mail is off or the test failed). */
export async function mailCommand(
  outbox: MailOutbox,
  ctx: CallContext,
  o: {
    sub: 'status' | 'test' | 'retry';
    address?: string;
    config: { SMTP_URL?: string; MAIL_FROM?: string; SITE_NAME: string };
  },
  print: (line: string) => void = (l) => console.log(l),
): Promise<number> {
  const { SMTP_URL, MAIL_FROM } = o.config;
  if (o.sub === 'status') {
    print(
      SMTP_URL
        ? `电子邮件：${maskSmtpUrl(SMTP_URL)}，发件人 ${MAIL_FROM}`
        : '电子邮件：未配置（不发送电子邮件）',
    );
    const s = await outbox.status();
    for (const [key, label] of Object.entries(STATUS_LABELS))
      print(`${label}\t${s.counts[key as keyof typeof STATUS_LABELS]}`);
    if (s.oldestWaiting)
      print(`最早待发送\t#${s.oldestWaiting.id}，${chinaMinute(s.oldestWaiting.createdAt)} 起`);
    if (s.lastFailure)
      print(
        `最近错误\t#${s.lastFailure.id}，${chinaMinute(s.lastFailure.at)}（${STATUS_LABELS[s.lastFailure.status]}）：${s.lastFailure.error}`,
      );
    return 0;
  }
  if (!outbox.enabled) {
    print('未配置 SMTP_URL，电子邮件发送已关闭');
    return 1;
  }
  if (o.sub === 'retry') {
    print(`已将 ${await outbox.retryFailed(ctx)} 封发送失败的电子邮件重新排队`);
    return 0;
  }
  const r = await outbox.sendTest(ctx, o.address ?? '', o.config.SITE_NAME);
  print(`测试邮件已发送至 ${maskEmail(o.address ?? '')}（服务器答复：${maskEmailsIn(r.response)}）`);
  return 0;
}
