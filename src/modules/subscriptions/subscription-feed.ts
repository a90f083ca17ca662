/**
 * The Atom feed (RFC 4287) of a choice of filters: /subscriptions/feed.atom?topic=…&unit=…&audience=…&kind=….
 * No personal data: the filters are the URL. Items come from the same sources as the mails, newest first.
 * Every text is XML-escaped; links are absolute.
 */
import {
  matches,
  SUBSCRIPTION_KIND_LABELS,
  type SubscriptionChoices,
  type SubscriptionItem,
  type UnitPaths,
} from './subscription.model.ts';
import type { SubscriptionSources } from './subscription-sources.ts';

/** Entries in a feed. */
export const FEED_SIZE = 30;
/** How far back a feed looks. */
const FEED_WINDOW_DAYS = 60;
/** Items read from one source for a feed. */
export const FEED_ITEMS_PER_SOURCE = 1_000;
/** The shortest window a busy source is asked for (an hour). */
const MIN_FEED_WINDOW_DAYS = 1 / 24;

/** Escapes the five XML special characters and drops characters XML 1.0 forbids. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** The query string of a choice (the feed URL and the subscribe page's link to it). */
export function feedQuery(c: SubscriptionChoices): string {
  const q = new URLSearchParams();
  for (const t of c.topics) q.append('topic', String(t));
  for (const u of c.units) q.append('unit', String(u));
  for (const a of c.audiences) q.append('audience', a);
  for (const k of c.kinds) q.append('kind', k);
  return q.toString();
}

/** The feed's query parameters as the fields the choices schema reads. */
export function feedFields(query: Record<string, unknown>): Record<string, unknown> {
  return { topics: query.topic, units: query.unit, audiences: query.audience, kinds: query.kind };
}

/**
 * The newest matching items of every source. Sources return the oldest first, so a source that fills its
 * page over FEED_WINDOW_DAYS is asked again over a shorter window, until its page holds the newest items.
 */
export async function feedItems(
  sources: SubscriptionSources,
  choices: SubscriptionChoices,
  paths: UnitPaths,
  nowMs: number,
): Promise<SubscriptionItem[]> {
  const all: SubscriptionItem[] = [];
  for (const s of sources.all()) {
    let days = FEED_WINDOW_DAYS;
    let got = await s.since(new Date(nowMs - days * 86_400_000).toISOString(), FEED_ITEMS_PER_SOURCE);
    while (got.length >= FEED_ITEMS_PER_SOURCE && days > MIN_FEED_WINDOW_DAYS) {
      days = Math.max(MIN_FEED_WINDOW_DAYS, days / 4);
      got = await s.since(new Date(nowMs - days * 86_400_000).toISOString(), FEED_ITEMS_PER_SOURCE);
    }
    all.push(...got);
  }
  return all
    .filter((i) => matches(choices, i, paths))
    .sort((a, b) => (a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : 0))
    .slice(0, FEED_SIZE);
}

export function subscriptionFeed(f: {
  origin: string;
  title: string;
  author: string;
  selfPath: string;
  pagePath: string;
  fallbackUpdated: string;
  items: readonly SubscriptionItem[];
}): string {
  const x = xmlEscape;
  const abs = (href: string) => (/^https?:\/\//.test(href) ? href : f.origin + href);
  const updated = f.items[0]?.publishedAt ?? f.fallbackUpdated;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${x(f.origin + f.selfPath)}</id>`,
    `  <title>${x(f.title)}</title>`,
    `  <updated>${x(updated)}</updated>`,
    `  <author><name>${x(f.author)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${x(f.origin + f.selfPath)}"/>`,
    `  <link rel="alternate" type="text/html" href="${x(f.origin + f.pagePath)}"/>`,
    ...f.items.map((i) =>
      [
        '  <entry>',
        `    <id>${x(abs(i.href))}</id>`,
        `    <title>${x(i.title)}</title>`,
        `    <link rel="alternate" type="text/html" href="${x(abs(i.href))}"/>`,
        `    <category term="${x(i.kind)}" label="${x(SUBSCRIPTION_KIND_LABELS[i.kind])}"/>`,
        `    <updated>${x(i.publishedAt)}</updated>`,
        `    <published>${x(i.publishedAt)}</published>`,
        `    <summary>${x(SUBSCRIPTION_KIND_LABELS[i.kind])}</summary>`,
        '  </entry>',
      ].join('\n'),
    ),
    '</feed>',
    '',
  ].join('\n');
}
