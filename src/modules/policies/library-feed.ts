/**
 * The Atom feed (RFC 4287) of a library (/library/feed.xml, /units/:id/library/feed.xml): newly published
 * entries and validity changes, newest first. 主动公开's writer (portal/feeds.ts) makes one entry per
 * document with the document's URL as id; a validity change needs an entry of its own, so this is a small
 * writer of the same shape. Every text is XML-escaped; links are absolute.
 */
import type { LibraryChangeRow, LibraryRow } from './library-public.repository.ts';
import { VALIDITY_EVENT_LABELS, type ValidityEvent } from './policy.model.ts';
import { kindLabel } from './views/library-public-parts.tsx';

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

export interface LibraryFeedInput {
  origin: string;
  title: string;
  author: string;
  pagePath: string;
  selfPath: string;
  /** <updated> when there is no entry (ISO timestamp). */
  fallbackUpdated: string;
  entries: readonly LibraryRow[];
  changes: readonly LibraryChangeRow[];
  /** Entries in the feed (newest of both lists). */
  size: number;
}

interface Item {
  id: string;
  url: string;
  title: string;
  updated: string;
  summary: string;
}

const isoOf = (s: string | null, fallback: string) =>
  !s ? fallback : s.length === 10 ? `${s}T00:00:00+08:00` : s;

function items(f: LibraryFeedInput): Item[] {
  const docUrl = (id: number) => `${f.origin}/documents/${id}`;
  const published = f.entries.map((e) => ({
    id: docUrl(e.document_id),
    url: docUrl(e.document_id),
    title: e.title,
    updated: isoOf(e.published_at ?? e.published_on, f.fallbackUpdated),
    summary: [kindLabel(e.kind), e.doc_number, e.issuers].filter(Boolean).join(' '),
  }));
  const changes = f.changes.map((c) => {
    const label = VALIDITY_EVENT_LABELS[c.event_type as ValidityEvent] ?? c.event_type;
    const source = c.source_public_title ?? c.source_title;
    return {
      id: `${docUrl(c.document_id)}#validity-event-${c.id}`,
      url: docUrl(c.document_id),
      title: `${label}：${c.title}`,
      updated: isoOf(c.created_at, f.fallbackUpdated),
      summary: [`${c.occurs_on} ${label}`, c.doc_number, source ? `依据：${source}` : null]
        .filter(Boolean)
        .join(' '),
    };
  });
  return [...published, ...changes]
    .sort((a, b) => (a.updated === b.updated ? 0 : a.updated < b.updated ? 1 : -1))
    .slice(0, f.size);
}

/** The feed document. */
export function libraryFeed(f: LibraryFeedInput): string {
  const list = items(f);
  const updated = list[0]?.updated ?? f.fallbackUpdated;
  const x = xmlEscape;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${x(f.origin + f.selfPath)}</id>`,
    `  <title>${x(f.title)}</title>`,
    `  <updated>${x(updated)}</updated>`,
    `  <author><name>${x(f.author)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${x(f.origin + f.selfPath)}"/>`,
    `  <link rel="alternate" type="text/html" href="${x(f.origin + f.pagePath)}"/>`,
    ...list.map((e) =>
      [
        '  <entry>',
        `    <id>${x(e.id)}</id>`,
        `    <title>${x(e.title)}</title>`,
        `    <link rel="alternate" type="text/html" href="${x(e.url)}"/>`,
        `    <updated>${x(e.updated)}</updated>`,
        e.summary ? `    <summary>${x(e.summary)}</summary>` : '',
        '  </entry>',
      ]
        .filter(Boolean)
        .join('\n'),
    ),
    '</feed>',
    '',
  ].join('\n');
}
