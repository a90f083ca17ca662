import { describe, expect, it } from 'vitest';
import { parseAnswers, parseQuestion, type Question, textProblem } from './survey.model.ts';

const fieldsOf = (r: ReturnType<typeof parseQuestion>) => (r.ok ? [] : r.problems.map((p) => p.field));

describe('parseQuestion (the staff form of a question)', () => {
  it('accepts a single choice with its options one per line', () => {
    const r = parseQuestion({
      kind: 'single',
      title: '渠道',
      options: '网站\r\n 新媒体 \n\n其他',
      required: '1',
    });
    expect(r).toMatchObject({ ok: true, value: { options: ['网站', '新媒体', '其他'], required: true } });
  });

  it.each([
    [{ kind: 'x', title: 't' }, ['kind']],
    [{ kind: 'single', title: '', options: 'a\nb' }, ['title']],
    [{ kind: 'single', title: 't', options: 'a' }, ['options']],
    [{ kind: 'single', title: 't', options: 'a\na' }, ['options']],
    [{ kind: 'multiple', title: 't', options: 'a\nb\nc', minChoices: '3', maxChoices: '2' }, ['maxChoices']],
    [{ kind: 'multiple', title: 't', options: 'a\nb', minChoices: '5' }, ['minChoices']],
    [{ kind: 'multiple', title: 't', options: 'a\nb', maxChoices: 'x' }, ['maxChoices']],
    [{ kind: 'rating', title: 't', options: '差\n好' }, ['options']],
    [{ kind: 'text', title: 't', maxLength: '5000' }, ['maxLength']],
    [{ kind: 'text', title: '<script>alert(1)</script>' }, ['title']],
  ])('refuses %j naming %j', (fields, expected) => expect(fieldsOf(parseQuestion(fields))).toEqual(expected));

  it('gives a rating the default five labels and a text the default length', () => {
    const rating = parseQuestion({ kind: 'rating', title: '评价' });
    expect(rating.ok && rating.value.options).toHaveLength(5);
    const text = parseQuestion({ kind: 'text', title: '建议', options: 'ignored' });
    expect(text.ok && text.value).toMatchObject({ options: [], maxLength: 500, required: false });
  });
});

const Q = (id: number, kind: Question['kind'], extra: Partial<Question> = {}): Question => ({
  id,
  position: id,
  kind,
  title: `题${id}`,
  help: '',
  required: true,
  options: kind === 'text' ? [] : ['甲', '乙', '丙', '丁', '戊'],
  minChoices: null,
  maxChoices: null,
  maxLength: kind === 'text' ? 10 : null,
  ...extra,
});

describe('parseAnswers (the public questionnaire)', () => {
  const questions = [
    Q(1, 'single'),
    Q(2, 'multiple', { minChoices: 2, maxChoices: 3 }),
    Q(3, 'rating'),
    Q(4, 'text', { required: false }),
  ];

  it('reads every kind of answer', () => {
    const r = parseAnswers(questions, { q1: '1', q2: ['0', '2'], q3: '5', q4: '  很好 ' });
    expect(r.ok && [...r.answers]).toEqual([
      [1, { kind: 'choice', options: [1] }],
      [2, { kind: 'choice', options: [0, 2] }],
      [3, { kind: 'rating', rating: 5 }],
      [4, { kind: 'text', text: '很好' }],
    ]);
  });

  it('names every unanswered required question', () => {
    const r = parseAnswers(questions, {});
    expect(r.ok ? [] : r.problems).toEqual([
      { field: 'q1', message: '请回答第 1 题「题1」' },
      { field: 'q2', message: '请回答第 2 题「题2」' },
      { field: 'q3', message: '请回答第 3 题「题3」' },
    ]);
  });

  it.each([
    [{ q2: ['0'] }, 'q2', '至少选择 2 项'],
    [{ q2: ['0', '1', '2', '3'] }, 'q2', '最多选择 3 项'],
    [{ q1: ['0', '1'] }, 'q1', '只能选择一项'],
    [{ q1: '9' }, 'q1', '选项无效'],
    [{ q3: '6' }, 'q3', '1 到 5 分'],
    [{ q4: '十一个字十一个字十一个' }, 'q4', '不能超过 10 个字'],
    [{ q4: 'a\u0000b' }, 'q4', '控制字符'],
    [{ q4: '<img src=x>' }, 'q4', '网页代码'],
  ])('refuses %j at %s', (bad, field, message) => {
    const r = parseAnswers(questions, { q1: '0', q2: ['0', '1'], q3: '3', ...bad });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0]!.field).toBe(field);
      expect(r.problems[0]!.message).toContain(message);
    }
  });

  it('keeps a plain “a < b” and counts characters, not UTF-16 units', () => {
    expect(textProblem('x', '3 < 5 且 5 > 3', 20)).toBeNull();
    expect(textProblem('x', '𠀀'.repeat(10), 10)).toBeNull();
  });
});
