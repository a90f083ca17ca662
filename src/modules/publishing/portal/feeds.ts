/**
 * Atom feeds (RFC 4287) per column and per unit, and sitemap.xml (sitemaps.org 0.9). Every text is
 * XML-escaped here; links are absolute, built from PUBLIC_URL or the request's own origin.
 */

/** Escapes the five XML special characters and drops characters XML 1.0 forbids. */
function xmlEscape(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export interface FeedEntry {
  id: number;
  title: string;
  summary: string | null;
  docNumber: string | null;
  publishedAt: string | null;
}

export interface Feed {
  title: string;
  /** Path of the page the feed describes, e.g. /columns/12. */
  pagePath: string;
  /** Path of the feed itself. */
  selfPath: string;
  /** Used as <updated> when there are no entries (an ISO timestamp). */
  fallbackUpdated: string;
  author: string;
  entries: readonly FeedEntry[];
}

/** An Atom feed document. Entry ids are the documents' permanent URLs (they never change). */
export function atomFeed(origin: string, feed: Feed): string {
  const updated = feed.entries[0]?.publishedAt ?? feed.fallbackUpdated;
  const entries = feed.entries.map((e) => {
    const url = `${origin}/documents/${e.id}`;
    const summary = [e.docNumber, e.summary].filter(Boolean).join(' ');
    return [
      '  <entry>',
      `    <id>${xmlEscape(url)}</id>`,
      `    <title>${xmlEscape(e.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xmlEscape(url)}"/>`,
      `    <updated>${xmlEscape(e.publishedAt ?? updated)}</updated>`,
      `    <published>${xmlEscape(e.publishedAt ?? updated)}</published>`,
      summary ? `    <summary>${xmlEscape(summary)}</summary>` : '',
      '  </entry>',
    ]
      .filter(Boolean)
      .join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${xmlEscape(origin + feed.selfPath)}</id>`,
    `  <title>${xmlEscape(feed.title)}</title>`,
    `  <updated>${xmlEscape(updated)}</updated>`,
    `  <author><name>${xmlEscape(feed.author)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(origin + feed.selfPath)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlEscape(origin + feed.pagePath)}"/>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

export interface SitemapUrl {
  path: string;
  /** YYYY-MM-DD or an ISO timestamp. */
  lastmod?: string | null;
}

/** sitemaps.org allows at most 50,000 URLs per file. */
const SITEMAP_MAX_URLS = 50_000;

export function sitemapXml(origin: string, urls: readonly SitemapUrl[]): string {
  const body = urls.slice(0, SITEMAP_MAX_URLS).map((u) => {
    const lastmod = u.lastmod ? `<lastmod>${xmlEscape(u.lastmod)}</lastmod>` : '';
    return `  <url><loc>${xmlEscape(origin + u.path)}</loc>${lastmod}</url>`;
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...body,
    '</urlset>',
    '',
  ].join('\n');
}
