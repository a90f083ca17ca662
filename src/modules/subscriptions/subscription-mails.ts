/**
 * The mails of 政策找人: the confirmation (double opt-in) and the digest. Every mail after confirmation
 * carries the manage and unsubscribe links, and the digest the List-Unsubscribe / List-Unsubscribe-Post
 * headers (RFC 2369, RFC 8058), so a mail program can offer its own one-click unsubscribe button. Texts
 * never contain the address.
 */

import { SUBSCRIPTION_KIND_LABELS, type SubscriptionItem } from './subscription.model.ts';
import { signLink } from './subscription-links.ts';

export interface LinkContext {
  secret: string;
  /** Absolute origin (PUBLIC_URL without the trailing slash), or '' for site-relative links. */
  base: string;
  site: string;
}

export function confirmUrl(c: LinkContext, id: number, nonce: string): string {
  return `${c.base}/subscribe/confirm/${signLink(c.secret, 'confirm', id, nonce)}`;
}

export function manageUrls(c: LinkContext, id: number, nonce: string) {
  const token = signLink(c.secret, 'manage', id, nonce);
  return {
    token,
    manage: `${c.base}/subscriptions/manage/${token}`,
    unsubscribe: `${c.base}/subscriptions/unsubscribe/${token}`,
    /** The RFC 8058 endpoint (POST with List-Unsubscribe=One-Click, no cookies, no form). */
    oneClick: `${c.base}/subscriptions/one-click/${token}`,
  };
}

const absolute = (c: LinkContext, href: string) => (/^https?:\/\//.test(href) ? href : `${c.base}${href}`);

/** The confirmation mail (no other mail is sent before its link is used). */
export function confirmationMail(c: LinkContext, id: number, nonce: string) {
  const url = confirmUrl(c, id, nonce);
  return {
    subject: `${c.site}：请确认您的政策信息订阅`,
    text: [
      '您好：',
      '',
      `有人（可能是您本人）在${c.site}网站用此邮箱订阅了政策信息推送。如确认订阅，请打开下面的链接：`,
      url,
      '',
      '确认之前，我们不会向此邮箱发送任何其他邮件。如果不是您本人操作，请忽略本邮件，未确认的订阅将在几天后自动删除。',
    ].join('\n'),
  };
}

/** One digest mail listing every match of this run. */
export function digestMail(
  c: LinkContext,
  urls: ReturnType<typeof manageUrls>,
  items: readonly SubscriptionItem[],
  total = items.length,
) {
  const lines = items.map((i) => `【${SUBSCRIPTION_KIND_LABELS[i.kind]}】${i.title}\n${absolute(c, i.href)}`);
  return {
    subject: `${c.site}：您订阅的政策信息有 ${total} 条更新`,
    text: [
      '您好：',
      '',
      `以下是${c.site}新发布的、符合您订阅条件的信息：`,
      '',
      ...lines.flatMap((l) => [l, '']),
      ...(total > items.length ? [`另有 ${total - items.length} 条，请访问${c.site}网站查看。`, ''] : []),
      `修改订阅内容：${urls.manage}`,
      `退订（一键退订，无需登录）：${urls.unsubscribe}`,
    ].join('\n'),
    // RFC 8058 needs an absolute HTTPS address: without PUBLIC_URL the links in the text are all there is.
    ...(/^https?:\/\//.test(urls.oneClick)
      ? {
          headers: {
            'List-Unsubscribe': `<${urls.oneClick}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          },
        }
      : {}),
  };
}
