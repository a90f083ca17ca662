/**
 * The answer evaluation set (issue 14 item 3): questions with the documents a correct answer cites, from
 * the demo library and from real corpus pages, and questions nothing answers. The bench (bench/answers.ts)
 * runs it; this test checks the file's shape and, where the corpus is checked out beside the repository,
 * that each referenced page exists and carries the expected title.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

interface ExpectedSource {
  docNumber?: string;
  title?: string;
  article?: string;
}
interface EvalQuestion {
  id: string;
  question: string;
  expect: { sources: ExpectedSource[]; notInForce?: string[] } | { unanswerable: true };
  origin: string;
}

const entries = JSON.parse(
  readFileSync(new URL('./answer-eval.json', import.meta.url), 'utf8'),
) as EvalQuestion[];
const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const answerable = (e: EvalQuestion) => !('unanswerable' in e.expect);

describe('test/data/answer-eval.json', () => {
  it('holds at least 110 questions: 60 from the demo library, 40 from the corpus, 10 unanswerable', () => {
    expect(entries.length).toBeGreaterThanOrEqual(110);
    expect(entries.filter((e) => answerable(e) && e.origin === 'demo').length).toBeGreaterThanOrEqual(60);
    expect(
      entries.filter((e) => answerable(e) && e.origin.startsWith('corpus:')).length,
    ).toBeGreaterThanOrEqual(40);
    expect(entries.filter((e) => !answerable(e)).length).toBeGreaterThanOrEqual(10);
  });

  it('has unique ids and questions', () => {
    const ids = entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^q\d{3}$/);
    const qs = entries.map((e) => e.question);
    expect(new Set(qs).size).toBe(qs.length);
  });

  it('gives every entry either unanswerable or at least one source named by title or 文号', () => {
    for (const e of entries) {
      expect(e.question.trim(), e.id).not.toBe('');
      expect(e.origin === 'demo' || /^corpus:[\w./-]+\.txt$/.test(e.origin), e.id).toBe(true);
      if ('unanswerable' in e.expect) {
        expect(e.expect.unanswerable, e.id).toBe(true);
        continue;
      }
      expect(e.expect.sources.length, e.id).toBeGreaterThan(0);
      for (const s of e.expect.sources) {
        expect(Boolean(s.title?.trim() || s.docNumber?.trim()), e.id).toBe(true);
        if (s.article) expect(s.article, e.id).toMatch(/^第[一二三四五六七八九十百]+条$/);
      }
      for (const t of e.expect.notInForce ?? []) expect(t.trim(), e.id).not.toBe('');
    }
  });

  it.skipIf(!existsSync(CORPUS))('names corpus pages that exist and carry the expected title', () => {
    for (const e of entries.filter((x) => x.origin.startsWith('corpus:') && answerable(x))) {
      const file = `${CORPUS}${e.origin.slice('corpus:'.length)}`;
      expect(existsSync(file), e.id).toBe(true);
      const text = readFileSync(file, 'utf8');
      if ('sources' in e.expect)
        for (const s of e.expect.sources) if (s.title) expect(text, e.id).toContain(s.title);
    }
  });
});
