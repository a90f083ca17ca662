import { isIP } from 'node:net';
import type { RawFinding } from './finding.ts';
import { extractLinks } from './html-text.ts';

/**
 * Links in the body to hosts outside the government domain or to bare IP addresses: 国办秘函〔2019〕19号
 * (regulations §8) deducts points for links to non-gov.cn sites or IP addresses. Relative links, fragments
 * and non-web schemes (mailto:, tel:) are not external and are not checked here.
 */

/** Host suffixes always allowed: the government domain (regulations §8). */
const GOV_HOST_SUFFIXES: readonly string[] = ['gov.cn'];

/** Configuration of the link check. */
export interface LinkCheckOptions {
  /** Extra hosts allowed, each with its subdomains (e.g. 'people.com.cn', 'xn--zfr164b' for .政务). */
  allowedHosts: readonly string[];
}

function hostAllowed(host: string, allowed: readonly string[]): boolean {
  return [...GOV_HOST_SUFFIXES, ...allowed].some((suffix) => {
    const s = suffix.toLowerCase().replace(/^\.+/, '');
    return host === s || host.endsWith(`.${s}`);
  });
}

/** The URL of an absolute http(s) or protocol-relative link, or null for anything else. */
function absoluteWebUrl(href: string): URL | null {
  if (!/^(?:https?:)?\/\//i.test(href)) return null;
  try {
    return new URL(href, 'https://placeholder.invalid/');
  } catch {
    return null;
  }
}

/** Finds hrefs and srcs in the body HTML that point to a bare IP address or to a host outside the allow-list. */
export function checkExternalLinks(bodyHtml: string, opts: LinkCheckOptions): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const href of extractLinks(bodyHtml)) {
    const url = absoluteWebUrl(href);
    if (!url) continue;
    const host = url.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');
    if (isIP(host) !== 0) {
      findings.push({
        message: `链接使用了IP地址：${host}，应改用政府网站域名`,
        excerpt: href,
        location: 'body',
      });
    } else if (!hostAllowed(host, opts.allowedHosts)) {
      findings.push({
        message: `链接指向非政府网站（${host}），请确认是否必要`,
        excerpt: href,
        location: 'body',
      });
    }
  }
  return findings;
}
