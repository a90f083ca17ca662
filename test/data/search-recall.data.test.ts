/**
 * The search recall set (issue 14 item 1): queries over the demo documents and the titles each must return.
 * The search tests run it against both engines; this test only checks the file's shape.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const KINDS = [
  'subword',
  'abbreviation',
  'number',
  'docno',
  'traditional',
  'phrase',
  'multiword',
  'colloquial',
] as const;

interface RecallQuery {
  q: string;
  kind: (typeof KINDS)[number];
  mustInclude: string[];
  mustExclude?: string[];
  note?: string;
}

const entries = JSON.parse(
  readFileSync(new URL('./search-recall.json', import.meta.url), 'utf8'),
) as RecallQuery[];

describe('test/data/search-recall.json', () => {
  it('holds at least 70 queries', () => {
    expect(Array.isArray(entries)).toBe(true);
    expect(entries.length).toBeGreaterThanOrEqual(70);
  });

  it('covers every kind, with enough of the kinds the issue names', () => {
    const count = (k: string) => entries.filter((e) => e.kind === k).length;
    for (const k of KINDS) expect(count(k), k).toBeGreaterThan(0);
    expect(count('subword')).toBeGreaterThanOrEqual(20);
    expect(count('abbreviation')).toBeGreaterThanOrEqual(8);
    expect(count('number') + count('docno')).toBeGreaterThanOrEqual(8);
    expect(count('traditional')).toBeGreaterThanOrEqual(8);
  });

  it('has well-formed entries: known kind, non-empty query and mustInclude, no title both wanted and excluded', () => {
    for (const e of entries) {
      expect(
        Object.keys(e).every((k) => ['q', 'kind', 'mustInclude', 'mustExclude', 'note'].includes(k)),
        e.q,
      ).toBe(true);
      expect(KINDS, e.q).toContain(e.kind);
      expect(e.q.trim(), e.q).not.toBe('');
      expect(e.mustInclude.length, e.q).toBeGreaterThan(0);
      for (const t of [...e.mustInclude, ...(e.mustExclude ?? [])]) expect(t.trim(), e.q).not.toBe('');
      for (const t of e.mustExclude ?? []) expect(e.mustInclude, e.q).not.toContain(t);
    }
  });

  it('has no duplicate query', () => {
    const qs = entries.map((e) => e.q);
    expect(new Set(qs).size).toBe(qs.length);
  });
});
