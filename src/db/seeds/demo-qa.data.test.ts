/** The demo 政策问答库 data: enough entries, each with a source, owned by demo units, within the limits. */
import { describe, expect, it } from 'vitest';
import { QA_AUDIENCES, QA_LIMITS, QA_STATES } from '../../modules/qa/qa.model.ts';
import { DEMO_QA_ENTRIES, DEMO_QA_QUESTIONS } from './demo-qa.data.ts';
import { DEMO_COUNTY } from './demo-units.ts';

type Node = { name: string; children?: Node[] };
const unitNames = new Set<string>();
const walk = (u: Node): void => {
  unitNames.add(u.name);
  for (const c of u.children ?? []) walk(c);
};
walk(DEMO_COUNTY);

describe('DEMO_QA_ENTRIES', () => {
  it('holds about 150 entries across at least 10 units, townships among them', () => {
    expect(DEMO_QA_ENTRIES.length).toBeGreaterThanOrEqual(140);
    const units = new Set(DEMO_QA_ENTRIES.map((e) => e.unit));
    expect(units.size).toBeGreaterThanOrEqual(10);
    expect([...units].some((u) => /(镇|乡)人民政府$|街道办事处$/.test(u))).toBe(true);
  });

  it('names only demo units', () => {
    for (const e of DEMO_QA_ENTRIES) expect(unitNames, e.question).toContain(e.unit);
  });

  it('has unique questions, and no alternative phrasing repeats its own question', () => {
    const qs = DEMO_QA_ENTRIES.map((e) => e.question);
    expect(new Set(qs).size).toBe(qs.length);
    for (const e of DEMO_QA_ENTRIES) {
      expect(e.altQuestions, e.question).not.toContain(e.question);
      expect(new Set(e.altQuestions).size, e.question).toBe(e.altQuestions.length);
    }
  });

  it('gives every entry at least one source named by 文号 or title', () => {
    for (const e of DEMO_QA_ENTRIES) {
      expect(e.sources.length, e.question).toBeGreaterThan(0);
      expect(e.sources.length, e.question).toBeLessThanOrEqual(QA_LIMITS.sources);
      for (const s of e.sources)
        expect(Boolean(s.docNumber?.trim() || s.title?.trim()), e.question).toBe(true);
    }
  });

  it('stays within QA_LIMITS and the model’s values', () => {
    for (const e of DEMO_QA_ENTRIES) {
      expect(e.question.trim().length, e.question).toBeGreaterThan(0);
      expect(e.question.length, e.question).toBeLessThanOrEqual(QA_LIMITS.question);
      expect(e.answer.trim().length, e.question).toBeGreaterThan(0);
      expect(e.answer.length, e.question).toBeLessThanOrEqual(QA_LIMITS.answer);
      expect(e.altQuestions.length, e.question).toBeLessThanOrEqual(QA_LIMITS.altQuestions);
      for (const a of e.altQuestions) {
        expect(a.trim().length, e.question).toBeGreaterThan(0);
        expect(a.length, e.question).toBeLessThanOrEqual(QA_LIMITS.altQuestion);
      }
      for (const s of e.sources)
        expect((s.excerpt ?? '').length, e.question).toBeLessThanOrEqual(QA_LIMITS.excerpt);
      expect(e.audiences.length, e.question).toBeGreaterThan(0);
      for (const a of e.audiences) expect(QA_AUDIENCES, e.question).toContain(a);
      if (e.state) expect(QA_STATES, e.question).toContain(e.state);
    }
  });

  it('has a few entries still in the workflow (draft or in review)', () => {
    const pending = DEMO_QA_ENTRIES.filter((e) => e.state === 'draft' || e.state === 'in_review');
    expect(pending.length).toBeGreaterThanOrEqual(2);
    expect(pending.length).toBeLessThanOrEqual(4);
  });
});

describe('DEMO_QA_QUESTIONS', () => {
  it('holds about a dozen unique questions of demo units (or none), some unrouted', () => {
    expect(DEMO_QA_QUESTIONS.length).toBeGreaterThanOrEqual(10);
    const qs = DEMO_QA_QUESTIONS.map((q) => q.question);
    expect(new Set(qs).size).toBe(qs.length);
    expect(DEMO_QA_QUESTIONS.some((q) => q.unit === null)).toBe(true);
    for (const q of DEMO_QA_QUESTIONS) {
      if (q.unit !== null) expect(unitNames, q.question).toContain(q.unit);
      expect(q.question.length, q.question).toBeLessThanOrEqual(QA_LIMITS.askLength);
    }
  });

  it('asks nothing an entry already answers word for word', () => {
    const known = new Set(DEMO_QA_ENTRIES.flatMap((e) => [e.question, ...e.altQuestions]));
    for (const q of DEMO_QA_QUESTIONS) expect(known.has(q.question), q.question).toBe(false);
  });
});
