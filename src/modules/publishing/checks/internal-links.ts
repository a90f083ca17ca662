import type { PublicRoute, PublicRouteTarget } from '../../../platform/module.ts';
import type { RawFinding } from './finding.ts';
import { extractLinks } from './html-text.ts';

/**
 * Broken internal links (issue 3 §6; 国办秘函〔2019〕19号 counts broken links against a site, regulations §8).
 * Links in the body (href and src, including attachment downloads) that point at this site — relative URLs,
 * or absolute URLs on the host of the configured public base URL (PUBLIC_URL) — must lead somewhere: a
 * document to a published, non-withdrawn document, a column to an active column, a unit page to an active
 * unit, an attachment download to an attachment of that document; other paths must be public routes of the
 * site. Pure: `internalLinksOf` says what each link targets, the service looks the targets up in the database
 * (DocumentRepository#linkTargets) and `checkInternalLinks` compares.
 */

/**
 * What an internal link points at: a record, a public page that needs no lookup ('route'), the back
 * office ('admin': a visitor only reaches its log-in page), or nothing this site serves.
 */
export type InternalLinkTarget = PublicRouteTarget | { kind: 'unknown' };

export interface InternalLink {
  /** The href or src as written. */
  href: string;
  /** The path it resolves to on this site. */
  path: string;
  target: InternalLinkTarget;
}

/** What the database says about the targets (built by the service for exactly these links). */
export interface InternalLinkLookup {
  /** Documents that are published and not withdrawn. */
  publishedDocumentIds: ReadonlySet<number>;
  /** Active columns. */
  columnIds: ReadonlySet<number>;
  /** Active units. */
  unitIds: ReadonlySet<number>;
  /** Existing attachments as `${documentId}/${attachmentId}`. */
  attachmentKeys: ReadonlySet<string>;
}

export interface InternalLinkOptions {
  /** PUBLIC_URL: absolute links to its host are internal. Without it only relative links are. */
  publicBaseUrl?: string | undefined;
  /** The document being checked: relative links resolve against its page, links to it are fine. */
  documentId?: number | undefined;
  /** The site's public routes (Registry#publicRoutes). */
  routes: readonly PublicRoute[];
}

/** Stand-in origin for resolving relative links when no public base URL is configured. */
const LOCAL_ORIGIN = 'http://gongkai.invalid';

/**
 * The target of a path of this site, by the site's public routes (each module declares its own in its
 * manifest; Registry#publicRoutes). A path no route matches is unknown.
 */
export function routeTarget(path: string, routes: readonly PublicRoute[]): InternalLinkTarget {
  for (const r of routes) {
    const m = path.match(r.pattern);
    if (m) return r.target ? r.target(m) : { kind: 'route' };
  }
  return { kind: 'unknown' };
}

/** The path on this site a link leads to, or null when it leads elsewhere (or nowhere: #, mailto:, tel:). */
export function internalPathOf(href: string, opts: Omit<InternalLinkOptions, 'routes'>): string | null {
  if (href === '' || href.startsWith('#')) return null;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') return null;
  const base = opts.publicBaseUrl ? safeUrl(opts.publicBaseUrl) : null;
  const origin = base?.origin ?? LOCAL_ORIGIN;
  const url = safeUrl(href, `${origin}/documents/${opts.documentId ?? 0}`);
  if (!url) return null;
  const relative = scheme === undefined && !href.startsWith('//');
  const sameHost = base !== null && url.host.toLowerCase() === base.host.toLowerCase();
  if (!relative && !sameHost) return null;
  // A base URL with a path prefix (https://www.example.gov.cn/gk/) mounts the site below it.
  const prefix = base ? base.pathname.replace(/\/+$/, '') : '';
  if (prefix && !relative) {
    if (url.pathname !== prefix && !url.pathname.startsWith(`${prefix}/`)) return url.pathname;
    return url.pathname.slice(prefix.length) || '/';
  }
  return url.pathname;
}

function safeUrl(href: string, base?: string): URL | null {
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

/** The links of the body that point at this site, with their targets, each href once. */
export function internalLinksOf(bodyHtml: string, opts: InternalLinkOptions): InternalLink[] {
  const out: InternalLink[] = [];
  const seen = new Set<string>();
  for (const href of extractLinks(bodyHtml)) {
    if (seen.has(href)) continue;
    seen.add(href);
    const path = internalPathOf(href, opts);
    if (path !== null) out.push({ href, path, target: routeTarget(path, opts.routes) });
  }
  return out;
}

/** Why a link is broken, or null when it leads somewhere. */
function brokenReason(link: InternalLink, lookup: InternalLinkLookup, selfId?: number): string | null {
  const t = link.target;
  switch (t.kind) {
    case 'document':
      return t.documentId === selfId || lookup.publishedDocumentIds.has(t.documentId)
        ? null
        : '指向的信息不存在、未发布或已撤回';
    case 'attachment':
      if (!lookup.attachmentKeys.has(`${t.documentId}/${t.attachmentId}`)) return '指向的附件不存在';
      return t.documentId === selfId || lookup.publishedDocumentIds.has(t.documentId)
        ? null
        : '附件所属的信息未发布或已撤回，公众无法下载';
    case 'column':
      return lookup.columnIds.has(t.columnId) ? null : '指向的栏目不存在或已停用';
    case 'unit':
      return lookup.unitIds.has(t.unitId) ? null : '指向的单位不存在或已撤销';
    case 'route':
      return null;
    case 'admin':
      return '指向后台管理页面，公众无法访问';
    case 'unknown':
      return '本站没有这个页面';
  }
}

/** One finding per internal link that leads nowhere. */
export function checkInternalLinks(
  links: readonly InternalLink[],
  lookup: InternalLinkLookup,
  selfId?: number,
): RawFinding[] {
  return links.flatMap((link) => {
    const reason = brokenReason(link, lookup, selfId);
    return reason
      ? [
          {
            message: `站内链接无效（${reason}）：${link.path}`,
            excerpt: link.href,
            location: 'body' as const,
          },
        ]
      : [];
  });
}
