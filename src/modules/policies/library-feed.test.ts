/** The library's Atom writer and query parser (pure). */
import { describe, expect, it } from 'vitest';
import { libraryFeed } from './library-feed.ts';
import type { LibraryChangeRow, LibraryRow } from './library-public.repository.ts';
import { parseLibraryQuery } from './library-public.service.ts';
import { stateLabel } from './views/library-public-parts.tsx';

const row = (id: number, publishedAt: string, title = `文件${id}`): LibraryRow => ({
  document_id: id,
  unit_id: 1,
  unit_name: '测试县人民政府',
  kind: 'normative',
  title,
  doc_number: `张政规〔2025〕${id}号`,
  registration_number: null,
  issuers: '测试县人民政府',
  published_on: publishedAt.slice(0, 10),
  effective_on: null,
  expires_on: null,
  expiry_source: 'none',
  state: 'in_force',
  certainty: 'official',
  state_since: null,
  topic_id: null,
  published_at: publishedAt,
});

const change = (id: number, documentId: number, createdAt: string, title: string): LibraryChangeRow => ({
  id,
  document_id: documentId,
  event_type: 'repealed',
  occurs_on: createdAt.slice(0, 10),
  certainty: 'official',
  note: null,
  source_document_id: null,
  source_title: '关于废止的决定',
  source_doc_number: null,
  source_public_title: null,
  cancelled_at: null,
  created_at: createdAt,
  title,
  doc_number: null,
});

const feed = (entries: LibraryRow[], changes: LibraryChangeRow[], size = 10) =>
  libraryFeed({
    origin: 'https://gov.example',
    title: '测试县 · 规范性文件库',
    author: '测试县人民政府',
    pagePath: '/library',
    selfPath: '/library/feed.xml',
    fallbackUpdated: '2026-03-02T00:00:00.000Z',
    entries,
    changes,
    size,
  });

describe('library feed', () => {
  it('merges new entries and validity changes newest first, each change with an id of its own', () => {
    const xml = feed(
      [row(1, '2026-01-01T02:00:00.000Z'), row(2, '2026-02-01T02:00:00.000Z')],
      [change(7, 1, '2026-01-15T02:00:00.000Z', '文件1')],
    );
    const titles = [...xml.matchAll(/<entry>\n {4}<id>[^<]+<\/id>\n {4}<title>([^<]+)<\/title>/g)].map(
      (m) => m[1],
    );
    expect(titles).toEqual(['文件2', '废止：文件1', '文件1']);
    expect(xml).toContain('<id>https://gov.example/documents/1#validity-event-7</id>');
    expect(xml).toContain('<updated>2026-02-01T02:00:00.000Z</updated>');
    expect(xml).toContain('<summary>2026-01-15 废止 依据：关于废止的决定</summary>');
  });

  it('keeps only the newest `size` entries and escapes markup and forbidden characters', () => {
    const xml = feed([row(1, '2026-01-01T02:00:00.000Z', '关于<b>“就业”</b> & \u0007创业的通知')], [], 1);
    expect(xml).toContain('<title>关于&lt;b&gt;“就业”&lt;/b&gt; &amp; 创业的通知</title>');
    expect(
      feed([row(1, '2026-01-01T02:00:00.000Z'), row(2, '2026-02-01T02:00:00.000Z')], [], 1),
    ).not.toContain('/documents/1<');
    expect(feed([], [])).toContain('<updated>2026-03-02T00:00:00.000Z</updated>');
  });
});

describe('library query', () => {
  it.each([
    [{ kind: 'normative' }, { kind: 'normative' }, []],
    [{ kind: 'law' }, {}, ['kind']],
    [{ state: 'repealed' }, { state: 'repealed' }, []],
    [{ year: '2025' }, { year: 2025 }, []],
    [{ year: '1900' }, {}, ['year']],
    [{ topic: '0' }, {}, ['topic']],
    [{ unit: '12' }, { unitId: 12 }, []],
    [{ asOf: '2026-02-29' }, {}, ['asOf']],
    [{ asOf: '2024-02-29' }, { asOf: '2024-02-29' }, []],
    [{ issuer: '  发改  ', docNumber: ' 张政规 ' }, { issuer: '发改', docNumber: '张政规' }, []],
  ])('%o', (raw, parsed, fields) => {
    const q = parseLibraryQuery(raw);
    expect(q).toMatchObject(parsed);
    expect(q.problems.map((p) => p.field)).toEqual(fields);
  });

  it('labels presumed and inferred states as such', () => {
    expect(stateLabel('in_force', 'official')).toBe('现行有效');
    expect(stateLabel('in_force', 'presumed')).toBe('现行有效（推定）');
    expect(stateLabel('expired', 'inferred')).toBe('已失效（推定）');
  });
});
