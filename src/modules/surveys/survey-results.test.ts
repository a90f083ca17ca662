import { describe, expect, it } from 'vitest';
import type { Answer, Question } from './survey.model.ts';
import { computeResults, percent, type ResponseRecord } from './survey-results.ts';

const q = (id: number, kind: Question['kind'], options: string[], required = true): Question => ({
  id,
  position: id,
  kind,
  title: `题${id}`,
  help: '',
  required,
  options,
  minChoices: null,
  maxChoices: null,
  maxLength: kind === 'text' ? 500 : null,
});
const QUESTIONS = [
  q(1, 'single', ['A', 'B', 'C']),
  q(2, 'multiple', ['X', 'Y', 'Z'], false),
  q(3, 'rating', ['很不满意', '不满意', '一般', '满意', '很满意'], false),
  q(4, 'text', [], false),
];
const choice = (...options: number[]): Answer => ({ kind: 'choice', options });
const rating = (r: number): Answer => ({ kind: 'rating', rating: r });
const text = (t: string): Answer => ({ kind: 'text', text: t });
const resp = (id: number, answers: [number, Answer][]): ResponseRecord => ({
  id,
  submittedAt: `2026-03-0${id}T02:00:00Z`,
  answers: new Map(answers),
});
/** Five responses; the expected figures below are computed by hand. */
const RESPONSES = [
  resp(1, [
    [1, choice(0)],
    [2, choice(0, 1)],
    [3, rating(5)],
    [4, text('好')],
  ]),
  resp(2, [
    [1, choice(0)],
    [2, choice(0)],
    [3, rating(4)],
  ]),
  resp(3, [
    [1, choice(1)],
    [2, choice(1, 2)],
    [3, rating(4)],
  ]),
  resp(4, [
    [1, choice(2)],
    [2, choice(0)],
    [3, rating(2)],
    [4, text('再快一些')],
  ]),
  resp(5, [[1, choice(0)]]),
];

describe('computeResults against a hand-computed fixture', () => {
  const r = computeResults(QUESTIONS, RESPONSES);
  const counts = (i: number) => {
    const x = r.questions[i]!;
    return x.kind === 'text' ? [] : x.options.map((o) => [o.count, o.share]);
  };

  it('counts every response', () => expect(r.total).toBe(5));

  it('single choice: shares of the n = 5 who answered', () => {
    expect(r.questions[0]!.answered).toBe(5);
    expect(counts(0)).toEqual([
      [3, 60],
      [1, 20],
      [1, 20],
    ]);
  });

  it('multiple choice: shares of the n = 4 who answered, summing past 100 %', () => {
    expect(r.questions[1]).toMatchObject({ answered: 4, skipped: 1 });
    expect(counts(1)).toEqual([
      [3, 75],
      [2, 50],
      [1, 25],
    ]);
    expect(r.questions[1]!.method).toContain('可超过 100%');
  });

  it('rating: distribution and mean (5 + 4 + 4 + 2) / 4 = 3.75', () => {
    const x = r.questions[2]!;
    expect(counts(2)).toEqual([
      [0, 0],
      [1, 25],
      [0, 0],
      [2, 50],
      [1, 25],
    ]);
    expect(x.kind === 'rating' && x.mean).toBe(3.75);
    expect(x.kind === 'rating' && x.options[0]!.label).toBe('1 分（很不满意）');
    expect(x.method).toContain('n = 4');
  });

  it('text: the answers in submission order, n = 2', () => {
    const x = r.questions[3]!;
    expect(x.kind === 'text' && x.texts).toEqual(['好', '再快一些']);
    expect(x.method).toContain('共 5 份答卷，其中 2 份回答了本题（n = 2）');
  });

  it('a survey without responses has n = 0, shares 0 and no mean', () => {
    const empty = computeResults(QUESTIONS, []);
    expect(empty.questions[2]).toMatchObject({ answered: 0, mean: null });
    expect(counts(0).length).toBe(3);
  });
});

describe('percent: one decimal, half up', () => {
  it.each([
    [1, 3, 33.3],
    [2, 3, 66.7],
    [1, 8, 12.5],
    [1, 6, 16.7],
    [0, 0, 0],
    [7, 7, 100],
  ])('%i of %i = %f %%', (c, n, p) => expect(percent(c, n)).toBe(p));
});
